using System.Globalization;
using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Parse.Queue;

/// <summary>
/// <c>mta.queue</c>: how many messages each MTA's queue holds, one line a queue: "postfix 0 postqueue -j",
/// "exim 3 /usr/sbin/exim4 -bpc", "sendmail unknown find qf* … (exit 1)". The collector only ever counts, so
/// the section holds numbers, never a message or an address. A count is kept only from a probe that ran and
/// was not cut; "unknown" is no count. Read by the fix plan's hints only, never by the judgement.
/// </summary>
public sealed class MailQueueParser : IProbeParser
{
    public const string Probe = "mta.queue";
    public IReadOnlyList<string> Probes { get; } = [Probe];

    public void Apply(EvidenceSection section, HostFacts facts)
    {
        if (section.Outcome != ProbeOutcome.Ran || section.Attributes.ContainsKey("cut")) return;
        foreach (var (mta, count) in Parse(section.Text))
            facts.QueuedMessages[mta] = facts.QueuedMessages.TryGetValue(mta, out var n) ? n + count : count;
    }

    public static List<(string Mta, int Count)> Parse(string text)
    {
        var list = new List<(string, int)>();
        foreach (var line in (text ?? "").Split('\n'))
        {
            var w = line.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            if (w.Length >= 2 && w[0] is "postfix" or "exim" or "sendmail" or "opensmtpd"
                && int.TryParse(w[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                list.Add((w[0], n));
        }
        return list;
    }
}
