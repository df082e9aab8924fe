using System.Globalization;
using System.Text;
using MtaAudit.Assess;
using MtaAudit.Knowledge;
using MtaAudit.Knowledge.Import;
using MtaAudit.Tests.Support;
using MtaAudit.Versions;
using static MtaAudit.Tests.Knowledge.Import.ImportFixtures;

namespace MtaAudit.Tests.Knowledge.Import;

/// <summary>
/// Issue 20, "crafted input never buys a 양호": OSV / NVD records shaped like the real ones of Fixtures/import
/// (the same members and layout; the attack values are crafted, they are inputs, not claimed real records)
/// whose ranges cover no version are refused by file, record and field, and a valid record narrower than
/// the embedded one of the same id never shrinks what the embedded data holds affected.
/// </summary>
public class CraftedImportTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 6, 0, 0, TimeSpan.Zero);

    /// <summary>An upstream OSV record (OSS-Fuzz-style package entry naming the MTA) with one range of the given events.</summary>
    internal static string UpstreamOsv(string id, string mta, params (string Kind, string Value)[] events)
    {
        var ev = string.Join(",\n", events.Select(e => $"            {{\n              \"{e.Kind}\": \"{e.Value}\"\n            }}"));
        return $$"""
        {
          "schema_version": "1.6.3",
          "id": "{{id}}",
          "summary": "{{mta}} record crafted for a test",
          "modified": "2026-12-01T00:00:00Z",
          "affected": [
            {
              "package": {
                "ecosystem": "OSS-Fuzz",
                "name": "{{mta}}"
              },
              "ranges": [
                {
                  "type": "ECOSYSTEM",
                  "events": [
        {{ev}}
                  ]
                }
              ]
            }
          ]
        }
        """;
    }

    [Theory]
    [InlineData("0", "fixed", "0.0", "fixed 0.0 is version 0: the range covers no version")]
    [InlineData("0", "fixed", "0", "fixed 0 is version 0: the range covers no version")]
    [InlineData("3.8.0", "fixed", "3.7.9", "fixed 3.7.9 is not after introduced 3.8.0: the range covers no version")]
    [InlineData("3.8.0", "fixed", "3.8.0", "fixed 3.8.0 is not after introduced 3.8.0: the range covers no version")]
    [InlineData("3.8.0", "last_affected", "3.7", "last affected 3.7 is before introduced 3.8.0: the range covers no version")]
    public void A_range_that_covers_no_version_is_refused_naming_file_record_and_field_and_changes_nothing(string introduced, string kind, string end, string problem)
    {
        using var dir = new TempDir();
        var good = dir.Write("USN-6591-1.json", Text(ImportFixtures.Osv));
        KnowledgeImporter.Import([good], dir.Path, Now);
        var before = File.ReadAllBytes(dir.Overlay);

        var bad = dir.Write("attack.json", UpstreamOsv("CVE-2023-51764", "postfix", ("introduced", introduced), (kind, end)));
        var e = Assert.Throws<KnowledgeImportException>(() => KnowledgeImporter.Import([bad], dir.Path, Now.AddDays(1)));
        var error = Assert.Single(e.Errors);
        Assert.Equal((bad, "$.affected[0].ranges[0].events[1]." + kind), (error.File, error.JsonPath));
        Assert.Equal("CVE-2023-51764: " + problem, error.Problem.En);
        Assert.StartsWith("CVE-2023-51764: ", error.Problem.Ko, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(dir.Overlay));
    }

    [Fact]
    public void A_vendor_fix_at_version_zero_in_a_real_ubuntu_record_is_refused()
    {
        using var dir = new TempDir();
        var bad = dir.Write("usn-zero.json", ReplaceOnce(Text(ImportFixtures.Osv), "\"fixed\": \"3.6.4-1ubuntu1.2\"", "\"fixed\": \"0\""));
        var e = Assert.Throws<KnowledgeImportException>(() => KnowledgeImporter.Import([bad], dir.Path, Now));
        var error = Assert.Single(e.Errors);
        Assert.Equal("$.affected[4].ranges[0].events[1].fixed", error.JsonPath);
        Assert.StartsWith("USN-6591-1: fixed 0 ", error.Problem.En, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Overlay));
    }

    [Fact]
    public void An_nvd_range_ending_before_it_starts_is_refused_at_its_cpe_match()
    {
        using var dir = new TempDir();
        var bad = dir.Write("nvd-inverted.json", ReplaceOnce(Text(ImportFixtures.Nvd), "\"versionStartIncluding\": \"4.87\"", "\"versionStartIncluding\": \"4.95\""));
        var e = Assert.Throws<KnowledgeImportException>(() => KnowledgeImporter.Import([bad], dir.Path, Now));
        var error = Assert.Single(e.Errors);
        Assert.Equal("$.configurations[0].nodes[0].cpeMatch[0].versionEndIncluding", error.JsonPath);
        Assert.Equal("CVE-2019-10149: last affected 4.91 is before introduced 4.95: the range covers no version", error.Problem.En);
    }

    [Fact]
    public void A_hand_edited_overlay_with_a_zero_fix_is_refused_on_load()
    {
        using var dir = new TempDir();
        var nvd = dir.Write("CVE-2019-10149.json", Text(ImportFixtures.Nvd));
        KnowledgeImporter.Import([nvd], dir.Path, Now);
        File.WriteAllText(dir.Overlay, File.ReadAllText(dir.Overlay).Replace("\"lastAffected\": \"4.91\"", "\"fixed\": \"0.0\"", StringComparison.Ordinal));
        var e = Assert.Throws<KnowledgeBaseException>(() => KnowledgeStore.Load(dir.Path));
        Assert.Equal((dir.Overlay, "$.cves[0].affected[0].fixed"), (e.File, e.JsonPath));
    }

    /// <summary>One valid but narrow record (3.99.0 to 3.99.1) for every embedded Postfix CVE, in an OSV query answer.</summary>
    private static string NarrowingAnswer()
    {
        var ids = KnowledgeBaseLoader.LoadEmbedded().For("postfix")!.Cves.Where(c => !c.IsAdvisory).Select(c => c.Id).ToList();
        Assert.True(ids.Count >= 5);
        return "{\n  \"vulns\": [\n" + string.Join(",\n", ids.Select(id => UpstreamOsv(id, "postfix", ("introduced", "3.99.0"), ("fixed", "3.99.1")))) + "\n  ]\n}\n";
    }

    [Fact]
    public void Narrower_imported_records_keep_every_embedded_range_and_db_status_names_them()
    {
        using var dir = new TempDir();
        var f = dir.Write("narrow.json", NarrowingAnswer());
        KnowledgeImporter.Import([f], dir.Path, Now);
        var embedded = KnowledgeBaseLoader.LoadEmbedded().For("postfix")!;
        var merged = KnowledgeStore.Load(dir.Path).For("postfix")!;
        foreach (var e in embedded.Cves)
        {
            var m = Assert.Single(merged.Cves, c => c.Id == e.Id);
            Assert.All(e.Affected, r => Assert.Contains(r, m.Affected));
        }
        Assert.Equal(embedded.Cves.Count, merged.Cves.Count);
        var status = KnowledgeStore.Status(dir.Path);
        Assert.Equal(embedded.Cves.Count(c => !c.IsAdvisory), status.KeptEmbedded!.Count);
        Assert.All(status.KeptEmbedded, k => Assert.Contains("narrow.json", k.Source, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("centos6-postfix")]
    [InlineData("centos7-postfix")]
    [InlineData("rhel7-postfix")]
    public void The_postfix_hosts_keep_their_verdict_and_cves_under_a_narrowing_overlay(string bundle)
    {
        using var dir = new TempDir();
        KnowledgeImporter.Import([dir.Write("narrow.json", NarrowingAnswer())], dir.Path, Now);
        var b = Bundles.File($"bundles/{bundle}.evidence");
        foreach (var policy in new[] { Policy.Vendor, Policy.UpstreamBranch })
        {
            var plain = Analyzer.Analyze(b, new AnalysisOptions(KnowledgeBaseLoader.LoadEmbedded(), policy));
            var overlaid = Analyzer.Analyze(b, new AnalysisOptions(KnowledgeStore.Load(dir.Path), policy));
            Assert.NotEqual(Verdict.Good, plain.Verdict); // the premise: these hosts are not GOOD
            Assert.Equal(plain.Verdict, overlaid.Verdict);
            Assert.Equal(plain.Mtas.SelectMany(m => m.Cves).Select(c => c.Id).Order(), overlaid.Mtas.SelectMany(m => m.Cves).Select(c => c.Id).Order());
        }
    }

    [Fact]
    public void A_wider_imported_range_does_widen()
    {
        using var dir = new TempDir();
        var probe = UpstreamVersion.Parse("1.0");
        var e = KnowledgeBaseLoader.LoadEmbedded().For("postfix")!.Cves.First(c => c.Affected.All(r => r.Introduced != "0" && UpstreamVersion.Parse(r.Introduced) > probe));
        var top = e.Affected.Select(r => UpstreamVersion.Parse(r.Fixed ?? r.LastAffected!)).Max()!; // the embedded ranges all have an end
        Assert.DoesNotContain(KnowledgeBaseLoader.LoadEmbedded().Affecting("postfix", probe), c => c.Id == e.Id);
        KnowledgeImporter.Import([dir.Write("wide.json", UpstreamOsv(e.Id, "postfix", ("introduced", "0"), ("fixed", top.Text)))], dir.Path, Now);
        Assert.Contains(KnowledgeStore.Load(dir.Path).Affecting("postfix", probe), c => c.Id == e.Id);
        Assert.Empty(KnowledgeStore.Status(dir.Path).KeptEmbedded!); // it covers every embedded range: nothing narrowed
    }
}
