using System.Text;
using System.Text.Json;

namespace MtaAudit.Tests.Render;

/// <summary>The CLI as a process: formats, -o, report --from and --compare, exit codes and stderr.</summary>
public class CliReportTests
{
    private static readonly Dictionary<string, string> Korean = new() { ["LC_ALL"] = "ko_KR.UTF-8" };

    private static string[] Fixtures(string pattern) =>
        Directory.GetFiles(MtaAudit.Tests.Support.Fixture.PathOf("testhosts"), pattern).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Analyze_writes_every_format_and_keeps_the_verdict_exit_code()
    {
        var files = Fixtures("deb12-*.evidence");
        var dir = ReportSamples.TempDir();
        var (code, stdout, stderr) = ReportSamples.Run(ReportSamples.Cli, ["analyze", "--format", "csv", .. files], env: Korean);
        Assert.Equal(2, code); // MANUAL hosts among them, none VULNERABLE
        Assert.Equal("", stderr);
        Assert.StartsWith("분류,점검코드", stdout, StringComparison.Ordinal); // the reader took the BOM; the file below keeps it

        foreach (var f in new[] { "xlsx", "html", "json", "text", "csv" })
        {
            var path = Path.Combine(dir, "r." + f);
            (code, stdout, stderr) = ReportSamples.Run(ReportSamples.Cli, ["analyze", "--format", f, "-o", path, "--org", "기관", "--auditor", "점검자", .. files], env: Korean);
            Assert.True(code == 2, $"{f}: exit {code}, {stderr}");
            Assert.Equal("", stdout);
            Assert.True(new FileInfo(path).Length > 1000, f);
        }
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(Path.Combine(dir, "r.xlsx")).Take(2).ToArray());
        Assert.Equal(Encoding.UTF8.GetBytes("\uFEFF분류,"), File.ReadAllBytes(Path.Combine(dir, "r.csv")).Take(10).ToArray());
        var text = File.ReadAllText(Path.Combine(dir, "r.text"));
        Assert.StartsWith("U-45 메일 서비스 버전 점검 결과", text, StringComparison.Ordinal);
        Assert.Contains("기관명: 기관", text, StringComparison.Ordinal);
        Assert.Contains("참고:", text, StringComparison.Ordinal); // deb12-postfix-update has two bundles: the newest is kept
    }

    [Fact]
    public void Xlsx_refuses_a_terminal()
    {
        ReportSamples.Require("script", "util-linux");
        var file = Fixtures("deb12-postfix.evidence")[0];
        // script(1) gives the CLI a pseudo-terminal as standard output.
        var (code, stdout, _) = ReportSamples.Run("script", ["-qec", $"'{ReportSamples.Cli}' analyze --format xlsx '{file}'", "/dev/null"]);
        Assert.Equal(3, code);
        Assert.Contains("-o FILE", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("PK", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_from_a_directory_and_a_json_report_and_compare_two_runs()
    {
        var dir = ReportSamples.TempDir();
        var evidence = Path.Combine(dir, "evidence");
        Directory.CreateDirectory(evidence);
        foreach (var f in Fixtures("deb1*.evidence")) File.Copy(f, Path.Combine(evidence, Path.GetFileName(f)));
        var newJson = Path.Combine(dir, "new.json");
        var (code, stdout, stderr) = ReportSamples.Run(ReportSamples.Cli, ["report", "--from", evidence, "--format", "json", "-o", newJson]);
        Assert.True(code is 1 or 2, stderr);

        // The earlier run: one host was vulnerable, one host is gone since, another had an older version.
        var doc = JsonDocument.Parse(File.ReadAllText(newJson));
        var hosts = doc.RootElement.GetProperty("hosts").EnumerateArray().Select(h => h.GetRawText()).ToList();
        // A host that is GOOD today (which one follows the knowledge base) was VULNERABLE then.
        int good = hosts.FindIndex(h => JsonDocument.Parse(h).RootElement.GetProperty("verdict").GetString() == "GOOD");
        Assert.True(good >= 0, "no GOOD host among the test hosts' bundles");
        var fixedHost = JsonDocument.Parse(hosts[good]).RootElement.GetProperty("host").GetString()!;
        hosts[good] = hosts[good].Replace("\"verdict\": \"GOOD\"", "\"verdict\": \"VULNERABLE\"", StringComparison.Ordinal);
        int exim = hosts.FindIndex(h => h.Contains("\"host\": \"deb13-exim\"", StringComparison.Ordinal));
        hosts[exim] = hosts[exim].Replace("\"version\": \"4.98.2\"", "\"version\": \"4.97\"", StringComparison.Ordinal);
        hosts.Add(hosts[0].Replace(doc.RootElement.GetProperty("hosts")[0].GetProperty("host").GetString()!, "retired-host", StringComparison.Ordinal));
        var oldJson = Path.Combine(dir, "old.json");
        File.WriteAllText(oldJson, "{\"schema\": \"mta-audit/report/1\", \"generatedAt\": \"2026-01-01T00:00:00Z\", \"knowledgeBase\": {\"version\": \"x\", \"date\": \"2026-01-01\"}, \"policy\": \"vendor\", \"hosts\": [" + string.Join(",", hosts) + "], \"inputErrors\": []}");

        (code, stdout, stderr) = ReportSamples.Run(ReportSamples.Cli, ["report", "--compare", oldJson, newJson, "--lang", "ko", "--org", "기관A", "--auditor", "점검자B"]);
        // deb11-exim and deb11-sendmail are vulnerable in both runs (미조치): the follow-up is not done, exit 1.
        Assert.True(code == 1, stderr);
        string Section(string title) => stdout.Split("\n[").Single(s => s.StartsWith(title + "]", StringComparison.Ordinal));
        Assert.Contains(fixedHost + ": 취약 → 양호", Section("조치 완료 (취약 → 양호)"), StringComparison.Ordinal);
        Assert.Contains("deb11-exim: 취약 → 취약", Section("미조치 (계속 취약)"), StringComparison.Ordinal);
        // 조치율: the one fixed host of the three vulnerable before (deb11-exim, deb11-sendmail and the fixed one).
        Assert.Contains("조치율: 33.3% (조치 완료 ÷ 이전 점검의 취약 호스트", stdout, StringComparison.Ordinal);
        Assert.Contains("기관명: 기관A", stdout, StringComparison.Ordinal);
        Assert.Contains("점검자: 점검자B", stdout, StringComparison.Ordinal);
        Assert.Matches(@"이번 점검: .*new\.json \(16대\), 점검 일시 2026-12-01 \d\d:\d\d:\d\d [+-]\d\d:\d\d ~ ", stdout);
        Assert.Contains("deb13-exim", Section("버전 변경"), StringComparison.Ordinal);
        Assert.Contains("exim 4.97", Section("버전 변경"), StringComparison.Ordinal);
        Assert.Contains("retired-host", Section("제외된 호스트"), StringComparison.Ordinal);
        Assert.Contains("해당 호스트 없음", Section("신규 취약"), StringComparison.Ordinal);

        // Reversed, the fix is a new vulnerability: exit 1.
        (code, _, _) = ReportSamples.Run(ReportSamples.Cli, ["report", "--compare", newJson, oldJson]);
        Assert.Equal(1, code);
        foreach (var f in new[] { "html", "xlsx" })
        {
            var path = Path.Combine(dir, "cmp." + f);
            (code, _, stderr) = ReportSamples.Run(ReportSamples.Cli, ["report", "--compare", oldJson, newJson, "--format", f, "-o", path, "--lang", "ko"]);
            Assert.True(code == 1 && new FileInfo(path).Length > 500, stderr);
            Assert.Contains(path + "에 이행점검 결과를 씀: 조치 완료 1대, 미조치 2대, 조치율 33.3%", stderr, StringComparison.Ordinal);
        }
        Assert.Contains("retired-host", File.ReadAllText(Path.Combine(dir, "cmp.html")), StringComparison.Ordinal);
        // JSON, as --help offers it: the same sections for programs, with 조치율 and per-host CVE changes.
        (code, stdout, stderr) = ReportSamples.Run(ReportSamples.Cli, ["report", "--compare", oldJson, newJson, "--format", "json"]);
        Assert.True(code == 1, stderr);
        var cmp = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(33.3, cmp.GetProperty("fixRate").GetDouble());
        Assert.Contains(cmp.GetProperty("stillVulnerable").EnumerateArray(), h => h.GetProperty("host").GetString() == "deb11-exim");
        Assert.Contains(cmp.GetProperty("fixed").EnumerateArray(), h => h.GetProperty("host").GetString() == fixedHost);
        Assert.Contains(cmp.GetProperty("removed").EnumerateArray(), h => h.GetProperty("host").GetString() == "retired-host");

        // report --from the JSON report renders it again, in another format.
        (code, stdout, stderr) = ReportSamples.Run(ReportSamples.Cli, ["report", "--from", oldJson, "--format", "csv"]);
        Assert.True(code == 1, stderr);
        Assert.Contains("retired-host", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_without_inputs_or_with_a_bad_file_says_so_on_stderr()
    {
        var (code, stdout, stderr) = ReportSamples.Run(ReportSamples.Cli, ["report"]);
        Assert.Equal(3, code);
        Assert.Contains("--from", stderr, StringComparison.Ordinal);
        var bad = Path.Combine(ReportSamples.TempDir(), "bad.json");
        File.WriteAllText(bad, "{ not json");
        (code, _, stderr) = ReportSamples.Run(ReportSamples.Cli, ["report", "--from", bad]);
        Assert.Equal(3, code);
        Assert.Contains("bad.json: cannot read the JSON report", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_and_the_clis_own_messages_are_korean_when_the_locale_or_lang_is()
    {
        var (code, stdout, _) = ReportSamples.Run(ReportSamples.Cli, ["--help"], env: Korean);
        Assert.Equal(0, code);
        Assert.Contains("analyze <files>  수집 결과 파일을 판정함", stdout, StringComparison.Ordinal);
        (_, stdout, _) = ReportSamples.Run(ReportSamples.Cli, ["report", "--help", "--lang", "ko"], env: new Dictionary<string, string> { ["LC_ALL"] = "C" });
        Assert.Contains("두 점검 비교", stdout, StringComparison.Ordinal);
        (_, stdout, _) = ReportSamples.Run(ReportSamples.Cli, ["--help"], env: new Dictionary<string, string> { ["LC_ALL"] = "C" });
        Assert.Contains("Judge evidence bundles", stdout, StringComparison.Ordinal);
        string stderr;
        (code, _, stderr) = ReportSamples.Run(ReportSamples.Cli, ["report"], env: Korean);
        Assert.Equal(3, code);
        Assert.Contains("report에는 --from FILE|DIR... 또는 --compare OLD NEW 중 하나가 필요함", stderr, StringComparison.Ordinal);
        (_, _, stderr) = ReportSamples.Run(ReportSamples.Cli, ["--bogus"], env: Korean);
        Assert.Contains("'mta-audit --help'로 사용법을 확인할 수 있음.", stderr, StringComparison.Ordinal);
    }
}
