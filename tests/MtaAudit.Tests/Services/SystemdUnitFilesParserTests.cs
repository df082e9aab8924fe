using MtaAudit.Services;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Services;

public class SystemdUnitFilesParserTests
{
    private const string PostfixPackage = "linux/local-debian12-systemctl-list-unit-files-postfix-package.txt";

    [Fact]
    public void Reads_state_and_preset_columns_of_the_postfix_package()
    {
        var text = Fixture.Between(PostfixPackage, "--no-legend", "$");
        var records = SystemdUnitFilesParser.Parse(text);

        Assert.Equal(3, records.Count);
        var main = records.Single(r => r.Name == "postfix.service");
        Assert.True(main.Enabled);
        Assert.Null(main.Running);
        Assert.Equal("enabled", main.State);
        var template = records.Single(r => r.Name == "postfix@.service");
        Assert.Equal("indirect", template.State);
        Assert.Null(template.Enabled); // only postfix.service, which pulls its instance in, tells
        var masked = records.Single(r => r.Name == "postfix-resolvconf.service");
        Assert.False(masked.Enabled);
    }

    [Fact]
    public void Skips_the_legend_and_footer()
    {
        var text = Fixture.Between(PostfixPackage, "list-unit-files --type=service --no-pager", "$");
        Assert.Contains("3 unit files listed.", text);
        var records = SystemdUnitFilesParser.Parse(text);
        Assert.Equal(["postfix-resolvconf.service", "postfix.service", "postfix@.service"], records.Select(r => r.Name));
    }

    [Fact]
    public void Reads_a_whole_host_list_with_static_and_alias_as_unknown()
    {
        var records = SystemdUnitFilesParser.Parse(Fixture.Output("linux/local-debian12-systemctl-list-unit-files-host.txt"));

        Assert.True(records.Count > 40);
        Assert.True(records.Single(r => r.Name == "postgresql.service").Enabled);
        Assert.False(records.Single(r => r.Name == "postgresql@.service").Enabled);
        Assert.False(records.Single(r => r.Name == "cryptdisks.service").Enabled); // masked
        Assert.Null(records.Single(r => r.Name == "dbus.service").Enabled);        // static
        Assert.Null(records.Single(r => r.Name == "autovt@.service").Enabled);     // alias
    }

    [Fact]
    public void Reads_the_older_state_only_form()
    {
        // RHEL 7's systemd prints no PRESET column.
        var records = SystemdUnitFilesParser.Parse(Fixture.Output("linux/chkconfig-on-systemd-rhel7-note-and-forwarding.txt"));
        var httpd = Assert.Single(records);
        Assert.Equal("httpd.service", httpd.Name);
        Assert.True(httpd.Enabled);
    }

    [Fact]
    public void Names_bare_is_enabled_answers_from_the_prompt_lines()
    {
        var records = SystemdUnitFilesParser.Parse(Fixture.Output("linux/systemctl-is-enabled-enabled-vs-masked-ubuntu1504.txt"));

        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal("ssh.service", r.Name));
        Assert.True(records[0].Enabled);
        Assert.Equal("masked", records[1].State);
        Assert.False(records[1].Enabled);
    }

    [Fact]
    public void Names_a_bare_is_enabled_answer_from_the_section_command()
    {
        var text = Fixture.Between(PostfixPackage, "$ systemctl is-enabled postfix@.service", "$");
        Assert.Equal("indirect", text.Trim());

        Assert.Empty(SystemdUnitFilesParser.Parse(text)); // no unit named anywhere: nothing to record
        var r = Assert.Single(SystemdUnitFilesParser.Parse(text, "systemctl is-enabled postfix@.service"));
        Assert.Equal("postfix@.service", r.Name);
        Assert.Equal("indirect", r.State);
        Assert.Null(r.Enabled);

        var fromShortName = Assert.Single(SystemdUnitFilesParser.Parse(
            Fixture.Between(PostfixPackage, "$ systemctl is-enabled postfix-resolvconf.service", "$"), "systemctl is-enabled postfix-resolvconf"));
        Assert.Equal("postfix-resolvconf.service", fromShortName.Name);
        Assert.False(fromShortName.Enabled);
    }

    [Fact]
    public void A_missing_unit_does_not_shift_the_answers_of_the_others()
    {
        // stderr's message comes first, though systemctl answered postfix.service before failing.
        var text = Fixture.Output("linux/local-debian12-systemctl-is-enabled-missing-unit.txt");
        var r = Assert.Single(SystemdUnitFilesParser.Parse(text,
            "systemctl is-enabled postfix.service nosuch.service postfix-resolvconf.service 2>&1"));
        Assert.Equal("postfix.service", r.Name);
        Assert.True(r.Enabled);
    }

    [Fact]
    public void A_sysv_only_service_gives_no_unit_file_record()
    {
        Assert.Empty(SystemdUnitFilesParser.Parse(Fixture.Output("linux/systemctl-is-enabled-no-unit-file-debian8-ubuntu15.txt")));
    }

    [Theory]
    [InlineData("enabled", true)]
    [InlineData("enabled-runtime", true)]
    [InlineData("linked", true)]
    [InlineData("indirect", null)]
    [InlineData("disabled", false)]
    [InlineData("masked", false)]
    [InlineData("masked-runtime", false)]
    [InlineData("static", null)]
    [InlineData("generated", null)]
    [InlineData("transient", null)]
    [InlineData("alias", null)]
    [InlineData("bad", null)]
    public void Reads_unit_file_state_words(string state, bool? enabled)
    {
        Assert.Equal(enabled, SystemdStates.Enabled(state));
    }
}
