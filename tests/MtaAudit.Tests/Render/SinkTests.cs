using System.Text;
using System.Text.Json;
using MtaAudit.Assess;
using MtaAudit.Render;

namespace MtaAudit.Tests.Render;

/// <summary>Text, CSV and JSON sinks: summary first, KISA columns, neutralised cells, codes beside reasons, round trips.</summary>
public class SinkTests
{
    [Fact]
    public void Text_puts_the_summary_and_host_table_before_any_detail()
    {
        var hosts = ReportSamples.FixtureHosts();
        var text = ReportSamples.Text(ReportSamples.Render("text", hosts));
        var lines = text.Split('\n');
        int summary = Array.FindIndex(lines, l => l.StartsWith("요약: 호스트 " + hosts.Count + "대", StringComparison.Ordinal));
        int table = Array.FindIndex(lines, l => l.StartsWith("호스트 ", StringComparison.Ordinal) && l.Contains("점검결과", StringComparison.Ordinal));
        int detail = Array.FindIndex(lines, l => l.StartsWith("== ", StringComparison.Ordinal));
        Assert.True(summary > 0 && summary < table && table < detail, $"summary {summary}, table {table}, detail {detail}");
        foreach (var (h, _) in hosts)
        {
            Assert.Contains(lines.Take(detail), l => l.StartsWith(h.Host + " ", StringComparison.Ordinal));
            Assert.Contains(lines.Skip(detail), l => l.StartsWith("== " + h.Host + " : ", StringComparison.Ordinal));
        }
        Assert.Contains("  점검 일시: 2026-", text, StringComparison.Ordinal);
        Assert.Contains("  수집 계정: root (관리자)", text, StringComparison.Ordinal);
        Assert.Contains("  IP: 확인 불가", text, StringComparison.Ordinal);
        Assert.Contains("      | ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Brief_drops_evidence_lines_and_all_cves_lists_every_cve()
    {
        var hosts = ReportSamples.FixtureHosts();
        var most = hosts.SelectMany(h => h.Item1.Mtas).Max(m => m.Cves.Count);
        Assert.True(most > 10, "a fixture with more than ten CVEs is needed");
        var brief = ReportSamples.Text(ReportSamples.Render("text", hosts, ReportSamples.Meta() with { Brief = true }));
        Assert.DoesNotContain("      | ", brief, StringComparison.Ordinal);
        Assert.Contains("--all-cves", brief, StringComparison.Ordinal);
        var all = ReportSamples.Text(ReportSamples.Render("text", hosts, ReportSamples.Meta() with { AllCves = true }));
        Assert.DoesNotContain("--all-cves", all, StringComparison.Ordinal);
        var ids = hosts.SelectMany(h => h.Item1.Mtas).SelectMany(m => m.Cves).Select(c => c.Id).Distinct();
        Assert.All(ids, id => Assert.Contains(id, all, StringComparison.Ordinal));
    }

    [Fact]
    public void Text_strips_control_characters_from_hostile_fields()
    {
        var text = ReportSamples.Text(ReportSamples.Render("text", [ReportSamples.Hostile()]));
        Assert.DoesNotContain('\u001b', text);
        Assert.Contains(ReportSamples.Formula, text, StringComparison.Ordinal);
        Assert.Contains("<script>", text, StringComparison.Ordinal); // plain text: shown as it is, harmless on a terminal
        Assert.Contains("수집 계정: 일반 계정", text, StringComparison.Ordinal);
        Assert.Contains("IP: 10.213.1.2", text, StringComparison.Ordinal);
    }

    /// <summary>RFC 4180 reader, enough for the tests.</summary>
    internal static List<List<string>> ParseCsv(string s)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < s.Length && s[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add(row); row = new(); }
            else cell.Append(c);
        }
        return rows;
    }

