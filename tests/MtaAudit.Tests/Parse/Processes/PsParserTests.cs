using MtaAudit.Facts;
using MtaAudit.Parse.Processes;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Parse.Processes;

public class PsParserTests
{
    private static List<ProcessInfo> Read(string fixture) => PsParser.Parse(Fixture.Output(fixture));

    private static ProcessInfo Pid(List<ProcessInfo> ps, int pid) => Assert.Single(ps, p => p.Pid == pid);

    [Fact]
    public void Ps_elf_without_header_after_netstat_lines_rhel7()
    {
        var ps = Read("linux/ps-elf-postfix-master-rhel7.txt");
        Assert.Equal([1588, 1616, 3504], ps.Select(p => p.Pid));
        var master = Pid(ps, 1588);
        Assert.Equal((1, "root", "/usr/libexec/postfix/master -w"), (master.Ppid, master.User, master.Args));
        Assert.Equal("5 S root      1588     1  0  80   0 - 22924 ep_pol 13:53 ?        00:00:00 /usr/libexec/postfix/master -w", master.Evidence);
        var qmgr = Pid(ps, 1616);
        Assert.Equal((1588, "postfix", "qmgr -l -t unix -u", "qmgr"), (qmgr.Ppid, qmgr.User, qmgr.Args, qmgr.Program));
    }

    [Fact]
    public void Ps_aux_with_header_after_a_prompt_centos7()
    {
        var ps = Read("linux/ps-aux-postfix-master-centos7.txt");
        Assert.Equal(9, ps.Count);
        var master = Pid(ps, 1745);
        Assert.Equal(("root", "/usr/libexec/postfix/master -w", (int?)null), (master.User, master.Args, master.Ppid));
        Assert.Equal(("postfix", "pickup -l -t unix -u"), (Pid(ps, 1751).User, Pid(ps, 1751).Args));
        Assert.Equal("login -- root", Pid(ps, 2601).Args);
        Assert.Equal("-bash", Pid(ps, 2608).Args);
    }

    [Fact]
    public void Ps_aux_without_header_sendmail_proctitles()
    {
        var ps = Read("linux/ps-aux-sendmail-centos7-linpeas.txt");
        Assert.Equal(7, ps.Count);
        Assert.Equal(("root", "sendmail: accepting connections", "sendmail"), (Pid(ps, 3950).User, Pid(ps, 3950).Args, Pid(ps, 3950).Program));
        Assert.Equal(("smmsp", "sendmail: Queue runner@01:00:00 for /var/spool/clientmqueue"), (Pid(ps, 3965).User, Pid(ps, 3965).Args));
    }

    [Fact]
    public void Ps_auxf_forest_art_is_not_part_of_the_command()
    {
        var ps = Read("linux/ps-auxf-postfix-master-amazonlinux2.txt");
        Assert.Equal([2261, 2262, 2263, 2350], ps.Select(p => p.Pid));
        var pickup = Pid(ps, 2262);
        Assert.Equal(("pickup -l -t unix -u", "pickup"), (pickup.Args, pickup.Program));
        Assert.Contains("\\_ pickup", pickup.Evidence);
    }

    [Fact]
    public void Ps_auxwwwf_debian6_among_dpkg_lines()
    {
        var ps = Read("linux/dpkg-l-postfix-and-ps-debian6-squeeze.txt");
        Assert.Equal([17673, 17674, 17675], ps.Select(p => p.Pid));
        Assert.Equal("/usr/lib/postfix/master", Pid(ps, 17673).Args);
        Assert.Equal("qmgr -l -t fifo -u", Pid(ps, 17675).Args);
    }

    [Fact]
    public void Ps_auxww_indented_and_a_garbled_line_is_dropped_not_misread()
    {
        var ps = Read("linux/ps-auxww-sendmail-rhel5-sysvinit.txt");
        // Line 3 of the source runs two ps lines together; its columns do not fit, so it yields nothing.
        Assert.Equal([1, 21737, 21756, 21764, 21776, 21786], ps.Select(p => p.Pid));
        Assert.Equal("init [3]", Pid(ps, 1).Args);
        Assert.Equal("xinetd -stayalive -pidfile /var/run/xinetd.pid", Pid(ps, 21737).Args);
        Assert.Equal("sendmail: accepting connections", Pid(ps, 21756).Args);
    }

    [Fact]
    public void Ps_aux_per_recipient_children_keep_their_proctitle()
    {
        var ps = Read("linux/ps-sendmail-per-recipient-proctitles-rhel5.txt");
        Assert.Equal([1528, 825, 31759], ps.Select(p => p.Pid));
        Assert.Equal("sendmail: ./p8NMgM0X031218 dimaventures.com.org.: user open", Pid(ps, 1528).Args);
    }

    [Fact]
    public void Ps_ax_without_user_or_ppid()
    {
        var ps = Read("linux/ps-ax-sendmail-on-port-25-linux-2000.txt");
        Assert.Equal([20941, 22244, 22331], ps.Select(p => p.Pid));
        var sm = Pid(ps, 22244);
        Assert.Equal(("sendmail: accepting connections on port 25", (string?)null, (int?)null), (sm.Args, sm.User, sm.Ppid));
        Assert.Equal("in.telnetd: manos.timpanogas.org", Pid(ps, 22331).Args);
    }

