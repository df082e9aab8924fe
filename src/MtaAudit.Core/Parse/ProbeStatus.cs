using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Parse;

/// <summary>
/// What each probe establishes, from its section's attributes alone: known (it answered in full),
/// unknown (skipped, timed out, cut, failed, not root) or not applicable (rc=absent: the program is
/// not there, which is itself an answer). Several sections of one probe: the worst one counts.
/// </summary>
public static class ProbeStatus
{
    public static void Record(EvidenceSection s, HostFacts facts)
    {
        if (s.Attributes.TryGetValue("unsafe", out var why) && s.Path is { } path)
            facts.Refused.Add(new RefusedBinary(TerminalText.Clean(path), TerminalText.Clean(why), $"{s}: not run: {TerminalText.Clean(why)}"));
        var state = Of(s);
        if (facts.ProbeStates.TryGetValue(s.Probe, out var old) && Rank(old) >= Rank(state)) return;
        facts.ProbeStates[s.Probe] = state;
    }

    /// <summary>Problems worth a line in the report: what was skipped, and what a normal user could not see.</summary>
    public static void Finish(HostFacts facts)
    {
        var skipped = facts.ProbeStates.Values.Where(f => f.Reason == UnknownReason.Skipped).Select(f => f.Probe).ToList();
        if (skipped.Count > 0)
            facts.Problems.Add(Glossary.Say("problem.skipped", ("probes", string.Join(", ", skipped))));
    }

    private static int Rank(Fact<string> f) => f.State switch
    {
        FactState.Unknown => 2,
        FactState.Known => 1,
        _ => 0,
    };

    public static Fact<string> Of(EvidenceSection s)
    {
        var id = s.Probe;
        switch (s.Outcome)
        {
            case ProbeOutcome.Skipped: return Fact<string>.Unknown(UnknownReason.Skipped, id);
            case ProbeOutcome.Timeout: return Fact<string>.Unknown(s.Cut ? UnknownReason.Cut : UnknownReason.TimedOut, id);
            case ProbeOutcome.Unknown: return Fact<string>.Unknown(UnknownReason.Failed, id);
            case ProbeOutcome.Absent:
                if (s.Attributes.ContainsKey("unsafe")) return Fact<string>.Unknown(UnknownReason.Unsafe, id);
                if (s.NeedsRoot) return Fact<string>.Unknown(UnknownReason.NotRoot, id);
                return Fact<string>.NotApplicable(id);
        }
        if (s.Cut) return Fact<string>.Unknown(UnknownReason.Cut, id);
        // A normal user's ss/netstat lists every listener but not its owner: the sockets are read, and an
        // SMTP port without an owner makes "running" unknown (UsageJudge), so the listing itself stands.
        if (s.NeedsRoot && id is not ("net.listen" or "proc.ns")) return Fact<string>.Unknown(UnknownReason.NotRoot, id);
        if (s.ExitCode is { } rc && !Answered(s, rc)) return Fact<string>.Unknown(UnknownReason.Failed, id);
        return Fact<string>.Known($"rc={s.RcText}", id);
    }

    /// <summary>Exit statuses with which a probe's command still answered in full.</summary>
    private static bool Answered(EvidenceSection s, int rc) => s.Probe switch
    {
        // The version readers decide from the text (a wrapper's rc 64 is an answer: "not Sendmail").
        _ when s.Probe.StartsWith("mta.", StringComparison.Ordinal) && s.Probe.EndsWith(".version", StringComparison.Ordinal) => true,
        "proc.ns" => true,
        // ls of candidate paths: 1 and 2 say some were missing, which is what it is there to find out.
        "mta.binaries" => rc is 0 or 1 or 2,
        // dpkg-query -W: 1 when a requested name is unknown; the rest of the list is complete.
        "pkg.dpkg" => rc is 0 or 1,
        // list-unit-files with patterns exits 1 when no unit matches: "no such unit" is the answer.
        "svc.systemd.enabled" => rc is 0 or 1,
        "svc.sysv" => rc is 0 or 1,
        "pkg.updates" => Vendor.PendingUpdatesParser.ExitCodeAnswered(s.Path, rc),
        _ => rc == 0,
    };
}
