using MtaAudit.Parse.Packages;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Parse.Packages;

public class SolarisPackageParserTests
{
    private const string Solaris114 = "solaris/pkg-list-sendmail-postfix-and-sendmail-d0-solaris11.4-guide.txt";

    [Fact]
    public void Ips_pkg_list_rows_with_header_installed_only()
    {
        var p = SolarisPackageParser.Parse(Fixture.Output(Solaris114));
        // sendmail i--, postfix "---" (only available) and postfix i-- after the install.
        Assert.Equal(2, p.Count);
        Assert.Equal(("ips", "service/network/smtp/sendmail", "8.15.2-11.4.42.0.0.111.0"), (p[0].Manager, p[0].Name, p[0].Version));
        Assert.Equal(("service/network/smtp/postfix", "3.2.2-11.4.42.0.0.111.0"), (p[1].Name, p[1].Version));
        Assert.Contains("i--", p[1].Evidence);
    }

    [Fact]
    public void Ips_pkg_list_H_rows_without_header()
    {
        var rows = string.Join('\n', Fixture.Output(Solaris114).Split('\n').Where(l => l.Contains(" i--")).Select(l => l.Trim()));
        var p = SolarisPackageParser.Parse(rows);
        Assert.Equal(["service/network/smtp/sendmail", "service/network/smtp/postfix"], p.Select(x => x.Name));
    }

    [Fact]
    public void Pkginfo_l_blocks_documented_shape()
    {
        // No captured Solaris 10 'pkginfo -l' was available: this is the field layout pkginfo(1)
        // documents (KEY: value, one block per package), with SUNW package names of Solaris 10.
        const string text = """
              PKGINST:  SUNWsndmr
                 NAME:  Sendmail Utilities, (Root)
             CATEGORY:  system
                 ARCH:  sparc
              VERSION:  11.10.0,REV=2005.01.21.15.53
               STATUS:  completely installed
                FILES:       14 installed pathnames

              PKGINST:  SUNWsndmu
                 NAME:  Sendmail Utilities, (Usr)
                 ARCH:  sparc
              VERSION:  11.10.0,REV=2005.01.21.15.53
               STATUS:  partially installed
            """;
        var p = SolarisPackageParser.Parse(text);
        var root = Assert.Single(p);
        Assert.Equal(("svr4", "SUNWsndmr", "11.10.0,REV=2005.01.21.15.53", "sparc"), (root.Manager, root.Name, root.Version, root.Arch));
    }

    [Fact]
    public void Other_outputs_give_no_packages()
    {
        Assert.Empty(SolarisPackageParser.Parse(Fixture.Output("solaris/ps-o-args-sendmail-solaris8-spacewalk-fixture.txt")));
        Assert.Empty(SolarisPackageParser.Parse(Fixture.Output("linux/dpkg-l-postfix-ubuntu-9.10-excerpt.txt")));
    }
}
