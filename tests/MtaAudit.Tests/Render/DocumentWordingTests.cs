using System.Text.RegularExpressions;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Render;

/// <summary>
/// The report's times and Korean as a KISA report reads them, and the small things a newcomer hit
/// (issue 15), through the CLI as a process on the real bundles.
/// </summary>
public class DocumentWordingTests
{
    private static (int Code, string Stdout, string Stderr) Run(string tz, params string[] args) =>
        CliBinary.Run(args, new Dictionary<string, string?>
        {
            ["TZ"] = tz,
            ["MTA_AUDIT_DATA_DIR"] = Path.Combine(Path.GetTempPath(), "mta-audit-cli-test-no-overlay"),
        });

    // Collected 2026-12-01T02:34:05Z (its collected-at line): 11:34:05 in Seoul, the same day.
    private static string Exim => Fixture.PathOf("testhosts/deb11-exim.evidence");

    [Fact]
    public void Times_shown_to_people_are_local_with_their_offset_and_json_stays_utc()
    {
        var (code, text, stderr) = Run("Asia/Seoul", "analyze", "--lang", "ko", Exim);
        Assert.True(code == 1, stderr);
        Assert.Contains("  점검 일시: 2026-12-01 11:34:05 +09:00\n", text, StringComparison.Ordinal);
        Assert.Matches(@"\n보고서 작성: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+09:00\n", text);
        Assert.Contains("\n점검 일시: 2026-12-01 11:34:05 +09:00\n", text, StringComparison.Ordinal);

        (_, var csv, _) = Run("Asia/Seoul", "analyze", "--lang", "ko", "--format", "csv", Exim);
        Assert.Contains(",2026-12-01 11:34:05 +09:00,", csv, StringComparison.Ordinal);
        (_, var html, _) = Run("Asia/Seoul", "analyze", "--lang", "ko", "--format", "html", Exim);
        Assert.Contains("<dd>2026-12-01 11:34:05 +09:00</dd>", html, StringComparison.Ordinal);
        (_, var json, _) = Run("Asia/Seoul", "analyze", "--format", "json", Exim);
        Assert.Contains("\"collectedAt\": \"2026-12-01T02:34:05Z\"", json, StringComparison.Ordinal);
        Assert.Matches("\"generatedAt\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"", json);

        // Another zone, another offset: the zone is the machine's (TZ), not a constant.
        (_, text, _) = Run("America/New_York", "analyze", "--lang", "ko", Exim);
        Assert.Contains("  점검 일시: 2026-11-30 21:34:05 -05:00\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Korean_reads_as_a_kisa_report()
    {
        var all = new[] { "testhosts", "bundles" }.Select(Fixture.PathOf).ToArray();
        var (code, ko, stderr) = Run("Asia/Seoul", ["analyze", "--lang", "ko", .. all]);
        Assert.True(code == 1, stderr);
        foreach (var old in new[] { "이(가) 없어 해당 없음", "증거 번들", "패키지가 아닌 설치", "실행/부팅", "입력 파일:", " -> " })
            Assert.DoesNotContain(old, ko, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\(\d{4}-\d\d-\d\d \(", ko); // no nested "(2026-09-18 (postfix …) 기준)"
        Assert.Contains("해당 없음: 이 빌드에 인증 모듈 spa (exim -bV \"Authenticators:\") 미포함", ko, StringComparison.Ordinal);
        Assert.Matches(@"지식 베이스: \S+, 정보 기준일 \d{4}-\d\d-\d\d \(postfix \d\d-\d\d, ", ko);
        Assert.Contains("구동/부팅 시 시작", ko, StringComparison.Ordinal);
        Assert.Contains("  수집 경로: ", ko, StringComparison.Ordinal);
        Assert.Contains("준수율 64.3% = 양호 ÷ (양호 + 취약), 수동점검·N/A는 분모에서 제외", ko, StringComparison.Ordinal);
        Assert.Contains("] 4.94.2 → 취약", ko, StringComparison.Ordinal);

        // The JSON's applicability is worded in the report's language too.
        (_, var json, _) = Run("Asia/Seoul", "analyze", "--lang", "ko", "--format", "json", Exim);
        Assert.Contains("\"applicability\": \"해당 없음: 이 빌드에 ", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_to_a_file_says_so_in_one_line_and_english_counts_hosts_right()
    {
        var path = Path.Combine(Path.GetTempPath(), "mta-audit-doc-" + Guid.NewGuid().ToString("N") + ".txt");
        try
        {
            var (code, stdout, stderr) = Run("UTC", "analyze", "--lang", "en", "-o", path, Exim);
            Assert.True(code == 1, stderr);
            Assert.Equal("", stdout);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal($"mta-audit: report written to {path}: Summary: hosts 1 - good 0, vulnerable 1, manual 0, n/a 0 (compliance 0.0% = good ÷ (good + vulnerable); manual review and N/A are outside the denominator)", line);
            Assert.DoesNotContain("1 hosts", File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Help_lists_v_and_compare_with_one_path_names_what_is_missing()
    {
        var (code, help, _) = Run("UTC", "--help");
        Assert.Equal(0, code);
        Assert.Matches(@"-v, --verbose\s+on an internal error, print its details", help);
        (code, var stdout, var stderr) = Run("UTC", "report", "--compare", Exim, "--lang", "ko");
        Assert.Equal(3, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"mta-audit: report --compare {Exim}: 이번 점검(NEW) 입력이 없음: --compare OLD NEW 두 개가 필요함", line);
        // --no-mta-na's word is the one the README and the reports use.
        (_, help, _) = Run("UTC", "analyze", "--help");
        Assert.Contains("N/A (해당 없음)", help, StringComparison.Ordinal);
        Assert.Contains("--no-mta-na             a host without any MTA is N/A (해당 없음) instead of GOOD", File.ReadAllText(Path.Combine(MtaAudit.Tests.Hosts.RepoPaths.Root, "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_compare_report_lists_the_hosts_not_fixed_and_its_fix_rate()
    {
        // The earlier run: deb11-exim and deb12-postfix-update with its update pending; this one: the same
        // deb11-exim (still vulnerable: 미조치) and deb12-postfix-update after the update.
        var dir = Path.Combine(Path.GetTempPath(), "mta-audit-doc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "old"));
        Directory.CreateDirectory(Path.Combine(dir, "new"));
        try
        {
            File.Copy(Exim, Path.Combine(dir, "old", "a.evidence"));
            File.Copy(Exim, Path.Combine(dir, "new", "a.evidence"));
            File.Copy(Fixture.PathOf("testhosts/deb12-postfix-update.pending.evidence"), Path.Combine(dir, "old", "b.evidence"));
            File.Copy(Fixture.PathOf("testhosts/deb12-postfix-update.installed.evidence"), Path.Combine(dir, "new", "b.evidence"));
            var (code, text, stderr) = Run("Asia/Seoul", "report", "--compare", Path.Combine(dir, "old"), Path.Combine(dir, "new"), "--lang", "ko", "--org", "기관A");
            Assert.True(code == 1, stderr);
            var still = text.Split("\n[").Single(s => s.StartsWith("미조치 (계속 취약)]", StringComparison.Ordinal));
            Assert.Contains("  deb11-exim: 취약 → 취약; exim 4.94.2 (4.94.2-7+deb11u6) → exim 4.94.2 (4.94.2-7+deb11u6)", still, StringComparison.Ordinal);
            Assert.Matches(@"\n조치율: (0\.0|50\.0)% \(조치 완료 ÷ 이전 점검의 취약 호스트", text);
            Assert.Contains("기관명: 기관A\n", text, StringComparison.Ordinal);
            Assert.Matches(@"이전 점검: .*old \(2대\), 점검 일시 2026-\d\d-\d\d \d\d:\d\d:\d\d \+09:00", text);
            Assert.Contains("  미조치 (계속 취약): 1대", text, StringComparison.Ordinal);
        }
        finally { Directory.Delete(dir, true); }
    }
}
