using MtaAudit.Assess;
using MtaAudit.Knowledge;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Lifecycle;

/// <summary>
/// CentOS 7 (end of life 2024-06-30, no extended channel) with Postfix 2.10.1 running, from real outputs
/// (Fixtures/bundles/compose.sh: CentOS 7 os-release of python-distro's test data, a CentOS 7 `ps aux`,
/// a CentOS 7 `postconf -d mail_version`). The bundle has no package list: on a supported OS that leaves the
/// vendor's backports unknown (MANUAL), but past end of life no vendor fix will come either way, so upstream
/// decides and the unknown package cannot turn the VULNERABLE.
/// </summary>
public class CentOs7Tests
{
    private static readonly KnowledgeBase Kb = KnowledgeBaseLoader.LoadEmbedded();
    private static readonly DateOnly ScanDay = new(2026, 11, 30);

    private static HostReport Vendor(MtaAudit.Evidence.EvidenceBundle b) =>
        Analyzer.Analyze(b, new AnalysisOptions(Kb, Policy.Vendor, Today: ScanDay));

    [Fact]
    public void A_running_postfix_on_centos_7_is_vulnerable_with_the_end_of_life_reason_though_its_package_is_unknown()
    {
        var h = Vendor(Bundles.File("bundles/centos7-postfix.evidence"));
        Assert.Equal("centos", h.Os.Distro);
        var m = Assert.Single(h.Mtas);
        Assert.Equal(("postfix", "2.10.1", true), (m.Mta, m.Version, m.Running));
        Assert.Null(m.Package);
        Assert.True(m.PackageUnknown);
        Assert.Equal(Verdict.Vulnerable, m.Verdict);
        Assert.StartsWith("OS end of life since 2024-06-30 (CentOS Linux 7", m.Reasons[0].En, StringComparison.Ordinal);
        Assert.Contains(m.Reasons, r => r.En.Contains("pkg.rpm: not collected", StringComparison.Ordinal));
        Assert.Contains(m.Cves, c => c.Id == "CVE-2023-51764");
    }

    [Fact]
    public void The_same_evidence_on_a_supported_release_stays_manual_because_the_package_is_unknown()
    {
        var text = File.ReadAllText(Fixture.PathOf("bundles/centos7-postfix.evidence"));
        var rocky = Fixture.Output("linux/release-file-rockylinux_8_3_etc_os-release.txt");
        var centos = Fixture.Output("linux/release-file-centos_7_etc_os-release.txt");
        Assert.Contains(centos, text, StringComparison.Ordinal);
        var h = Vendor(MtaAudit.Evidence.BundleReader.Read(text.Replace(centos, rocky, StringComparison.Ordinal)).Single().Bundle!);
        Assert.Equal("rocky", h.Os.Distro);
        var m = Assert.Single(h.Mtas);
        Assert.Equal(Verdict.Manual, m.Verdict);
        Assert.True(m.PackageUnknown);
        Assert.DoesNotContain(m.Reasons, r => r.En.Contains("end of life", StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_say_the_package_is_unknown_not_that_it_was_not_installed_from_one()
    {
        var r = CliBinary.Run(["analyze", "--lang", "en", "--format", "json", Fixture.PathOf("bundles/centos7-postfix.evidence")]);
        Assert.Equal(1, r.Code);
        Assert.Contains("\"packageUnknown\": true", r.Stdout, StringComparison.Ordinal);
        var text = CliBinary.Run(["analyze", "--lang", "en", Fixture.PathOf("bundles/centos7-postfix.evidence")]);
        Assert.Contains("package unknown (the package lists were not collected)", text.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("not installed from a package", text.Stdout, StringComparison.Ordinal);
    }
}
