using MtaAudit.Services;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Services;

public class SystemdStatusParserTests
{
    [Theory]
    [InlineData("linux/systemctl-status-postfix-centos7.txt", "postfix.service", true)]
    [InlineData("linux/systemctl-status-postfix-amazonlinux2.txt", "postfix.service", true)]
    [InlineData("linux/systemctl-status-postfix-opensuse-leap42-ascii-tree.txt", "postfix.service", true)] // '*' mark
    [InlineData("linux/systemctl-status-sendmail-centos8-tasks-memory.txt", "sendmail.service", true)]
    [InlineData("linux/systemctl-status-sendmail-fedora-2013-check_systemd_service.txt", "sendmail.service", true)] // no mark, no preset
    [InlineData("linux/yum-list-exim-and-systemctl-status-exim-centos7-epel.txt", "exim.service", true)]
    [InlineData("linux/postfix-check-warnings-and-systemctl-status-archlinux.txt", "postfix.service", false)] // started by hand
    public void Reads_one_running_unit(string fixture, string unit, bool enabled)
    {
        var r = Assert.Single(SystemdStatusParser.Parse(Fixture.Output(fixture)));
        Assert.Equal("systemd", r.Manager);
        Assert.Equal(unit, r.Name);
        Assert.True(r.Running);
        Assert.Equal(enabled, r.Enabled);
        Assert.Contains("active (running)", r.State);
    }

    [Fact]
    public void Reads_an_lsb_unit_generated_from_an_init_script()
    {
        var r = Assert.Single(SystemdStatusParser.Parse(Fixture.Output("linux/systemctl-status-exim4-lsb-debian9.txt")));
        Assert.Equal("exim4.service", r.Name);
        Assert.True(r.Running);
        Assert.Null(r.Enabled); // "generated": the rc?.d links decide
        Assert.Equal("loaded (generated), active (running)", r.State);
    }

    [Fact]
    public void Reads_a_failed_unit_behind_an_html_escaped_mark()
    {
        var r = Assert.Single(SystemdStatusParser.Parse(Fixture.Output("linux/systemctl-status-exim4-failed-ubuntu1804.txt")));
        Assert.Equal("exim4.service", r.Name);
        Assert.False(r.Running);
        Assert.Contains("failed (Result: exit-code)", r.State);
    }

    [Fact]
    public void Reads_a_not_found_unit_and_the_next_block()
    {
        var records = SystemdStatusParser.Parse(Fixture.Output("linux/service-redirect-sendmail-not-found-and-systemctl-status-postfix-centos8.txt"));

        Assert.Equal(2, records.Count);
        Assert.Equal("sendmail.service", records[0].Name);
        Assert.False(records[0].Running);
        Assert.Null(records[0].Enabled);
        Assert.Equal("not-found", records[0].State);
        Assert.Equal("postfix.service", records[1].Name);
        Assert.True(records[1].Running);
        Assert.True(records[1].Enabled);
    }

    [Fact]
    public void Reads_two_sessions_of_one_unit_in_order()
    {
        var records = SystemdStatusParser.Parse(Fixture.Output("linux/systemctl-status-sendmail-rhel8-kodekloud-and-rpm-qf.txt"));

        Assert.Equal(2, records.Count);
        Assert.False(records[0].Enabled); // "disabled; vendor preset: disabled" yet running
        Assert.True(records[0].Running);
        Assert.True(records[1].Enabled);
    }
}
