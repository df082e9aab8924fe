using MtaAudit.Facts;
using MtaAudit.Mta;

namespace MtaAudit.Tests.Mta;

/// <summary>Service names, package names and socket program names, as real systems spell them.</summary>
public class ServicePackageSocketTests
{
    private static ServiceRecord Svc(string manager, string name) => new(manager, name, true, true, "running", "test");
    private static InstalledPackage Pkg(string manager, string name) => new(manager, name, "1", null, "test");

    private static string[] OwnersOfService(string manager, string name) =>
        MtaCatalog.All.Where(m => m.IsService(Svc(manager, name))).Select(m => m.Id).ToArray();

    [Theory]
    [InlineData("systemd", "postfix.service", "postfix")]
    [InlineData("systemd", "postfix@-.service", "postfix")]      // Debian 11+ (fixture systemctl-list-units-running-postfix-instance-debian)
    [InlineData("systemd", "exim4.service", "exim")]
    [InlineData("systemd", "exim.service", "exim")]
    [InlineData("systemd", "sendmail.service", "sendmail")]
    [InlineData("systemd", "sm-client.service", "sendmail")]     // client queue runner: Sendmail in use
    [InlineData("systemd", "opensmtpd.service", "opensmtpd")]
    [InlineData("systemd", "smtpd.service", "opensmtpd")]
    [InlineData("smf", "svc:/network/smtp:sendmail", "sendmail")]
    [InlineData("smf", "svc:/network/sendmail-client:default", "sendmail")]
    [InlineData("smf", "svc:/network/smtp:postfix", "postfix")]
    [InlineData("src", "sendmail", "sendmail")]
    [InlineData("rc.tcpip", "sendmail", "sendmail")]
    [InlineData("sysv", "sendmail", "sendmail")]
    [InlineData("sysv", "postfix", "postfix")]
    [InlineData("sysv", "exim4", "exim")]
    public void Service_names(string manager, string name, string mta)
    {
        Assert.Equal([mta], OwnersOfService(manager, name));
    }

    [Theory]
    [InlineData("systemd", "ssh.service")]
    [InlineData("systemd", "postgresql.service")]
    [InlineData("smf", "svc:/network/ssh:default")]
    [InlineData("src", "inetd")]
    public void Other_services(string manager, string name) => Assert.Empty(OwnersOfService(manager, name));

    [Theory]
    [InlineData("dpkg", "sendmail-bin", "sendmail")]
    [InlineData("dpkg", "postfix", "postfix")]
    [InlineData("dpkg", "exim4-daemon-light", "exim")]
    [InlineData("dpkg", "exim4-daemon-heavy", "exim")]
    [InlineData("dpkg", "opensmtpd", "opensmtpd")]
    [InlineData("rpm", "sendmail", "sendmail")]
    [InlineData("rpm", "postfix", "postfix")]
    [InlineData("rpm", "exim", "exim")]
    [InlineData("rpm", "opensmtpd", "opensmtpd")]
    [InlineData("ips", "service/network/smtp/sendmail", "sendmail")]
    [InlineData("ips", "service/network/smtp/postfix", "postfix")]
    [InlineData("svr4", "SUNWsndmr", "sendmail")]
    [InlineData("svr4", "SUNWsndmu", "sendmail")]
    [InlineData("lslpp", "bos.net.tcp.sendmail", "sendmail")]
    public void Daemon_packages(string manager, string name, string mta)
    {
        Assert.Equal([mta], MtaCatalog.All.Where(m => m.IsMtaPackage(Pkg(manager, name))).Select(m => m.Id));
    }

    [Theory]
    [InlineData("dpkg", "sendmail-cf")]
    [InlineData("dpkg", "sendmail-doc")]
    [InlineData("dpkg", "sendmail-base")]
    [InlineData("dpkg", "postfix-doc")]
    [InlineData("dpkg", "postfix-pcre")]
    [InlineData("dpkg", "postfix-mysql")]
    [InlineData("dpkg", "exim4-config")]
    [InlineData("dpkg", "exim4-base")]
    [InlineData("dpkg", "exim4")]
    [InlineData("dpkg", "dovecot-postfix")]
    [InlineData("rpm", "sendmail-cf")]
    [InlineData("rpm", "exim-mysql")]
    [InlineData("lslpp", "bos.net.tcp.mail_utils")]
    [InlineData("lslpp", "bos.mh")]
    public void Not_daemon_packages(string manager, string name)
    {
        Assert.DoesNotContain(MtaCatalog.All, m => m.IsMtaPackage(Pkg(manager, name)));
    }

    [Fact]
    public void Packages_parsed_from_real_listings_map_to_their_mta()
    {
        var aix = MtaAudit.Parse.Packages.AixLslppParser.Parse(Support.Fixture.Output("aix/lslpp-Lc-aix7.2-tl4-salt-fixture-excerpt.txt"));
        Assert.Equal(["bos.net.tcp.sendmail"], aix.Where(new SendmailDefinition().IsMtaPackage).Select(p => p.Name));
        var deb = MtaAudit.Parse.Packages.DpkgParser.Parse(Support.Fixture.Output("linux/dpkg-l-exim4-raspbian-stretch-excerpt.txt"));
        Assert.Equal(["exim4-daemon-light"], deb.Where(new EximDefinition().IsMtaPackage).Select(p => p.Name));
        var ubuntu = MtaAudit.Parse.Packages.DpkgParser.Parse(Support.Fixture.Output("linux/dpkg-l-postfix-ubuntu-9.10-excerpt.txt"));
        Assert.Equal(["postfix"], ubuntu.Where(new PostfixDefinition().IsMtaPackage).Select(p => p.Name));
    }

    [Theory]
    [InlineData("master", "postfix")]                 // ss -p / netstat -p (fixture ps-elf-postfix-master-rhel7: "1588/master")
    [InlineData("1588/master", "postfix")]
    [InlineData("451/sendmail: accep", "sendmail")]  // netstat -p (fixture systemctl-status-sendmail-rhel8-kodekloud)
    [InlineData("sendmail", "sendmail")]
    [InlineData("exim4", "exim")]
    [InlineData("exim", "exim")]
    public void Socket_programs(string name, string mta)
    {
        Assert.Equal([mta], MtaCatalog.All.Where(m => m.IsSocketOwner(name)).Select(m => m.Id));
    }

    [Theory]
    [InlineData("smtpd")]   // Postfix's smtpd children and OpenSMTPD share the name: undecided by design
    [InlineData("sshd")]
    [InlineData("")]
    public void Ambiguous_or_other_socket_programs(string name) => Assert.DoesNotContain(MtaCatalog.All, m => m.IsSocketOwner(name));
}
