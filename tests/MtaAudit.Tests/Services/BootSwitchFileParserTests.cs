using MtaAudit.Services;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Services;

public class BootSwitchFileParserTests
{
    [Fact]
    public void Aix_commented_sendmail_start_line_is_disabled()
    {
        var r = Assert.Single(AixRcTcpipParser.Parse(Fixture.Output("aix/rc.tcpip-sendmail-start-line-commented.txt")));
        Assert.Equal("rc.tcpip", r.Manager);
        Assert.Equal("sendmail", r.Name);
        Assert.False(r.Enabled);
        Assert.Null(r.Running);
        Assert.Equal("start line commented out", r.State);
        Assert.Equal("#start /usr/lib/sendmail \"$src_running\" \"-bd -q${qpi}\"", r.Evidence);
    }

    [Fact]
    public void Aix_live_sendmail_start_line_is_enabled()
    {
        // The fixture's own note: "enabled form lacks the leading '#'".
        var line = Fixture.Output("aix/rc.tcpip-sendmail-start-line-commented.txt").TrimStart('#');
        var r = Assert.Single(AixRcTcpipParser.Parse(line));
        Assert.True(r.Enabled);
        Assert.Equal("start line active", r.State);
    }

    [Fact]
    public void Aix_file_without_a_sendmail_line_never_starts_it_but_a_partial_file_does_not_tell()
    {
        // The Debian 12 rc listing stands in for "a file with no sendmail line".
        var other = Fixture.Output("linux/local-debian12-ls-l-etc-rc-d.txt");
        var r = Assert.Single(AixRcTcpipParser.Parse(other));
        Assert.Equal("sendmail", r.Name);
        Assert.False(r.Enabled);
        Assert.Equal("no start line", r.State);

        Assert.Empty(AixRcTcpipParser.Parse(other, complete: false));
    }

    [Fact]
    public void Hpux_last_sendmail_server_assignment_wins()
    {
        var r = Assert.Single(HpuxMailservsParser.Parse(Fixture.Output("hpux/rc.config.d-mailservs-documented-lines.txt")));
        Assert.Equal("mailservs", r.Manager);
        Assert.Equal("sendmail", r.Name);
        Assert.True(r.Enabled);
        Assert.Null(r.Running);
        Assert.Equal("SENDMAIL_SERVER=1", r.State);
        Assert.Equal("SENDMAIL_SERVER=1", r.Evidence);
    }

    [Fact]
    public void Hpux_guide_change_to_zero_disables()
    {
        // The QEMU notes quoted in the fixture: 'export SENDMAIL_SERVER=1' becomes 'export SENDMAIL_SERVER=0'.
        var first = Fixture.Output("hpux/rc.config.d-mailservs-documented-lines.txt").Split('\n')[0];
        Assert.Equal("export SENDMAIL_SERVER=1", first);
        var r = Assert.Single(HpuxMailservsParser.Parse(first.Replace("=1", "=0")));
        Assert.False(r.Enabled);
        Assert.Equal("SENDMAIL_SERVER=0", r.State);
    }

    [Fact]
    public void FreeBsd_defaults_read_per_switch()
    {
        var records = FreeBsdRcConfParser.Parse(Fixture.Output("freebsd/mailer-conf-and-rc-conf-sendmail-defaults-freebsd13.txt"));

        Assert.Equal(["sendmail", "sendmail_submit", "sendmail_outbound", "sendmail_msp_queue"], records.Select(r => r.Name));
        Assert.All(records, r => Assert.Equal("rc.conf", r.Manager));
        Assert.False(records[0].Enabled);
        Assert.Equal("sendmail_enable=NO", records[0].State);
        Assert.True(records[1].Enabled);
        Assert.True(records[3].Enabled);
    }
}
