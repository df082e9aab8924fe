using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Mta;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Mta;

public class PostfixVersionTests
{
    private static readonly PostfixDefinition Postfix = new();

    private static VersionReading Read(string content, ProbeOutcome outcome = ProbeOutcome.Ran) =>
        Postfix.ParseVersion(Sections.Of("mta.postfix.version", content, outcome, path: "/usr/sbin/postconf"));

    [Theory]
    [InlineData("debian12-local/postfix-3.7.11-postconf-d-mail_version-with-warning.txt", "3.7.11")]
    [InlineData("linux/postfix-2.11.3-postconf-d-grep-mailwatch.txt", "2.11.3")]
    [InlineData("generic/postconf-h-mail_version-facter-spec.txt", "2.7.1")]
    [InlineData("generic/postconf-mail_version-samples-multi-os.txt", "3.2.2")]
    public void Real_postconf_outputs(string fixture, string version)
    {
        var r = Read(Fixture.Output(fixture));
        Assert.Equal(VersionOutcome.Found, r.Outcome);
        Assert.Equal(version, r.VersionText);
        Assert.Equal(version, r.Version);
        Assert.Equal("postfix", r.Mta);
    }

    [Fact]
    public void Warnings_before_and_after_the_value()
    {
        // Two real outputs of the same kind joined: postconf warnings around a mail_version line.
        var warnings = Fixture.Output("linux/postconf-warnings-unused-parameter-ubuntu-service-restart.txt");
        var value = Fixture.Output("linux/postfix-2.11.3-postconf-d-grep-mailwatch.txt");
        var r = Read(warnings + value + warnings);
        Assert.Equal(("2.11.3", "2.11.3"), (r.VersionText, r.Version));
        Assert.Contains("mail_version = 2.11.3", r.Evidence);
    }

    [Theory]
    [InlineData("linux/postconf-fatal-errors-ubuntu.txt")]
    [InlineData("linux/postconf-warning-unused-compatibility_level-debian7.txt")]
    [InlineData("freebsd/postconf-warnings-deprecated-opnsense.txt")]
    public void Fatal_or_warning_only_is_unreadable(string fixture)
    {
        var r = Read(Fixture.Output(fixture));
        Assert.Equal(VersionOutcome.Unreadable, r.Outcome);
        Assert.Null(r.VersionText);
    }

    [Fact]
    public void Absent_and_timeout()
    {
        Assert.Equal(VersionOutcome.Absent, Read("", ProbeOutcome.Absent).Outcome);
        Assert.Equal(VersionOutcome.Timeout, Read("", ProbeOutcome.Timeout).Outcome);
    }
}

public class EximVersionTests
{
    private static readonly EximDefinition Exim = new();

    private static VersionReading Read(string content, ProbeOutcome outcome = ProbeOutcome.Ran) =>
        Exim.ParseVersion(Sections.Of("mta.exim.version", content, outcome, path: "/usr/sbin/exim4"));

    [Theory]
    [InlineData("linux/exim-4.84-bV-debian-selfbuilt-partial.txt", "4.84", "4.84")]
    [InlineData("linux/exim-4.84_2-bV-debian-facter-spec-wrapped.txt", "4.84_2", "4.84.2")]
    [InlineData("linux/exim-4.84_2-bV-grep-mailwatch.txt", "4.84_2", "4.84.2")]
    [InlineData("linux/exim-4.86_2-version-and-banner-ubuntu1604.txt", "4.86_2", "4.86.2")]
    [InlineData("linux/exim-4.89-bV-selfbuilt-usr-exim-configure.txt", "4.89", "4.89")]
    [InlineData("linux/exim-4.92-version-debian10-lsb_release.txt", "4.92", "4.92")]
    [InlineData("linux/exim-4.96-bV-head-debian12-and-benchmark.txt", "4.96", "4.96")]
    [InlineData("freebsd/exim-4.82-eximctl-version-freebsd92.txt", "4.82", "4.82")]
    [InlineData("debian12-local/exim-4.96-bV-no-config-file.txt", "4.96", "4.96")]
    [InlineData("linux/dpkg-l-exim4-and-exim4-version-debian8.txt", "4.84_2", "4.84.2")]
    public void Real_exim_outputs(string fixture, string text, string version)
    {
        var r = Read(Fixture.Output(fixture));
        Assert.Equal(VersionOutcome.Found, r.Outcome);
        Assert.Equal(text, r.VersionText);
        Assert.Equal(version, r.Version);
        Assert.Equal("exim", r.Mta);
    }

    [Fact]
    public void Development_build_has_no_upstream_version()
    {
        // The token of a real development build, from its banner, in the -bV line shape.
        var banner = Fixture.Output("banners/exim-banners.txt").Split('\n')[0];
        var token = banner.Split(' ')[4];
        Assert.Equal("4.90devstart_213-7c6ec81-XX", token);
        var r = Read($"Exim version {token} #1 built 27-Nov-2017 16:00:00\n");
        Assert.Equal((VersionOutcome.Found, token, (string?)null), (r.Outcome, r.VersionText, r.Version));
    }

    [Fact]
    public void Banner_alone_is_not_a_version_output()
    {
        Assert.Equal(VersionOutcome.Unreadable, Read(Fixture.Output("banners/exim-banners.txt")).Outcome);
        Assert.Equal(VersionOutcome.Absent, Read("", ProbeOutcome.Absent).Outcome);
    }
}

public class OpenSmtpdVersionTests
{
    private static readonly OpenSmtpdDefinition OpenSmtpd = new();

    private static VersionReading Read(string content, ProbeOutcome outcome = ProbeOutcome.Ran) =>
        OpenSmtpd.ParseVersion(Sections.Of("mta.opensmtpd.version", content, outcome, path: "/usr/sbin/smtpd"));

    [Theory]
    [InlineData("freebsd/opensmtpd-6.8.0p2-smtpd-h-freebsd-jail.txt", "6.8.0p2", "6.8.0p2")]
    // A build from the portable git tree: its base number, below every 6.7.0pN release.
    [InlineData("linux/opensmtpd-6.7.0-portable-smtpd-h.txt", "6.7.0-portable", "6.7.0")]
    public void Real_smtpd_h_outputs(string fixture, string text, string version)
    {
        var r = Read(Fixture.Output(fixture));
        Assert.Equal(VersionOutcome.Found, r.Outcome);
        Assert.Equal(text, r.VersionText);
        Assert.Equal(version, r.Version);
    }

    [Fact]
    public void Absent_timeout_and_unrelated_output()
    {
        Assert.Equal(VersionOutcome.Absent, Read("", ProbeOutcome.Absent).Outcome);
        Assert.Equal(VersionOutcome.Timeout, Read("", ProbeOutcome.Timeout).Outcome);
        Assert.Equal(VersionOutcome.Unreadable, Read(Fixture.Output("linux/sendmail-8.12.11-d0.1-bt.txt")).Outcome);
    }
}
