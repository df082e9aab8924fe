using MtaAudit.Assess;
using MtaAudit.Knowledge;
using MtaAudit.Parse;
using MtaAudit.Parse.Vendor;

namespace MtaAudit.Tests.Parse.Vendor;

/// <summary>
/// Bundles the collector printed on the test host deb12-postfix-update (see PendingUpdateTests):
/// after tests/hosts/local-update.sh offered postfix 3.7.11-0+deb12u1+mtaaudit1 from a local
/// file: repository (".pending"), and after apt-get installed it (".installed"). Offline twins of
/// that host test, so the parsers and the vendor policy are checked without root or booted hosts.
/// </summary>
public class LocalRepositoryBundleTests
{
    private const string Newer = "3.7.11-0+deb12u1+mtaaudit1";

    [Fact]
    public void Pending_update_from_the_local_repository()
    {
        var bundle = TestHostBundles.Bundle("deb12-postfix-update.pending");
        var facts = FactsBuilder.Build(bundle);
        var u = Assert.Single(facts.Updates);
        Assert.Equal(("dpkg", "postfix", "3.7.11-0+deb12u1", Newer, (string?)null),
            (u.Manager, u.Package, u.FromVersion, u.ToVersion, u.Source));
        // now=1796092427; the local repository's Release was written at that second, but the age is
        // the oldest security source's: bookworm-security_InRelease at 1796071669.
        Assert.Equal((1796092427 - 1796071669) / 86400.0, facts.RepoAgeDays!.Value, 9);

        var report = Analyzer.Analyze(bundle, new AnalysisOptions(KnowledgeBaseLoader.LoadEmbedded(), Policy.Vendor));
        var postfix = Assert.Single(report.Mtas);
        Assert.Equal(Verdict.Vulnerable, postfix.Verdict);
        Assert.Contains(postfix.Reasons, r => r.En.Contains("→ " + Newer, StringComparison.Ordinal));
    }

    [Fact]
    public void Installed_update_leaves_nothing_pending()
    {
        var bundle = TestHostBundles.Bundle("deb12-postfix-update.installed");
        var facts = FactsBuilder.Build(bundle);
        Assert.True(facts.Has(PendingUpdatesParser.Probe));
        Assert.Empty(facts.Updates);
        Assert.Equal(Newer, facts.Packages.Single(p => p.Name == "postfix").Version);

        var report = Analyzer.Analyze(bundle, new AnalysisOptions(KnowledgeBaseLoader.LoadEmbedded(), Policy.Vendor));
        var postfix = Assert.Single(report.Mtas);
        Assert.NotEqual(Verdict.Vulnerable, postfix.Verdict);
        Assert.DoesNotContain(postfix.Reasons, r => r.En.Contains("→ " + Newer, StringComparison.Ordinal));
    }
}
