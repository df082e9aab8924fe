using MtaAudit.Assess;
using MtaAudit.Collect.Ssh;
using MtaAudit.Fleet;
using MtaAudit.Knowledge;
using MtaAudit.Render;
using MtaAudit.Store;
using MtaAudit.Tests.Render;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Fleet;

/// <summary>
/// A fleet scan judges each host once: the judgement kept in the store's temporary table renders the very
/// same report as judging the stored bundle again, in every format and both languages; and it is never
/// reused by another connection (a resumed run, a later `report --from STORE`).
/// </summary>
public sealed class JudgedOnceTests : IDisposable
{
    private static readonly AnalysisOptions Analysis = new(KnowledgeStore.Load(), Policy.Vendor, false);
    private readonly string _store = Path.Combine(Path.GetTempPath(), $"mta-judged-{Guid.NewGuid():N}.sqlite");

    public void Dispose()
    {
        foreach (var f in new[] { _store, _store + "-wal", _store + "-shm" }) File.Delete(f);
    }

    public static TheoryData<string, Lang> Formats()
    {
        var data = new TheoryData<string, Lang>();
        foreach (var f in new[] { "text", "json", "csv", "html" })
            foreach (var l in new[] { Lang.Ko, Lang.En }) data.Add(f, l);
        return data;
    }

    private static List<(HostReport, HostContext)> Judged(IEnumerable<byte[]> bundles)
    {
        var list = new List<(HostReport, HostContext)>();
        int i = 0;
        foreach (var b in bundles)
        {
            var t = new Target($"h{i++}", "192.0.2.7", 2222, "ops");
            list.Add(FleetReport.JudgeEntry(t.Name, b, null, Analysis, FleetReport.SourceOf(t))!.Value);
        }
        return list;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_fixture_renders_the_same_from_its_kept_judgement(string format, Lang lang)
    {
        var bundles = ReportSamples.FixtureFiles().Select(File.ReadAllBytes).ToList();
        Assert.True(bundles.Count >= 20, $"only {bundles.Count} fixture bundles found");
        var direct = Judged(bundles);
        var decoded = direct.Select(e => JudgedHostCodec.Decode(JudgedHostCodec.Encode(e.Item1, e.Item2)))
            .Select(e => (e.Host, e.Context)).ToList();
        var meta = ReportSamples.Meta(lang);
        var a = ReportSamples.Render(format, direct, meta);
        var b = ReportSamples.Render(format, decoded, meta);
        Assert.True(a.Length > 1000, $"{format}: only {a.Length} bytes");
        Assert.Equal(ReportSamples.Text(a), ReportSamples.Text(b));
    }

    [Fact]
    public void Every_field_of_a_hostile_host_comes_back()
    {
        var (host, hostile) = ReportSamples.Hostile();
        var ctx = hostile with { CallsItself = ReportSamples.Markup };
        var (h, c) = JudgedHostCodec.Decode(JudgedHostCodec.Encode(host, ctx));
        Assert.Equal(host.Host, h.Host);
        Assert.Equal(host.Os, h.Os);
        Assert.Equal(host.Errors, h.Errors);
        var m0 = host.Mtas[0];
        var m1 = h.Mtas[0];
        Assert.Equal(m0 with { Reasons = [], Cves = [], Remediation = [], Evidence = [], EvidenceLines = [] },
            m1 with { Reasons = [], Cves = [], Remediation = [], Evidence = [], EvidenceLines = [] });
        Assert.Equal(m0.Reasons, m1.Reasons);
        Assert.Equal(m0.Reasons[0].Args, m1.Reasons[0].Args);
        Assert.Equal(m0.Cves[0] with { Aliases = null }, m1.Cves[0] with { Aliases = null });
        Assert.Equal(m0.EvidenceLines, m1.EvidenceLines);
        Assert.Equal(ctx.Account, c.Account);
        Assert.Equal(ctx.CallsItself, c.CallsItself);
        Assert.Equal(ctx.Addresses, c.Addresses);
        Assert.Null(c.AddressesUnknown);
        var unknown = JudgedHostCodec.Decode(JudgedHostCodec.Encode(host, HostContext.Unknown)).Context;
        Assert.Equal(HostContext.Unknown.AddressesUnknown, unknown.AddressesUnknown);
    }

    [Fact]
    public void The_report_reads_the_kept_judgement_and_another_connection_judges_the_bundle_again()
    {
        var bundle = File.ReadAllBytes(Fixture.PathOf("testhosts/deb12-postfix.evidence"));
        var targets = new[] { new Target("mx1", "192.0.2.1"), new Target("mx2", "192.0.2.2") };
        long run;
        using (var store = FleetStore.Open(_store))
        {
            run = store.NewRun(targets, "test");
            var judged = FleetReport.JudgeEntry("mx1", bundle, null, Analysis, FleetReport.SourceOf(targets[0]))!.Value;
            // A marker the bundle cannot give: proves the report rendered the kept judgement, not a fresh one.
            var marked = judged.Host with { Errors = [new Localized("kept-judgement-marker", "kept-judgement-marker")] };
            store.Save(run, "mx1", new HostCollection(bundle, null, null, 0, TimeSpan.FromSeconds(1)), "GOOD",
                JudgedHostCodec.Encode(marked, judged.Context));
            store.Save(run, "mx2", new HostCollection(bundle, null, null, 0, TimeSpan.FromSeconds(1)), "GOOD");

            var rows = store.Rows(run).ToList();
            Assert.NotNull(rows[0].Judged);
            Assert.Null(rows[0].Bundle); // the bundle is not read when the judgement is there
            Assert.Null(rows[1].Judged);
            Assert.NotNull(rows[1].Bundle);
            var hosts = FleetReport.Hosts(store, run, Analysis).ToList();
            Assert.Equal(["kept-judgement-marker"], hosts[0].Errors.Select(e => e.En));
            Assert.Empty(hosts[1].Errors);
            Assert.Equal(hosts[1].Verdict, hosts[0].Verdict);
        }
        using (var reopened = FleetStore.Open(_store))
        {
            Assert.All(reopened.Rows(run), r => Assert.Null(r.Judged));
            var hosts = FleetReport.Hosts(reopened, run, Analysis).ToList();
            Assert.All(hosts, h => Assert.Empty(h.Errors));
            Assert.Equal("ssh 192.0.2.1", hosts[0].Source);
        }
    }
}
