using System.Globalization;
using System.Net;
using System.Text;

namespace MtaAudit.Render;

/// <summary>The follow-up comparison (report --compare) as text, CSV, .xlsx or a static HTML page.</summary>
public static class ComparisonReport
{

    private static string[] Header(Words w) =>
        [w["cmp.change"], w["col.host"], $"{w["cmp.old"]} {w["col.result"]}", $"{w["cmp.new"]} {w["col.result"]}", $"{w["cmp.old"]} {w["col.version"]}", $"{w["cmp.new"]} {w["col.version"]}"];

    private static IEnumerable<string[]> Rows(Comparison c, Words w) =>
        c.Sections().SelectMany(s => s.Rows.Select(r => new[]
        {
            w[s.Code], (r.New ?? r.Old)!.Host,
            r.Old is null ? "-" : w.Verdict(r.Old.Verdict), r.New is null ? "-" : w.Verdict(r.New.Verdict),
            r.Old?.Versions ?? "-", r.New?.Versions ?? "-",
        }));

    private static string Count(Words w, string code, int n) => w.Say("cmp.count", ("label", w[code]), ("n", n.ToString(CultureInfo.InvariantCulture)));

    private static IEnumerable<string> Counts(Comparison c, Words w)
    {
        foreach (var (code, rows) in c.Sections()) yield return Count(w, code, rows.Count);
        yield return Count(w, "cmp.unchanged", c.Unchanged);
    }

    public static void Write(string format, Stream output, Comparison c, Lang lang, string oldName, string newName)
    {
        var w = new Words(lang);
        switch (format)
        {
            case "html": Html(output, c, w, oldName, newName); break;
            case "xlsx": Xlsx(output, c, w, oldName, newName); break;
            case "csv": Csv(output, c, w); break;
            default: Text(output, c, w, oldName, newName); break;
        }
    }

    private static void Text(Stream output, Comparison c, Words w, string oldName, string newName)
    {
        using var o = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        string C(string s) => TerminalText.Clean(s);
        o.WriteLine(w["report.compare-title"]);
        o.WriteLine($"{w["cmp.old"]}: {C(oldName)} ({w.Say("summary.hosts", ("n", c.OldCount.ToString(CultureInfo.InvariantCulture)))})");
        o.WriteLine($"{w["cmp.new"]}: {C(newName)} ({w.Say("summary.hosts", ("n", c.NewCount.ToString(CultureInfo.InvariantCulture)))})");
        o.WriteLine();
        foreach (var line in Counts(c, w)) o.WriteLine("  " + line);
        foreach (var (code, rows) in c.Sections())
        {
            o.WriteLine();
            o.WriteLine($"[{w[code]}]");
            if (rows.Count == 0) { o.WriteLine("  " + w["cmp.none"]); continue; }
            foreach (var (old, now) in rows)
            {
                var host = C((now ?? old)!.Host);
                if (old is null) o.WriteLine($"  {host}: {w.Verdict(now!.Verdict)}, {C(now.Versions)}");
                else if (now is null) o.WriteLine($"  {host}: {w.Verdict(old.Verdict)}, {C(old.Versions)}");
                else o.WriteLine($"  {host}: {w.Verdict(old.Verdict)} -> {w.Verdict(now.Verdict)}; {C(old.Versions)} -> {C(now.Versions)}");
            }
        }
    }

    private static void Csv(Stream output, Comparison c, Words w)
    {
        using var o = new StreamWriter(output, new UTF8Encoding(true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        foreach (var row in Rows(c, w).Prepend(Header(w)))
            o.WriteLine(CsvSink.Line(row));
    }

    private static void Xlsx(Stream output, Comparison c, Words w, string oldName, string newName)
    {
        using var x = new XlsxWriter(output);
        x.BeginSheet(w["head.summary"], [30, 60]);
        x.Row(XCell.Title(w["report.compare-title"]));
        x.Row(XCell.Head(w["cmp.old"]), oldName);
        x.Row(XCell.Head(w["cmp.new"]), newName);
        foreach (var (code, rows) in c.Sections()) x.Row(XCell.Head(w[code]), XCell.Num(rows.Count));
        x.Row(XCell.Head(w["cmp.unchanged"]), XCell.Num(c.Unchanged));
        x.EndSheet();
        x.BeginSheet(w["cmp.change"], [24, 22, 12, 12, 40, 40], freezeFirstRow: true, autoFilter: true);
        x.Row(Header(w).Select(XCell.Head).ToArray());
        foreach (var r in Rows(c, w)) x.Row(r.Select(s => (XCell)s).ToArray());
        x.EndSheet();
        x.Finish();
        output.Flush();
    }

    private static void Html(Stream output, Comparison c, Words w, string oldName, string newName)
    {
        string E(string s) => WebUtility.HtmlEncode(TerminalText.Clean(s));
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(w.Lang == Lang.Ko ? "ko" : "en").Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        sb.Append("<title>").Append(E(w["report.compare-title"])).Append("</title>\n<style>").Append(HtmlPage.Css).Append("</style>\n</head>\n<body>\n");
        sb.Append("<header><h1>").Append(E(w["report.compare-title"])).Append("</h1>\n<dl class=\"meta\">");
        sb.Append("<div><dt>").Append(E(w["cmp.old"])).Append("</dt><dd>").Append(E(oldName)).Append("</dd></div>");
        sb.Append("<div><dt>").Append(E(w["cmp.new"])).Append("</dt><dd>").Append(E(newName)).Append("</dd></div></dl></header>\n");
        sb.Append("<h2>").Append(E(w["head.summary"])).Append("</h2>\n<div class=\"cards\">");
        foreach (var (code, rows) in c.Sections())
            sb.Append("<div class=\"card\"><b>").Append(rows.Count).Append("</b><span>").Append(E(w[code])).Append("</span></div>");
        sb.Append("<div class=\"card\"><b>").Append(c.Unchanged).Append("</b><span>").Append(E(w["cmp.unchanged"])).Append("</span></div></div>\n");
        foreach (var (code, rows) in c.Sections())
        {
            sb.Append("<h2 id=\"").Append(code[4..]).Append("\">").Append(E(w[code])).Append("</h2>\n");
            if (rows.Count == 0) { sb.Append("<p class=\"muted\">").Append(E(w["cmp.none"])).Append("</p>\n"); continue; }
            sb.Append("<table><thead><tr>");
            foreach (var h in Header(w).Skip(1)) sb.Append("<th>").Append(E(h)).Append("</th>");
            sb.Append("</tr></thead><tbody>\n");
            foreach (var (old, now) in rows)
            {
                sb.Append("<tr><td>").Append(E((now ?? old)!.Host)).Append("</td>");
                Verdict(sb, old, w);
                Verdict(sb, now, w);
                sb.Append("<td>").Append(E(old?.Versions ?? "-")).Append("</td><td>").Append(E(now?.Versions ?? "-")).Append("</td></tr>\n");
            }
            sb.Append("</tbody></table>\n");
        }
        sb.Append("</body>\n</html>\n");
        output.Write(Encoding.UTF8.GetBytes(sb.ToString()));
        output.Flush();
    }

    private static void Verdict(StringBuilder sb, HostState? h, Words w)
    {
        if (h is null) { sb.Append("<td>-</td>"); return; }
        var code = Words.VerdictCode(h.Verdict);
        sb.Append("<td><span class=\"v v-").Append(code[8..]).Append("\">").Append(WebUtility.HtmlEncode(w[code])).Append("</span></td>");
    }
}
