using MtaAudit.Assess;
using MtaAudit.Knowledge;
using MtaAudit.Parse;
using MtaAudit.Parse.Vendor;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Lifecycle;

/// <summary>
/// OS end of life under the vendor policy, on real evidence: the Debian 11 test hosts' bundles (collected by the
/// collector inside the hosts), real os-release files and a real Ubuntu Pro ESM sources file.
/// Dates are the reference's (Debian 11 LTS ended 2026-08-31; Ubuntu 18.04 standard support 2023-05-31, ESM 2028-04-01).
/// </summary>
public class OsLifecycleTests
{
    private static readonly KnowledgeBase Kb = KnowledgeBaseLoader.LoadEmbedded();
    private static readonly DateOnly ScanDay = new(2026, 11, 30);

    private static HostReport Vendor(MtaAudit.Evidence.EvidenceBundle b, DateOnly today, KnowledgeBase? kb = null) =>
        Analyzer.Analyze(b, new AnalysisOptions(kb ?? Kb, Policy.Vendor, Today: today));

    [Theory]
    [InlineData("deb11-exim")]
    [InlineData("deb11-sendmail")]
    public void A_running_mta_on_debian_11_after_its_lts_is_vulnerable_with_the_end_of_life_reason(string host)
    {
        var m = Assert.Single(Vendor(Bundles.File($"testhosts/{host}.evidence"), ScanDay).Mtas);
        Assert.True(m.Running);
        Assert.Equal(Verdict.Vulnerable, m.Verdict);
        var eol = m.Reasons[0].En;
        Assert.StartsWith("OS end of life since 2026-08-31 (Debian 11 (bullseye)", eol, StringComparison.Ordinal);
        Assert.Contains("upgrade the OS to a supported release (Debian 12 (bookworm), Debian 13 (trixie))", eol, StringComparison.Ordinal);
        // The bundles (recaptured 2026-12-01) list the package sources: no ELTS source among them.
        Assert.Contains("; no Freexian Extended LTS source is configured", eol, StringComparison.Ordinal);
        Assert.DoesNotContain("were not collected", eol, StringComparison.Ordinal);
        // Judged by upstream: the package's series is out of upstream support or behind its newest patch.
        Assert.Contains(m.Reasons, r => r.En.Contains("series", StringComparison.Ordinal));
        Assert.StartsWith("OS 지원 종료 2026-08-31", m.Reasons[0].Ko, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_package_during_debian_lts_is_judged_as_before()
    {
        var bundle = Bundles.File("testhosts/deb11-exim.evidence");
        var duringLts = Assert.Single(Vendor(bundle, new DateOnly(2026, 8, 1)).Mtas);
        Assert.DoesNotContain(duringLts.Reasons, r => r.En.Contains("end of life", StringComparison.Ordinal));
        Assert.Contains(duringLts.Reasons, r => r.En.Contains("still supported by Debian LTS", StringComparison.Ordinal) && r.En.Contains("until 2026-08-31", StringComparison.Ordinal));

        // Exactly the vendor judgement a knowledge base without lifecycle data gives.
        var withoutLifecycle = new KnowledgeBase(Kb.Version, Kb.Date, Kb.Mtas.Values.ToList(), Kb.VendorPackages);
        var plain = Assert.Single(Vendor(bundle, new DateOnly(2026, 8, 1), withoutLifecycle).Mtas);
        Assert.Equal(plain.Verdict, duringLts.Verdict);
        Assert.Equal(plain.Cves, duringLts.Cves);
        Assert.NotEqual(Verdict.Vulnerable, duringLts.Verdict); // the vendor's package, nothing pending
        Assert.True(duringLts.Running);
    }

    [Fact]
    public void A_stopped_mta_on_an_end_of_life_os_is_still_not_in_use()
    {
        var m = Assert.Single(Vendor(Bundles.File("testhosts/deb11-postfix.evidence"), ScanDay).Mtas);
        Assert.Equal((false, Verdict.Good), (m.Running!.Value, m.Verdict));
    }

    [Fact]
    public void Debian_12_in_its_lts_is_supported_on_the_scan_day()
    {
        var m = Assert.Single(Vendor(Bundles.File("testhosts/deb12-postfix.evidence"), ScanDay).Mtas);
        Assert.DoesNotContain(m.Reasons, r => r.En.Contains("end of life", StringComparison.Ordinal));
        Assert.Contains(m.Reasons, r => r.En.Contains("Debian 12 (bookworm): standard support ended 2026-07-11; still supported by Debian LTS", StringComparison.Ordinal));
    }

    private static readonly string Ubuntu1804 = Fixture.Output("linux/release-file-ubuntu_18.04_etc_os-release.txt");
    private static readonly string EsmSources = Fixture.Output("linux/ubuntu-esm-infra-apps-sources-deb822.txt");

    [Fact]
    public void An_ubuntu_host_with_esm_sources_is_not_end_of_life()
    {
        var facts = FactsBuilder.Build(Bundles.Of("bionic-pro",
            ("probe=os.release path=/etc/os-release rc=0", Ubuntu1804),
            ("probe=pkg.sources rc=0", "==> /etc/apt/sources.list.d/ubuntu-esm-infra.sources <==\n" + EsmSources)));
        var os = OsLifecycleJudge.Of(facts, Kb, ScanDay)!;
        Assert.True(os.Supported);
        Assert.Equal("ubuntu-esm", os.Channel);
        Assert.Contains("standard support ended 2023-05-31; extended support Expanded Security Maintenance", os.Reason.En, StringComparison.Ordinal);
        Assert.Contains("until 2028-04-01", os.Reason.En, StringComparison.Ordinal);
        Assert.Contains("esm.ubuntu.com/infra/ubuntu", os.Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_ubuntu_host_without_esm_sources_is_end_of_life_since_its_standard_support_ended()
    {
        var facts = FactsBuilder.Build(Bundles.Of("bionic",
            ("probe=os.release path=/etc/os-release rc=0", Ubuntu1804),
            ("probe=pkg.sources rc=0", "==> /etc/apt/sources.list.d/ubuntu-esm-infra.sources <==\n" + EsmSources.Replace("Components: main", "Enabled: no\nComponents: main", StringComparison.Ordinal))));
        Assert.All(facts.PackageSources, s => Assert.False(s.Enabled));
        var os = OsLifecycleJudge.Of(facts, Kb, ScanDay)!;
        Assert.False(os.Supported);
        Assert.Equal(new DateOnly(2023, 5, 31), os.EndedOn);
        Assert.Contains("no Expanded Security Maintenance", os.Reason.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("linux/release-file-redhat_7.7_etc_os-release.txt", "rhel", "7")]
    [InlineData("linux/release-file-rockylinux_8_3_etc_os-release.txt", "rocky", "8")]
    [InlineData("linux/release-file-sles_15_6_etc_os-release.txt", "sles", "15 SP6")]
    [InlineData("linux/release-file-debian_10_etc_os-release.txt", "debian", "10 (buster)")]
    [InlineData("linux/release-file-centos_6.7_etc_redhat-release.txt", "centos", "6")]
    public void Real_release_files_find_their_lifecycle_record(string file, string id, string release)
    {
        var facts = FactsBuilder.Build(Bundles.Of("h", ("probe=os.release rc=0", Fixture.Output(file))));
        var r = OsLifecycleJudge.RecordFor(facts.Os, Kb)!;
        Assert.Equal((id, release), (r.Id, r.Release));
    }

    [Fact]
    public void Rhel_7_without_els_sources_is_end_of_life_and_with_them_is_supported()
    {
        var os = Fixture.Output("linux/release-file-redhat_7.7_etc_os-release.txt");
        var without = FactsBuilder.Build(Bundles.Of("el7", ("probe=os.release rc=0", os)));
        var eol = OsLifecycleJudge.Of(without, Kb, ScanDay)!;
        Assert.False(eol.Supported);
        Assert.Equal(new DateOnly(2024, 6, 30), eol.EndedOn);
        Assert.Contains("pkg.sources) were not collected", eol.Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Os_release_support_end_decides_where_the_knowledge_base_has_no_record()
    {
        var text = Fixture.Output("linux/release-file-fedora_38_etc_os-release-support-end.txt");
        Assert.Equal("2024-05-14", MtaAudit.Parse.Os.OsReleaseParser.Parse(text)!.SupportEnd);
        var facts = FactsBuilder.Build(Bundles.Of("f38", ("probe=os.release path=/etc/os-release rc=0", text)));
        Assert.Null(OsLifecycleJudge.RecordFor(facts.Os, Kb));
        var eol = OsLifecycleJudge.Of(facts, Kb, ScanDay)!;
        Assert.False(eol.Supported);
        Assert.StartsWith("OS end of life since 2024-05-14 (Fedora Linux 38 (Thirty Eight)", eol.Reason.En, StringComparison.Ordinal);
        Assert.True(OsLifecycleJudge.Of(facts, Kb, new DateOnly(2024, 5, 14))!.Supported); // the last day still counts
        // Without SUPPORT_END nothing is known: no lifecycle judgement at all.
        Assert.Null(MtaAudit.Parse.Os.OsReleaseParser.Parse(Ubuntu1804)!.SupportEnd);
    }

    [Theory]
    [InlineData("11", "11", true)]
    [InlineData("11", "11.9", true)]
    [InlineData("7.x", "7.9", true)]
    [InlineData("7.x", "8.3", false)]
    [InlineData("22.04", "22.04", true)]
    [InlineData("22.04", "22.10", false)]
    [InlineData("15.7", "15.7", true)]
    [InlineData("15.7", "15.6", false)]
    [InlineData("2", "2023", false)]
    public void Version_ids_match_by_major_or_exactly(string pattern, string version, bool expected) =>
        Assert.Equal(expected, OsLifecycleJudge.VersionMatches(pattern, version));

    // Repository ids as Red Hat names them (convert2rhel's ELS/EUS repo lists); the last one is an ordinary repository.
    [Theory]
    [InlineData(null, "rhel-7-server-els-rpms", "rhel-els")]
    [InlineData(null, "rhel-7-server-els-optional-rpms", "rhel-els")]
    [InlineData(null, "rhel-8-for-x86_64-baseos-eus-rpms", "rhel-eus")]
    [InlineData("https://esm.ubuntu.com/apps/ubuntu", null, "ubuntu-esm")]
    [InlineData(null, "rhel-8-for-x86_64-baseos-rpms", null)]
    [InlineData("http://deb.debian.org/debian-security", null, null)]
    public void Repository_ids_and_urls_name_their_channel(string? uri, string? id, string? channel) =>
        Assert.Equal(channel, PackageSourcesParser.ChannelOf(uri, id, null));

    [Fact]
    public void Package_sources_name_their_extended_support_channel_and_drop_disabled_ones()
    {
        var sources = PackageSourcesParser.Parse("==> /etc/apt/sources.list.d/ubuntu-esm-infra.sources <==\n" + EsmSources);
        Assert.Equal(2, sources.Count);
        Assert.All(sources, s => Assert.Equal(("ubuntu-esm", true), (s.Channel, s.Enabled)));
        Assert.Equal(("https://esm.ubuntu.com/infra/ubuntu", "noble-infra-security noble-infra-updates"), (sources[0].Uri, sources[0].Suite));
    }
}
