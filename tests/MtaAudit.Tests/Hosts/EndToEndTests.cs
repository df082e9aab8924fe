using MtaAudit.Assess;
using MtaAudit.Evidence;
using MtaAudit.Knowledge;

namespace MtaAudit.Tests.Hosts;

/// <summary>
/// The whole pipeline on real hosts: the repository's collector runs inside each test host, its
/// bundle is read and analysed, and the report must say what the host really is (hosts.tsv, checked
/// by <see cref="HostIdentityTests"/>) with the version dpkg reports inside that host.
/// MTA_AUDIT_CAPTURE=1 also saves each bundle as Fixtures/testhosts/NAME.evidence in the source tree.
/// </summary>
[Collection(TestHostsCollection.Name)]
[Trait("Category", "TestHost")]
public sealed class EndToEndTests(TestHostsFixture hosts)
{
    private static readonly TimeSpan CollectTimeout = TimeSpan.FromMinutes(2);

    public static IEnumerable<object[]> Hosts => TestHostsFixture.HostNames;

    [Theory, MemberData(nameof(Hosts))]
    public void Report_matches_the_host(string name)
    {
        var spec = TestHostsFixture.Spec(name);
        var collector = ReadCollector();

        var (rc, stdout, stderr) = hosts.Exec(name, collector, CollectTimeout);
        Assert.True(rc == 0, $"{name}: collector exited {rc}: {stderr}");
        if (Environment.GetEnvironmentVariable("MTA_AUDIT_CAPTURE") == "1")
        {
            Directory.CreateDirectory(RepoPaths.CaptureDir);
            File.WriteAllText(Path.Combine(RepoPaths.CaptureDir, name + ".evidence"), stdout);
        }

        var read = Assert.Single(BundleReader.Read(stdout, name + ".evidence"));
        Assert.True(read.Error is null, $"{name}: bundle error: {read.Error}");
        var bundle = read.Bundle!;
        Assert.False(bundle.Truncated, $"{name}: bundle truncated");

        var kb = KnowledgeBaseLoader.LoadEmbedded();
        var report = Analyzer.Analyze(bundle, new AnalysisOptions(kb));
        Assert.True(report.Complete, $"{name}: evidence incomplete: {string.Join("; ", report.Errors)}");

        // The collector records the host's own address (net.addr, ip -o addr inside the host); the
        // reports show it, loopback left out: the text table and detail, and the CSV's IP column.
        var ctx = MtaAudit.Render.HostContextReader.Of(bundle);
        Assert.Equal([spec.Address], ctx.Addresses);
        Assert.True(MtaAudit.Parse.FactsBuilder.Build(bundle).Addresses.IsKnown);
        var text = Tests.Render.ReportSamples.Text(Tests.Render.ReportSamples.Render("text", [(report, ctx)]));
        Assert.Contains("IP: " + spec.Address, text, StringComparison.Ordinal);
        var csv = Tests.Render.ReportSamples.Text(Tests.Render.ReportSamples.Render("csv", [(report, ctx)]));
        Assert.Contains("," + spec.Address + ",", csv, StringComparison.Ordinal);

        if (!spec.HasMta)
        {
            Assert.Empty(report.Mtas);
            Assert.Equal(Verdict.Good, report.Verdict);
            return;
        }
        // One finding only: on Postfix, Exim and OpenSMTPD hosts /usr/sbin/sendmail is a wrapper, not Sendmail.
        var finding = Assert.Single(report.Mtas);
        Assert.Equal(spec.Mta, finding.Mta);
        Assert.Equal(UpstreamPart(PackageVersion(name, spec.MainPackage!)), finding.Version);
        Assert.Equal(spec.Running, finding.Running);
        Assert.Equal(spec.Running, finding.Enabled);

        // The upstream-branch verdict, derived here from hosts.tsv, dpkg and the knowledge base alone.
        var facts = MtaAudit.Parse.FactsBuilder.Build(bundle);
        var upstream = Assert.Single(Analyzer.Analyze(bundle, new AnalysisOptions(kb, Policy.UpstreamBranch)).Mtas);
        Assert.Equal(ExpectedUpstreamBranchVerdict(spec, finding.Version!, kb, facts), upstream.Verdict);

        // upstream-latest, the guide's literal reading: every MTA in use below the newest release is VULNERABLE.
        var latest = Assert.Single(Analyzer.Analyze(bundle, new AnalysisOptions(kb, Policy.UpstreamLatest)).Mtas);
        var older = MtaAudit.Versions.UpstreamVersion.Parse(finding.Version!) < MtaAudit.Versions.UpstreamVersion.Parse(kb.For(spec.Mta)!.NewestRelease);
        Assert.Equal(!spec.Running ? Verdict.Good : older ? Verdict.Vulnerable : Verdict.Good, latest.Verdict);

        // vendor (the default): what the package's own changelog, read here inside the host, and the
        // knowledge base support. The test hosts' packages are their release's current ones and
        // nothing is pending, so an MTA in use is GOOD exactly when every upstream CVE of its version
        // is named in its changelog or the knowledge base's vendor fixes, else MANUAL.
        // A release past its support (Debian 11 after its LTS, no ELTS source on the test hosts) is judged by upstream,
        // with a GOOD there turned MANUAL, and says so.
        var os = OsLifecycleJudge.Of(facts, kb, DateOnly.FromDateTime(DateTime.UtcNow));
        if (spec.Running && os is { Supported: false })
        {
            var eol = ExpectedUpstreamBranchVerdict(spec, finding.Version!, kb, facts);
            Assert.Equal(eol == Verdict.Good ? Verdict.Manual : eol, finding.Verdict);
            Assert.Contains(finding.Reasons, r => r.En.StartsWith("OS end of life since ", StringComparison.Ordinal));
        }
        else if (name != "deb12-postfix-update") // that host gets a pending update in PendingUpdateTests
            Assert.Equal(ExpectedVendorVerdict(name, spec, finding, report.Os, kb, facts), finding.Verdict);
    }

