using MtaAudit.Facts;

namespace MtaAudit.Assess;

/// <summary>
/// Host-wide limits on a verdict: a host is GOOD (or NA) only when every fact that could show a mail
/// service is known, no mail port has an owner the evidence cannot name, and nothing posing as an MTA
/// under a stranger's account runs. Also says what was set apart (containers' daemons) and what a
/// normal user's run could not see.
/// </summary>
public static class HostEvidence
{
    public static Verdict Check(HostFacts facts, List<MtaEvidence> gathered, List<MtaFinding> findings, Verdict verdict, List<Localized> reasons)
    {
        var elsewhere = gathered.SelectMany(e => e.InContainers.Select(p => (e.Definition.DisplayName, p))).ToList();
        if (elsewhere.Count > 0)
        {
            var list = string.Join(", ", elsewhere.Select(x => $"{x.DisplayName} ({x.p.Container}, pid {x.p.Pid})").Distinct().Take(10));
            reasons.Add(Glossary.Say("host.in-containers", ("list", list)));
        }
        foreach (var r in facts.Refused)
            reasons.Add(Glossary.Say("host.unsafe", ("path", r.Path), ("why", Unsafe(r.Reason))));
        if (facts.Root == false)
            reasons.Add(Glossary.Say("host.nonroot"));

        var unknown = EvidenceModel.Unknowns(facts, [U45Fact.InstalledMtas]);
        if (verdict == Verdict.Manual && findings.Count == 0 && unknown.Count > 0)
            reasons.AddRange(unknown.Select(u => u.Describe())); // MANUAL, and how to settle it by hand
        if (verdict is not (Verdict.Good or Verdict.NotApplicable)) return verdict;

        var turned = false;
        if (unknown.Count > 0)
        {
            turned = true;
            reasons.Add(Glossary.Say("host.facts-unknown"));
            reasons.AddRange(unknown.Select(u => u.Describe()));
        }
        var unowned = MtaEvidence.UnownedMailListeners(facts);
        if (unowned.Count > 0 && !findings.Any(f => f.Running == true))
        {
            turned = true;
            var ports = string.Join(", ", unowned.Select(s => $"{s.Address}:{s.Port}").Distinct().Take(6));
            reasons.Add(Glossary.Say("host.unowned-port", ("ports", ports), ("how", EvidenceModel.ManualCommand(U45Fact.Running, "net.listen", facts.Os))));
        }
        var impostors = gathered.SelectMany(e => e.Impostors.Select(p => (e.Definition.DisplayName, p))).ToList();
        if (impostors.Count > 0)
        {
            turned = true;
            var list = string.Join(", ", impostors.Select(x => $"pid {x.p.Pid} user {x.p.User}: {TerminalText.Clean(x.p.Args)}").Take(5));
            reasons.Add(Glossary.Say("host.impostors", ("list", list)));
        }
        return turned ? Verdict.Manual : verdict;
    }

    /// <summary>"writable:/usr/local/sbin/sendmail" or "owner-uid-1000:/opt/x" in words.</summary>
    private static Localized Unsafe(string why)
    {
        int colon = why.IndexOf(':');
        var (kind, path) = colon > 0 ? (why[..colon], why[(colon + 1)..]) : (why, "");
        if (kind == "writable") return Glossary.Say("host.unsafe-writable", ("path", path));
        if (kind.StartsWith("owner-uid-", StringComparison.Ordinal))
            return Glossary.Say("host.unsafe-owner", ("path", path), ("uid", kind["owner-uid-".Length..]));
        return Glossary.Same(why);
    }

    /// <summary>What an MTA's finding should say about processes that were not counted as it.</summary>
    public static IEnumerable<Localized> About(MtaEvidence e)
    {
        if (e.Impostors.Count > 0)
        {
            var list = string.Join(", ", e.Impostors.Take(5).Select(p => $"pid {p.Pid} user {p.User}"));
            yield return Glossary.Say("host.not-counted", ("mta", e.Definition.DisplayName), ("list", list));
        }
        if (e.InContainers.Count > 0)
        {
            var list = string.Join(", ", e.InContainers.Select(p => p.Container).Distinct().Take(5));
            yield return Glossary.Say("host.mta-in-containers", ("mta", e.Definition.DisplayName), ("list", list));
        }
    }
}
