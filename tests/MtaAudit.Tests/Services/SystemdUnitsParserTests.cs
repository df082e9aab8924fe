using MtaAudit.Facts;
using MtaAudit.Services;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Services;

public class SystemdUnitsParserTests
{
    [Fact]
    public void Reads_every_row_of_the_debian_running_list()
    {
        var records = SystemdUnitsParser.Parse(Fixture.Output("linux/systemctl-list-units-running-postfix-instance-debian.txt"));

        Assert.Equal(19, records.Count);
        Assert.All(records, r => Assert.Equal("systemd", r.Manager));
        Assert.All(records, r => Assert.Equal(true, r.Running));
        Assert.All(records, r => Assert.Null(r.Enabled)); // list-units does not say what starts at boot
        Assert.Equal(2, records.Count(r => r.Name == "postfix@-.service"));
        var postfix = records.First(r => r.Name == "postfix@-.service");
        Assert.Equal("loaded active running", postfix.State);
        Assert.StartsWith("postfix@-.service", postfix.Evidence);
        Assert.Contains(records, r => r.Name == "nezha-agent-cca8bee.service"); // non-ASCII description
        Assert.Equal("cron.service", records[0].Name);
        Assert.Equal("pve-firewall.service", records[^1].Name);
    }

    [Theory]
    // Words as systemd prints them in the ACTIVE and SUB columns.
    [InlineData("active", "running", true)]
    [InlineData("active", "exited", null)]   // Debian 11+ postfix.service: a oneshot, proves nothing
    [InlineData("active", "reload", true)]
    [InlineData("inactive", "dead", false)]
    [InlineData("failed", "failed", false)]
    [InlineData("activating", "auto-restart", null)]
    [InlineData("deactivating", "stop-sigterm", null)]
    public void Reads_active_and_sub_words(string active, string sub, bool? running)
    {
        Assert.Equal(running, SystemdStates.Running(active, sub));
    }

    [Fact]
    public void Skips_status_text_and_prose()
    {
        // A status block is not a list-units row: nothing here has the LOAD ACTIVE SUB columns.
        Assert.Empty(SystemdUnitsParser.Parse(Fixture.Output("linux/systemctl-status-postfix-centos7.txt")));
        Assert.Empty(SystemdUnitsParser.Parse(Fixture.Output("linux/systemctl-is-active-postfix-and-ss-netstat-port25.txt")));
    }
}
