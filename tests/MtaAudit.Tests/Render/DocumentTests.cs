using System.Text.RegularExpressions;
using MtaAudit.Assess;
using MtaAudit.Render;

namespace MtaAudit.Tests.Render;

/// <summary>
/// The report as the document an auditor prints and signs (issue 15): the HTML prints every host of a
/// 2,000-host fleet and reads without script; the .xlsx prints on A4, one page wide, every line of every
/// cell, with page numbers. Screenshots of each are kept in .build/test-results/artifacts.
/// </summary>
public class DocumentTests
{
    /// <summary>2,000 hosts: the real fixture bundles' judgements, renamed (name-n0001, …) as the benches do.</summary>
    private static List<(HostReport, HostContext)> Fleet(int count)
    {
        var real = ReportSamples.FixtureHosts();
        return Enumerable.Range(0, count).Select(i =>
        {
            var (h, c) = real[i % real.Count];
            return (h with { Host = $"{h.Host}-n{i:D4}" }, c);
        }).ToList();
    }

    private static string Squeezed(string s) => Regex.Replace(s, @"\s+", "");

    private static string PdfText(string pdf, int? page = null)
    {
        var args = page is { } p ? new[] { "-f", p.ToString(), "-l", p.ToString(), pdf, "-" } : new[] { pdf, "-" };
        var (code, text, err) = ReportSamples.Run("pdftotext", args, 300);
        Assert.True(code == 0, err);
        return text;
    }

    private static (int Pages, string Size) PdfInfo(string pdf)
    {
        var (code, info, err) = ReportSamples.Run("pdfinfo", [pdf]);
        Assert.True(code == 0, err);
        return (int.Parse(Regex.Match(info, @"Pages:\s+(\d+)").Groups[1].Value), Regex.Match(info, @"Page size:\s+(.*)").Groups[1].Value.Trim());
    }

    /// <summary>One page of a PDF as a PNG beside the other artifacts (pdftoppm -r 60), for a person to look at.</summary>
    private static string PagePng(string pdf, int page, string name)
    {
        var prefix = Path.Combine(ReportSamples.ArtifactDir(), name);
        var (code, _, err) = ReportSamples.Run("pdftoppm", ["-png", "-r", "60", "-f", page.ToString(), "-l", page.ToString(), "-singlefile", pdf, prefix]);
        Assert.True(code == 0 && File.Exists(prefix + ".png"), err);
        return prefix + ".png";
    }

