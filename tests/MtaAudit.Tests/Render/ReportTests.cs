using System.Text.Json;
using MtaAudit.Assess;
using MtaAudit.Knowledge;
using MtaAudit.Render;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Render;

public class ReportTests
{
    private static readonly KnowledgeBase Kb = KnowledgeBaseLoader.LoadEmbedded();

    private static List<HostReport> AllFixtureHosts() =>
        Directory.GetFiles(Fixture.PathOf("bundles"), "*.evidence").Concat(Directory.GetFiles(Fixture.PathOf("testhosts"), "*.evidence"))
            .Order(StringComparer.Ordinal)
            .Select(f => Bundles.Judge(MtaAudit.Evidence.BundleReader.ReadFile(f).Single().Bundle!, Policy.Vendor))
            .ToList();

    [Fact]
    public void Json_report_has_every_field_the_schema_requires_with_its_type()
    {
        var json = JsonReport.Render(AllFixtureHosts(), Kb, Policy.Vendor, Lang.En, ["x.evidence:3: bad"], DateTimeOffset.UnixEpoch);
        using var doc = JsonDocument.Parse(json);
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "docs", "report.schema.json")));
        var problems = new List<string>();
        Check(doc.RootElement, schema.RootElement, schema.RootElement, "$", problems);
        Assert.Empty(problems);
        Assert.Equal("mta-audit/report/1", doc.RootElement.GetProperty("schema").GetString());
        Assert.Equal("1970-01-01T00:00:00Z", doc.RootElement.GetProperty("generatedAt").GetString());
        Assert.True(doc.RootElement.GetProperty("hosts").GetArrayLength() >= 21);
    }

    [Fact]
    public void Json_with_codes_account_and_addresses_still_fits_the_schema()
    {
        var bytes = ReportSamples.Render("json", [ReportSamples.Hostile(), .. ReportSamples.FixtureHosts().Take(3)]);
        using var doc = JsonDocument.Parse(bytes);
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "docs", "report.schema.json")));
        var problems = new List<string>();
        Check(doc.RootElement, schema.RootElement, schema.RootElement, "$", problems);
        Assert.Empty(problems);
        Assert.True(doc.RootElement.GetProperty("hosts")[0].GetProperty("mtas")[0].TryGetProperty("codes", out _));
    }

    [Fact]
    public void Json_keeps_korean_readable_and_unknowns_null()
    {
        var hpux = Bundles.Judge(Bundles.File("bundles/hpux1131-sendmail.evidence"));
        var json = JsonReport.Render([hpux], Kb, Policy.Vendor, Lang.Ko, [], DateTimeOffset.UnixEpoch);
        Assert.Contains("수집 정보에서 버전을 확인할 수 없음", json, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        var m = doc.RootElement.GetProperty("hosts")[0].GetProperty("mtas")[0];
        Assert.Equal(JsonValueKind.Null, m.GetProperty("version").ValueKind);
        Assert.Equal(JsonValueKind.Null, m.GetProperty("running").ValueKind);
        Assert.Equal("MANUAL", m.GetProperty("verdict").GetString());
    }

    [Fact]
    public void Text_from_targets_cannot_drive_the_terminal()
    {
        // A hostile host name and banner-like version text with ANSI escapes and a bidi override.
        var b = Bundles.Of("evil\u001b[31mhost\u202e",
            ("probe=mta.exim.version rc=0", "Exim version 4.96 #2 \u001b]0;pwned\u0007built\n"),
            ("probe=proc.list rc=0", "  PID  PPID USER     COMMAND\n  810     1 root     /usr/sbin/exim4 -bd -q30m\u001b[2J\n"));
        var text = TextReport.Render([Bundles.Judge(b)], Kb, Policy.Vendor, Lang.En, []);
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
        Assert.DoesNotContain('\u202e', text);
        Assert.Contains("exim", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Korean_text_report_uses_the_guides_words()
    {
        var text = TextReport.Render([Bundles.Judge(Bundles.File("bundles/aix72-sendmail.evidence"))], Kb, Policy.UpstreamBranch, Lang.Ko, []);
        foreach (var word in new[] { "U-45", "취약", "현황:", "판정 사유:", "조치 방법:", "준수율", "적용 정책:" })
            Assert.Contains(word, text, StringComparison.Ordinal);
    }

    /// <summary>A small JSON Schema check: required properties, types, enums and consts, recursively.</summary>
    private static void Check(JsonElement value, JsonElement schema, JsonElement root, string path, List<string> problems)
    {
        if (schema.TryGetProperty("$ref", out var r))
        {
            var name = r.GetString()!.Split('/').Last();
            schema = root.GetProperty("$defs").GetProperty(name);
        }
        if (schema.TryGetProperty("const", out var c) && value.ToString() != c.ToString()) problems.Add($"{path}: not {c}");
        if (schema.TryGetProperty("enum", out var e) && !e.EnumerateArray().Any(x => x.ToString() == value.ToString())) problems.Add($"{path}: {value} not in enum");
        if (schema.TryGetProperty("type", out var t))
        {
            var types = t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()!).ToList() : [t.GetString()!];
            if (!types.Any(ty => Is(value, ty))) problems.Add($"{path}: {value.ValueKind} is not {string.Join("|", types)}");
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var req))
                foreach (var p in req.EnumerateArray())
                    if (!value.TryGetProperty(p.GetString()!, out _)) problems.Add($"{path}: missing {p.GetString()}");
            if (schema.TryGetProperty("properties", out var props))
                foreach (var p in props.EnumerateObject())
                    if (value.TryGetProperty(p.Name, out var v)) Check(v, p.Value, root, path + "." + p.Name, problems);
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            int i = 0;
            foreach (var v in value.EnumerateArray()) Check(v, items, root, $"{path}[{i++}]", problems);
        }
    }

    private static bool Is(JsonElement v, string type) => type switch
    {
        "object" => v.ValueKind == JsonValueKind.Object,
        "array" => v.ValueKind == JsonValueKind.Array,
        "string" => v.ValueKind == JsonValueKind.String,
        "number" => v.ValueKind == JsonValueKind.Number,
        "boolean" => v.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => v.ValueKind == JsonValueKind.Null,
        _ => false,
    };

    private static string RepoRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "MtaAudit.slnx"))) d = d.Parent;
        return d?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
