using MtaAudit.Assess;
using MtaAudit.Evidence;
using MtaAudit.Knowledge;
using MtaAudit.Parse;

namespace MtaAudit.Tests.Hosts;

/// <summary>
/// A vendor update proven for real: on deb12- and deb13-postfix-update, tests/hosts/local-update.sh puts a newer
/// build of the installed postfix (the same files, version "+mtaaudit1") in a local file-based apt
/// repository. The collector must show it in pkg.updates and the vendor policy must call Postfix
/// VULNERABLE because of it; once it is installed from that repository, the update is gone and so is
/// that reason. The host boots with --volatile=overlay, so all of this is undone at its next boot.
/// </summary>
[Collection(TestHostsCollection.Name)]
[Trait("Category", "TestHost")]
public sealed class PendingUpdateTests(TestHostsFixture hosts)
{
    private static readonly TimeSpan CollectTimeout = TimeSpan.FromMinutes(2);

    // The vendor policy's reason for a pending update lists "package from → to" (VendorJudge); its GOOD
    // reason says "no vendor update is pending", so the arrow to the new version is what tells them apart.
    private static bool NamesPendingUpdate(Localized reason, string toVersion) =>
        reason.En.Contains("pending", StringComparison.OrdinalIgnoreCase) &&
        reason.En.Contains("→ " + toVersion, StringComparison.Ordinal);

    public static IEnumerable<object[]> Hosts => [["deb12-postfix-update"], ["deb13-postfix-update"]];

    [Theory, MemberData(nameof(Hosts))]
    public void Local_repository_update_is_pending_then_installed(string host)
    {
        Host = host;
        var installed = DpkgVersion();
        var (rc, stdout, stderr) = hosts.Exec(Host, File.ReadAllText(Path.Combine(RepoPaths.HostsDir, "local-update.sh")),
            TimeSpan.FromMinutes(2));
        Assert.True(rc == 0, $"local-update.sh failed (rc {rc}): {stderr}");
        var newer = stdout.Trim();
        Assert.Equal(installed + "+mtaaudit1", newer);

        // Before: the collector shows the candidate, the facts hold the update, vendor judges VULNERABLE.
        var before = Collect("pending");
        var facts = FactsBuilder.Build(before);
        Assert.Contains(PendingUpdatesParserProbe, facts.Collected);
        var update = Assert.Single(facts.Updates, u => u.Package == "postfix");
        Assert.Equal(("dpkg", installed, newer), (update.Manager, update.FromVersion, update.ToVersion));
        Assert.NotNull(facts.RepoAgeDays);
        Assert.InRange(facts.RepoAgeDays!.Value, 0, 1); // the local list was just updated

        var finding = PostfixFinding(before);
        Assert.Equal(Verdict.Vulnerable, finding.Verdict);
        Assert.Contains(finding.Reasons, r => NamesPendingUpdate(r, newer));

        // Install it from the local repository: the only source that has it.
        (rc, _, stderr) = hosts.Exec(Host, "DEBIAN_FRONTEND=noninteractive apt-get install -y postfix", TimeSpan.FromMinutes(3));
        Assert.True(rc == 0, $"apt-get install postfix failed (rc {rc}): {stderr}");
        Assert.Equal(newer, DpkgVersion());

        // After: checked, none pending; no longer VULNERABLE for a pending update.
        var after = Collect("installed");
        facts = FactsBuilder.Build(after);
        Assert.Contains(PendingUpdatesParserProbe, facts.Collected);
        Assert.Empty(facts.Updates);
        finding = PostfixFinding(after);
        Assert.DoesNotContain(finding.Reasons, r => NamesPendingUpdate(r, newer));
        // Now GOOD, unless an upstream vulnerability of the version that counts is not known to be fixed by
        // the vendor (Debian 12's postfix 3.7.11: five such; Debian 13's 3.10.13: POSTFIX-2026-09-QUALYS-OPENAI,
        // fixed upstream in 3.10.14 on 2026-09-08 and not in Debian's changelog read here, so MANUAL).
        var unknown = finding.Cves.Where(c => c.Vendor == VendorJudge.NotKnownFixed && c.Counts).ToList();
        Assert.Equal(unknown.Count > 0 ? Verdict.Manual : Verdict.Good, finding.Verdict);
        if (host == "deb13-postfix-update") Assert.Contains(unknown, c => c.Id == "POSTFIX-2026-09-QUALYS-OPENAI");
    }

    private string Host { get; set; } = "";

    private const string PendingUpdatesParserProbe = MtaAudit.Parse.Vendor.PendingUpdatesParser.Probe;

    private static MtaFinding PostfixFinding(EvidenceBundle bundle)
    {
        var report = Analyzer.Analyze(bundle, new AnalysisOptions(KnowledgeBaseLoader.LoadEmbedded(), Policy.Vendor));
        return Assert.Single(report.Mtas, m => m.Mta == "postfix");
    }

    /// <summary>Collects inside the host; MTA_AUDIT_CAPTURE=1 also saves the bundle as Fixtures/testhosts/HOST.STAGE.evidence.</summary>
    private EvidenceBundle Collect(string stage)
    {
        var (rc, stdout, stderr) = hosts.Exec(Host, File.ReadAllText(RepoPaths.Collector), CollectTimeout);
        Assert.True(rc == 0, $"collector exited {rc}: {stderr}");
        if (Environment.GetEnvironmentVariable("MTA_AUDIT_CAPTURE") == "1")
        {
            Directory.CreateDirectory(RepoPaths.CaptureDir);
            File.WriteAllText(Path.Combine(RepoPaths.CaptureDir, $"{Host}.{stage}.evidence"), stdout);
        }
        var read = Assert.Single(BundleReader.Read(stdout, Host + ".evidence"));
        Assert.True(read.Error is null, $"bundle error: {read.Error}");
        Assert.False(read.Bundle!.Truncated, "bundle truncated");
        return read.Bundle;
    }

    private string DpkgVersion()
    {
        var (rc, stdout, stderr) = hosts.Exec(Host, "dpkg-query -W -f='${Version}' postfix", TimeSpan.FromSeconds(30));
        Assert.True(rc == 0, $"dpkg-query postfix: {stderr}");
        return stdout.Trim();
    }
}
