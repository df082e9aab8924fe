using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MtaAudit.Knowledge;

namespace MtaAudit.Tests.Knowledge;

public class KnowledgeBaseLoaderTests
{
    private static string CommittedJson => File.ReadAllText(ReferenceFiles.CommittedKb, Encoding.UTF8);

    private static KnowledgeBaseException LoadFails(string json, string name = "broken.json") =>
        Assert.Throws<KnowledgeBaseException>(() =>
            KnowledgeBaseLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), name));

    /// <summary>The committed file with one edit applied to its JSON tree.</summary>
    private static string Edited(Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(CommittedJson)!.AsObject();
        edit(root);
        return root.ToJsonString();
    }

    private static JsonObject Mta(JsonObject root, string name) =>
        root["mtas"]!.AsArray().Select(m => m!.AsObject()).Single(m => (string?)m["mta"] == name);

    [Fact]
    public void Embedded_knowledge_base_loads_and_is_cached()
    {
        var kb = KnowledgeBaseLoader.LoadEmbedded();
        Assert.Equal("2026.12.1", kb.Version);
        Assert.Equal("2026-12-08", kb.Date);
        Assert.Equal(["exim", "opensmtpd", "postfix", "sendmail"], kb.Mtas.Keys.Order());
        Assert.Same(kb, KnowledgeBaseLoader.LoadEmbedded());
    }

    [Fact]
    public void Embedded_copy_is_the_committed_file()
    {
        var fromFile = KnowledgeBaseLoader.Load(ReferenceFiles.CommittedKb);
        var embedded = KnowledgeBaseLoader.LoadEmbedded();
        Assert.Equal(KnowledgeBaseInfo.Of(fromFile), KnowledgeBaseInfo.Of(embedded));
    }

    [Fact]
    public void Read_then_write_round_trips_to_the_same_text()
    {
        using var s = File.OpenRead(ReferenceFiles.CommittedKb);
        var file = KnowledgeBaseLoader.Read(s);
        var again = JsonSerializer.Serialize(file, KbJsonContext.Writer.KbFile).Replace("\r\n", "\n") + "\n";
        Assert.Equal(CommittedJson.Replace("\r\n", "\n"), again);
    }

    [Fact]
    public void Records_carry_every_field_of_the_file()
    {
        var kb = KnowledgeBaseLoader.LoadEmbedded();
        var exim = kb.For("exim")!;
        Assert.Equal(("4.100.1", "2026-09-18"), (exim.NewestRelease, exim.NewestReleaseDate));
        var c = exim.Cves.Single(x => x.Id == "CVE-2019-10149");
        Assert.Equal(("exim", 9.8, "3.x", "critical", true, "network", false), (c.Mta, c.Cvss!.Value, c.CvssVersion, c.Severity, c.Kev, c.AttackVector, c.Verified));
        Assert.Equal([new AffectedRange("4.87", "4.92", "4.91")], c.Affected);
        Assert.Equal(2, c.Sources!.Count);

        var postfix = kb.For("postfix")!;
        Assert.Equal(253, postfix.Releases.Count);
        Assert.Equal(new ReleaseInfo("3.11.7", "2026-09-08"), postfix.ReleaseHistory!.Single(r => r.Version == "3.11.7"));
        // 3.8.21 is inferred from the announcement ("updated releases for 3.8-3.11"), not read verbatim.
        Assert.Equal(new ReleaseInfo("3.8.21", "2026-09-08", Verified: false), postfix.ReleaseHistory!.Last());
        var b38 = postfix.Branches.Single(b => b.Branch == "3.8");
        Assert.Equal(("3.8.21", "2026-09-08", true), (b38.LatestPatch, b38.LatestPatchDate, b38.Supported));
        Assert.Contains("inferred", b38.Note);

        var sendmail = kb.For("sendmail")!;
        Assert.False(sendmail.ReleaseHistory!.Single(r => r.Version == "8.12.0").Verified); // "date from memory"

        var alpine = kb.VendorPackages.Single(p => p.Distro == "Alpine" && p.Mta == "opensmtpd");
        Assert.Equal(("", "7.8.0_p0-r?", false), (alpine.Package, alpine.Version, alpine.Verified));
    }

    [Fact]
    public void Info_counts_what_was_loaded()
    {
        var info = KnowledgeBaseInfo.Of(KnowledgeBaseLoader.LoadEmbedded());
        Assert.Equal(("mta-audit/kb/1", "2026.12.1", "2026-12-08"), (info.Schema, info.Version, info.Date));
        Assert.Equal(4, info.Mtas);
        Assert.Equal(253 + 48 + 25 + 19, info.Releases); // releases listed in the reference per MTA
        Assert.Equal(10 + 65 + 12 + 7, info.Cves);
        Assert.True(info.VendorPackages > 40, $"{info.VendorPackages} vendor packages"); // 40 reference lines, some list several targets
        Assert.True(info.UnverifiedItems > 0 && info.UnverifiedItems < info.Cves + info.Releases + info.VendorPackages);
    }

    [Theory]
    [InlineData("2026-12-08T00:00:00Z", 0)]
    [InlineData("2026-12-07T00:00:00Z", 0)] // a clock behind the file's date is not a negative age
    [InlineData("2027-01-07T23:59:00Z", 30)]
    [InlineData("2027-12-08T12:00:00Z", 365)]
    public void Age_is_whole_days_since_the_facts_were_checked(string now, int days) =>
        Assert.Equal(days, KnowledgeBaseInfo.Of(KnowledgeBaseLoader.LoadEmbedded()).AgeDays(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Wrong_schema_is_refused_with_file_and_path()
    {
        var e = LoadFails(Edited(r => r["schema"] = "mta-audit/kb/2"), "custom-kb.json");
        Assert.Equal(("custom-kb.json", "$.schema"), (e.File, e.JsonPath));
        Assert.Contains("custom-kb.json", e.Message);
        Assert.Contains("mta-audit/kb/2", e.Message);
    }

    [Fact]
    public void Unparseable_version_in_a_range_names_the_cve_and_the_range()
    {
        var e = LoadFails(Edited(r => Mta(r, "exim")["cves"]![0]!["affected"]![0]!["fixed"] = "4.70-beta"));
        Assert.Equal("$.mtas[1] (exim).cves[0] (CVE-2010-4344).affected[0].fixed", e.JsonPath);
        Assert.Contains("'4.70-beta' is not an upstream version", e.Message);
    }

    [Fact]
    public void Cve_without_id_is_refused()
    {
        var e = LoadFails(Edited(r => Mta(r, "sendmail")["cves"]![2]!.AsObject().Remove("id")));
        Assert.Equal("$.mtas[2] (sendmail).cves[2].id", e.JsonPath);
    }

    [Fact]
    public void Cve_without_ranges_is_refused()
    {
        var e = LoadFails(Edited(r => Mta(r, "postfix")["cves"]![1]!["affected"] = new JsonArray()));
        Assert.Equal("$.mtas[0] (postfix).cves[1] (CVE-2011-0411).affected", e.JsonPath);
    }

    [Fact]
    public void Bad_release_version_is_refused()
    {
        var e = LoadFails(Edited(r => Mta(r, "opensmtpd")["releases"]![3]!["version"] = "7.x"));
        Assert.Equal("$.mtas[3] (opensmtpd).releases[3].version", e.JsonPath);
    }

    [Fact]
    public void Bad_date_is_refused()
    {
        var e = LoadFails(Edited(r => r["date"] = "28.11.2026"));
        Assert.Equal("$.date", e.JsonPath);
    }

    [Fact]
    public void Bad_vendor_upstream_is_refused()
    {
        var e = LoadFails(Edited(r => r["vendorPackages"]![0]!["upstream"] = "3.5.25-0+deb11u1"));
        Assert.Equal("$.vendorPackages[0].upstream", e.JsonPath);
    }

    [Fact]
    public void Malformed_json_names_the_file_and_the_line()
    {
        var e = LoadFails("{\n  \"schema\": \"mta-audit/kb/1\",\n  \"mtas\": [ {\"mta\": \"postfix\",, } ]\n}", "typo.json");
        Assert.Equal("typo.json", e.File);
        Assert.Contains("line 3", e.Message);
        Assert.IsAssignableFrom<JsonException>(e.InnerException);
    }

    [Fact]
    public void Wrong_type_names_the_path()
    {
        var e = LoadFails(Edited(r => Mta(r, "postfix")["branches"]![0]!["supported"] = "yes"));
        Assert.Equal("$.mtas[0].branches[0].supported", e.JsonPath);
    }

    [Fact]
    public void Missing_file_is_a_knowledge_base_error()
    {
        var path = Path.Combine(Path.GetTempPath(), "mta-audit-no-such-kb-" + Guid.NewGuid().ToString("N") + ".json");
        var e = Assert.Throws<KnowledgeBaseException>(() => KnowledgeBaseLoader.Load(path));
        Assert.Equal(path, e.File);
    }
}
