using MtaAudit.Services;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Services;

public class SysvParserTests
{
    [Fact]
    public void Reads_chkconfig_before_and_after_turning_postfix_on()
    {
        var records = SysvParser.Parse(Fixture.Output("linux/chkconfig-list-postfix-and-service-status-centos6.txt"));

        Assert.Equal(3, records.Count);
        // "service postfix status" first: the script names Postfix's master.
        Assert.Equal("master", records[0].Name);
        Assert.False(records[0].Running);
        Assert.Null(records[0].Enabled);
        var chk = records.Skip(1).ToList();
        Assert.All(chk, r => Assert.Equal("postfix", r.Name));
        Assert.All(chk, r => Assert.Null(r.Running));
        Assert.False(chk[0].Enabled);
        Assert.True(chk[1].Enabled);
        Assert.Equal("0:off 1:off 2:on 3:on 4:on 5:on 6:off", chk[1].State);
    }

    [Fact]
    public void Reads_init_script_status_lines()
    {
        var records = SysvParser.Parse(Fixture.Output("linux/service-sendmail-status-sysv-rhel6.txt"));

        Assert.Equal(["sendmail", "sm-client"], records.Select(r => r.Name));
        Assert.All(records, r => Assert.True(r.Running));
        Assert.All(records, r => Assert.Null(r.Enabled));
        Assert.Equal("sendmail (pid  538) is running...", records[0].Evidence);
    }

    [Fact]
    public void Reads_chkconfig_after_the_systemd_notice()
    {
        var records = SysvParser.Parse(Fixture.Output("linux/chkconfig-on-systemd-rhel7-note-and-forwarding.txt"));

        Assert.Equal(2, records.Count);
        Assert.False(records.Single(r => r.Name == "netconsole").Enabled);
        Assert.True(records.Single(r => r.Name == "network").Enabled);
    }

    [Fact]
    public void Reads_rc_directory_links_per_run_level()
    {
        var records = SysvParser.Parse(Fixture.Output("linux/local-debian12-ls-l-etc-rc-d.txt"));

        Assert.Equal(["hwclock.sh", "postgresql", "dbus", "procps", "x11-common"], records.Select(r => r.Name));
        Assert.All(records, r => Assert.Equal("sysv", r.Manager));
        Assert.All(records, r => Assert.Null(r.Running));
        var pg = records.Single(r => r.Name == "postgresql");
        Assert.True(pg.Enabled);
        Assert.Equal("S in rc2,rc3,rc4,rc5; K in rc0,rc1,rc6", pg.State);
        Assert.Contains("rc2.d/S01postgresql", pg.Evidence);
        Assert.True(records.Single(r => r.Name == "hwclock.sh").Enabled); // early boot, rcS.d
    }

    [Fact]
    public void Only_kill_links_mean_not_enabled()
    {
        // The rc0.d and rc6.d parts of the listing: halt and reboot only stop things.
        var rc0 = Fixture.Between("linux/local-debian12-ls-l-etc-rc-d.txt", "/etc/rc0.d:", "/etc/rc1.d:");
        var records = SysvParser.Parse("/etc/rc0.d:\n" + rc0);

        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.False(r.Enabled));
        Assert.Equal("K in rc0", records[0].State);
    }

    [Fact]
    public void Takes_the_run_level_of_a_single_directory_from_the_command()
    {
        var rc3 = Fixture.Between("linux/local-debian12-ls-l-etc-rc-d.txt", "/etc/rc3.d:", "/etc/rc4.d:");

        var unnamed = SysvParser.Parse(rc3);
        Assert.All(unnamed, r => Assert.Null(r.Enabled)); // S links, but in which run level?

        var named = SysvParser.Parse(rc3, "ls -l /etc/rc3.d");
        Assert.Equal(2, named.Count);
        Assert.All(named, r => Assert.True(r.Enabled));
    }
}