    [Fact]
    public void Html_of_2000_hosts_prints_every_host_and_reads_without_script()
    {
        ReportSamples.Require("chromium", "chromium");
        ReportSamples.Require("pdftotext", "poppler-utils");
        var hosts = Fleet(2000);
        var names = hosts.Select(h => h.Item1.Host).ToList();
        var dir = ReportSamples.TempDir();
        var page = Path.Combine(dir, "fleet-2000.html");
        File.WriteAllBytes(page, ReportSamples.Render("html", hosts));

        // With its script: the screen shows one page of 100 rows, and says so truthfully.
        var (dom, console) = Chromium.DumpDom(page);
        Assert.Empty(console);
        Assert.Equal(100, Regex.Matches(dom, "<tbody class=\"h\" ").Count);
        Assert.Equal(1900, Regex.Matches(dom, "<tbody class=\"h paged\" ").Count);
        Assert.Contains("data-count=\"2000\"", dom, StringComparison.Ordinal);

        // Printed (save as PDF): every host, with its detail, though the screen pages them.
        var pdf = Path.Combine(dir, "fleet-2000.pdf");
        var profile = ReportSamples.TempDir();
        var (code, _, stderr) = ReportSamples.Run("chromium", [.. Chromium.Flags(profile), "--no-pdf-header-footer", "--print-to-pdf=" + pdf, new Uri(page).AbsoluteUri], 900);
        Assert.True(code == 0 && File.Exists(pdf), "chromium --print-to-pdf failed: " + stderr);
        var (pages, size) = PdfInfo(pdf);
        Assert.Contains("(A4)", size, StringComparison.Ordinal);
        var printed = Squeezed(PdfText(pdf));
        var missing = names.Where(n => !printed.Contains(n, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} hosts not printed: {string.Join(", ", missing.Take(10))}");
        Assert.True(pages > 200, $"{pages} pages cannot hold 2,000 hosts with their detail");
        Assert.Contains("조치방법", printed.Replace("조치 방법", "조치방법"), StringComparison.Ordinal);
        PagePng(pdf, 1, "html-print-page1");
        PagePng(pdf, 3, "html-print-page3");

        // Without JavaScript (the page's own script refused by its CSP, as a browser with script off does):
        // the summary and every host's row and detail are there, as written.
        var noScript = Path.Combine(dir, "fleet-2000-noscript.html");
        var html = File.ReadAllText(page);
        Assert.Contains("script-src 'unsafe-inline'", html, StringComparison.Ordinal);
        File.WriteAllText(noScript, html.Replace("script-src 'unsafe-inline'", "script-src 'none'", StringComparison.Ordinal));
        (dom, _) = Chromium.DumpDom(noScript);
        Assert.DoesNotContain("class=\"js\"", dom, StringComparison.Ordinal);
        var rows = Regex.Matches(dom, "<tr class=\"host\" data-host=\"([^\"]*)\"").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(names, rows);
        Assert.Equal(2000, Regex.Matches(dom, "<tr class=\"detail\">").Count);
        Assert.Matches(new Regex("<section id=\"summary\">.*<b>2000</b><span>점검 대상</span>", RegexOptions.Singleline), dom);
        // And Chromium with script disabled outright shows the same page (kept as a screenshot).
        var png = Path.Combine(ReportSamples.ArtifactDir(), "html-noscript.png");
        File.Delete(png);
        var profile2 = ReportSamples.TempDir();
        (code, _, stderr) = ReportSamples.Run("chromium", [.. Chromium.Flags(profile2), "--screenshot=" + png, "--window-size=1400,1800", new Uri(noScript).AbsoluteUri], 300);
        Assert.True(code == 0 && new FileInfo(png).Length > 10_000, "chromium screenshot without script failed: " + stderr);
    }

    [Fact]
    public void Cves_that_do_not_apply_are_listed_apart_and_never_coloured_as_findings()
    {
        var hosts = ReportSamples.FixtureHosts().Where(h => h.Item1.Host == "deb11-exim").ToList();
        var html = ReportSamples.Text(ReportSamples.Render("html", hosts));
        var na = Regex.Match(html, "<table class=\"cves na\">(.*?)</table>").Groups[1].Value;
        var applies = Regex.Match(html, "<table class=\"cves\">(.*?)</table>").Groups[1].Value;
        var cves = hosts[0].Item1.Mtas.SelectMany(m => m.Cves).ToList();
        Assert.All(cves.Where(c => c.NotApplicable), c => Assert.Contains(c.Id, na, StringComparison.Ordinal));
        Assert.All(cves.Where(c => !c.NotApplicable), c => Assert.Contains(c.Id, applies, StringComparison.Ordinal));
        Assert.All(cves.Where(c => c.NotApplicable), c => Assert.DoesNotContain(c.Id, applies, StringComparison.Ordinal));
        Assert.DoesNotContain("sev-", na, StringComparison.Ordinal);
        Assert.Contains("class=\"sev-critical\"", applies, StringComparison.Ordinal);
        Assert.Contains("<th>해당 여부</th>", na, StringComparison.Ordinal);
        Assert.Contains("해당 없음: 이 빌드에 ", na, StringComparison.Ordinal);
    }

    [Fact]
    public void LibreOffice_prints_the_xlsx_on_a4_one_page_wide_with_every_line_and_page_numbers()
    {
        ReportSamples.Require("libreoffice", "libreoffice-calc-nogui");
        ReportSamples.Require("pdftotext", "poppler-utils");
        var hosts = ReportSamples.FixtureHosts();
        var w = new Words(Lang.Ko);
        var pdf = XlsxPdf(hosts, "u45-print");
        var (pages, size) = PdfInfo(pdf);
        Assert.Contains("(A4)", size, StringComparison.Ordinal);
        Assert.Matches(@"^841\.\d+ x 595\.\d+", size); // landscape
        var perPage = Enumerable.Range(1, pages).Select(p => PdfText(pdf, p)).ToList();
        // Every page: "N / M 쪽" in its footer, the organisation and title in its header.
        for (int p = 0; p < pages; p++)
        {
            Assert.Contains($"{p + 1}/{pages}쪽", Squeezed(perPage[p]), StringComparison.Ordinal);
            Assert.Contains("기관", perPage[p], StringComparison.Ordinal);
            Assert.Contains("U-45 메일 서비스 버전 점검 결과", perPage[p], StringComparison.Ordinal);
        }
        // The summary sheet: the item's 점검 내용 and 판단 기준, the knowledge base's age warning.
        var summary = Squeezed(perPage[0]);
        Assert.Contains(Squeezed("취약한 버전의 메일 서비스 이용 여부 점검"), summary, StringComparison.Ordinal);
        Assert.Contains(Squeezed("취약: 메일 서비스 버전이 최신 버전이 아닌 경우"), summary, StringComparison.Ordinal);
        // The result sheet is one page wide: each of its pages starts with the repeated heading row
        // and holds the first column's and the last column's heading.
        var result = perPage.Skip(1).ToList();
        Assert.NotEmpty(result);
        Assert.All(result, t => { Assert.Contains("점검코드", t, StringComparison.Ordinal); Assert.Contains("수집 계정", t, StringComparison.Ordinal); });
        var all = Squeezed(string.Join("\n", result));
        Assert.All(hosts, h => Assert.Contains(h.Item1.Host, all, StringComparison.Ordinal));
        PagePng(pdf, 1, "xlsx-print-summary");
        PagePng(pdf, 2, "xlsx-print-result");

        // Every line of the longest 현황 cell is printed, its last words too. Alone on its sheet, so the
        // words can only come from that cell (the other hosts' cells end alike).
        var longest = hosts.OrderByDescending(h => XlsxLines(ResultRow.Status(h.Item1, w))).First();
        var lines = ResultRow.Status(longest.Item1, w).Split('\n');
        Assert.True(lines.Length > 10, "the longest 현황 cell should be many lines long");
        var alone = Squeezed(PdfText(XlsxPdf([longest], "u45-longest")));
        // The last lines (a row too short cuts the end; the first lines share their height with the row's
        // other cells, whose words pdftotext interleaves with them).
        foreach (var line in lines.TakeLast(4))
            Assert.True(alone.Contains(Squeezed(line.TrimStart(' ', '·')), StringComparison.Ordinal), "not printed: " + line);
    }

    private static int XlsxLines(string s) => s.Split('\n').Sum(l => 1 + l.Length / 40);

    private static string XlsxPdf(List<(HostReport, HostContext)> hosts, string name)
    {
        var dir = ReportSamples.TempDir();
        var xlsx = Path.Combine(dir, name + ".xlsx");
        File.WriteAllBytes(xlsx, ReportSamples.Render("xlsx", hosts));
        var profile = "-env:UserInstallation=" + new Uri(Path.Combine(dir, "lo-profile")).AbsoluteUri;
        var (code, _, stderr) = ReportSamples.Run("libreoffice", [profile, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], 300,
            new Dictionary<string, string> { ["HOME"] = dir });
        var pdf = Path.Combine(dir, name + ".pdf");
        Assert.True(code == 0 && File.Exists(pdf), "libreoffice failed: " + stderr);
        File.Copy(pdf, Path.Combine(ReportSamples.ArtifactDir(), name + ".pdf"), overwrite: true);
        return pdf;
    }
}
