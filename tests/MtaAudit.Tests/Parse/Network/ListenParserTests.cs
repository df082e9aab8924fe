using MtaAudit.Facts;
using MtaAudit.Parse.Network;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Parse.Network;

public class ListenParserTests
{
    private const string Captured = "linux/debian12-ss-netstat-listeners-captured.txt";

    private static (string, int, string?, int?)[] Shape(IEnumerable<ListeningSocket> sockets) =>
        sockets.Select(s => (s.Address, s.Port, s.ProcessName, s.Pid)).ToArray();

    [Fact]
    public void Ss_and_netstat_lines_grepped_from_a_postfix_host()
    {
        var sockets = ListenParser.Parse(Fixture.Output("linux/systemctl-is-active-postfix-and-ss-netstat-port25.txt"));
        Assert.Equal([("127.0.0.1", 25, "master", 8317), ("127.0.0.1", 25, "master", 8317)], Shape(sockets));
        Assert.All(sockets, s => Assert.True(s.IsLoopbackOnly));
        Assert.StartsWith("    tcp   LISTEN", sockets[0].Evidence);
    }

    [Fact]
    public void Netstat_nap_ipv4_and_ipv6_loopback_rhel7()
    {
        var sockets = ListenParser.Parse(Fixture.Output("linux/ps-elf-postfix-master-rhel7.txt"));
        Assert.Equal([("127.0.0.1", 25, "master", 1588), ("::1", 25, "master", 1588)], Shape(sockets));
        Assert.All(sockets, s => Assert.True(s.IsLoopbackOnly));
    }

    // Captured on the helper's Debian 12 machine (see the fixture header): python3 listening on
    // 0.0.0.0:25, 127.0.0.1:25565, [::]:25 and [::1]:587; port 2024 is the machine's own agent.
    [Theory]
    [InlineData("ss -ltnp")]
    [InlineData("ss -tulpn")] // the udp line is not a TCP listener
    [InlineData("ss -tanp")]  // ESTAB and TIME-WAIT lines are not listeners
    public void Ss_with_processes_debian12(string command)
    {
        var sockets = ListenParser.Parse(HostFixtureCommands.Of(Captured, command));
        Assert.Equal(
        [
            ("0.0.0.0", 2024, null, null),
            ("0.0.0.0", 25, "python3", 4933),
            ("127.0.0.1", 25565, "python3", 4933),
            ("::", 25, "python3", 4933),
            ("::1", 587, "python3", 4933),
        ], Shape(sockets));
    }

    [Theory]
    [InlineData("ss -ltn")]
    [InlineData("netstat -ltn")]
    [InlineData("netstat -an")] // ESTABLISHED, TIME_WAIT, udp and the UNIX sockets' LISTENING are skipped
    public void Without_processes_debian12(string command)
    {
        var sockets = ListenParser.Parse(HostFixtureCommands.Of(Captured, command));
        Assert.Equal(
        [
            ("0.0.0.0", 2024, null, null),
            ("0.0.0.0", 25, null, null),
            ("127.0.0.1", 25565, null, null),
            ("::", 25, null, null),
            ("::1", 587, null, null),
        ], Shape(sockets));
    }

    [Fact]
    public void Netstat_ltnp_program_column_debian12()
    {
        var sockets = ListenParser.Parse(HostFixtureCommands.Of(Captured, "netstat -ltnp"));
        Assert.Equal(
        [
            ("0.0.0.0", 2024, null, null),
            ("0.0.0.0", 25, "python3", 4933),
            ("127.0.0.1", 25565, "python3", 4933),
            ("::", 25, "python3", 4933),
            ("::1", 587, "python3", 4933),
        ], Shape(sockets));
    }

