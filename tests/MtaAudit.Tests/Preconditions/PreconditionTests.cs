using MtaAudit.Assess;
using MtaAudit.Facts;
using MtaAudit.Knowledge;
using MtaAudit.Parse;
using MtaAudit.Parse.Build;
using MtaAudit.Tests.Support;
using MtaAudit.Versions;

namespace MtaAudit.Tests.Preconditions;

/// <summary>
/// CVE preconditions against build facts the MTAs print (real exim -bV outputs), no-fix vulnerabilities, and the
/// verdicts the 2026-11-30 knowledge makes true (Postfix 3.11.7/3.10.14, Exim 4.100.1 exist).
/// </summary>
public class PreconditionTests
{
    private static readonly KnowledgeBase Kb = KnowledgeBaseLoader.LoadEmbedded();
    private static UpstreamVersion V(string s) => UpstreamVersion.Parse(s);

    /// <summary>Self-built Exim 4.92 with Debian's flags: "Support for:" has no SPF.</summary>
    private static readonly string EximWithoutSpf = Fixture.Between("linux/exim-4.92-version-debian10-lsb_release.txt", "# exim --version", "root@never");
    /// <summary>cPanel Exim 4.94.2: "Support for: … SPF …" and "Lookups: … sqlite", "Authenticators: … spa".</summary>
    private static readonly string EximWithSpf = Fixture.Output("linux/exim-4.94.2-bV-cpanel-with-spf.txt");

    private static HostFacts EximHost(string bV) => FactsBuilder.Build(Bundles.Of("ex",
        ("probe=mta.exim.version path=/usr/sbin/exim rc=0", bV),
        ("probe=proc.list rc=0", Fixture.Between("linux/ps-aux-postfix-master-centos7.txt", "# ps aux", "[root@"))));

    [Fact]
    public void Exim_build_facts_are_read_from_exim_bV()
    {
        var b = EximBuildParser.Parse(EximWithSpf)!;
        Assert.Contains("SPF", b.Lists[BuildFacts.SupportFor]);
        Assert.Contains("sqlite", b.Lists[BuildFacts.Lookups]);
        Assert.Equal(["cram_md5", "dovecot", "plaintext", "spa"], b.Lists[BuildFacts.Authenticators]);
        Assert.False(b.Lists.ContainsKey(BuildFacts.HintsDb)); // 4.94 prints no "Hints DB:" line: unknown, not empty
        Assert.DoesNotContain("SPF", EximBuildParser.Parse(EximWithoutSpf)!.Lists[BuildFacts.SupportFor]);
        Assert.Null(EximBuildParser.Parse("Exim version 4.96 #2 built 26-Aug-2026 08:11:02\n")); // version line only: nothing known
    }

    [Fact]
    public void An_exim_built_without_spf_does_not_count_the_libspf2_cve()
    {
        var facts = EximHost(EximWithoutSpf);
        var cves = VersionJudge.Cves("exim", V("4.92"), Kb, facts);
        var spf = cves.Single(c => c.Id == "CVE-2023-42118");
        Assert.True(spf.NotApplicable);
        Assert.False(spf.Counts);
        Assert.Equal("not applicable, because this build lacks build feature SPF (exim -bV \"Support for:\") and lookup spf (exim -bV \"Lookups:\")", spf.Applicability);

        var j = VersionJudge.Judge("exim", V("4.100.1"), Kb, Policy.UpstreamBranch, facts);
        Assert.Equal(Verdict.Good, j.Verdict);
        Assert.Contains(j.Reasons, r => r.En.StartsWith("CVE-2023-42118: not applicable, because", StringComparison.Ordinal));
        Assert.DoesNotContain(j.Reasons, r => r.En.Contains("known vulnerabilities apply", StringComparison.Ordinal));
    }

