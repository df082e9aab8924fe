using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Parse;

namespace MtaAudit.Services;

/// <summary>
/// <c>svc.smf</c>: Solaris <c>svcs -a</c> ("STATE STIME FMRI"; also plain <c>svcs</c>, <c>svcs NAME</c> and
/// their <c>| grep</c> forms), plus the <c>svcs -l FMRI</c> ("fmri …", "enabled true", "state online")
/// and <c>svcs -x FMRI</c> ("svc:/… (description)" then "State: online since …") forms pasted by hand.
/// Name is the FMRI (<c>svc:/network/smtp:sendmail</c>, legacy rc scripts <c>lrc:/etc/rc2_d/S88sendmail</c>).
/// Records are not merged: a session holding <c>svcs</c> and <c>svcs -x</c> of one service gives two.
/// </summary>
public sealed class SmfParser : IProbeParser
{
    public const string Manager = "smf";
    public IReadOnlyList<string> Probes { get; } = ["svc.smf"];

    public void Apply(EvidenceSection section, HostFacts facts) => facts.Services.AddRange(Parse(section.Text));

    /// <summary>
    /// (Running, Enabled) of an SMF state.
    /// online: running and enabled. degraded: running at reduced capacity, enabled.
    /// legacy_run: an rc script ran at boot (so it is running in SMF's eyes); SMF does not manage it, so
    /// "enabled" means nothing → null. disabled: neither. offline: enabled but waiting for a dependency,
    /// not running. maintenance: enabled but failed, not running. uninitialized: the restarter has not
    /// read the service yet (early boot, or its restarter such as inetd is down) → neither is known.
    /// A trailing '*' (online*, offline*) marks a service in transition to another state: both null.
    /// </summary>
    public static (bool? Running, bool? Enabled) Meaning(string state)
    {
        if (state.EndsWith('*')) return (null, null);
        return state switch
        {
            "online" or "degraded" => (true, true),
            "legacy_run" => (true, null),
            "disabled" => (false, false),
            "offline" or "maintenance" => (false, true),
            _ => (null, null),
        };
    }

    private static bool IsState(string w) => w.TrimEnd('*') is
        "online" or "offline" or "disabled" or "maintenance" or "legacy_run" or "uninitialized" or "degraded";

    private static bool IsFmri(string w) =>
        w.Length > 5 && (w.StartsWith("svc:/", StringComparison.Ordinal) || w.StartsWith("lrc:/", StringComparison.Ordinal));

    public static List<ServiceRecord> Parse(string text)
    {
        var records = new List<ServiceRecord>();
        LongForm? longForm = null;   // svcs -l block being read
        string? explainFmri = null;  // svcs -x block being read
        string? explainLine = null;
        foreach (var raw in TextLines.Split(text ?? ""))
        {
            var line = raw.Trim();
            var w = ServiceText.Words(line);
            if (w.Length == 0) continue;

            // svcs -a row: STATE STIME FMRI (STIME is one word: 06:46:52, Jan_12).
            if (w.Length == 3 && IsState(w[0]) && IsFmri(w[2]))
            {
                var (running, enabled) = Meaning(w[0]);
                records.Add(new ServiceRecord(Manager, w[2], running, enabled, w[0], line));
                continue;
            }

            // svcs -l: "fmri X" opens a block; "enabled" and "state" fill it.
            if (w[0] == "fmri" && w.Length == 2 && IsFmri(w[1]))
            {
                FlushLong(longForm, records);
                longForm = new LongForm(w[1], line);
                continue;
            }
            if (longForm is not null && w.Length >= 2 && (w[0] == "enabled" || w[0] == "state"))
            {
                if (w[0] == "enabled") longForm.Enabled = w[1] switch { "true" => true, "false" => false, _ => null };
                else longForm.State = w[1];
                longForm.Evidence.Add(line);
                continue;
            }

            // svcs -x: "svc:/network/smtp:sendmail (description)" then "State: online since …".
            if (IsFmri(w[0]) && (w.Length == 1 || w[1].StartsWith('(')))
            {
                explainFmri = w[0];
                explainLine = line;
                continue;
            }
            if (explainFmri is not null && w[0] == "State:" && w.Length >= 2)
            {
                var (running, enabled) = Meaning(w[1]);
                records.Add(new ServiceRecord(Manager, explainFmri, running, enabled, w[1], $"{explainLine} | {line}"));
                explainFmri = null;
            }
        }
        FlushLong(longForm, records);
        return records;
    }

    private static void FlushLong(LongForm? b, List<ServiceRecord> records)
    {
        if (b is null || (b.State is null && b.Enabled is null)) return;
        var (running, enabledFromState) = b.State is null ? (null, null) : Meaning(b.State);
        // The "enabled" line is SMF's own answer; the state only guesses it.
        records.Add(new ServiceRecord(Manager, b.Fmri, running, b.Enabled ?? enabledFromState,
            b.State ?? "", string.Join(" | ", b.Evidence)));
    }

    private sealed class LongForm(string fmri, string line)
    {
        public string Fmri { get; } = fmri;
        public List<string> Evidence { get; } = [line];
        public bool? Enabled { get; set; }
        public string? State { get; set; }
    }
}
