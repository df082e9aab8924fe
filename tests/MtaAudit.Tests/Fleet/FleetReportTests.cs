using System.Text;
using MtaAudit.Assess;
using MtaAudit.Collect.Ssh;
using MtaAudit.Evidence;
using MtaAudit.Fleet;
using MtaAudit.Knowledge;
using MtaAudit.Render;
using MtaAudit.Store;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Fleet;

/// <summary>The report of a fleet run, from the store, on real bundles of the Debian test hosts.</summary>
public sealed class FleetReportTests : IDisposable
{
    private static readonly AnalysisOptions Analysis = new(KnowledgeStore.Load(), Policy.Vendor, false);
    private readonly string _store = Path.Combine(Path.GetTempPath(), $"mta-fleet-report-{Guid.NewGuid():N}.sqlite");

    public void Dispose()
    {
        foreach (var f in new[] { _store, _store + "-wal", _store + "-shm" }) File.Delete(f);
    }

    private static byte[] Bundle(string name) => File.ReadAllBytes(Fixture.PathOf($"testhosts/{name}.evidence"));

    [Fact]
    public void The_inventory_name_is_the_key_and_the_bundles_host_line_is_only_shown()
    {
        var h = FleetReport.Judge("mx1.example", Bundle("deb12-postfix"), null, Analysis, "ssh root@192.0.2.1")!;
        Assert.Equal("mx1.example", h.Host);
        Assert.Equal("ssh root@192.0.2.1", h.Source);
        var direct = Analyzer.Analyze(BundleReader.Read(Encoding.UTF8.GetString(Bundle("deb12-postfix"))).Single().Bundle!, Analysis);
        Assert.Equal(direct.Verdict, h.Verdict); // the same judgement as analyze
    }

    [Fact]
    public void The_bundles_own_name_is_worded_beside_the_source_in_each_language()
    {
        using var store = FleetStore.Open(_store);
        var run = store.NewRun([new Target("mx1.example", "192.0.2.1", 22, "root")], "test");
        store.Save(run, "mx1.example", new HostCollection(Bundle("deb12-postfix"), null, null, 0, TimeSpan.FromSeconds(2)), "x");
        var (host, context) = Assert.Single(FleetReport.Entries(store, run, Analysis));
        Assert.Equal(("mx1.example", "ssh root@192.0.2.1", "deb12-postfix"), (host.Host, host.Source, context.CallsItself));
        var now = DateTimeOffset.UtcNow;
        var ko = Written(s => new TextSink(s), [(host, context)], ReportMeta.Of(Analysis, Lang.Ko, now));
        var en = Written(s => new TextSink(s), [(host, context)], ReportMeta.Of(Analysis, Lang.En, now));
        Assert.Contains("  수집 경로: ssh root@192.0.2.1 (번들의 호스트 이름: 'deb12-postfix')\n", ko, StringComparison.Ordinal);
        Assert.Contains(": ssh root@192.0.2.1 (calls itself 'deb12-postfix')\n", en, StringComparison.Ordinal);
        // JSON keeps the source as it is and names the bundle's own host apart; read back, it is worded again.
        var json = Written(s => new JsonSink(s), [(host, context)], ReportMeta.Of(Analysis, Lang.En, now));
        var doc = Assert.Single(JsonReport.Read(new MemoryStream(Encoding.UTF8.GetBytes(json))).Hosts);
        Assert.Equal(("ssh root@192.0.2.1", "deb12-postfix"), (doc.Source, doc.CallsItself));
        Assert.Equal("deb12-postfix", JsonReport.ToHost(doc).Item2.CallsItself);
    }

