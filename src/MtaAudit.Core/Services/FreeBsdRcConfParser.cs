using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Parse;

namespace MtaAudit.Services;

/// <summary>
/// <c>file.freebsd.rc.conf</c>: FreeBSD boot switches <c>NAME_enable="YES"</c> in /etc/rc.conf (after
/// /etc/defaults/rc.conf when both are given, so the last assignment of a name wins, as rc does).
/// Every <c>*_enable</c> becomes a record named without the suffix: sendmail, sendmail_submit,
/// sendmail_outbound, sendmail_msp_queue, postfix, exim, smtpd (OpenSMTPD)… YES/TRUE/ON/1 → Enabled true
/// (rc's checkyesno), NO/FALSE/OFF/0 → false; sendmail_enable="NONE" (old releases: no sendmail at all) → false.
/// Running is null.
/// </summary>
public sealed partial class FreeBsdRcConfParser : IProbeParser
{
    public const string Manager = "rc.conf";
    public IReadOnlyList<string> Probes { get; } = ["file.freebsd.rc.conf"];

    public void Apply(EvidenceSection section, HostFacts facts) => facts.Services.AddRange(Parse(section.Text));

    public static List<ServiceRecord> Parse(string text)
    {
        var last = new Dictionary<string, ServiceRecord>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var raw in TextLines.Split(text ?? ""))
        {
            var m = EnableLine().Match(raw);
            if (!m.Success) continue;
            var name = m.Groups["name"].Value;
            var value = m.Groups["value"].Value;
            bool? enabled = value.ToUpperInvariant() switch
            {
                "YES" or "TRUE" or "ON" or "1" => true,
                "NO" or "FALSE" or "OFF" or "0" or "NONE" => false,
                _ => null,
            };
            if (!last.ContainsKey(name)) order.Add(name);
            last[name] = new ServiceRecord(Manager, name, null, enabled, $"{name}_enable={value}", raw.Trim());
        }
        return order.Select(n => last[n]).ToList();
    }

    [GeneratedRegex("""^\s*(?<name>[A-Za-z][A-Za-z0-9_]*)_enable=(?<q>["']?)(?<value>[^"'\s#;]*)\k<q>\s*(;.*|#.*)?$""")]
    private static partial Regex EnableLine();
}
