using MtaAudit.Parse.Packages;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Parse.Packages;

public class DpkgParserTests
{
    [Fact]
    public void Dpkg_l_with_architecture_column_debian8()
    {
        var p = DpkgParser.Parse(Fixture.Output("linux/dpkg-l-exim4-and-exim4-version-debian8.txt"));
        Assert.Equal(2, p.Count);
        Assert.Equal(("exim4-base", "4.84.2-1", "i386"), (p[0].Name, p[0].Version, p[0].Arch));
        Assert.Equal(("exim4-daemon-light", "4.84.2-1", "i386"), (p[1].Name, p[1].Version, p[1].Arch));
        Assert.All(p, x => Assert.Equal("dpkg", x.Manager));
        Assert.Contains("exim4-daemon-light", p[1].Evidence);
    }

    [Fact]
    public void Dpkg_l_full_listing_without_header_still_finds_arch()
    {
        var p = DpkgParser.Parse(Fixture.Output("linux/dpkg-l-exim4-raspbian-stretch-excerpt.txt"));
        Assert.Equal(["e2fsprogs", "ed", "exim4-base", "exim4-config", "exim4-daemon-light", "fake-hwclock"], p.Select(x => x.Name));
        var config = p.Single(x => x.Name == "exim4-config");
        Assert.Equal(("4.89-2+deb9u7", "all"), (config.Version, config.Arch));
        Assert.Equal("armhf", p.Single(x => x.Name == "exim4-daemon-light").Arch);
    }

    [Fact]
    public void Old_dpkg_without_architecture_column_and_grep_prompt_lines()
    {
        var p = DpkgParser.Parse(Fixture.Output("linux/dpkg-l-grep-exim-ubuntu-2007.txt"));
        Assert.Equal(["exim4", "exim4-base", "exim4-config", "exim4-daemon-light"], p.Select(x => x.Name));
        Assert.All(p, x => Assert.Equal("4.67-5build1", x.Version));
        // "meta-package to ease..." is the description, not an architecture.
        Assert.All(p, x => Assert.Null(x.Arch));
    }

    [Fact]
    public void Header_without_architecture_and_truncated_version_kept_as_printed()
    {
        var p = DpkgParser.Parse(Fixture.Output("linux/dpkg-l-postfix-and-ps-debian6-squeeze.txt"));
        var postfix = Assert.Single(p);
        Assert.Equal(("postfix", "2.7.1-1+squeez", null), (postfix.Name, postfix.Version, postfix.Arch));
    }

    [Fact]
    public void Grep_output_next_to_a_telnet_session()
    {
        var p = DpkgParser.Parse(Fixture.Output("linux/dpkg-l-postfix-ubuntu-6.06-and-banner.txt"));
        var postfix = Assert.Single(p);
        Assert.Equal(("postfix", "2.2.10-1ubuntu0.1"), (postfix.Name, postfix.Version));
    }

    [Fact]
    public void Epoch_versions_and_addon_packages_are_listed()
    {
        var p = DpkgParser.Parse(Fixture.Output("linux/dpkg-l-postfix-ubuntu-9.10-excerpt.txt"));
        Assert.Equal(9, p.Count);
        Assert.Equal("1:1.1.11-0ubuntu11", p.Single(x => x.Name == "dovecot-imapd").Version);
        Assert.Equal("2.6.5-3", p.Single(x => x.Name == "postfix").Version);
        Assert.Contains(p, x => x.Name == "postfix-doc");
    }

    [Fact]
    public void Dpkg_query_status_abbrev_keeps_installed_and_drops_un()
    {
        // Real run on the build machine: "libidn2-0-dev  un " has no version and is not installed.
        var p = DpkgParser.Parse(Fixture.Output("debian12-local/dpkg-query-status-abbrev-with-not-installed.txt"));
        Assert.Equal(["libc6", "libidn2-0", "libidn2-dev"], p.Select(x => x.Name));
        Assert.Equal("2.36-9+deb12u14", p[0].Version);
        Assert.Null(p[0].Arch);
        Assert.DoesNotContain(p, x => x.Name == "libidn2-0-dev");
    }

    [Fact]
    public void Other_outputs_give_no_packages()
    {
        Assert.Empty(DpkgParser.Parse(Fixture.Output("linux/rhel6.8-mta-audit-session-postfix-stopped.txt")));
        Assert.Empty(DpkgParser.Parse(Fixture.Output("linux/ps-aux-postfix-master-centos7.txt")));
    }
}
