using System.Net;
using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Parse.Network;

/// <summary>
/// <c>net.addr</c>: the host's own addresses, for the report only (never for the judgement). Reads
/// Linux <c>ip -o addr show</c>, <c>ifconfig -a</c> in its Linux (old "inet addr:" and new), Solaris and
/// AIX forms, and HP-UX <c>netstat -in</c> (its ifconfig wants an interface name). Loopback,
/// link-local and unspecified addresses are left out; each address once, in the order printed.
/// </summary>
public sealed partial class AddressParser : IProbeParser
{
    public const string Probe = "net.addr";
    public IReadOnlyList<string> Probes { get; } = [Probe];

    public void Apply(EvidenceSection section, HostFacts facts)
    {
        if (!ProbeStatus.Of(section).IsKnown) return;
        foreach (var a in Parse(section.Text))
            if (!facts.AddressList.Contains(a)) facts.AddressList.Add(a);
    }

    /// <summary>
    /// The addresses a bundle shows, as a fact: known (possibly empty: only loopback) when an address
    /// probe answered, else unknown with the reason (not collected, no such program, failed, cut…).
    /// Probes named <c>net.addr*</c> or <c>net.ip*</c> count, so hand-made bundles can carry them too.
    /// </summary>
    public static Fact<IReadOnlyList<string>> FactOf(IEnumerable<EvidenceSection> sections)
    {
        var found = new List<string>();
        UnknownReason? why = null;
        bool any = false, known = false;
        foreach (var s in sections)
        {
            if (!s.Probe.StartsWith("net.addr", StringComparison.Ordinal) && !s.Probe.StartsWith("net.ip", StringComparison.Ordinal)) continue;
            any = true;
            var state = ProbeStatus.Of(s);
            if (state.IsKnown)
            {
                known = true;
                foreach (var a in Parse(s.Text)) if (!found.Contains(a)) found.Add(a);
            }
            else why ??= state.Reason ?? UnknownReason.Absent;
        }
        if (known) return Fact<IReadOnlyList<string>>.Known(found, Probe);
        return Fact<IReadOnlyList<string>>.Unknown(any ? why ?? UnknownReason.Failed : UnknownReason.NotCollected, Probe);
    }

    /// <summary>The addresses in one output of <c>ip -o addr</c>, <c>ifconfig -a</c> or <c>netstat -in</c>.</summary>
    public static IReadOnlyList<string> Parse(string text)
    {
        var found = new List<string>();
        text ??= "";
        foreach (Match m in Inet().Matches(text)) Keep(found, m.Groups[1].Value);
        // netstat -in (HP-UX, also AIX and Solaris): a table whose heading names an Address column;
        // a down interface prints "none" there.
        int column = -1;
        foreach (var line in text.Split('\n'))
        {
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0) continue;
            if (f[0] == "Name") { column = Array.IndexOf(f, "Address"); continue; }
            if (column > 0 && f.Length > column) Keep(found, f[column].Split('/')[0]);
        }
        return found;
    }

    /// <summary>Adds a real address of this host once; loopback, link-local and unspecified ones are not.</summary>
    public static void Keep(List<string> found, string text)
    {
        // WHY the dot or colon: IPAddress.TryParse reads "4136" (an MTU) as 0.0.16.40.
        if (text.IndexOfAny(['.', ':']) < 0 || !IPAddress.TryParse(text.Split('%')[0], out var ip)) return;
        if (IPAddress.IsLoopback(ip) || ip.IsIPv6LinkLocal || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)) return;
        var s = ip.ToString();
        if (!found.Contains(s)) found.Add(s);
    }

    [GeneratedRegex(@"\binet6?\s+(?:addr:\s*)?([0-9A-Fa-f:.]+[0-9A-Fa-f])")]
    private static partial Regex Inet();
}