    [Fact]
    public void An_exim_built_with_spf_lists_the_libspf2_cve_as_no_fix_with_its_mitigation_and_newest_stays_good()
    {
        var facts = EximHost(EximWithSpf);
        foreach (var policy in new[] { Policy.UpstreamBranch, Policy.UpstreamLatest })
        {
            var j = VersionJudge.Judge("exim", V("4.100.1"), Kb, policy, facts);
            Assert.Equal(Verdict.Good, j.Verdict);
            var spf = Assert.Single(j.Cves);
            Assert.Equal(("CVE-2023-42118", true, false), (spf.Id, spf.NoUpstreamFix, spf.NotApplicable));
            Assert.Contains("libspf2", spf.Mitigation);
            Assert.Contains("needs build feature SPF", spf.Applicability);
            Assert.Contains(j.Reasons, r => r.En.StartsWith("CVE-2023-42118 has no upstream fix", StringComparison.Ordinal) && r.En.Contains("mitigation: ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_cut_exim_bV_gives_no_build_facts_so_the_libspf2_cve_still_counts()
    {
        // The same real output, once whole and once marked cut by the collector: a cut listing may have lost
        // the very token ("SPF") whose absence would make the CVE not applicable.
        var whole = FactsBuilder.Build(Bundles.Of("ex", ("probe=mta.exim.version path=/usr/sbin/exim4 rc=0", EximWithoutSpf)));
        var cut = FactsBuilder.Build(Bundles.Of("ex", ("probe=mta.exim.version path=/usr/sbin/exim4 rc=0 cut=yes", EximWithoutSpf)));
        Assert.True(VersionJudge.Cves("exim", V("4.92"), Kb, whole).Single(c => c.Id == "CVE-2023-42118").NotApplicable);
        var spf = VersionJudge.Cves("exim", V("4.92"), Kb, cut).Single(c => c.Id == "CVE-2023-42118");
        Assert.False(spf.NotApplicable);
    }

    [Fact]
    public void Without_build_facts_a_precondition_counts_and_is_named()
    {
        var cve = VersionJudge.Cves("exim", V("4.96"), Kb, null).Single(c => c.Id == "CVE-2026-48840");
        Assert.True(cve.Counts);
        Assert.Equal("needs build feature PROXY (exim -bV \"Support for:\"): not shown by the evidence, so counted; only with hosts_proxy non-empty (settings not checked)", cve.Applicability);
        Assert.Equal(["EXIM-Security-2026-05-19.1"], cve.Aliases);
    }

    [Fact]
    public void The_debian_12_exim_package_is_not_held_manual_by_cves_its_build_lacks()
    {
        // Real collector output on the Debian 12 test host: Support for has GnuTLS but neither SPF nor PROXY.
        var report = Analyzer.Analyze(Bundles.File("testhosts/deb12-exim.evidence"), new AnalysisOptions(Kb, Policy.Vendor, Today: new DateOnly(2026, 11, 30)));
        var m = Assert.Single(report.Mtas);
        Assert.All(m.Cves.Where(c => c.Id is "CVE-2023-42118" or "CVE-2026-48840" or "CVE-2023-42117"), c => Assert.True(c.NotApplicable, c.Id));
        Assert.DoesNotContain(m.Reasons, r => r.En.Contains("CVE-2023-42118,", StringComparison.Ordinal) && r.En.Contains("status of", StringComparison.Ordinal));
    }

    [Fact]
    public void Source_built_postfix_3_10_13_is_vulnerable_under_upstream_branch()
    {
        // The version line as the Debian 13 test host's postconf printed it; a Debian 12 package list
        // without Postfix (captured on this machine): a source build.
        var bundle = Bundles.Of("src-postfix",
            ("probe=os.release rc=0", Fixture.Between("linux/debian12-uname-a-and-os-release-captured.txt", "$ cat /etc/os-release", "$ ")),
            ("probe=pkg.dpkg rc=1", Fixture.Output("debian12-local/dpkg-query-status-abbrev-with-not-installed.txt")),
            ("probe=mta.postfix.version path=/usr/sbin/postconf rc=0", "mail_version = 3.10.13\n"),
            ("probe=proc.list rc=0", Fixture.Between("linux/ps-aux-postfix-master-centos7.txt", "# ps aux", "[root@")));
        Assert.Contains("mail_version = 3.10.13\n", Fixture.Raw("testhosts/deb13-postfix.evidence"), StringComparison.Ordinal);
        foreach (var policy in new[] { Policy.UpstreamBranch, Policy.Vendor })
        {
            var m = Assert.Single(Bundles.Judge(bundle, policy).Mtas);
            Assert.True(m.Verdict == Verdict.Vulnerable, $"{policy}: {m.Verdict}: " + string.Join(" | ", m.Reasons.Select(r => r.En)));
            Assert.Contains(m.Reasons, r => r.En.Contains("older than 3.10.14, the newest patch of the supported 3.10 series", StringComparison.Ordinal));
            Assert.Contains(m.Cves, c => c.Id == "POSTFIX-2026-09-QUALYS-OPENAI" && c.FixedIn == "3.10.14");
        }
    }

    [Theory]
    [InlineData(Policy.UpstreamBranch)]
    [InlineData(Policy.UpstreamLatest)]
    [InlineData(Policy.Vendor)] // a source build under the vendor policy is judged by upstream-branch (U45Rule)
    public void Exim_4_99_5_is_vulnerable_under_every_policy(Policy policy)
    {
        var j = VersionJudge.Judge("exim", V("4.99.5"), Kb, policy == Policy.Vendor ? Policy.UpstreamBranch : policy);
        Assert.Equal(Verdict.Vulnerable, j.Verdict);
        Assert.Equal("4.100.1", j.Target);
        Assert.Equal(["CVE-2026-94054", "CVE-2026-94055", "CVE-2026-94056", "CVE-2026-94057"], j.Cves.Where(c => c.Counts).Select(c => c.Id).Order());
    }

    [Theory]
    [InlineData("exim", "4.100.1")]
    [InlineData("postfix", "3.11.7")]
    public void The_newest_releases_are_good_under_upstream_latest(string mta, string version)
    {
        var j = VersionJudge.Judge(mta, V(version), Kb, Policy.UpstreamLatest);
        Assert.Equal(Verdict.Good, j.Verdict);
        Assert.StartsWith($"{version} is the newest upstream release", j.Reasons[0].En, StringComparison.Ordinal);
        Assert.DoesNotContain(j.Cves, c => c.Counts);
    }

    [Fact]
    public void Advisories_without_cve_ids_are_records_with_date_ranges_and_fixes()
    {
        var a = Kb.For("postfix")!.Cves.Single(c => c.Id == "POSTFIX-2026-09-QUALYS-OPENAI");
        Assert.True(a.IsAdvisory);
        Assert.Equal("2026-09-08", a.Date);
        Assert.Equal(["3.8.21", "3.9.15", "3.10.14", "3.11.7"], a.FixedVersions);
        Assert.Contains("smtpd_proxy_filter", a.Requires!.Config);
        Assert.NotEmpty(a.Sources!);
        var rekeyed = Kb.For("exim")!.Cves.Single(c => c.Aliases?.Contains("EXIM-Security-2026-05-19.1") == true);
        Assert.Equal("CVE-2026-48840", rekeyed.Id);
    }

    [Fact]
    public void Libc_is_read_from_ldd()
    {
        // Captured on this machine (Debian 12 build host) by the collector's os.libc probe.
        Assert.Equal("glibc 2.36", LibcParser.Parse("ldd (Debian GLIBC 2.36-9+deb12u14) 2.36\nCopyright (C) 2022 Free Software Foundation, Inc.\n/lib/x86_64-linux-gnu/libc.so.6\n"));
        Assert.Null(LibcParser.Parse(""));
    }
}
