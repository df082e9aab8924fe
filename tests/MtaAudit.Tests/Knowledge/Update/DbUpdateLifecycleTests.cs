using System.Security.Cryptography.X509Certificates;
using MtaAudit.Assess;
using MtaAudit.Knowledge;
using MtaAudit.Knowledge.Update;
using MtaAudit.Parse;
using MtaAudit.Tests.Support;
using MtaAudit.Versions;

namespace MtaAudit.Tests.Knowledge.Update;

/// <summary>
/// The OS lifecycle (endoflife.date API answer for rhel) and release-list (endoflife.date release-data for exim)
/// sources of db update, served from real captured answers (Fixtures/db/README.md): their dates and releases
/// reach the judgement; a corrupted or cut answer of either leaves the previous overlay byte for byte.
/// </summary>
public sealed class DbUpdateLifecycleTests : IDisposable
{
    private readonly LoopbackHttpsServer _server = LoopbackHttpsServer.WithCapturedAnswers();
    private readonly string _dir = Directory.CreateTempSubdirectory("mta-audit-dblifecycle-").FullName;

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private HttpsDownloader Trusting() => new(TimeSpan.FromSeconds(20), new X509Certificate2Collection(_server.Ca));
    private string Overlay => KnowledgeStore.OverlayPath(_dir);

    private async Task UpdateOnce()
    {
        using var http = Trusting();
        var r = await KnowledgeUpdater.Update(http, _server.Sources, _dir);
        Assert.Equal((6, 65), (r.Import!.OsLifecycle, r.Import.Releases));
    }

    [Fact]
    public async Task An_overlay_eol_date_replaces_the_embedded_one_and_the_os_judgement_uses_it()
    {
        var embedded = KnowledgeBaseLoader.LoadEmbedded();
        var el7 = FactsBuilder.Build(Bundles.Of("el7", ("probe=os.release rc=0", Fixture.Output("linux/release-file-redhat_7.7_etc_os-release.txt"))));
        var day = new DateOnly(2028, 12, 1);
        // Embedded (the reference of 2026-08-22): RHEL 7 ELS runs to 2029-05-31, so on this day it is still on offer.
        Assert.Equal(new DateOnly(2029, 5, 31), OsLifecycleJudge.RecordFor(el7.Os, embedded)!.Extended.Single().End);
        var before = OsLifecycleJudge.Of(el7, embedded, day)!;
        Assert.Contains("so no Extended Life Cycle Support source is shown", before.Reason.En, StringComparison.Ordinal);

        await UpdateOnce();
        var kb = KnowledgeStore.Load(_dir);
        // The captured answer (endoflife.date, 2023) says ELS for 7 ends 2028-06-30: the overlay's date wins.
        var record = OsLifecycleJudge.RecordFor(el7.Os, kb)!;
        Assert.Equal(new DateOnly(2028, 6, 30), record.Extended.Single().End);
        Assert.Equal(new DateOnly(2024, 6, 30), record.StandardSupportEnd);
        Assert.Contains("endoflife.date rhel", record.Sources);
        var after = OsLifecycleJudge.Of(el7, kb, day)!;
        Assert.False(after.Supported);
        Assert.DoesNotContain("Extended Life Cycle Support", after.Reason.En, StringComparison.Ordinal); // no paid program left to buy
        // Releases of other OSes keep their embedded dates.
        Assert.Equal(embedded.OsLifecycle.Where(r => r.Os == "Debian"), kb.OsLifecycle.Where(r => r.Os == "Debian"));
        // db status: the refreshed sources' data dates.
        Assert.Contains(kb.DataThrough, d => d.Source == "os lifecycle (endoflife.date rhel)" && d.Through == "2023-05-16");
        Assert.Contains(kb.DataThrough, d => d.Source == "exim releases (release-data exim)" && d.Through == "2024-07-10");
    }

