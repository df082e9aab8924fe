using System.Net;
using System.Text.RegularExpressions;
using MtaAudit.Evidence;

namespace MtaAudit.Render;

/// <summary>
/// A bundle's collecting account (header <c>user: root|nonroot</c>) and the host's addresses:
/// a header line (<c>ip:</c>, <c>ips:</c>, <c>addresses:</c>) or an address probe's output
/// (<c>net.addr*</c>, <c>net.ip*</c>: <c>ip addr</c>, <c>ifconfig</c>, <c>netstat -in</c>), loopback
/// and link-local left out. A bundle with neither says nothing and the reports print 확인 불가.
/// </summary>
public static partial class HostContextReader
{
    private static readonly string[] AddressHeaders = ["ip", "ips", "addresses", "ip-addresses", "addrs"];

    public static HostContext Of(EvidenceBundle b)
    {
        var user = b.Headers.GetValueOrDefault("user");
        var found = new List<string>();
        foreach (var h in AddressHeaders)
            if (b.Headers.GetValueOrDefault(h) is { } v)
                foreach (var part in v.Split([' ', ',', ';', '\t'], StringSplitOptions.RemoveEmptyEntries)) Keep(found, part.Split('/')[0]);
        if (found.Count == 0)
            foreach (var s in b.Sections)
                if (s.Outcome == ProbeOutcome.Ran && (s.Probe.StartsWith("net.addr", StringComparison.Ordinal) || s.Probe.StartsWith("net.ip", StringComparison.Ordinal)))
                    foreach (Match m in Inet().Matches(s.Text)) Keep(found, m.Groups[1].Value);
        return new HostContext(user, found);
    }

    private static void Keep(List<string> found, string text)
    {
        if (!IPAddress.TryParse(text.Split('%')[0], out var ip)) return;
        if (IPAddress.IsLoopback(ip) || ip.IsIPv6LinkLocal || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)) return;
        var s = ip.ToString();
        if (!found.Contains(s)) found.Add(s);
    }

    [GeneratedRegex(@"\binet6?\s+(?:addr:\s*)?([0-9A-Fa-f:.]+[0-9A-Fa-f])")]
    private static partial Regex Inet();
}
