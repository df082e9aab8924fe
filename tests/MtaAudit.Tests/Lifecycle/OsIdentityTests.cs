using System.Text;
using MtaAudit.Assess;
using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Knowledge;
using MtaAudit.Parse;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Lifecycle;

/// <summary>
/// Issue 16.5, the OS a lifecycle row is looked up by. The release files are real (python-distro's test samples,
/// Fixtures/linux/*-python-distro.txt, and the shared fixtures' RHEL 7.7 redhat-release), each in its own section
/// as the collector sends them (os-release first, then redhat-release). An AIX bundle with and without a
/// readable technology level (Fixtures/bundles/aix72-sendmail.evidence, its oslevel -s section as is or as plain oslevel).
/// </summary>
public class OsIdentityTests
{
    private static readonly KnowledgeBase Kb = KnowledgeBaseLoader.LoadEmbedded();
    private static readonly DateOnly Today = new(2026, 12, 8);

    private static HostFacts Facts(params (string Path, string Fixture)[] files) =>
        FactsBuilder.Build(Bundles.Of("h1", files.Select(f => ($"probe=os.release path={f.Path} rc=0 cmd=cat {f.Path}", Fixture.Output("linux/" + f.Fixture))).ToArray()));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Os_release_wins_over_a_redhat_release_that_names_another_distro_in_either_order(bool redhatFirst)
    {
        (string, string) os = ("/etc/os-release", "os-release-oraclelinux-7.5-python-distro.txt");
        (string, string) rh = ("/etc/redhat-release", "release-file-redhat_7.7_etc_redhat-release.txt");
        var facts = Facts(redhatFirst ? [rh, os] : [os, rh]);
        Assert.Equal(("ol", "7.5", "Oracle Linux Server 7.5"), (facts.Os.Distro, facts.Os.Version, facts.Os.Name));
        Assert.Equal("Oracle Linux 7", Lifecycle(facts)?.Os + " " + Lifecycle(facts)?.Release);
    }

    private static OsLifecycleRecord? Lifecycle(HostFacts f) => OsLifecycleJudge.RecordFor(f.Os, Kb);

    [Theory]
    [InlineData("os-release-rocky-9.3-python-distro.txt", "redhat-release-rocky-9.3-python-distro.txt", "rocky", "9.3", "Rocky Linux", "9")]
    [InlineData("os-release-almalinux-10.0-python-distro.txt", "redhat-release-almalinux-10.0-python-distro.txt", "almalinux", "10.0", "AlmaLinux", "10")]
    [InlineData("os-release-centos-stream-9-python-distro.txt", null, "centos", "9", "CentOS Stream", "9")]
    [InlineData("os-release-oraclelinux-7.5-python-distro.txt", null, "ol", "7.5", "Oracle Linux", "7")]
    public void Rocky_alma_centos_stream_and_oracle_are_told_apart(string osRelease, string? redhat, string distro, string version, string os, string release)
    {
        var facts = redhat is null ? Facts(("/etc/os-release", osRelease)) : Facts(("/etc/os-release", osRelease), ("/etc/redhat-release", redhat));
        Assert.Equal((distro, version), (facts.Os.Distro, facts.Os.Version));
        var row = Lifecycle(facts);
        Assert.Equal((os, release), (row?.Os, row?.Release));
    }