    [Theory]
    [InlineData("ss -ltp")]
    [InlineData("netstat -ltp")]
    public void Service_names_without_n_are_read_for_mail_ports_debian12(string command)
    {
        var sockets = ListenParser.Parse(HostFixtureCommands.Of(Captured, command));
        Assert.Equal([2024, 25, 25565, 25, 587], sockets.Select(s => s.Port));
        Assert.Equal("::", sockets[3].Address);
    }

    [Fact]
    public void Port_25565_is_not_port_25()
    {
        var sockets = ListenParser.Parse(HostFixtureCommands.Of(Captured, "ss -ltn"));
        var minecraftish = Assert.Single(sockets, s => s.Address == "127.0.0.1");
        Assert.Equal(25565, minecraftish.Port);
        Assert.Equal(2, sockets.Count(s => s.Port == 25));
        Assert.DoesNotContain(sockets, s => s.Port == 25 && s.Evidence.Contains("25565"));
    }

    // Address notations of each tool, as the ss/netstat manuals and outputs write them (not outputs themselves):
    // Linux uses a colon before the port, Solaris, AIX, HP-UX and the BSDs a dot.
    [Theory]
    [InlineData("0.0.0.0:25", "0.0.0.0", 25)]
    [InlineData("[::]:25", "::", 25)]
    [InlineData(":::25", "::", 25)]
    [InlineData("*:25", "*", 25)]
    [InlineData("127.0.0.53%lo:53", "127.0.0.53", 53)]
    [InlineData("[fe80::1%eth0]:25", "fe80::1", 25)]
    [InlineData("*.25", "*", 25)]
    [InlineData("127.0.0.1.25", "127.0.0.1", 25)]
    [InlineData("::1.25", "::1", 25)]
    [InlineData("127.0.0.1:25565", "127.0.0.1", 25565)]
    public void Address_and_port_split(string text, string address, int port)
    {
        Assert.True(SocketAddress.TrySplit(text, out var a, out var p));
        Assert.Equal((address, port), (a, p));
    }

    [Theory]
    [InlineData("*.*")]
    [InlineData("0.0.0.0:*")]
    [InlineData(":25")]
    [InlineData("host:70000")]
    [InlineData("25")]
    [InlineData("")]
    public void Not_an_address_and_port(string text) => Assert.False(SocketAddress.TrySplit(text, out _, out _));

    [Fact]
    public void Garbage_never_throws_and_every_record_has_a_real_port()
    {
        foreach (var text in GarbageText.All())
            Assert.All(ListenParser.Parse(text), s => Assert.InRange(s.Port, 0, 65535));
        Assert.Empty(ListenParser.Parse(""));
        Assert.Empty(ListenParser.Parse("netstat: command not found\n"));
    }
}

public class ListenParserUnixTests
{
    [Fact]
    public void Solaris_netstat_an_sections_ipv4_and_ipv6()
    {
        var sockets = ListenParser.Parse(Fixture.Output("solaris/netstat-an-solaris-spacewalk-fixture.txt"));
        // IDLE, ESTABLISHED, TIME_WAIT and the UNIX sockets are not listeners; *.22 is listed twice in IPv4.
        Assert.Equal(
        [
            ("*", 22, null, null), ("*", 22, null, null),
            ("*", 22, null, null), ("*", 30, null, null), ("*", 25, null, null),
        ], sockets.Select(s => (s.Address, s.Port, s.ProcessName, s.Pid)).ToArray());
        Assert.DoesNotContain(sockets, s => s.IsLoopbackOnly);
    }

    [Fact]
    public void Aix_netstat_Aan_with_pcb_column()
    {
        var sockets = ListenParser.Parse(Fixture.Output("aix/netstat-Aan-aix7.3-gopsutil-test.txt"));
        Assert.Equal(
        [
            ("*", 22), ("*", 22), ("*", 25), ("::1", 6010),
        ], sockets.Select(s => (s.Address, s.Port)).ToArray());
        Assert.True(sockets[3].IsLoopbackOnly);
        Assert.StartsWith("f1000f000017f3c0 tcp4", sockets[2].Evidence);
    }
}
