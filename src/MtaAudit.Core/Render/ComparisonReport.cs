using System.Globalization;
using MtaAudit.Assess;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace MtaAudit.Render;

/// <summary>Who made the follow-up check, when, and from which two inputs.</summary>
public sealed record ComparisonMeta(Lang Lang, string OldName, string NewName, DateTimeOffset GeneratedAt)
{
    /// <summary>기관명 (--org).</summary>
    public string? Org { get; init; }
    /// <summary>점검자 (--auditor).</summary>
    public string? Auditor { get; init; }
}

/// <summary>The follow-up comparison (report --compare) as text, JSON, CSV, .xlsx or a static HTML page.</summary>
public static class ComparisonReport
{
    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string[] Header(Words w) =>
        [w["cmp.change"], w["col.host"], $"{w["cmp.old"]} {w["col.result"]}", $"{w["cmp.new"]} {w["col.result"]}",
            $"{w["cmp.old"]} {w["col.version"]}", $"{w["cmp.new"]} {w["col.version"]}", w["cmp.cves"]];

    /// <summary>A host's CVE change in words ("해소 CVE-…; 신규 CVE-…"), "-" when none.</summary>
    private static string Cves(Comparison c, HostState? old, HostState? now, Words w)
    {
        if (old is null || now is null || c.CvesOf(now.Host) is not { } x) return "-";
        var parts = new List<string>();
        if (x.Resolved.Count > 0) parts.Add(w.Say("cmp.cves-resolved", ("ids", string.Join(" ", x.Resolved))));
        if (x.New.Count > 0) parts.Add(w.Say("cmp.cves-new", ("ids", string.Join(" ", x.New))));
        return string.Join("; ", parts);
    }

    private static IEnumerable<string[]> Rows(Comparison c, Words w) =>
        c.Sections().SelectMany(s => s.Rows.Select(r => new[]
        {
            w[s.Code], (r.New ?? r.Old)!.Host,
            r.Old is null ? "-" : w.Verdict(r.Old.Verdict), r.New is null ? "-" : w.Verdict(r.New.Verdict),
            r.Old?.Versions ?? "-", r.New?.Versions ?? "-", Cves(c, r.Old, r.New, w),
        }));

    private static string Count(Words w, string code, int n) => w.Say("cmp.count", ("label", w[code]), ("n", N(n)));

    private static IEnumerable<string> Counts(Comparison c, Words w)
    {
        foreach (var (code, rows) in c.Sections()) yield return Count(w, code, rows.Count);
        yield return Count(w, "cmp.unchanged", c.Unchanged);
    }

    /// <summary>조치율 with its formula beside it.</summary>
    private static string Rate(Comparison c, Words w) => c.FixRateText + " (" + w["cmp.rate-note"] + ")";

    /// <summary>The header fields every format shows: 기관명, 점검자, 보고서 작성, both runs with their 점검 일시, 조치율.</summary>
    private static List<(string Label, string Value)> Fields(Comparison c, Words w, ComparisonMeta meta)
    {
        var f = new List<(string, string)>();
        if (meta.Org is not null) f.Add((w["head.org"], meta.Org));
        if (meta.Auditor is not null) f.Add((w["head.auditor"], meta.Auditor));
        f.Add((w["head.generated"], Words.Local(meta.GeneratedAt)));
        f.Add((w["cmp.old"], $"{meta.OldName} ({w.Say("summary.hosts", ("n", N(c.OldCount)))}), {w["cmp.run-dates"]} {c.OldPeriod.Describe(w)}"));
        f.Add((w["cmp.new"], $"{meta.NewName} ({w.Say("summary.hosts", ("n", N(c.NewCount)))}), {w["cmp.run-dates"]} {c.NewPeriod.Describe(w)}"));
        f.Add((w["cmp.rate"], Rate(c, w)));
        return f;
    }

    public static void Write(string format, Stream output, Comparison c, ComparisonMeta meta)
    {
        var w = new Words(meta.Lang);
        switch (format)
        {
            case "html": Html(output, c, w, meta); break;
            case "xlsx": Xlsx(output, c, w, meta); break;
            case "csv": Csv(output, c, w); break;
            case "json": Json(output, c, meta); break;
            default: Text(output, c, w, meta); break;
        }
    }

