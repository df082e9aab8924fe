using System.Text.RegularExpressions;
using MtaAudit.Tests.Render;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Cli;

/// <summary>
/// The CLI's own error and notice lines, run as a process: with --lang ko they are Korean sentences from the
/// glossary (English left only in names, paths, options and the quoted .NET cause), with --lang en they stay
/// the English they were; the exit code and the one "mta-audit: " line per problem are the same in both.
/// </summary>
public class CliErrorLanguageTests : IDisposable
{
    private readonly string _dir = ReportSamples.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Stdout, string Stderr) Run(string lang, params string[] args) =>
        CliBinary.Run([.. args, "--lang", lang], new Dictionary<string, string?>
        {
            ["LC_ALL"] = null, ["LC_MESSAGES"] = null, ["LANG"] = "C.UTF-8",
            ["SSH_AUTH_SOCK"] = null, ["HOME"] = _dir,
            ["MTA_AUDIT_DATA_DIR"] = Path.Combine(_dir, "data"),
        });

    /// <summary>Each case: arguments, exit code, a Korean phrase and the English phrase the same error says, the path it names.</summary>
    private List<(string[] Args, int Code, string Ko, string En, string? Named)> Cases()
    {
        var badKey = Path.Combine(_dir, "bad.key");
        File.WriteAllText(badKey, "this is not a private key\n");
        var store = Path.Combine(_dir, "fleet.sqlite");
        var evidence = Fixture.PathOf("bundles/centos7-postfix.evidence");
        var garbage = Path.Combine(_dir, "garbage.evidence");
        var empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        File.WriteAllText(garbage, "not a bundle\n");
        string missing = Path.Combine(_dir, "missing.evidence"), agent = Path.Combine(_dir, "no-agent.sock"), output = Path.Combine(_dir, "no-dir", "report.txt");
        return
        [
            (["analyze", missing], 3, "읽을 수 없음: \"", ": cannot read: ", missing),
            (["scan", "--host", "root@127.0.0.1:1", "--identity", badKey, "--store", store], 3, "이 키를 사용할 수 없음: \"", ": cannot use this key: ", badKey),
            (["scan", "--host", "root@127.0.0.1:1", "--identity-agent", agent, "--store", store], 3, ": 연결할 수 없음: \"", ": cannot connect: ", agent),
            (["analyze", "-o", output, evidence], 3, "보고서를 쓸 수 없음: \"", ": cannot write the report: ", output),
            (["scan", "--host", "root@127.0.0.1:1", "--forks", "0", "--store", store], 3, "--forks는 1 이상이어야 함", "--forks must be at least 1", null),
            (["analyze", garbage], 3, "수집 결과 파일 오류: 번들은 'MTA-AUDIT-EVIDENCE/1'(으)로 시작해야 하나 'not a bundle'이(가) 있음", ":1: expected 'MTA-AUDIT-EVIDENCE/1' to start a bundle, found 'not a bundle'", garbage),
            (["analyze", empty], 3, "디렉터리에 *.evidence 또는 *.json 파일이 없음", "the directory holds no *.evidence or *.json file", empty),
            (["scan", "--resume", "--store", empty], 3, "결과 저장소를 열 수 없음: \"", ": cannot open the results store: ", empty),
        ];
    }

    [Fact]
    public void Errors_are_Korean_with_lang_ko_and_English_with_lang_en_with_the_same_exit_codes()
    {
        var left = new List<string>();
        foreach (var (args, code, ko, en, named) in Cases())
        {
            var what = string.Join(' ', args);
            var (kCode, _, kErr) = Run("ko", args);
            var (eCode, _, eErr) = Run("en", args);
            Assert.True(kCode == code && eCode == code, $"{what}: exit {kCode} (ko), {eCode} (en), expected {code}\n{kErr}\n{eErr}");
            Assert.Contains(ko, kErr, StringComparison.Ordinal);
            Assert.Contains(en, eErr, StringComparison.Ordinal);
            Assert.DoesNotMatch("[\uAC00-\uD7A3]", eErr);
            foreach (var text in new[] { kErr, eErr })
                foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    Assert.StartsWith("mta-audit: ", line, StringComparison.Ordinal);
                    Assert.DoesNotMatch(@"[\x00-\x08\x0b-\x1f\x7f]", line);
                }
            // The file is named in both languages.
            if (named is not null) Assert.True(kErr.Contains(named + ":", StringComparison.Ordinal) && eErr.Contains(named + ":", StringComparison.Ordinal), $"{what}: {named} not named in:\n{kErr}\n{eErr}");
            left.AddRange(English(kErr).Select(w => $"{what}: {w}"));
        }
        Assert.True(left.Count == 0, "English left in Korean errors:\n" + string.Join("\n", left.Distinct()));
    }

    [Fact]
    public void Problems_reading_a_bundle_are_listed_in_the_report_in_its_language()
    {
        // A bundle with a bad rc= and cut off inside its last section: both are the host's 수집 오류.
        var bundle = Path.Combine(_dir, "cut.bundle");
        File.WriteAllText(bundle, "MTA-AUDIT-EVIDENCE/1\nboundary: mta-cut-0001\nhost: cut1\nuser: root\n\n--mta-cut-0001 probe=os.uname rc=zz cmd=uname -a\nLinux cut1\n--mta-cut-0001 probe=proc.list rc=0 cmd=ps\n  PID\n");
        var (kc, ko, _) = Run("ko", "analyze", bundle);
        var (ec, en, _) = Run("en", "analyze", bundle);
        Assert.True(kc == 2 && ec == 2, $"exit {kc}/{ec}");
        var koErrors = ko[ko.IndexOf("  수집 오류:\n", StringComparison.Ordinal)..];
        Assert.Contains("    ! 수집 결과 파일이 중간에 끊김 (마지막 줄 없음)", koErrors, StringComparison.Ordinal);
        Assert.Contains("    ! 6번째 줄: 종료 코드 'zz'은(는) 숫자, 'absent', 'timeout', 'skipped' 중 하나가 아님", koErrors, StringComparison.Ordinal);
        Assert.Contains("    ! 8번째 줄: 번들이 수집 항목 proc.list 도중에 끝나 출력이 일부만 있음", koErrors, StringComparison.Ordinal);
        Assert.Contains("    ! line 6: rc='zz' is not a number, 'absent', 'timeout' or 'skipped'", en, StringComparison.Ordinal);
        Assert.Contains("    ! the evidence bundle was cut short (no closing line)", en, StringComparison.Ordinal);
        Assert.Empty(English(koErrors));
    }

    [Fact]
    public void Db_status_takes_lang_and_words_its_lines()
    {
        var (kCode, kOut, kErr) = Run("ko", "db", "status");
        var (eCode, eOut, _) = Run("en", "db", "status");
        Assert.Equal("", kErr);
        Assert.Equal(eCode, kCode);
        Assert.True(kCode is 0 or 2, $"exit {kCode}");
        Assert.StartsWith("지식 베이스 ", kOut, StringComparison.Ordinal);
        Assert.Contains("로컬 데이터: 없음 (", kOut, StringComparison.Ordinal);
        Assert.StartsWith("knowledge base ", eOut, StringComparison.Ordinal);
        Assert.Contains("local overlay: none (", eOut, StringComparison.Ordinal);
        Assert.Equal(eOut.Split('\n').Length, kOut.Split('\n').Length);
        // The data sources are worded as the reports word them, and their notes come from the glossary.
        Assert.Contains("까지의 정보: OS 지원 기간 (endoflife.date 스냅숏)", kOut, StringComparison.Ordinal);
        Assert.Contains("까지의 정보: postfix (읽은 릴리스·권고문 중 가장 최근 날짜)", kOut, StringComparison.Ordinal);
        Assert.Contains(": postfix (newest dated release or advisory read)", eOut, StringComparison.Ordinal);
        var left = English(kOut);
        Assert.True(left.Count == 0, "English left in Korean db status:\n" + string.Join("\n", left));

        foreach (var (args, ko, en) in new[]
        {
            (new[] { "db", "update", "--mirror", "http://mirror.invalid" }, "https:// 주소가 아님", "not an https:// URL"),
            (new[] { "db", "fetch", "--to", Path.Combine(_dir, "fetched"), "--source", "zzz" }, "해당하는 출처가 없음", "names no source"),
        })
        {
            var (kc, _, ke) = Run("ko", args);
            var (ec, _, ee) = Run("en", args);
            Assert.True(kc == 3 && ec == 3, $"{string.Join(' ', args)}: exit {kc}/{ec}");
            Assert.Contains(ko, ke, StringComparison.Ordinal);
            Assert.Contains(en, ee, StringComparison.Ordinal);
            Assert.Empty(English(ke));
        }
    }

    [Fact]
    public void Db_import_words_its_notes_summary_and_errors()
    {
        // A real NVD record of an Exim CVE, and an OSV advisory of Ubuntu's: imported, then imported again (unchanged).
        string[] files = [Fixture.PathOf("import/CVE-2019-10149.json"), Fixture.PathOf("import/USN-6591-1.json")];
        var outputs = new Dictionary<string, List<(int Code, string Out, string Err)>>();
        var bad = Path.Combine(_dir, "neither.json");
        File.WriteAllText(bad, "{\"x\": 1}");
        var wrong = Path.Combine(_dir, "wrong-type.json");
        File.WriteAllText(wrong, "{\"vulnerabilities\": \"x\"}");
        foreach (var lang in new[] { "ko", "en" })
        {
            var data = Path.Combine(_dir, "import-" + lang);
            outputs[lang] =
            [
                Run(lang, ["db", "import", .. files, "--data-dir", data]),
                Run(lang, ["db", "import", .. files, "--data-dir", data]),
                Run(lang, ["db", "import", bad, wrong, "--data-dir", data]),
            ];
        }
        var (ko, en) = (outputs["ko"], outputs["en"]);
        Assert.Equal(en.Select(x => x.Code), ko.Select(x => x.Code));
        Assert.Equal([0, 0, 3], ko.Select(x => x.Code));
        Assert.StartsWith("파일 2개를 읽음: 취약점 레코드 ", ko[0].Out, StringComparison.Ordinal);
        Assert.Contains("을(를) 씀: 취약점 ", ko[0].Out, StringComparison.Ordinal);
        Assert.Contains("은(는) 그대로임 (이미 가져온 레코드임)", ko[1].Out, StringComparison.Ordinal);
        Assert.Contains(bad + ": $: 가져올 수 없음: OSV 레코드('affected' 없음)도 NVD CVE 레코드", ko[2].Err, StringComparison.Ordinal);
        Assert.Contains(wrong + ": $.vulnerabilities: 가져올 수 없음: 배열이(가) 와야 하나 문자열이(가) 있음", ko[2].Err, StringComparison.Ordinal);
        Assert.Contains(wrong + ": $.vulnerabilities: expected an array, found a string", en[2].Err, StringComparison.Ordinal);
        Assert.Contains("mta-audit: 가져온 것 없음; 로컬 데이터 ", ko[2].Err, StringComparison.Ordinal);
        Assert.StartsWith("read 2 files: ", en[0].Out, StringComparison.Ordinal);
        Assert.Contains("unchanged (these records were already imported)", en[1].Out, StringComparison.Ordinal);
        Assert.Contains("mta-audit: nothing imported; the local overlay ", en[2].Err, StringComparison.Ordinal);
        Assert.DoesNotMatch("[\uAC00-\uD7A3]", string.Concat(en.Select(x => x.Out + x.Err)));
        var left = English(string.Concat(ko.Select(x => x.Out + x.Err)));
        Assert.True(left.Count == 0, "English left in Korean db import:\n" + string.Join("\n", left));

        // Without --lang, a Korean locale gives the Korean.
        var (localeCode, _, localeErr) = CliBinary.Run(["db", "import", bad, "--data-dir", Path.Combine(_dir, "import-locale")],
            new Dictionary<string, string?> { ["LC_ALL"] = null, ["LC_MESSAGES"] = null, ["LANG"] = "ko_KR.UTF-8" });
        Assert.Equal(3, localeCode);
        Assert.Contains("가져온 것 없음, 로컬 데이터 ", localeErr, StringComparison.Ordinal);
        Assert.Single(localeErr.TrimEnd('\n').Split('\n')); // one bad file, one line
    }

    [Fact]
    public void Inventory_host_and_jump_errors_name_the_place_in_the_users_language()
    {
        var ini = Path.Combine(_dir, "hosts.ini");
        File.WriteAllText(ini, "[web\nmx1 ansible_port=22\n");
        var yaml = Path.Combine(_dir, "hosts.yml");
        File.WriteAllText(yaml, "all:\n  hosts: [mx1]\n");
        var store = Path.Combine(_dir, "inventory.sqlite");
        foreach (var (args, ko, en) in new[]
        {
            (new[] { "--inventory", ini }, ini + ":1: 구역 줄에 ']'가 없음", ini + ":1: section line without ']'"),
            (new[] { "--inventory", yaml }, yaml + ":2: 'all.hosts'는 호스트 이름의 맵이어야 함", yaml + ":2: 'all.hosts' must be a map of host names"),
            (new[] { "--host", "mx1:99999" }, "--host 'mx1:99999': 포트 '99999'이(가) 올바르지 않음", "--host 'mx1:99999': bad port '99999'"),
            (new[] { "--host", "mx1", "--jump", "a@@b" }, "--jump 'a@@b': ", "--jump 'a@@b': "),
            (new[] { "--host", "mx1", "--limit", "web" }, "--limit에는 --inventory가 필요함", "--limit needs --inventory"),
        })
        {
            var env = new Dictionary<string, string?> { ["LC_ALL"] = null, ["HOME"] = _dir, ["SSH_AUTH_SOCK"] = null, ["MTA_AUDIT_SSH_PASSWORD"] = "not-used" };
            var (kc, _, ke) = CliBinary.Run(["scan", .. args, "--store", store, "--lang", "ko"], env, stdin: "");
            var (ec, _, ee) = CliBinary.Run(["scan", .. args, "--store", store, "--lang", "en"], env, stdin: "");
            Assert.True(kc == 3 && ec == 3, $"{string.Join(' ', args)}: exit {kc}/{ec}\n{ke}\n{ee}");
            Assert.Equal("mta-audit: ", ke[..11]);
            Assert.Contains(ko, ke, StringComparison.Ordinal);
            Assert.Contains(en, ee, StringComparison.Ordinal);
            Assert.DoesNotMatch("[\uAC00-\uD7A3]", ee);
            var left = English(ke);
            Assert.True(left.Count == 0, $"{string.Join(' ', args)}: English left: {string.Join(", ", left)}\n{ke}");
        }
    }

    [Fact]
    public void A_password_prompt_without_a_terminal_is_refused_in_the_users_language()
    {
        foreach (var (args, ko, en) in new[]
        {
            (new[] { "scan", "--host", "root@127.0.0.1:1", "--password-prompt" }, "SSH 암호를 물을 수 없음: 표준 입력이 터미널이 아님; 대신 환경 변수 MTA_AUDIT_SSH_PASSWORD을(를) 설정할 것",
                "cannot ask for the SSH password: standard input is not a terminal; set MTA_AUDIT_SSH_PASSWORD instead"),
            (new[] { "fix", "--host", "root@127.0.0.1:1", "--sudo", "--sudo-password-prompt" }, "sudo 암호를 물을 수 없음", "cannot ask for the sudo password"),
        })
        {
            var env = new Dictionary<string, string?> { ["LC_ALL"] = null, ["HOME"] = _dir, ["SSH_AUTH_SOCK"] = null, ["MTA_AUDIT_SSH_PASSWORD"] = args[0] == "fix" ? "not-used" : null };
            string[] common = ["--identity-agent", "none", "--store", Path.Combine(_dir, "prompt.sqlite")];
            var (kc, _, ke) = CliBinary.Run([.. args, .. (args[0] == "scan" ? common : common[..2]), "--lang", "ko"], env, stdin: "");
            var (ec, _, ee) = CliBinary.Run([.. args, .. (args[0] == "scan" ? common : common[..2]), "--lang", "en"], env, stdin: "");
            Assert.True(kc == 3 && ec == 3, $"{string.Join(' ', args)}: exit {kc}/{ec}\n{ke}\n{ee}");
            Assert.Contains(ko, ke, StringComparison.Ordinal);
            Assert.Contains(en, ee, StringComparison.Ordinal);
            Assert.Empty(English(ke));
        }
    }

    [Fact]
    public void Fleet_notices_and_progress_follow_the_language()
    {
        // Port 1 on loopback: nothing listens, so the host ends "refused" at once (a password so setup passes).
        var outputs = new Dictionary<string, (int Code, string Stderr, int ResumeCode, string ResumeStderr)>();
        foreach (var lang in new[] { "ko", "en" })
        {
            var store = Path.Combine(_dir, lang + ".sqlite");
            string[] scan = ["scan", "--host", "root@127.0.0.1:1", "--identity-agent", "none", "--connect-timeout", "5", "--store", store, "-o", Path.Combine(_dir, lang + ".txt")];
            var env = new Dictionary<string, string?> { ["LC_ALL"] = null, ["LANG"] = "C.UTF-8", ["HOME"] = _dir, ["MTA_AUDIT_SSH_PASSWORD"] = "not-used", ["MTA_AUDIT_DATA_DIR"] = Path.Combine(_dir, "data") };
            var (code, _, stderr) = CliBinary.Run([.. scan, "--lang", lang], env);
            var (resumeCode, _, resumeStderr) = CliBinary.Run(["scan", "--resume", "--host", "root@127.0.0.1:1", "--store", store, "-o", Path.Combine(_dir, lang + "2.txt"), "--lang", lang], env);
            outputs[lang] = (code, stderr, resumeCode, resumeStderr);
        }
        var (ko, en) = (outputs["ko"], outputs["en"]);
        Assert.Equal(en.Code, ko.Code);
        Assert.Equal(en.ResumeCode, ko.ResumeCode);
        Assert.Contains("): 호스트 1개, 동시에 ", ko.Stderr, StringComparison.Ordinal);
        Assert.Contains("[1/1] 127.0.0.1:1: 실패: 'refused': root@127.0.0.1:1: 연결 거부됨 (1번 포트에서 대기하는 서비스 없음) (", ko.Stderr, StringComparison.Ordinal);
        Assert.Contains("실행 1을(를) 이어 감: 그 실행의 호스트 목록을 쓰며", ko.ResumeStderr, StringComparison.Ordinal);
        Assert.Contains("): 호스트 1개 중 ", ko.ResumeStderr, StringComparison.Ordinal);
        Assert.Contains("): 1 hosts, ", en.Stderr, StringComparison.Ordinal);
        Assert.Contains("[1/1] 127.0.0.1:1: failed: refused: root@127.0.0.1:1: connection refused (nothing listens on port 1) (", en.Stderr, StringComparison.Ordinal);
        Assert.Contains("resuming run 1: its own host list is used", en.ResumeStderr, StringComparison.Ordinal);
        Assert.Contains(" of 1 hosts left", en.ResumeStderr, StringComparison.Ordinal);
        Assert.DoesNotMatch("[\uAC00-\uD7A3]", en.Stderr + en.ResumeStderr);
        var left = English(ko.Stderr + ko.ResumeStderr);
        Assert.True(left.Count == 0, "English left in Korean fleet notices:\n" + string.Join("\n", left) + "\n" + ko.Stderr + ko.ResumeStderr);

        // The reports: the host's failure is stored coded and worded in each report's language, in text and HTML.
        var koReport = File.ReadAllText(Path.Combine(_dir, "ko.txt"));
        var enReport = File.ReadAllText(Path.Combine(_dir, "en.txt"));
        Assert.Contains("    ! 'refused': root@127.0.0.1:1: 연결 거부됨 (1번 포트에서 대기하는 서비스 없음)", koReport, StringComparison.Ordinal);
        Assert.Contains("    ! refused: root@127.0.0.1:1: connection refused (nothing listens on port 1)", enReport, StringComparison.Ordinal);
        // The English store read by a Korean report: the same sentence, in Korean (the store holds the code).
        var reportEnv = new Dictionary<string, string?> { ["LC_ALL"] = null, ["HOME"] = _dir };
        var (htmlCode, html, htmlErr) = CliBinary.Run(["report", "--from", Path.Combine(_dir, "en.sqlite"), "--format", "html", "--lang", "ko"], reportEnv);
        Assert.True(htmlCode is 0 or 2, $"report exit {htmlCode}: {htmlErr}");
        Assert.Contains("연결 거부됨 (1번 포트에서 대기하는 서비스 없음)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("connection refused", html, StringComparison.Ordinal);
        var reportLeft = English(koReport);
        Assert.True(reportLeft.Count == 0, "English left in the Korean fleet report:\n" + string.Join("\n", reportLeft) + "\n" + koReport);

        // fix over SSH names the same failure in the same words.
        var withPassword = new Dictionary<string, string?>(reportEnv) { ["MTA_AUDIT_SSH_PASSWORD"] = "not-used", ["SSH_AUTH_SOCK"] = null };
        var (fixCode, _, fixErr) = CliBinary.Run(["fix", "--host", "root@127.0.0.1:1", "--identity-agent", "none", "--lang", "ko"], withPassword, stdin: "");
        Assert.True(fixCode == 3, $"fix exit {fixCode}: {fixErr}");
        Assert.Contains("mta-audit: root@127.0.0.1:1: 연결 거부됨 (1번 포트에서 대기하는 서비스 없음)", fixErr, StringComparison.Ordinal);
        Assert.Empty(English(fixErr));
    }

    /// <summary>
    /// The English words of a Korean text, apart from quoted causes and values, paths, options, file names,
    /// hyphenated names (ssh-agent), environment names and the product's own names.
    /// </summary>
    private static List<string> English(string text)
    {
        // JSON paths ($.vulnerabilities[0].cve) are names, as file paths are.
        var t = Regex.Replace(text, @"\$[\w.\[\]]*|""[^""\n]*""|'[^'\n]*'|\*\.\w+|--?[a-z][a-z0-9-]*|[\w.~*-]*/\S*|\b[\w*-]+(\.[\w-]+)+/?|\b[a-z]+(-[a-z0-9]+)+\b|\$?\b[A-Z][A-Z0-9_]{2,}(?![A-Za-z0-9_])", " ");
        return Regex.Matches(t, "[A-Za-z][A-Za-z_]+").Select(m => m.Value).Where(w => !Words.Contains(w)).Distinct().ToList();
    }

    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "mta", "audit", "db", "import", "update", "MTA", "OS", "SSH", "JSON", "MiB",
        "postfix", "exim", "sendmail", "opensmtpd", "FILE", "DIR", "NAME", "vendor", "kb", "https", "http",
        "sudo", "root", "ssh", "IP",
    };
}