    [Fact]
    public void Support_end_of_os_release_counts_when_the_knowledge_base_has_no_row()
    {
        var facts = Facts(("/etc/os-release", "os-release-fedora-42-python-distro.txt"));
        Assert.Equal("2026-05-13", facts.Os.SupportEnd);
        Assert.Null(Lifecycle(facts));
        var s = OsLifecycleJudge.Of(facts, Kb, Today)!;
        Assert.Equal((false, new DateOnly(2026, 5, 13)), (s.Supported, s.EndedOn));
        Assert.Null(s.Record);
        Assert.StartsWith("OS end of life since 2026-05-13 (Fedora Linux 42", s.Reason.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_knowledge_base_row_wins_over_support_end_because_the_vendor_has_moved_it_since_the_file_shipped()
    {
        // Amazon Linux 2023's own file says 2028-03-01; the knowledge base (endoflife.date) has 2029-06-30.
        var facts = Facts(("/etc/os-release", "os-release-amazonlinux-2023-python-distro.txt"));
        Assert.Equal("2028-03-01", facts.Os.SupportEnd);
        var s = OsLifecycleJudge.Of(facts, Kb, new DateOnly(2028, 6, 1))!;
        Assert.Equal(("Amazon Linux 2023", true), (s.Record?.Release, s.Supported));
    }

    private static EvidenceBundle Aix(bool levelReadable)
    {
        var text = File.ReadAllText(Fixture.PathOf("bundles/aix72-sendmail.evidence"), Encoding.UTF8);
        const string section = "probe=os.release rc=0 cmd=oslevel -s\n7200-04-01-1939\n";
        Assert.Contains(section, text, StringComparison.Ordinal);
        // Without the level: what plain `oslevel` prints (the shape of Fixtures/aix/oslevel-s-and-uname-a-aix-samples.txt's
        // "4.3.3.0"), release only, no TL.
        if (!levelReadable) text = text.Replace(section, "probe=os.release rc=0 cmd=oslevel\n7.2.0.0\n", StringComparison.Ordinal);
        return BundleReader.Read(text, "aix72").Single().Bundle!;
    }

    [Fact]
    public void Aix_with_a_readable_technology_level_gets_that_levels_row()
    {
        var facts = FactsBuilder.Build(Aix(levelReadable: true));
        var s = OsLifecycleJudge.Of(facts, Kb, Today)!;
        Assert.Equal(("7.2 TL4", false, new DateOnly(2022, 11, 30)), (s.Record?.Release, s.Supported, s.EndedOn));
        Assert.False(s.LevelUnknown);
    }

    [Fact]
    public void Aix_without_a_readable_technology_level_has_unknown_support_naming_oslevel_and_the_verdict_it_cannot_change_stays()
    {
        var facts = FactsBuilder.Build(Aix(levelReadable: false));
        Assert.Equal(("aix", "7.2"), (facts.Os.Distro, facts.Os.Version));
        var s = OsLifecycleJudge.Of(facts, Kb, Today)!;
        Assert.True(s.LevelUnknown);
        Assert.Null(s.Record); // never the first row's (7.2 (TL5), or 7.3 TL2 on a 7.3)
        Assert.Contains("(check: oslevel -s)", s.Reason.En, StringComparison.Ordinal);
        Assert.Contains("(확인: oslevel -s)", s.Reason.Ko, StringComparison.Ordinal);

        var with = Analyzer.Analyze(Aix(levelReadable: true), new AnalysisOptions(Kb, Policy.Vendor, Today: Today));
        var without = Analyzer.Analyze(Aix(levelReadable: false), new AnalysisOptions(Kb, Policy.Vendor, Today: Today));
        Assert.Equal(Verdict.Vulnerable, with.Verdict); // sendmail 8.14.4 is out of upstream support either way
        Assert.Equal(with.Verdict, without.Verdict);
        Assert.Contains(Assert.Single(without.Mtas).Reasons, r => r.En.Contains("oslevel -s", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("AIX 7.3", null)]
    [InlineData("AIX 7.3 TL02 SP01", "7.3 TL2")]
    [InlineData("AIX 7.3 TL03 SP01", "7.3 TL3")]
    public void Aix_7_3_is_never_read_as_its_first_row(string name, string? row)
    {
        var facts = new HostFacts { Host = "h1", Os = new OsInfo(OsFamily.Aix, name, "7.3", "aix") };
        Assert.Equal(row, OsLifecycleJudge.RecordFor(facts.Os, Kb)?.Release);
        var s = OsLifecycleJudge.Of(facts, Kb, Today)!;
        Assert.Equal(row is null, s.LevelUnknown);
        if (row == "7.3 TL2") Assert.False(s.Supported); // ended 2026-11-30
        if (row == "7.3 TL3") Assert.True(s.Supported);
    }
}