    [Theory]
    [InlineData(HostFailure.OutputCut)]
    [InlineData(HostFailure.Timeout)]
    public void A_collection_that_did_not_end_cleanly_is_never_good(HostFailure failure)
    {
        var clean = FleetReport.Judge("a", Bundle("deb12-none"), null, Analysis)!;
        Assert.Equal(Verdict.Good, clean.Verdict);
        var cut = FleetReport.Judge("a", Bundle("deb12-none"), failure, Analysis)!;
        Assert.Equal(Verdict.Manual, cut.Verdict);
        Assert.False(cut.Complete);
        Assert.Contains(cut.Errors, e => e.Code == "fleet.error-partial" && e.En.StartsWith(failure.Name() + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void Streamed_json_and_text_are_the_documents_analyze_renders()
    {
        using var store = FleetStore.Open(_store);
        var targets = new[] { new Target("mx1", "192.0.2.1"), new Target("mx2", "192.0.2.2", 2222, "ops"), new Target("mx3", "192.0.2.3") };
        var run = store.NewRun(targets, "test");
        store.Save(run, "mx2", new HostCollection(Bundle("deb11-exim"), null, null, 0, TimeSpan.FromSeconds(2)), "x");
        store.Save(run, "mx1", HostCollection.Failed(HostFailure.HostKeyChanged, KeyChanged, TimeSpan.Zero), null);
        Assert.Equal(["mx3"], store.Pending(run).Select(t => t.Name));

        var listed = FleetReport.Hosts(store, run, Analysis).ToList();
        Assert.Equal(["mx1", "mx2", "mx3"], listed.Select(h => h.Host));
        // Stored coded, worded again from the glossary: the same sentence in both languages.
        var error = Assert.Single(listed[0].Errors);
        Assert.Equal("host-key-changed: " + KeyChanged.En, error.En);
        Assert.Equal("'host-key-changed': " + KeyChanged.Ko, error.Ko);
        Assert.Equal(KeyChanged, Assert.Single(error.Parts!));
        Assert.Equal(Verdict.Manual, listed[0].Verdict);
        Assert.StartsWith("not-scanned:", listed[2].Errors[0].En);
        Assert.Equal("'not-scanned': 이 호스트를 마치기 전에 실행이 멈춤 (--resume으로 이어 감)", listed[2].Errors[0].Ko);

        // Streamed from the store while it is read, or from the finished list: the same document.
        var now = DateTimeOffset.UtcNow;
        var entries = FleetReport.Entries(store, run, Analysis).ToList();
        foreach (var (make, lang) in new (Func<Stream, IReportSink>, Lang)[] { (s => new JsonSink(s), Lang.En), (s => new TextSink(s), Lang.Ko) })
        {
            var meta = ReportMeta.Of(Analysis, lang, now);
            Assert.Equal(Written(make, entries, meta), Written(make, FleetReport.Entries(store, run, Analysis), meta));
        }
    }

    private static readonly Localized KeyChanged = Glossary.Say("ssh.fail.key-changed", ("where", "192.0.2.1"), ("type", "ssh-ed25519"),
        ("fp", "SHA256:QmFk"), ("path", "/root/.ssh/known_hosts"), ("line", 3));

    [Fact]
    public void A_store_written_before_codes_shows_its_plain_message_quoted()
    {
        using var store = FleetStore.Open(_store);
        var run = store.NewRun([new Target("old", "192.0.2.9")], "test");
        // An uncoded sentence is stored as its plain text, as every store before the codes held it.
        store.Save(run, "old", HostCollection.Failed(HostFailure.Refused, new Localized("192.0.2.9: connection refused", "192.0.2.9: connection refused"), TimeSpan.Zero), null);
        Assert.Equal("192.0.2.9: connection refused", Assert.Single(store.Rows(run)).Message);
        var error = Assert.Single(Assert.Single(FleetReport.Hosts(store, run, Analysis)).Errors);
        Assert.Equal("refused: 192.0.2.9: connection refused", error.En);
        Assert.Equal("'refused': 기록된 내용: \"192.0.2.9: connection refused\"", error.Ko);
    }

    [Fact]
    public void A_result_is_stored_once_per_host_and_run()
    {
        using var store = FleetStore.Open(_store);
        var run = store.NewRun([new Target("a", "192.0.2.1")], "test");
        store.Save(run, "a", HostCollection.Failed(HostFailure.Refused, Glossary.Same("first"), TimeSpan.Zero), null);
        store.Save(run, "a", HostCollection.Failed(HostFailure.Timeout, Glossary.Same("second"), TimeSpan.Zero), null);
        var row = Assert.Single(store.Rows(run));
        Assert.Equal(HostFailure.Refused, row.Failure);
        Assert.Equal(1, store.ForgetFailures(run));
        Assert.Equal(["a"], store.Pending(run).Select(t => t.Name));
    }

    private static string Written(Func<Stream, IReportSink> make, IEnumerable<(HostReport, HostContext)> hosts, ReportMeta meta)
    {
        using var ms = new MemoryStream();
        using (var sink = make(ms)) Sinks.Write(sink, hosts, meta, ["note"]);
        return Encoding.UTF8.GetString(ms.ToArray());
    }
}
