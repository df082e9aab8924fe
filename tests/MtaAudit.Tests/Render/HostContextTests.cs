using MtaAudit.Render;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Render;

/// <summary>The collecting account and the host's addresses, from the bundle header or an address probe.</summary>
public class HostContextTests
{
    [Fact]
    public void Account_and_addresses_come_from_the_header_without_loopback_or_link_local()
    {
        var text = File.ReadAllText(Fixture.PathOf("testhosts/deb12-postfix.evidence"))
            .Replace("\nhost: ", "\nip: 10.213.3.2/24, 127.0.0.1 fe80::1 2001:db8::5\nhost: ", StringComparison.Ordinal);
        var b = MtaAudit.Evidence.BundleReader.Read(text, "t").Single().Bundle!;
        var c = HostContextReader.Of(b);
        Assert.Equal("root", c.Account);
        Assert.Equal(["10.213.3.2", "2001:db8::5"], c.Addresses);
    }

    [Fact]
    public void Addresses_come_from_this_machines_real_ip_addr_output_in_an_address_probe()
    {
        ReportSamples.Require("ip", "iproute2");
        // Captured now, on this machine: `ip -o addr show`, as a collector's net.addr probe would print it.
        var (code, output, err) = ReportSamples.Run("ip", ["-o", "addr", "show"]);
        Assert.True(code == 0, err);
        var expected = System.Text.RegularExpressions.Regex.Matches(output, @"\binet6? ([0-9a-f:.]+)/")
            .Select(m => System.Net.IPAddress.Parse(m.Groups[1].Value))
            .Where(a => !System.Net.IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal).Select(a => a.ToString()).Distinct().ToList();
        var b = Bundles.Of("here", ("probe=net.addr rc=0 cmd=ip -o addr show", output));
        Assert.Equal(expected, HostContextReader.Of(b).Addresses);
        Assert.Null(HostContextReader.Of(b).Account);
        Assert.Empty(HostContextReader.Of(Bundles.Of("bare")).Addresses);
    }
}
