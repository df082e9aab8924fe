using MtaAudit.Facts;
using MtaAudit.Parse;
using MtaAudit.Parse.Network;
using MtaAudit.Render;
using MtaAudit.Tests.Render;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Parse.Network;

/// <summary>net.addr: the host's own addresses from real ip, ifconfig and netstat -in outputs of each OS.</summary>
public class AddressParserTests
{
    [Theory]
    // This machine (captured here): loopback and the fe80:: link-local address left out.
    [InlineData("linux/ip-o-addr-show-thishost.txt", "192.0.2.2,fd00::2")]
    [InlineData("linux/ifconfig-a-thishost.txt", "192.0.2.2,fd00::2")]
    // net-tools' older "inet addr:" form (CentOS 5.5).
    [InlineData("linux/ifconfig-a-centos5.5-facter-fixture.txt", "100.100.100.92")]
    // Solaris: IPv4 and IPv6 blocks per interface, a logical bge0:1 carrying the global IPv6 address.
    [InlineData("solaris/ifconfig-a-solaris-dhcp-facter-fixture.txt", "192.168.162.130")]
    [InlineData("solaris/ifconfig-a-sunos-ipv6-global-facter-fixture.txt", "131.252.209.59,2610:10:20:209:203:baff:fe27:a7c")]
    // AIX: hex netmasks, tcp_sendspace lines, inet6 ::1%1/0 on lo0.
    [InlineData("aix/ifconfig-a-aix-facter-fixture.txt", "10.16.45.25")]
    // HP-UX netstat -in: the Address column; a down lan3* prints "none", an APA lan4:1 its own address.
    [InlineData("hpux/netstat-in-hpux11.31-facter-fixture.txt", "10.1.54.36,192.168.30.152")]
    [InlineData("hpux/netstat-in-hpux11.31-nic-bonding-facter-fixture.txt", "192.168.1.197,192.168.30.32,192.168.32.75")]
    public void Real_outputs_give_the_hosts_addresses_without_loopback(string fixture, string expected)
    {
        Assert.Equal(expected.Split(','), AddressParser.Parse(Fixture.Output(fixture)));
    }

    [Fact]
    public void Mtu_and_packet_counts_of_netstat_in_are_never_taken_for_addresses()
    {
        // "4136" (lo0's MTU) and the counters parse as IPv4 numbers if read carelessly.
        var found = AddressParser.Parse(Fixture.Output("hpux/netstat-in-hpux11.31-nic-bonding-facter-fixture.txt"));
        Assert.All(found, a => Assert.Equal(3, a.Count(c => c == '.')));
        Assert.DoesNotContain("127.0.0.1", found);
    }

    [Fact]
    public void A_bundle_with_the_probe_gives_a_known_fact_through_the_parse_stage_and_the_report_context()
    {
        var output = Fixture.Output("hpux/netstat-in-hpux11.31-facter-fixture.txt");
        var b = Bundles.Of("hp1", ("probe=net.addr rc=0 cmd=netstat -in", output));
        var facts = FactsBuilder.Build(b);
        Assert.True(facts.Addresses.IsKnown, facts.Addresses.ToString());
        Assert.Equal(["10.1.54.36", "192.168.30.152"], facts.Addresses.Value!);
        var ctx = HostContextReader.Of(b);
        Assert.Equal(["10.1.54.36", "192.168.30.152"], ctx.Addresses);
        Assert.Null(ctx.AddressesUnknown);
        Assert.Equal("10.1.54.36, 192.168.30.152", new Words(Lang.Ko).Addresses(ctx));
    }

    [Fact]
    public void Only_loopback_is_known_and_empty_not_unknown()
    {
        var lo = string.Join("\n", Fixture.Output("linux/ip-o-addr-show-thishost.txt").Split('\n').Where(l => l.StartsWith("1: lo", StringComparison.Ordinal)));
        Assert.NotEmpty(lo);
        var ctx = HostContextReader.Of(Bundles.Of("lo-only", ("probe=net.addr rc=0 cmd=ip -o addr show", lo)));
        Assert.Empty(ctx.Addresses);
        Assert.Null(ctx.AddressesUnknown);
        Assert.Equal("루프백 외 주소 없음", new Words(Lang.Ko).Addresses(ctx));
        Assert.Equal("none besides loopback", new Words(Lang.En).Addresses(ctx));
    }

    [Theory]
    [InlineData(null, UnknownReason.NotCollected, "확인 불가 (수집되지 않음)")]
    [InlineData("probe=net.addr rc=absent cmd=ifconfig -a", UnknownReason.Absent, "확인 불가 (해당 프로그램 없음)")]
    [InlineData("probe=net.addr rc=timeout cmd=ifconfig -a", UnknownReason.TimedOut, "확인 불가 (시간 초과)")]
    [InlineData("probe=net.addr rc=1 cmd=ip -o addr show", UnknownReason.Failed, "확인 불가 (명령 실패)")]
    [InlineData("probe=net.addr rc=0 cut=yes cmd=ip -o addr show", UnknownReason.Cut, "확인 불가 (출력이 크기 제한에서 잘림)")]
    public void No_answer_makes_the_addresses_unknown_with_the_reason(string? attributes, UnknownReason why, string korean)
    {
        var output = Fixture.Output("linux/ip-o-addr-show-thishost.txt");
        var b = attributes is null ? Bundles.Of("h") : Bundles.Of("h", (attributes, attributes.Contains("absent") ? "" : output));
        var fact = AddressParser.FactOf(b.Sections);
        Assert.True(fact.IsUnknown);
        Assert.Equal(why, fact.Reason);
        Assert.Equal(why, FactsBuilder.Build(b).Addresses.Reason);
        var ctx = HostContextReader.Of(b);
        Assert.Empty(ctx.Addresses);
        Assert.Equal(why, ctx.AddressesUnknown);
        Assert.Equal(korean, new Words(Lang.Ko).Addresses(ctx));
    }

    [Fact]
    public void Json_keeps_the_unknown_reason_and_an_empty_known_list_apart_and_reads_both_back()
    {
        var judged = Bundles.Judge(Bundles.Of("h"), MtaAudit.Assess.Policy.Vendor);
        var unknown = new HostContext("root", []) { AddressesUnknown = UnknownReason.TimedOut };
        var none = new HostContext("root", []);
        var bytes = ReportSamples.Render("json", [(judged, unknown), (judged with { Host = "h2" }, none)]);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Contains("\"addressesUnknown\": \"timed-out\"", text, StringComparison.Ordinal);
        Assert.Contains("\"addresses\": []", text, StringComparison.Ordinal);
        var back = JsonReport.Read(new MemoryStream(bytes)).Hosts.Select(JsonReport.ToHost).ToList();
        Assert.Equal(UnknownReason.TimedOut, back[0].Item2.AddressesUnknown);
        Assert.Null(back[1].Item2.AddressesUnknown);
        Assert.Empty(back[1].Item2.Addresses);
    }
}
