using MtaAudit.Assess;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Assess;

/// <summary>
/// One bundle per OS that cannot run here, each section a real output (Fixtures/bundles/compose.sh
/// says which), judged as a careful auditor would under the upstream-branch policy.
/// </summary>
public class ComposedBundleVerdictTests
{
    private static HostReport Judge(string name) => Bundles.Judge(Bundles.File($"bundles/{name}.evidence"));

    [Fact]
    public void Aix_sendmail_active_under_src_is_vulnerable_with_the_vendor_token_normalized()
    {
        var h = Judge("aix72-sendmail");
        Assert.Equal(MtaAudit.Facts.OsFamily.Aix, h.Os.Family);
        Assert.Equal("7.2", h.Os.Version);
        var m = Assert.Single(h.Mtas);
        Assert.Equal("sendmail", m.Mta);
        Assert.Equal("8.14.4", m.Version);
        Assert.Equal("AIX7.2/8.14.4", m.VersionText);
        Assert.True(m.Running);          // lssrc: active
        Assert.False(m.Enabled);         // rc.tcpip start line commented out
        Assert.Equal(Verdict.Vulnerable, m.Verdict);
        Assert.Equal(Verdict.Vulnerable, h.Verdict);
        Assert.Contains(m.Cves, c => c.Id == "CVE-2014-3956" && c.FixedIn == "8.14.9");
        Assert.Contains(m.Cves, c => c.Id == "CVE-2023-51765");
        Assert.Equal(new PackageRef("lslpp", "bos.net.tcp.sendmail", "7.2.4.1"), m.Package);
        Assert.Contains(m.Remediation, r => r.En.Contains("stopsrc -s sendmail", StringComparison.Ordinal));
        Assert.Contains(m.Remediation, r => r.Ko.Contains("/etc/rc.tcpip", StringComparison.Ordinal));
    }

    [Fact]
    public void Solaris_sendmail_online_without_version_output_is_manual_and_says_why()
    {
        var h = Judge("solaris114-sendmail");
        Assert.Equal(MtaAudit.Facts.OsFamily.Solaris, h.Os.Family);
        var m = Assert.Single(h.Mtas);
        Assert.Equal("sendmail", m.Mta);
        Assert.Null(m.Version);
        Assert.True(m.Running);
        Assert.True(m.Enabled);
        Assert.Equal(Verdict.Manual, h.Verdict);
        Assert.Contains(m.Reasons, r => r.En.Contains("version could not be read", StringComparison.Ordinal));
        Assert.Contains(m.Remediation, r => r.En.Contains("svcadm disable svc:/network/smtp:sendmail", StringComparison.Ordinal));
    }

    [Fact]
    public void Hpux_sendmail_switched_on_in_mailservs_is_found_enabled_and_manual_without_a_version()
    {
        var h = Judge("hpux1131-sendmail");
        Assert.Equal(MtaAudit.Facts.OsFamily.Hpux, h.Os.Family);
        Assert.Equal("11.31", h.Os.Version);
        var m = Assert.Single(h.Mtas);
        Assert.Equal("sendmail", m.Mta);
        Assert.True(m.Enabled);
        Assert.Null(m.Running);
        Assert.Equal(Verdict.Manual, m.Verdict);
        Assert.Contains(m.Remediation, r => r.En.Contains("SENDMAIL_SERVER=0", StringComparison.Ordinal));
    }

    [Fact]
    public void Rhel7_postfix_master_running_on_an_unsupported_branch_is_vulnerable()
    {
        var h = Judge("rhel7-postfix");
        Assert.Equal("rhel", h.Os.Distro);
        var m = Assert.Single(h.Mtas);
        Assert.Equal(("postfix", "2.10.1"), (m.Mta, m.Version));
        Assert.True(m.Running);
        Assert.Null(m.Enabled);
        Assert.Equal(Verdict.Vulnerable, m.Verdict);
        Assert.Contains(m.Reasons, r => r.En.Contains("2.10 series is no longer supported", StringComparison.Ordinal));
        Assert.Contains(m.Cves, c => c.Id == "CVE-2023-51764");
    }

    [Fact]
    public void Centos6_postfix_enabled_in_chkconfig_is_judged_from_its_package_version()
    {
        var h = Judge("centos6-postfix");
        var m = Assert.Single(h.Mtas);                 // "package sendmail is not installed" is no sendmail
        Assert.Equal("postfix", m.Mta);
        Assert.Equal("2.6.6", m.Version);
        Assert.Equal(new PackageRef("rpm", "postfix", "2.6.6-6.el6_7.1"), m.Package);
        Assert.True(m.Enabled);
        Assert.Equal(Verdict.Vulnerable, m.Verdict);
        Assert.Contains(m.Reasons, r => r.En.Contains("version taken from the package", StringComparison.Ordinal));
        Assert.Contains(m.Remediation, r => r.En.Contains("chkconfig postfix off", StringComparison.Ordinal));
    }

    [Fact]
    public void Debian8_exim_with_an_underscore_version_but_no_usage_evidence_is_manual_not_guessed()
    {
        var h = Judge("debian8-exim");
        var m = Assert.Single(h.Mtas);
        Assert.Equal(("exim", "4.84.2", "4.84_2"), (m.Mta, m.Version, m.VersionText));
        Assert.Null(m.Running);
        Assert.Null(m.Enabled);
        Assert.Equal(Verdict.Manual, m.Verdict);
        Assert.Contains(m.Cves, c => c.Id == "CVE-2018-6789" && c.Kev);
        Assert.Contains(m.Reasons, r => r.En.Contains("whether it runs or starts at boot could not be determined", StringComparison.Ordinal));
    }
}