    private Verdict ExpectedVendorVerdict(string host, HostSpec spec, MtaFinding finding, MtaAudit.Facts.OsInfo os, KnowledgeBase kb, MtaAudit.Facts.HostFacts facts)
    {
        if (!spec.Running) return Verdict.Good;
        var (rc, log, err) = hosts.Exec(host,
            $"gzip -dc /usr/share/doc/{spec.MainPackage}/changelog.Debian.gz | grep -o 'CVE-[0-9]*-[0-9]*' | sort -u", TimeSpan.FromSeconds(30));
        Assert.True(rc == 0, $"{host}: reading the changelog: {err}");
        var named = log.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var installed = finding.Package!.Version;
        var vendorFixed = kb.VendorPackagesFor("debian", os.Version!, spec.Mta)
            .Where(p => p.Version.Length > 0 && MtaAudit.Versions.DebianVersion.TryParse(p.Version, out var pv)
                        && MtaAudit.Versions.DebianVersion.Compare(pv, MtaAudit.Versions.DebianVersion.Parse(installed)) <= 0)
            .SelectMany(p => p.FixedCves).ToHashSet(StringComparer.Ordinal);
        // Vulnerabilities whose build precondition the host shows absent, or that no release fixes, do not count.
        var cves = VersionJudge.Cves(spec.Mta, MtaAudit.Versions.UpstreamVersion.Parse(finding.Version!), kb, facts).Where(c => c.Counts);
        return cves.All(c => named.Contains(c.Id) || vendorFixed.Contains(c.Id)) ? Verdict.Good : Verdict.Manual;
    }

    /// <summary>
    /// Stopped and disabled: not in use, GOOD. Running: GOOD only at the newest patch of a supported
    /// series with no known CVE; newer than the knowledge base: MANUAL; else VULNERABLE.
    /// </summary>
    private static Verdict ExpectedUpstreamBranchVerdict(HostSpec spec, string version, KnowledgeBase kb, MtaAudit.Facts.HostFacts facts)
    {
        if (!spec.Running) return Verdict.Good;
        var v = MtaAudit.Versions.UpstreamVersion.Parse(version);
        var k = kb.For(spec.Mta)!;
        if (v > MtaAudit.Versions.UpstreamVersion.Parse(k.NewestRelease)) return Verdict.Manual;
        var branch = k.Branches.FirstOrDefault(b => b.Branch == $"{v.Major}.{v.Minor}");
        bool newestOfSupported = branch is { Supported: true } && v >= MtaAudit.Versions.UpstreamVersion.Parse(branch.LatestPatch);
        return newestOfSupported && !VersionJudge.Cves(spec.Mta, v, kb, facts).Any(c => c.Counts) ? Verdict.Good : Verdict.Vulnerable;
    }

    /// <summary>The installed package's Debian version, as dpkg inside the host reports it.</summary>
    private string PackageVersion(string host, string package)
    {
        var (rc, stdout, stderr) = hosts.Exec(host, $"dpkg-query -W -f='${{Version}}' {package}", TimeSpan.FromSeconds(30));
        Assert.True(rc == 0, $"{host}: dpkg-query {package}: {stderr}");
        return stdout.Trim();
    }

    /// <summary>"3.7.11-0+deb12u1" -> "3.7.11", "1:2.3-4" -> "2.3": no epoch, no Debian revision.</summary>
    internal static string UpstreamPart(string debianVersion)
    {
        var v = debianVersion;
        int colon = v.IndexOf(':');
        if (colon >= 0) v = v[(colon + 1)..];
        int dash = v.LastIndexOf('-');
        return dash >= 0 ? v[..dash] : v;
    }

    /// <summary>The collector as committed in this repository; a clear failure while it is missing or a placeholder.</summary>
    private static string ReadCollector()
    {
        var path = RepoPaths.Collector;
        Assert.True(File.Exists(path), $"collector not found at {path}: it is being written; these tests need it");
        var text = File.ReadAllText(path);
        Assert.True(text.Contains(EvidenceBundle.Magic, StringComparison.Ordinal),
            $"{path} does not print '{EvidenceBundle.Magic}': still a placeholder?");
        return text;
    }
}

public sealed class UpstreamPartTests
{
    [Theory]
    [InlineData("3.7.11-0+deb12u1", "3.7.11")]
    [InlineData("4.96-15+deb12u7", "4.96")]
    [InlineData("8.17.1.9-2", "8.17.1.9")]
    [InlineData("6.8.0p2-4", "6.8.0p2")]
    [InlineData("1:2.3-4-5", "2.3-4")]
    [InlineData("7.3", "7.3")]
    public void Strips_epoch_and_debian_revision(string debian, string upstream) =>
        Assert.Equal(upstream, EndToEndTests.UpstreamPart(debian));
}
