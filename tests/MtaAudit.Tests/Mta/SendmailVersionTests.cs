using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Mta;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Mta;

public class SendmailVersionTests
{
    private static readonly SendmailDefinition Sendmail = new();
    private const string Probe = "mta.sendmail.version";

    private static VersionReading Read(string fixture, ProbeOutcome outcome = ProbeOutcome.Ran) =>
        Sendmail.ParseVersion(Sections.Of(Probe, Fixture.Output(fixture), outcome, path: "/usr/sbin/sendmail"));

    [Theory]
    [InlineData("linux/sendmail-8.12.11-d0.1-bt.txt", "8.12.11", "8.12.11")]
    [InlineData("linux/sendmail-8.13.5.20060308-d0.1-bv-root-ubuntu.txt", "8.13.5.20060308", "8.13.5")]
    [InlineData("linux/sendmail-8.13.8-d0.1-bv-rhel5-mailwrapped.txt", "8.13.8", "8.13.8")]
    [InlineData("linux/sendmail-8.14.4-d0.1-rhel6.8-recipient-names.txt", "8.14.4", "8.14.4")]
    [InlineData("linux/sendmail-8.14.4-d0.4-bv-facter-spec.txt", "8.14.4", "8.14.4")]
    [InlineData("linux/sendmail-8.15.2-selfbuilt-d0.1-bv-comment.txt", "8.15.2", "8.15.2")]
    [InlineData("aix/sendmail-AIX7.2-8.14.4-d0-bt-stig.txt", "AIX7.2/8.14.4", "8.14.4")]
    [InlineData("freebsd/sendmail-8.16.1-base-d0-freebsd13.txt", "8.16.1", "8.16.1")]
    [InlineData("solaris/pkg-list-sendmail-postfix-and-sendmail-d0-solaris11.4-guide.txt", "8.15.2+Sun", "8.15.2")]
    public void Real_sendmail_outputs(string fixture, string text, string version)
    {
        var r = Read(fixture);
        Assert.Equal(VersionOutcome.Found, r.Outcome);
        Assert.Equal(text, r.VersionText);
        Assert.Equal(version, r.Version);
        Assert.Equal("sendmail", r.Mta);
        Assert.Equal("/usr/sbin/sendmail", r.Path);
        Assert.Null(r.WrapperOf);
    }

    [Theory]
    // The $v tokens that Received: headers and banners carry are what -d0.1 prints after "Version ";
    // the tokens are taken from those real texts, the "Version " line around them is the -d0.1 shape.
    [InlineData("generic/received-header-sendmail-version-strings-vendor-variants.txt", @"\((8\.9\.3 \(PHNE_28810\+JAGae91741\))/", "8.9.3")]
    [InlineData("generic/received-header-sendmail-version-strings-vendor-variants.txt", @"\((AIX5\.3/8\.13\.4)/", "8.13.4")]
    [InlineData("banners/sendmail-solaris-sun-banners-and-received.txt", @"Sendmail (8\.15\.1\+Sun)/", "8.15.1")]
    [InlineData("banners/sendmail-banners-greenbone-nasl-comments.txt", @"Sendmail (8\.11\.7p3\+Sun)/", "8.11.7p3")]
    [InlineData("banners/sendmail-banners-greenbone-nasl-comments.txt", @"Sendmail (Switch-3\.3\.4)/", null)]
    public void Vendor_tokens(string fixture, string pattern, string? version)
    {
        var token = Regex.Match(Fixture.Output(fixture), pattern).Groups[1].Value;
        Assert.NotEmpty(token);
        var r = Sendmail.ParseVersion(Sections.Of(Probe, $"Version {token}\n Compiled with: DNSMAP LOG\n"));
        Assert.Equal(VersionOutcome.Found, r.Outcome);
        Assert.Equal(token, r.VersionText);
        Assert.Equal(version, r.Version);
    }

    [Fact]
    public void Postfix_wrapper_is_not_sendmail()
    {
        var r = Read("debian12-local/postfix-3.7.11-sendmail-wrapper-d0.1-bt.txt");
        Assert.Equal(VersionOutcome.NotThisMta, r.Outcome);
        Assert.Equal("postfix", r.WrapperOf);
        Assert.Null(r.VersionText);
        Assert.Null(r.Version);
        Assert.Contains("invalid option -- 'd'", r.Evidence);
    }

    [Fact]
    public void Exim_wrapper_is_not_sendmail()
    {
        var r = Read("debian12-local/exim-4.96-sendmail-wrapper-d0.1-bt.txt");
        Assert.Equal(VersionOutcome.NotThisMta, r.Outcome);
        Assert.Equal("exim", r.WrapperOf);
        Assert.Contains("malformed debug_selector", r.Evidence);
    }

    [Fact]
    public void Absent_and_timeout()
    {
        Assert.Equal(VersionOutcome.Absent, Sendmail.ParseVersion(Sections.Of(Probe, "", ProbeOutcome.Absent)).Outcome);
        // Cut at the time limit after the version line got out: Timeout, the version passed along.
        var partial = string.Join('\n', Fixture.Output("linux/sendmail-8.12.11-d0.1-bt.txt").Split('\n').Take(2));
        var r = Sendmail.ParseVersion(Sections.Of(Probe, partial, ProbeOutcome.Timeout));
        Assert.Equal(VersionOutcome.Timeout, r.Outcome);
        Assert.Equal("8.12.11", r.Version);
        Assert.Equal(VersionOutcome.Timeout, Sendmail.ParseVersion(Sections.Of(Probe, "", ProbeOutcome.Timeout)).Outcome);
    }

    [Fact]
    public void Output_without_version_is_unreadable()
    {
        var r = Read("linux/rpm-q-sendmail-not-installed-serverspec.txt");
        Assert.Equal(VersionOutcome.Unreadable, r.Outcome);
        Assert.Null(r.Version);
        Assert.Equal(VersionOutcome.Unreadable, Sendmail.ParseVersion(Sections.Of(Probe, "")).Outcome);
    }
}
