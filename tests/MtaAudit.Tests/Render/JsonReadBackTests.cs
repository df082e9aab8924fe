using System.Text;
using System.Text.Json.Nodes;
using MtaAudit.Assess;
using MtaAudit.Render;
using MtaAudit.Tests.Cli;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Render;

/// <summary>
/// A JSON report read back (report --from) is hostile input: a verdict or other enum-like value that is not exactly
/// one the schema defines, or a field that is null or missing, never reads as N/A or GOOD. The host comes back
/// MANUAL with the problem named, and the reader reports it as an input error naming the file and the host.
/// </summary>
public class JsonReadBackTests
{
    /// <summary>A real report: mta-audit's own JSON for the Debian 12 Exim test host (GOOD under the vendor policy).</summary>
    private static JsonObject RealReport()
    {
        var hosts = ReportSamples.FixtureHosts().Where(h => h.Item1.Host == "deb12-exim").ToList();
        Assert.Equal(Verdict.Good, Assert.Single(hosts).Item1.Verdict);
        return JsonNode.Parse(ReportSamples.Render("json", hosts, ReportSamples.Meta(Lang.En)))!.AsObject();
    }

    /// <summary>Sets (or with <paramref name="remove"/>, removes) the field at a path like "hosts.0.mtas.0.verdict".</summary>
    private static JsonObject With(string path, string? value, bool remove = false)
    {
        var doc = RealReport();
        var parts = path.Split('.');
        JsonNode node = doc;
        foreach (var p in parts[..^1]) node = int.TryParse(p, out var i) ? node[i]! : node[p]!;
        var last = parts[^1];
        if (remove) node.AsObject().Remove(last);
        else node[last] = value is null ? null : JsonValue.Create(value);
        return doc;
    }

    private static JsonReport.ReportDoc Read(JsonObject doc) => JsonReport.Read(new MemoryStream(Encoding.UTF8.GetBytes(doc.ToJsonString())));

    [Theory]
    [InlineData("hosts.0.verdict", "Vulnerable")]
    [InlineData("hosts.0.verdict", "good")]
    [InlineData("hosts.0.verdict", "")]
    [InlineData("hosts.0.verdict", null)]
    [InlineData("hosts.0.mtas.0.verdict", "Good")]
    [InlineData("hosts.0.mtas.0.verdict", "VULNERABLE ")]
    [InlineData("hosts.0.mtas.0.verdict", null)]
    [InlineData("hosts.0.os.family", "LINUX")]
    [InlineData("hosts.0.os.family", "1")]
    [InlineData("hosts.0.os.family", null)]
    [InlineData("hosts.0.mtas.0.confidence", "HIGH")]
    [InlineData("hosts.0.addressesUnknown", "gone")]
    [InlineData("hosts.0.host", null)]
    [InlineData("hosts.0.reasons", null)]
    [InlineData("hosts.0.errors", null)]
    [InlineData("hosts.0.mtas", null)]
    [InlineData("hosts.0.mtas.0.reasons", null)]
    [InlineData("hosts.0.mtas.0.cves", null)]
    [InlineData("hosts.0.mtas.0.remediation", null)]
    [InlineData("hosts.0.mtas.0.evidence", null)]
    [InlineData("hosts.0.mtas.0.evidenceLines", null)]
    [InlineData("hosts.0.mtas.0.mta", null)]
    public void A_value_the_schema_does_not_define_is_manual_never_good_or_na(string path, string? value)
    {
        foreach (var doc in new[] { With(path, value), With(path, null, remove: true) })
        {
            if (path.EndsWith("addressesUnknown", StringComparison.Ordinal) && !doc.ToJsonString().Contains("gone")) continue; // left out: allowed
            if (path.EndsWith("confidence", StringComparison.Ordinal) && !doc.ToJsonString().Contains("HIGH")) continue;    // null: allowed
            var read = Read(doc);
            Assert.Null(JsonReportCheck.Document(read));
            var (host, _) = JsonReport.ToHost(read.Hosts[0], out var problems);
            Assert.NotEmpty(problems);
            Assert.Contains(path.Split('.').Last(), string.Join(" ", problems.Select(p => p.En)));
            Assert.Equal(Verdict.Manual, host.Verdict);
            Assert.All(host.Mtas, m => Assert.NotEqual(Verdict.NotApplicable, m.Verdict));
            Assert.False(host.Complete);
            Assert.Contains(host.Errors, e => e.Code == "err.json.host-manual");
        }
    }

    [Fact]
    public void A_host_better_than_its_mtas_is_a_problem_and_takes_the_worst()
    {
        var doc = With("hosts.0.mtas.0.verdict", "VULNERABLE");
        var (host, _) = JsonReport.ToHost(Read(doc).Hosts[0], out var problems);
        Assert.Equal(Verdict.Vulnerable, host.Verdict);
        Assert.Contains(problems, p => p.Code == "err.json.verdict-better");
    }

    [Fact]
    public void The_real_report_reads_back_without_a_problem()
    {
        var (host, _) = JsonReport.ToHost(Read(RealReport()).Hosts[0], out var problems);
        Assert.Empty(problems);
        Assert.Equal(Verdict.Good, host.Verdict);
    }

    [Theory]
    [InlineData("hosts")]
    [InlineData("policy")]
    [InlineData("knowledgeBase")]
    [InlineData("inputErrors")]
    public void A_null_document_field_is_named(string field)
    {
        var doc = RealReport();
        doc[field] = null;
        Assert.Contains(field, JsonReportCheck.Document(Read(doc))!.En);
    }

    [Fact]
    public void Report_from_a_miscased_verdict_exits_3_naming_file_and_host_and_reports_it_manual()
    {
        var doc = With("hosts.0.verdict", "Vulnerable");
        doc["hosts"]![0]!["mtas"]![0]!["verdict"] = "Vulnerable";
        var path = Path.Combine(Path.GetTempPath(), $"mta-audit-miscased-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, doc.ToJsonString());
        var nulls = Path.Combine(Path.GetTempPath(), $"mta-audit-nulls-{Guid.NewGuid():N}.json");
        var withNulls = RealReport();
        withNulls["hosts"]![0]!["mtas"] = null;
        withNulls["hosts"]![0]!["host"] = "other-host";
        File.WriteAllText(nulls, withNulls.ToJsonString());
        try
        {
            var (code, stdout, stderr) = CliProcessTests.Run("report", "--from", path, nulls, "--format", "json", "--lang", "en");
            Assert.Equal(3, code);
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains($"mta-audit: {path}: host deb12-exim: verdict 'Vulnerable' is not a value the schema defines; reported as MANUAL", lines);
            Assert.Contains($"mta-audit: {path}: host deb12-exim: mtas[0].verdict 'Vulnerable' is not a value the schema defines; reported as MANUAL", lines);
            Assert.Contains($"mta-audit: {nulls}: host other-host: mtas is missing or null; reported as MANUAL", lines);
            Assert.DoesNotContain("   at ", stderr);
            var hosts = JsonNode.Parse(stdout)!["hosts"]!.AsArray();
            Assert.Equal(2, hosts.Count); // neither host dropped
            Assert.All(hosts, h => Assert.Equal("MANUAL", (string?)h!["verdict"]));

            // Text: the summary counts them as 수동점검, not 해당 없음 or 100% 양호.
            (code, stdout, _) = CliProcessTests.Run("report", "--from", path, "--lang", "ko");
            Assert.Equal(3, code);
            Assert.Contains("수동점검", stdout);
        }
        finally
        {
            File.Delete(path);
            File.Delete(nulls);
        }
    }
}