    [Fact]
    public async Task A_listed_release_newer_than_the_embedded_newest_makes_it_no_longer_newest()
    {
        // A knowledge base built before Exim 4.98 (2024-07-10): the embedded one cut back to what was out by
        // 2023-12-25, without CVEs so the verdict speaks of releases alone.
        var embedded = KnowledgeBaseLoader.LoadEmbedded();
        var cutoff = UpstreamVersion.Parse("4.97.1");
        var exim = embedded.For("exim")!;
        var exim2023 = exim with
        {
            NewestRelease = "4.97.1",
            NewestReleaseDate = "2023-12-25",
            Releases = [.. exim.Releases.Where(r => UpstreamVersion.TryParse(r, out var v) && v <= cutoff)],
            ReleaseHistory = [.. (exim.ReleaseHistory ?? []).Where(r => UpstreamVersion.TryParse(r.Version, out var v) && v <= cutoff)],
            Branches = [.. exim.Branches.Where(b => UpstreamVersion.TryParse(b.LatestPatch, out var v) && v <= cutoff)],
            Cves = [],
        };
        var old = new KnowledgeBase(embedded.Version, embedded.Date, [.. embedded.Mtas.Values.Where(m => m.Mta != "exim"), exim2023],
            embedded.VendorPackages, embedded.OsLifecycle, embedded.DataThrough);
        var running = UpstreamVersion.Parse("4.97.1");
        var before = VersionJudge.Judge("exim", running, old, Policy.UpstreamLatest);
        Assert.Equal(Verdict.Good, before.Verdict);

        await UpdateOnce();
        var merged = KnowledgeStore.Merge(old, KnowledgeStore.ReadOverlay(Overlay));
        Assert.Equal(("4.98", "2024-07-10"), (merged.For("exim")!.NewestRelease, merged.For("exim")!.NewestReleaseDate));
        var after = VersionJudge.Judge("exim", running, merged, Policy.UpstreamLatest);
        Assert.Equal(Verdict.Vulnerable, after.Verdict);
        Assert.Contains(after.Reasons, r => r.En == "4.97.1 is older than the newest upstream release 4.98");
        // Against today's embedded data the old list adds nothing newer: 4.100.1 stays the newest.
        Assert.Equal("4.100.1", KnowledgeStore.Load(_dir).For("exim")!.NewestRelease);
    }

    [Theory]
    [InlineData(LoopbackHttpsServer.RhelPath, Damage.Corrupt, "endoflife.date rhel: not a valid answer")]
    [InlineData(LoopbackHttpsServer.RhelPath, Damage.Cut, "endoflife.date rhel: ")]
    [InlineData(LoopbackHttpsServer.EximReleasesPath, Damage.Corrupt, "release-data exim: not a valid answer")]
    [InlineData(LoopbackHttpsServer.EximReleasesPath, Damage.Cut, "release-data exim: ")]
    public async Task A_corrupted_or_cut_answer_leaves_the_previous_overlay_in_place(string path, Damage damage, string problem)
    {
        await UpdateOnce();
        var before = File.ReadAllBytes(Overlay);

        (_server.Damage, _server.DamageOnly) = (damage, path);
        using var http = Trusting();
        var e = await Assert.ThrowsAsync<UpdateException>(() => KnowledgeUpdater.Update(http, _server.Sources, _dir));
        Assert.StartsWith(problem, e.Message, StringComparison.Ordinal);
        if (damage == Damage.Cut) Assert.Contains("cut", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Overlay));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void An_answer_that_is_valid_json_but_not_a_cycle_list_is_refused()
    {
        // The OSV answer served where endoflife.date's belongs: read as a lifecycle answer it is refused.
        var osv = File.ReadAllBytes(Fixture.PathOf("db/osv-query-answer.json"));
        var e = Assert.Throws<UpdateException>(() => KnowledgeUpdater.Validate("endoflife.date rhel", osv));
        Assert.Contains("expected the array of cycles, found an object", e.Message, StringComparison.Ordinal);
        var r = Assert.Throws<UpdateException>(() => KnowledgeUpdater.Validate("release-data exim", File.ReadAllBytes(Fixture.PathOf("db/endoflife-rhel.json"))));
        Assert.Contains("$", r.Message, StringComparison.Ordinal);
    }
}