    [Fact]
    public void Ps_ax_with_tabs_after_a_prompt()
    {
        var p = Assert.Single(Read("generic/ps-ax-sendmail-accepting-connections-on-port-25-absguide.txt"));
        Assert.Equal((295, "sendmail: accepting connections on port 25"), (p.Pid, p.Args));
    }

    [Fact]
    public void Ps_ef_without_header_redhat_legacy()
    {
        var ps = Read("linux/ps-ef-sendmail-redhat-legacy.txt");
        Assert.Equal(9, ps.Count);
        var sm = Pid(ps, 604);
        Assert.Equal((1, "root", "sendmail: accepting connections"), (sm.Ppid, sm.User, sm.Args));
        Assert.Equal("xfs -droppriv -daemon -port -1", Pid(ps, 667).Args);
        Assert.Equal("daemon", Pid(ps, 488).User);
    }

    [Fact]
    public void Ps_o_with_state_column_linux22_cron_child()
    {
        var ps = Read("linux/ps-o-args-linux-2.2-sendmail-cron-child-spacewalk-fixture.txt");
        Assert.Equal([1, 639, 30090, 30107], ps.Select(p => p.Pid));
        var child = Pid(ps, 30107);
        Assert.Equal((30090, (string?)null, "/usr/sbin/sendmail -FCronDaemon -odi -oem root"), (child.Ppid, child.User, child.Args));
    }

    [Fact]
    public void Ps_o_solaris8_keeps_inner_spaces_of_the_command()
    {
        var ps = Read("solaris/ps-o-args-sendmail-solaris8-spacewalk-fixture.txt");
        Assert.Equal(27, ps.Count);
        Assert.Equal((1, "/usr/lib/sendmail -bd -q15m"), (Pid(ps, 191).Ppid, Pid(ps, 191).Args));
        Assert.Equal("/usr/lib/saf/ttymon -g -h -p freddy console login:  -T sun -d /dev/console -l c", Pid(ps, 218).Args);
        Assert.Equal((0, "sched"), (Pid(ps, 0).Ppid, Pid(ps, 0).Args));
    }

    [Fact]
    public void Ps_o_irix()
    {
        var ps = Read("generic/ps-irix-sendmail-spacewalk-fixture.txt");
        Assert.Equal([1, 363, 101], ps.Select(p => p.Pid));
        Assert.Equal((1, "/usr/lib/sendmail -bd -q15m"), (Pid(ps, 363).Ppid, Pid(ps, 363).Args));
    }

    // Captured on the helper's Debian 12 machine (procps-ng 4.0.2), see the fixture header.
    [Theory]
    [InlineData("ps -o pid,ppid,user,args -p 4933,4935", "root")]
    [InlineData("ps -o pid,ppid,ruser,args -p 4933,4935", "root")]
    [InlineData("ps -o pid,ppid,uid,cmd -p 4933,4935", "0")]
    [InlineData("ps -f -p 4933,4935", "root")]
    [InlineData("ps -lf -p 4933,4935", "root")]
    [InlineData("ps u -p 4933,4935", "root")]
    public void Header_names_any_column_set_debian12(string command, string user)
    {
        var ps = PsParser.Parse(HostFixtureCommands.Of("linux/debian12-ps-o-variants-captured.txt", command));
        Assert.Equal([4933, 4935], ps.Select(p => p.Pid));
        Assert.Equal("/root/.pyenv/versions/3.11.7/bin/python3 /tmp/listen_capture.py", ps[0].Args);
        Assert.Equal("sleep 600", ps[1].Args);
        Assert.All(ps, p => Assert.Equal(user, p.User));
        if (!command.StartsWith("ps u", StringComparison.Ordinal)) Assert.All(ps, p => Assert.Equal(1, p.Ppid));
    }

    [Fact]
    public void Column_after_the_command_is_read_from_the_end_debian12()
    {
        var ps = PsParser.Parse(HostFixtureCommands.Of("linux/debian12-ps-o-variants-captured.txt", "ps -o user,pid,args,ppid -p 4933,4935"));
        Assert.Equal([4933, 4935], ps.Select(p => p.Pid));
        Assert.Equal(("/root/.pyenv/versions/3.11.", 1), (ps[0].Args, ps[0].Ppid));
        Assert.Equal(("sleep 600", 1), (ps[1].Args, ps[1].Ppid));
    }

    [Fact]
    public void Garbage_never_throws_and_never_invents_an_empty_command()
    {
        foreach (var text in GarbageText.All())
        {
            var ps = PsParser.Parse(text);
            Assert.All(ps, p => Assert.False(string.IsNullOrWhiteSpace(p.Args)));
        }
        Assert.Empty(PsParser.Parse(""));
        Assert.Empty(PsParser.Parse("ps: command not found\n"));
    }
}

public class PsParserUnixTests
{
    [Fact]
    public void Aix_ps_ef_two_token_stime_and_dash_tty()
    {
        var p = Assert.Single(PsParser.Parse(Fixture.Output("aix/ps-ef-aix-month-day-stime-tcl-comment.txt")));
        Assert.Equal((176310, 1, "root"), (p.Pid, p.Ppid, p.User));
        Assert.Equal("/usr/local/sbin/syslog-ng -f /usr/local/etc/syslog-ng.conf", p.Args);
    }
}
