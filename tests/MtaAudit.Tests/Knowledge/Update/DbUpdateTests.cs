using System.Security.Cryptography.X509Certificates;
using MtaAudit.Knowledge;
using MtaAudit.Knowledge.Update;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Knowledge.Update;

/// <summary>
/// db update / db fetch / db update --from against a loopback HTTPS server serving real records
/// (Fixtures/db/README.md): a complete update writes the overlay; a corrupted, cut or partial answer, or an
/// untrusted certificate, leaves the previous overlay byte for byte.
/// </summary>
public sealed class DbUpdateTests : IDisposable
{
    private readonly LoopbackHttpsServer _server = LoopbackHttpsServer.WithCapturedAnswers();
    private readonly string _dir = Directory.CreateTempSubdirectory("mta-audit-dbupdate-").FullName;

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private HttpsDownloader Trusting() => new(TimeSpan.FromSeconds(20), new X509Certificate2Collection(_server.Ca));
    private IReadOnlyList<UpdateSource> Sources => _server.Sources;
    private string Overlay => KnowledgeStore.OverlayPath(_dir);

    [Fact]
    public async Task A_complete_update_writes_the_overlay_and_the_merged_knowledge_uses_it()
    {
        using var http = Trusting();
        var r = await KnowledgeUpdater.Update(http, Sources, _dir);
        Assert.Equal(Sources.Count, r.Sources);
        Assert.Equal(Sources.Count, _server.Requests);
        Assert.True(r.Import!.Changed);
        var kb = KnowledgeStore.Load(_dir);
        Assert.Contains(kb.For("exim")!.Cves, c => c.Id == "CVE-2019-10149");
        Assert.Contains(kb.VendorPackages, p => p.Distro == "Ubuntu" && p.Mta == "postfix" && p.FixedCves.Contains("CVE-2023-51764"));
        // An import says nothing of how far the public data runs: the dates stay the embedded ones.
        Assert.Equal(KnowledgeBaseLoader.LoadEmbedded().DataRunsTo, kb.DataRunsTo);
    }

    [Theory]
    [InlineData(Damage.Corrupt, "not a valid answer")]
    [InlineData(Damage.Cut, "cut")]
    [InlineData(Damage.PartialNvdPage, "partial NVD answer: 1 of 2000 results")]
    public async Task A_bad_answer_leaves_the_previous_overlay_in_place(Damage damage, string problem)
    {
        using (var http = Trusting()) await KnowledgeUpdater.Update(http, Sources, _dir);
        var before = File.ReadAllBytes(Overlay);

        _server.Damage = damage;
        using var again = Trusting();
        var e = await Assert.ThrowsAsync<UpdateException>(() => KnowledgeUpdater.Update(again, Sources, _dir));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Overlay));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public async Task An_untrusted_certificate_is_refused_and_nothing_is_written()
    {
        using var http = new HttpsDownloader(TimeSpan.FromSeconds(20)); // system roots only
        var e = await Assert.ThrowsAsync<UpdateException>(() => KnowledgeUpdater.Update(http, Sources, _dir));
        Assert.Contains("download failed", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Overlay));
    }

    [Fact]
    public async Task Plain_http_is_refused_before_any_connection()
    {
        using var http = Trusting();
        var e = await Assert.ThrowsAsync<UpdateException>(() => http.GetAsync(new UpdateSource("x", new Uri("http://127.0.0.1:1/v1/query"))));
        Assert.Contains("not HTTPS", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_then_update_from_the_directory_gives_the_same_overlay_and_a_damaged_copy_changes_nothing()
    {
        var carried = Path.Combine(_dir, "carried");
        using (var http = Trusting()) await KnowledgeUpdater.Fetch(http, Sources, carried);
        Assert.True(File.Exists(Path.Combine(carried, KnowledgeUpdater.ManifestName)));

        var airGapped = Path.Combine(_dir, "inside");
        var r = KnowledgeUpdater.FromDirectory(carried, airGapped);
        Assert.True(r.Import!.Changed);
        Assert.Contains(KnowledgeStore.Load(airGapped).For("exim")!.Cves, c => c.Id == "CVE-2019-10149");
        // The lifecycle and release answers travel with the manifest too.
        var manifest = File.ReadAllText(Path.Combine(carried, KnowledgeUpdater.ManifestName));
        Assert.Contains("\tendoflife.date rhel\t", manifest, StringComparison.Ordinal);
        Assert.Contains("\trelease-data exim\t", manifest, StringComparison.Ordinal);
        var overlay = KnowledgeStore.ReadOverlay(KnowledgeStore.OverlayPath(airGapped));
        Assert.Equal(6, overlay.OsLifecycle!.Count);
        Assert.Contains(overlay.Releases!, r => r.Mta == "exim" && r.Version == "4.98" && r.Date == "2024-07-10");
        var before = File.ReadAllBytes(KnowledgeStore.OverlayPath(airGapped));

        // Cut in transfer: the checksum no longer matches.
        var first = Directory.GetFiles(carried, "001-*.json").Single();
        var bytes = File.ReadAllBytes(first);
        File.WriteAllBytes(first, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<UpdateException>(() => KnowledgeUpdater.FromDirectory(carried, airGapped));
        Assert.Contains("does not match its checksum", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(KnowledgeStore.OverlayPath(airGapped)));
    }
}