    [Fact]
    public void Csv_is_utf8_with_bom_in_the_kisa_columns_with_formulas_neutralised()
    {
        var hosts = new[] { ReportSamples.Hostile() }.Concat(ReportSamples.FixtureHosts()).ToList();
        var bytes = ReportSamples.Render("csv", hosts);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3).ToArray());
        var rows = ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(hosts.Count + 1, rows.Count);
        Assert.Equal(["분류", "점검코드", "점검항목", "중요도", "호스트", "IP", "운영체제", "점검결과", "현황", "조치방법", "MTA", "버전", "패키지", "해당 CVE", "해당 없음 CVE", "증적", "점검 일시", "수집 계정"], rows[0].ToArray());
        Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
        var evil = rows[1];
        Assert.Equal("'" + MtaAudit.TerminalText.Clean(hosts[0].Item1.Host), evil[4]);
        Assert.Equal("10.213.1.2", evil[5]);
        Assert.Equal("취약", evil[7]);
        Assert.All(rows.SelectMany(r => r), c => Assert.False(c != "-" && c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r', "unneutralised cell: " + c));
        Assert.DoesNotContain(rows.SelectMany(r => r), c => c.Contains('\u001b'));
        Assert.Equal(hosts.Skip(1).Select(h => h.Item1.Host), rows.Skip(2).Select(r => r[4]));

        // deb11-exim: the CVEs the report calls not applicable are in their own column, never among the applicable ones.
        var exim = hosts.FindIndex(h => h.Item1.Host == "deb11-exim");
        var cves = hosts[exim].Item1.Mtas.SelectMany(m => m.Cves).ToList();
        var applicable = rows[exim + 1][13].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var notApplicable = rows[exim + 1][14].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(notApplicable.Length > 5, "deb11-exim's build lacks features several CVEs need");
        Assert.Equal(cves.Where(c => !c.NotApplicable).Select(c => c.Id).Distinct(), applicable);
        Assert.Equal(cves.Where(c => c.NotApplicable).Select(c => c.Id).Distinct(), notApplicable);
        Assert.Empty(applicable.Intersect(notApplicable));
        // 증적: the lines that decided it, the version output first.
        Assert.StartsWith("mta.exim.version path=/usr/sbin/exim4", rows[exim + 1][15], StringComparison.Ordinal);
    }

    [Fact]
    public void Json_keeps_reasons_text_adds_codes_account_and_addresses_and_reads_back()
    {
        var hosts = new[] { ReportSamples.Hostile() }.Concat(ReportSamples.FixtureHosts()).ToList();
        var bytes = ReportSamples.Render("json", hosts);
        using var doc = JsonDocument.Parse(bytes);
        var evil = doc.RootElement.GetProperty("hosts")[0];
        Assert.Equal("nonroot", evil.GetProperty("account").GetString());
        Assert.Equal("10.213.1.2", evil.GetProperty("addresses")[0].GetString());
        var m = evil.GetProperty("mtas")[0];
        Assert.Contains(ReportSamples.Formula, m.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        var code = m.GetProperty("codes")[0];
        Assert.Equal("reason.version-from-package", code.GetProperty("code").GetString());
        Assert.Equal(ReportSamples.Formula, code.GetProperty("args").GetProperty("name").GetString());
        Assert.False(doc.RootElement.GetProperty("hosts")[1].TryGetProperty("codes", out _));

        var back = JsonReport.Read(new MemoryStream(bytes));
        Assert.Equal(hosts.Count, back.Hosts.Count);
        var (h, ctx) = JsonReport.ToHost(back.Hosts[0]);
        Assert.Equal(hosts[0].Item1.Host, h.Host);
        Assert.Equal(Verdict.Vulnerable, h.Verdict);
        Assert.Equal(["10.213.1.2"], ctx.Addresses);
        // A report rendered again from its JSON says the same: same hosts, same verdicts.
        var again = ReportSamples.Render("json", back.Hosts.Select(JsonReport.ToHost));
        using var doc2 = JsonDocument.Parse(again);
        Assert.Equal(
            doc.RootElement.GetProperty("hosts").EnumerateArray().Select(x => x.GetProperty("host").GetString() + x.GetProperty("verdict").GetString()),
            doc2.RootElement.GetProperty("hosts").EnumerateArray().Select(x => x.GetProperty("host").GetString() + x.GetProperty("verdict").GetString()));
    }

    [Fact]
    public void The_same_host_twice_keeps_the_newest_bundle_and_says_so()
    {
        var dir = ReportSamples.TempDir();
        var src = File.ReadAllText(MtaAudit.Tests.Support.Fixture.PathOf("testhosts/deb12-postfix.evidence"));
        var at = System.Text.RegularExpressions.Regex.Match(src, "collected-at: (.*)").Groups[1].Value;
        // The older copy comes last and names another package version: only the newer must be judged.
        var older = src.Replace("collected-at: " + at, "collected-at: 2020-01-01T00:00:00Z", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir, "a-new.evidence"), src);
        File.WriteAllText(Path.Combine(dir, "b-old.evidence"), older);
        using var inputs = new ReportInputs(new AnalysisOptions(ReportSamples.Kb));
        var hosts = inputs.Read([dir]).ToList();
        Assert.Single(hosts);
        Assert.Equal(at, hosts[0].Host.CollectedAt);
        Assert.Empty(inputs.Errors);
        var note = Assert.Single(inputs.Notes).Get(Lang.Ko);
        Assert.Contains("deb12-postfix", note, StringComparison.Ordinal);
        Assert.Contains("2개", note, StringComparison.Ordinal);
        Assert.Contains(at, note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_header_pass_finds_the_same_bundles_as_the_reader_across_buffer_ends(bool crlf)
    {
        // Every fixture bundle, many times over: several MiB, so bundles straddle the 1 MiB buffer's end.
        var one = string.Concat(ReportSamples.FixtureFiles().Select(File.ReadAllText));
        var sb = new StringBuilder();
        for (int i = 0; sb.Length < 3 << 20; i++) sb.Append(one.Replace("\nhost: ", $"\nhost: h{i}-", StringComparison.Ordinal));
        var text = crlf ? sb.ToString().Replace("\n", "\r\n", StringComparison.Ordinal) : sb.ToString();
        var bytes = Encoding.UTF8.GetBytes(text);
        var expected = MtaAudit.Evidence.BundleReader.Read(new MemoryStream(bytes), "x")
            .Select(r => (r.Bundle!.StartLine, r.Bundle.Host, r.Bundle.CollectedAt)).ToList();
        var found = MtaAudit.Evidence.BundleReader.ReadHeaders(new MemoryStream(bytes), "x", HostMatch.Probes)
            .Select(r => (r.Bundle!.StartLine, r.Bundle.Host, r.Bundle.CollectedAt)).ToList();
        Assert.True(expected.Count > 100);
        Assert.Equal(expected, found);
    }
}
