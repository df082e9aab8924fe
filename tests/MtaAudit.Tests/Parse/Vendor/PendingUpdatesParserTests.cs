using MtaAudit.Parse;
using MtaAudit.Parse.Vendor;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Parse.Vendor;

public class PendingUpdatesParserTests
{
    [Fact]
    public void Testhost_apt_cache_policy_up_to_date_is_checked_and_none_pending()
    {
        var section = TestHostBundles.Section("deb12-exim", PendingUpdatesParser.Probe);
        Assert.Equal("apt", section.Path);
        Assert.Contains("Candidate: 4.96-15+deb12u11", section.Text);
        Assert.Empty(PendingUpdatesParser.Parse(section.Text));

        var facts = TestHostBundles.Facts("deb12-exim");
        Assert.True(facts.Has(PendingUpdatesParser.Probe));
        Assert.Empty(facts.Updates);
        Assert.DoesNotContain(facts.Problems, p => p.En.Contains(PendingUpdatesParser.Probe));
    }

    [Theory]
    [InlineData("deb11-postfix")]
    [InlineData("deb13-none")] // "no MTA package installed"
    [InlineData("deb13-sendmail")]
    public void Testhost_sections_list_no_update(string host)
    {
        var facts = TestHostBundles.Facts(host);
        Assert.True(facts.Has(PendingUpdatesParser.Probe));
        Assert.Empty(facts.Updates);
    }

    [Fact]
    public void Apt_cache_policy_newer_candidate_is_an_update_none_installed_is_not()
    {
        var u = PendingUpdatesParser.Parse(Fixture.Output("linux/apt-cache-policy-debian12-captured.txt"));
        Assert.Equal(2, u.Count);
        Assert.Equal(("dpkg", "apt", "2.6.1", "2.6.2"), (u[0].Manager, u[0].Package, u[0].FromVersion, u[0].ToVersion));
        Assert.Equal(("bash", "5.2.15-2+b8", "5.2.15-2+b13"), (u[1].Package, u[1].FromVersion, u[1].ToVersion));
        Assert.Null(u[0].Source); // the collector drops the version table (mirror names)
        Assert.Contains("Candidate: 2.6.2", u[0].Evidence);
        Assert.DoesNotContain(u, x => x.Package == "postfix"); // Installed: (none)
    }

    [Fact]
    public void Apt_get_simulated_upgrade_inst_lines()
    {
        var u = PendingUpdatesParser.Parse(Fixture.Output("linux/apt-get-s-upgrade-debian12-captured.txt"));
        Assert.Equal(["base-files", "bash", "libgcrypt20-dev", "libgcrypt20", "liblzma-dev", "liblzma5"], u.Select(x => x.Package));
        var gcrypt = u.Single(x => x.Package == "libgcrypt20");
        Assert.Equal(("1.10.1-3", "1.10.1-3+deb12u1"), (gcrypt.FromVersion, gcrypt.ToVersion));
        Assert.Equal("Debian:12.15/oldstable, Debian-Security:12/oldstable-security", gcrypt.Source);
        Assert.Equal("Debian-Security:12/oldstable-security", u.Single(x => x.Package == "liblzma5").Source);
        Assert.All(u, x => Assert.Equal("dpkg", x.Manager));
    }

    [Fact]
    public void Yum_rows_available_after_installed_centos7()
    {
        var u = PendingUpdatesParser.Parse(Fixture.Output("linux/yum-list-exim-and-systemctl-status-exim-centos7-epel.txt"));
        var exim = Assert.Single(u);
        Assert.Equal(("rpm", "exim", "4.72-5.el6", "4.82.1-4.el7", "epel"),
            (exim.Manager, exim.Package, exim.FromVersion, exim.ToVersion, exim.Source));
    }

    [Fact]
    public void Yum_check_update_rc_decides_whether_rows_are_updates()
    {
        // The real yum rows, in sections as the collector writes them for check-update.
        var rows = Fixture.Output("linux/yum-list-exim-and-systemctl-status-exim-centos7-epel.txt");
        var updates = FactsBuilder.Build(TestHostBundles.Wrap("probe=pkg.updates path=yum rc=100 cmd=yum", rows));
        Assert.Equal("4.82.1-4.el7", Assert.Single(updates.Updates).ToVersion);

        var none = FactsBuilder.Build(TestHostBundles.Wrap("probe=pkg.updates path=yum rc=0 cmd=yum", rows));
        Assert.True(none.Has(PendingUpdatesParser.Probe));
        Assert.Empty(none.Updates);

        var failed = FactsBuilder.Build(TestHostBundles.Wrap("probe=pkg.updates path=dnf rc=1 cmd=dnf", "Error: Cache-only enabled but no cache for 'baseos'"));
        Assert.Empty(failed.Updates);
        Assert.Contains(failed.Problems, p => p.Code == "problem.updates-check-failed" && p.En.Contains("pkg.updates (dnf) exited 1"));
    }

    [Fact]
    public void Garbage_does_not_throw()
    {
        foreach (var text in GarbageText.All())
        {
            var u = PendingUpdatesParser.Parse(text);
            Assert.All(u, x => Assert.False(string.IsNullOrEmpty(x.Package)));
        }
        Assert.Empty(PendingUpdatesParser.Parse("postfix:\n  Candidate: 3.7.11\n  Installed: 3.7.10\n"));
        Assert.Empty(PendingUpdatesParser.Parse("Inst postfix [3.7.11] (3.7.10 Debian:12/stable [amd64])")); // a downgrade
        Assert.Empty(PendingUpdatesParser.Parse("postfix:\n  Installed: \uFFFD\n  Candidate: !!\n| | | |\nInst ("));
    }
}
