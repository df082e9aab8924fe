using System.Text.RegularExpressions;
using MtaAudit.Assess;
using MtaAudit.Render;

namespace MtaAudit.Tests.Render;

/// <summary>One glossary, one Korean voice, and no English left in Korean output.</summary>
public class GlossaryTests
{
    [Fact]
    public void Every_entry_has_both_languages_and_the_same_parameters()
    {
        foreach (var (code, ko, en) in Glossary.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(ko), code);
            Assert.False(string.IsNullOrWhiteSpace(en), code);
            static string[] Params(string s) => Regex.Matches(s, @"\{(\w+)\}").Select(m => m.Groups[1].Value).Order().ToArray();
            Assert.True(Params(ko).SequenceEqual(Params(en)), $"{code}: parameters differ between ko and en");
        }
    }

    [Fact]
    public void Korean_reads_as_one_voice()
    {
        foreach (var (code, ko, _) in Glossary.All)
        {
            // 개조식 (~함/~음); no polite imperative beside it.
            Assert.DoesNotMatch("십시오|하세요|합니다|습니다", ko);
            // "판단 기준" is KISA's 양호/취약 criteria; the chosen policy is "적용 정책".
            if (code != "item.criteria-label") Assert.DoesNotContain("판단 기준", ko, StringComparison.Ordinal);
            // A vendor package's version is never called upstream.
            if (code is "detail.package" or "cve.vendor-fixed" or "cve.vendor-fixed-this" or "reason.version-from-package" or "fix.update-package"
                or "vendor.update-pending" or "vendor.newer-package" or "vendor.none-pending" or "fix.to-package"
                or "baseline.package-ok" or "baseline.package-below" or "baseline.incomparable")
                Assert.DoesNotContain("업스트림", ko, StringComparison.Ordinal);
            Assert.DoesNotContain("정책 vendor", ko, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Say_keeps_the_code_and_parameters_and_words_both_languages()
    {
        var s = Glossary.Say("fix.upgrade-upstream", ("mta", "Postfix"), ("version", "3.10.6"));
        Assert.Equal("fix.upgrade-upstream", s.Code);
        Assert.Equal([new("mta", "Postfix"), new KeyValuePair<string, string>("version", "3.10.6")], s.Args!);
        Assert.Equal("Postfix를 3.10.6 이상으로 업그레이드함", s.Get(Lang.Ko));
        Assert.Equal("upgrade Postfix to 3.10.6 or later", s.Get(Lang.En));
        Assert.Throws<KeyNotFoundException>(() => Glossary.Say("no.such.code"));
    }

    /// <summary>Words allowed in Korean output: product and format names, the KISA code, policy and option names (commands).</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "MTA", "IP", "CVE", "KEV", "JavaScript", "root", "vendor", "upstream", "branch", "latest", "baseline", "all", "cves", "format", "json",
        "Sendmail", "Postfix", "Exim", "OpenSMTPD", "dpkg", "rpm", "lslpp", "swlist", "pkg", "ips", "svr4",
    };

    /// <summary>
    /// Every fixture host, with its reasons and remediation as glossary codes (as the lead converts the
    /// rule's producers to codes), rendered in Korean: once the values from targets (names, versions,
    /// evidence, paths) are taken out, no English word may be left.
    /// </summary>
    /// <summary>The parameter values of a coded sentence and of its worded parts (names, commands: values, not words).</summary>
    private static IEnumerable<string> Args(Localized l) =>
        (l.Args ?? []).Select(a => a.Value).Concat((l.Parts ?? []).SelectMany(Args));

    [Theory]
    [InlineData("text")]
    [InlineData("csv")]
    [InlineData("html")]
    [InlineData("xlsx")]
    public void No_english_words_are_left_in_korean_output(string format)
    {
        var hosts = ReportSamples.FixtureHosts().Select(p =>
        {
            var h = p.Item1;
            var mtas = h.Mtas.Select(m => m with
            {
                Reasons = [Glossary.Say("reason.usage-unknown"), Glossary.Say("reason.policy", ("policy", "vendor"), ("version", "1"), ("date", "2026-11-28"))],
                Remediation = [Glossary.Say("fix.update-package", ("package", m.Package?.Name ?? m.Mta)), Glossary.Say("fix.disable")],
            }).ToList();
            return (h with { Mtas = mtas, Reasons = h.Mtas.Count == 0 ? [Glossary.Say("reason.no-mta")] : [] }, p.Item2);
        }).ToList();
        var bytes = ReportSamples.Render(format, hosts, ReportSamples.Meta() with { Org = null, Auditor = null });
        // The workbook's cells: every sheet's text, as a reader shows it.
        var output = format == "xlsx" ? XlsxText(bytes) : ReportSamples.Text(bytes);
        if (format == "csv") output = output.Replace("\"\"", "\"", StringComparison.Ordinal); // RFC 4180 doubles a quote inside a cell
        Assert.Contains("양호", output, StringComparison.Ordinal);
        if (format == "html")
        {
            // The page's words and the header; host data are target values, checked by the strip below anyway.
            output = Regex.Replace(output, "<style>.*?</style>|<script[^>]*>.*?</script>", " ", RegexOptions.Singleline);
            output = Regex.Replace(output, "<[^>]*>", " ");
            output = System.Net.WebUtility.HtmlDecode(output); // as a reader sees it
        }
        var targetValues = hosts.SelectMany(p => new[] { p.Item1.Host, Words.Os(p.Item1.Os), p.Item1.Source ?? "", p.Item1.CollectedAt ?? "" }
                .Concat(p.Item1.Errors.Where(e => e.Code is null).Select(e => e.En))
                .Concat(p.Item1.Mtas.SelectMany(m => new[] { m.Mta, m.Version ?? "", m.VersionText ?? "", m.BinaryPath ?? "", m.Package?.Name ?? "", m.Package?.Version ?? "", m.Package?.Manager ?? "" }
                    .Concat(m.EvidenceLines).Concat(m.Cves.Select(c => c.Id))
                    .Concat(m.Cves.SelectMany(c => c.ApplicabilityWords is { } a ? Args(a) : [])).Concat(m.Cves.Select(c => c.FixedIn ?? "")).Concat(m.Cves.Select(c => c.Vendor ?? ""))
                    .Concat(m.Cves.Select(c => Regex.Match(c.Vendor ?? "", @"fixed in (\S+)").Groups[1].Value)))))
            .Where(v => v.Length > 0).Distinct()
            // A long value is cut with an ellipsis in the text table.
            .SelectMany(v => new[] { v }.Concat(Enumerable.Range(1, Math.Max(0, v.Length - 1)).Select(k => v[..k] + "…")))
            .OrderByDescending(v => v.Length);
        foreach (var v in targetValues) output = output.Replace(v, " ", StringComparison.Ordinal);
        var english = Regex.Matches(output, "[A-Za-z]{2,}").Select(m => m.Value).Where(w => !Allowed.Contains(w)).Distinct().ToList();
        Assert.True(english.Count == 0, $"English left in Korean {format} output: {string.Join(", ", english)}");
    }

    /// <summary>The text of every cell of every sheet (inline strings and the sheet names), one per line.</summary>
    internal static string XlsxText(byte[] bytes)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes), System.IO.Compression.ZipArchiveMode.Read);
        var sb = new System.Text.StringBuilder();
        foreach (var e in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) || e.FullName == "xl/workbook.xml"))
        {
            using var r = System.Xml.XmlReader.Create(e.Open());
            while (r.Read())
            {
                if (r.NodeType == System.Xml.XmlNodeType.Element && r.LocalName == "sheet") sb.Append(r.GetAttribute("name")).Append('\n');
                if (r.NodeType == System.Xml.XmlNodeType.Element && r.LocalName == "t") sb.Append(r.ReadElementContentAsString()).Append('\n');
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// The CLI's own Korean: every command's --help and the parse errors of System.CommandLine, as the process
    /// prints them with --lang ko and with a Korean locale. Allowed: option and command names, placeholders,
    /// quoted values, paths, file and environment names, and the product and format names of <see cref="Allowed"/>.
    /// </summary>
    [Fact]
    public void No_english_words_are_left_in_korean_help_and_errors()
    {
        var commands = new[] { "", "analyze", "scan", "collector", "db", "db status", "db import", "db update", "db fetch", "fix", "report" };
        var outputs = new List<(string What, string Text)>();
        foreach (var c in commands)
        {
            var args = c.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--help").ToList();
            var (code, stdout, stderr) = ReportSamples.Run(ReportSamples.Cli, [.. args, "--lang", "ko"]);
            Assert.True(code == 0 && stderr == "", $"{c} --help: exit {code}, {stderr}");
            Assert.Contains("사용법:", stdout, StringComparison.Ordinal);
            Assert.Contains("옵션:", stdout, StringComparison.Ordinal);
            outputs.Add(($"mta-audit {c} --help", stdout));
        }
        var korean = new Dictionary<string, string> { ["LC_ALL"] = "ko_KR.UTF-8" };
        var bad = new[]
        {
            (new[] { "report", "--bogus" }, "알 수 없는 명령 또는 인수: '--bogus'"),
            (new[] { "analyze", "--format", "foo", "x" }, "'foo'은(는) 쓸 수 없는 값임. 가능한 값:"),
            (new[] { "analyze" }, "'analyze' 명령에 필요한 인수가 없음"),
            (new[] { "report", "--compare", "a" }, "report --compare a: 이번 점검(NEW) 입력이 없음"),
            (new[] { "db", "fetch" }, "'--to' 옵션이 필요함"),
            (new[] { "scan", "--forks", "many" }, "'--forks' 옵션의 값 'many'을(를) 정수(으)로 읽을 수 없음"),
            (new[] { "report" }, "report에는 --from FILE|DIR... 또는 --compare OLD NEW 중 하나가 필요함"),
        };
        foreach (var (args, expected) in bad)
        {
            var (code, stdout, stderr) = ReportSamples.Run(ReportSamples.Cli, args, env: korean);
            Assert.True(code == 3, $"{string.Join(' ', args)}: exit {code}");
            Assert.Equal("", stdout);
            Assert.Contains(expected, stderr, StringComparison.Ordinal);
            if (args is not (["report"] or ["report", "--compare", _])) // the library's parse errors end with the pointer to --help
                Assert.Contains("'mta-audit --help'로 사용법을 확인할 수 있음.", stderr, StringComparison.Ordinal);
            outputs.Add((string.Join(' ', args), stderr));
        }
        var allowed = new HashSet<string>(Allowed, StringComparer.Ordinal)
        {
            "mta", "audit", "analyze", "scan", "collector", "db", "status", "import", "update", "fetch", "fix", "report", "Int32",
            "KISA", "OS", "JSON", "CSV", "HTML", "BOM", "UTF", "OSV", "NVD", "API", "PEM", "CA", "SSH", "SHA", "CBC", "SQLite", "STORE", "OLD", "NEW",
            "FILE", "DIR", "HOST", "PORT", "NAME", "TIME", "JOURNAL", "MiB", "Ansible", "INI", "YAML", "Solaris", "AIX", "HP", "UX", "Debian",
            "https", "sh", "osv", "nvd", "rhel", "data", "dss", "sudo", "user", "host", "port", "systemd", "known_hosts", "text", "csv", "xlsx", "html", "en", "ko",
            "postfix", "exim", "sendmail", "opensmtpd", "NA", "mask", "sshd", "id_ecdsa", "id_rsa", "Sendmail", "Postfix", "Exim", "OpenSMTPD", "MANUAL",
        };
        var left = new List<string>();
        foreach (var (what, text) in outputs)
        {
            // Placeholders, quoted values, options, paths, file names, key=value, hyphenated names (ssh-dss), environment names.
            var t = Regex.Replace(text, @"<[^>]+>|'[^']*'|--?[a-z][a-z0-9-]*|[\w.~-]*/\S*|\b[\w-]+(\.[\w-]+)+/?|\b\w+=\w+|\b[a-z]+(-[a-z0-9]+)+\b|\$?\b[A-Z][A-Z0-9_]{2,}(?![A-Za-z0-9_])", " ");
            foreach (Match m in Regex.Matches(t, "[A-Za-z][A-Za-z_]+"))
                if (!allowed.Contains(m.Value)) left.Add($"{what}: {m.Value}");
        }
        Assert.True(left.Count == 0, "English left in Korean help and errors:\n" + string.Join("\n", left.Distinct()));
    }
}
