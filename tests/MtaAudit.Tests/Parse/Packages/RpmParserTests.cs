using MtaAudit.Parse.Packages;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Parse.Packages;

public class RpmParserTests
{
    [Fact]
    public void Collector_query_format_keeps_epoch_including_zero()
    {
        // Real rpm 4.18 output on the build machine (throw-away packages built with rpmbuild).
        var p = RpmParser.Parse(Fixture.Output("debian12-local/rpm-qf-collector-format-and-nvra-rpmbuild.txt"));
        Assert.Equal(4, p.Count);
        Assert.Equal(("mta-audit-format-check", "2:3.5.8-8.el8", "noarch"), (p[0].Name, p[0].Version, p[0].Arch));
        Assert.Equal(("mta-audit-format-check-noepoch", "0:3.5.8-8.el8", "x86_64"), (p[1].Name, p[1].Version, p[1].Arch));
        // The same packages as NVRA words: names keep their dashes, no epoch is shown.
        Assert.Equal(("mta-audit-format-check", "3.5.8-8.el8", "noarch"), (p[2].Name, p[2].Version, p[2].Arch));
        Assert.Equal(("mta-audit-format-check-noepoch", "3.5.8-8.el8", "x86_64"), (p[3].Name, p[3].Version, p[3].Arch));
        Assert.All(p, x => Assert.Equal("rpm", x.Manager));
    }

    [Fact]
    public void Nvra_lines_in_a_terminal_session_and_not_installed_lines()
    {
        var p = RpmParser.Parse(Fixture.Output("linux/rhel6.8-mta-audit-session-postfix-stopped.txt"));
        Assert.Equal(2, p.Count);
        Assert.Equal(("mailx", "12.4-8.el6_6", "x86_64"), (p[0].Name, p[0].Version, p[0].Arch));
        Assert.Equal(("postfix", "2.6.6-6.el6_7.1", "x86_64"), (p[1].Name, p[1].Version, p[1].Arch));
        Assert.DoesNotContain(p, x => x.Name is "sendmail" or "s-nail");
    }

    [Fact]
    public void Package_not_installed_gives_nothing()
    {
        Assert.Empty(RpmParser.Parse(Fixture.Output("linux/rpm-q-sendmail-not-installed-serverspec.txt")));
    }

    [Fact]
    public void Rpm_qf_answer_among_other_commands()
    {
        var p = RpmParser.Parse(Fixture.Output("linux/systemctl-status-sendmail-rhel8-kodekloud-and-rpm-qf.txt"));
        var sendmail = Assert.Single(p);
        Assert.Equal(("sendmail", "8.15.2-34.el8", "x86_64"), (sendmail.Name, sendmail.Version, sendmail.Arch));
    }

    [Fact]
    public void Yum_list_counts_installed_rows_only()
    {
        var p = RpmParser.Parse(Fixture.Output("linux/yum-list-exim-and-systemctl-status-exim-centos7-epel.txt"));
        var exim = Assert.Single(p);
        Assert.Equal(("exim", "4.72-5.el6", "x86_64"), (exim.Name, exim.Version, exim.Arch));
    }

    [Fact]
    public void Other_outputs_give_no_packages()
    {
        Assert.Empty(RpmParser.Parse(Fixture.Output("linux/dpkg-l-postfix-ubuntu-9.10-excerpt.txt")));
        Assert.Empty(RpmParser.Parse(Fixture.Output("linux/ps-auxww-sendmail-rhel5-sysvinit.txt")));
        Assert.Empty(RpmParser.Parse(Fixture.Output("debian12-local/ls-l-missing-mta-candidates.txt")));
    }
}