    private static void Text(Stream output, Comparison c, Words w, ComparisonMeta meta)
    {
        using var o = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        string C(string s) => TerminalText.Clean(s);
        o.WriteLine(w["report.compare-title"]);
        foreach (var (label, value) in Fields(c, w, meta)) o.WriteLine($"{label}: {C(value)}");
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
                else
                {
                    var cves = Cves(c, old, now, w);
                    o.WriteLine($"  {host}: {w.Verdict(old.Verdict)} → {w.Verdict(now.Verdict)}; {C(old.Versions)} → {C(now.Versions)}" + (cves == "-" ? "" : "; " + cves));
                }
            }
        }
    }

    private static void Csv(Stream output, Comparison c, Words w)
    {
        using var o = new StreamWriter(output, new UTF8Encoding(true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        foreach (var row in Rows(c, w).Prepend(Header(w)))
            o.WriteLine(CsvSink.Line(row));
    }

    /// <summary>The comparison for programs: counts, 조치율, both runs, and each section's hosts with their CVE changes (times in UTC).</summary>
    private static void Json(Stream output, Comparison c, ComparisonMeta meta)
    {
        using var j = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
        j.WriteStartObject();
        j.WriteString("generatedAt", JsonReport.Time(meta.GeneratedAt));
        if (meta.Org is not null) j.WriteString("org", meta.Org);
        if (meta.Auditor is not null) j.WriteString("auditor", meta.Auditor);
        void Run(string name, string input, int hosts)
        {
            j.WriteStartObject(name);
            j.WriteString("input", input);
            j.WriteNumber("hosts", hosts);
            j.WriteEndObject();
        }
        Run("old", meta.OldName, c.OldCount);
        Run("new", meta.NewName, c.NewCount);
        j.WriteNumber("wereVulnerable", c.WereVulnerable);
        if (c.FixRate is { } rate) j.WriteNumber("fixRate", Math.Round(rate, 1));
        else j.WriteNull("fixRate");
        j.WriteNumber("unchanged", c.Unchanged);
        foreach (var (code, rows) in c.Sections())
        {
            j.WriteStartArray(JsonName(code));
            foreach (var (old, now) in rows)
            {
                j.WriteStartObject();
                j.WriteString("host", (now ?? old)!.Host);
                State(j, "old", old);
                State(j, "new", now);
                if (old is not null && now is not null && c.CvesOf(now.Host) is { } x)
                {
                    Ids(j, "cvesResolved", x.Resolved);
                    Ids(j, "cvesNew", x.New);
                }
                j.WriteEndObject();
            }
            j.WriteEndArray();
        }
        j.WriteEndObject();
        j.Flush();
        output.Write("\n"u8);
        output.Flush();
    }

    /// <summary>"cmp.still-vulnerable" → "stillVulnerable".</summary>
    private static string JsonName(string code)
    {
        var parts = code[4..].Split('-');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static void State(Utf8JsonWriter j, string name, HostState? h)
    {
        if (h is null) { j.WriteNull(name); return; }
        j.WriteStartObject(name);
        j.WriteString("verdict", h.Verdict.Json());
        j.WriteString("versions", h.Versions);
        if (h.CollectedAt is not null) j.WriteString("collectedAt", h.CollectedAt);
        Ids(j, "cves", h.Cves);
        j.WriteEndObject();
    }

    private static void Ids(Utf8JsonWriter j, string name, IEnumerable<string> ids)
    {
        j.WriteStartArray(name);
        foreach (var id in ids) j.WriteStringValue(id);
        j.WriteEndArray();
    }

    private static void Xlsx(Stream output, Comparison c, Words w, ComparisonMeta meta)
    {
        using var x = new XlsxWriter(output);
        var print = new PrintSetup("&L" + XlsxWriter.HeaderText(meta.Org) + "&C" + XlsxWriter.HeaderText(w["report.compare-title"]), "&C" + w["xlsx.page"]);
        x.BeginSheet(w["head.summary"], [30, 90], print: print);
        x.Row(XCell.Title(w["report.compare-title"]));
        foreach (var (label, value) in Fields(c, w, meta)) x.Row(XCell.Head(label), value);
        foreach (var (code, rows) in c.Sections()) x.Row(XCell.Head(w[code]), XCell.Num(rows.Count));
        x.Row(XCell.Head(w["cmp.unchanged"]), XCell.Num(c.Unchanged));
        x.EndSheet();
        x.BeginSheet(w["cmp.change"], [22, 22, 10, 10, 36, 36, 40], freezeFirstRow: true, autoFilter: true, print with { RepeatFirstRow = true });
        x.Row(Header(w).Select(XCell.Head).ToArray());
        foreach (var r in Rows(c, w)) x.Row(r.Select(s => (XCell)s).ToArray());
        x.EndSheet();
        x.Finish();
        output.Flush();
    }

    private static void Html(Stream output, Comparison c, Words w, ComparisonMeta meta)
    {
        string E(string s) => WebUtility.HtmlEncode(TerminalText.Clean(s));
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(w.Lang == Lang.Ko ? "ko" : "en").Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        sb.Append("<title>").Append(E(w["report.compare-title"])).Append("</title>\n<style>").Append(HtmlPage.Css).Append("</style>\n</head>\n<body>\n");
        sb.Append("<header><h1>").Append(E(w["report.compare-title"])).Append("</h1>\n<dl class=\"meta\">");
        foreach (var (label, value) in Fields(c, w, meta))
            sb.Append("<div><dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd></div>");
        sb.Append("</dl></header>\n");
        sb.Append("<h2>").Append(E(w["head.summary"])).Append("</h2>\n<div class=\"cards\">");
        sb.Append("<div class=\"card rate\"><b>").Append(E(c.FixRateText)).Append("</b><span>").Append(E(w["cmp.rate"])).Append("</span><small>").Append(E(w["cmp.rate-note"])).Append("</small></div>");
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
                sb.Append("<td>").Append(E(old?.Versions ?? "-")).Append("</td><td>").Append(E(now?.Versions ?? "-")).Append("</td>");
                sb.Append("<td>").Append(E(Cves(c, old, now, w))).Append("</td></tr>\n");
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
