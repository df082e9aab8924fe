using MtaAudit.Evidence;
using MtaAudit.Parse.Network;

namespace MtaAudit.Render;

/// <summary>
/// A bundle's collecting account (header <c>user: root|nonroot</c>) and the host's addresses: a header
/// line (<c>ip:</c>, <c>ips:</c>, <c>addresses:</c>) or the collector's address probe, read by
/// <see cref="AddressParser"/> (<c>net.addr</c>: <c>ip -o addr</c>, <c>ifconfig -a</c>, <c>netstat -in</c>),
/// loopback and link-local left out. Without either, the context says why the addresses are unknown.
/// </summary>
public static class HostContextReader
{
    private static readonly string[] AddressHeaders = ["ip", "ips", "addresses", "ip-addresses", "addrs"];

    public static HostContext Of(EvidenceBundle b)
    {
        var user = b.Headers.GetValueOrDefault("user");
        var (found, unknown) = Read(b);
        return unknown is null ? new HostContext(user, found) : new HostContext(user, []) { AddressesUnknown = unknown };
    }

    /// <summary>The host's addresses, or none when they are unknown.</summary>
    public static IReadOnlyList<string> Addresses(EvidenceBundle b) => Read(b).Found;

    private static (IReadOnlyList<string> Found, Facts.UnknownReason? Unknown) Read(EvidenceBundle b)
    {
        var found = new List<string>();
        foreach (var h in AddressHeaders)
            if (b.Headers.GetValueOrDefault(h) is { } v)
                foreach (var part in v.Split([' ', ',', ';', '\t'], StringSplitOptions.RemoveEmptyEntries)) AddressParser.Keep(found, part.Split('/')[0]);
        if (found.Count > 0) return (found, null);
        var fact = AddressParser.FactOf(b.Sections);
        return fact.IsKnown ? (fact.Value!, null) : ([], fact.Reason);
    }
}
