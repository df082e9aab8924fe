using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace MtaAudit.Tests.Render;

/// <summary>The .xlsx read back by the Open XML SDK (and validated against the schema), and by LibreOffice into a PDF.</summary>
public class OfficeTests
{
    private static List<List<string>> Sheet(SpreadsheetDocument doc, string name)
    {
        var wb = doc.WorkbookPart!;
        var sheet = wb.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)wb.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
            c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "").ToList()).ToList();
    }

    [Fact]
    public void Xlsx_is_valid_ooxml_with_the_kisa_columns_and_neutralised_cells()
    {
        var hosts = new[] { ReportSamples.Hostile() }.Concat(ReportSamples.FixtureHosts()).ToList();
        var bytes = ReportSamples.Render("xlsx", hosts);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);

        Assert.Equal(["요약", "점검결과"], doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToArray());
        var rows = Sheet(doc, "점검결과");
        Assert.Equal(["분류", "점검코드", "점검항목", "중요도", "호스트", "IP", "운영체제", "점검결과", "현황", "조치방법", "MTA", "버전", "패키지", "해당 CVE", "해당 없음 CVE", "증적", "점검 일시", "수집 계정"], rows[0].ToArray());
        Assert.Equal(hosts.Count + 1, rows.Count);
        Assert.All(rows.Skip(1), r => Assert.Equal(["서비스 관리", "U-45", "메일 서비스 버전 점검", "상"], r.Take(4).ToArray()));
        Assert.All(rows.Skip(1), r => Assert.Contains(r[7], new[] { "양호", "취약", "수동점검", "N/A" }));

        var evil = rows[1];
        Assert.Equal("'" + MtaAudit.TerminalText.Clean(hosts[0].Item1.Host), evil[4]);
        Assert.StartsWith("'@SUM", evil[6], StringComparison.Ordinal);
        Assert.DoesNotContain(evil, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@');
        Assert.DoesNotContain(evil, c => c.Contains('\u001b'));
        Assert.Equal(hosts.Select(h => MtaAudit.TerminalText.Clean(h.Item1.Host)).Skip(1), rows.Skip(2).Select(r => r[4]));

        var summary = Sheet(doc, "요약");
        string Value(string label) => summary.Single(r => r.Count > 1 && r[0] == label)[1];
        Assert.Equal(hosts.Count.ToString(), Value("점검 대상"));
        Assert.Equal(hosts.Count(h => h.Item1.Verdict == MtaAudit.Assess.Verdict.Vulnerable).ToString(), Value("취약"));
        Assert.Contains("%", Value("준수율"), StringComparison.Ordinal);
        Assert.Contains(ReportSamples.Kb.Version, Value("지식 베이스"), StringComparison.Ordinal);
        Assert.Contains("vendor", Value("적용 정책"), StringComparison.Ordinal);
    }

    [Fact]
    public void LibreOffice_opens_the_xlsx_and_prints_every_host()
    {
        ReportSamples.Require("libreoffice", "libreoffice-calc-nogui");
        ReportSamples.Require("pdftotext", "poppler-utils");
        var hosts = ReportSamples.FixtureHosts();
        var dir = ReportSamples.TempDir();
        var xlsx = Path.Combine(dir, "u45.xlsx");
        File.WriteAllBytes(xlsx, ReportSamples.Render("xlsx", hosts));
        var profile = "-env:UserInstallation=" + new Uri(Path.Combine(dir, "lo-profile")).AbsoluteUri;
        var (code, _, stderr) = ReportSamples.Run("libreoffice", [profile, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], 300,
            new Dictionary<string, string> { ["HOME"] = dir });
        var pdf = Path.Combine(dir, "u45.pdf");
        Assert.True(code == 0 && File.Exists(pdf), "libreoffice failed: " + stderr);
        File.Copy(pdf, Path.Combine(ReportSamples.ArtifactDir(), "xlsx-report-fleet.pdf"), overwrite: true);
        var (pc, text, perr) = ReportSamples.Run("pdftotext", [pdf, "-"]);
        Assert.True(pc == 0, perr);
        // A long name may wrap inside its cell: compared without the line breaks.
        text = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", "");
        foreach (var (h, _) in hosts) Assert.Contains(h.Host, text, StringComparison.Ordinal);
    }
}
