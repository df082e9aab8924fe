using System.Globalization;
using System.Net;
using System.Text;
using MtaAudit.Assess;

namespace MtaAudit.Render;

/// <summary>
/// One self-contained HTML file (inline CSS, JS and SVG; a Content-Security-Policy that forbids any
/// network load) that reads and prints without script: the header is written at once, every host is
/// appended to the host table as it finishes (its row and its detail, as escaped HTML), and the summary
/// (counts, 준수율, charts, 점검 일시) is written at the end and placed first by the stylesheet. The
/// page's script only adds sorting, filtering, paging and opening details on top of that document.
/// Every target string goes through <see cref="E"/> (control characters out, HTML-escaped).
/// </summary>
public sealed class HtmlSink(Stream output) : IReportSink
{
    private readonly StreamWriter _o = new(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
    private Words _w = null!;
    private ReportMeta _meta = null!;
    private readonly CollectionPeriod _period = new();
    private readonly Dictionary<string, int> _mtas = new(StringComparer.Ordinal), _oses = new(StringComparer.Ordinal);
    private int _index;

    /// <summary>The table's columns (glossary codes); the script sorts by their data-col names.</summary>
    private static readonly string[] Columns = ["col.host", "col.ip", "col.os", "col.mta", "col.version", "col.package", "col.usage", "col.result"];

    private static string E(string? s) => WebUtility.HtmlEncode(TerminalText.Clean(s ?? ""));

    public void Begin(ReportMeta meta)
    {
        _meta = meta;
        _w = new Words(meta.Lang);
        var o = _o;
        o.Write("<!DOCTYPE html>\n<html lang=\"" + (meta.Lang == Lang.Ko ? "ko" : "en") + "\">\n<head>\n<meta charset=\"utf-8\">\n");
        o.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
        o.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        o.Write("<title>" + E(_w["report.title"]) + "</title>\n<style>" + HtmlPage.Css + "</style>\n</head>\n<body>\n");
        o.Write("<header><h1>" + E(_w["report.title"]) + "</h1>\n<dl class=\"meta\">");
        Meta("head.org", meta.Org ?? "");
        Meta("head.auditor", meta.Auditor ?? "");
        Meta("head.date", Words.LocalDate(meta.GeneratedAt));
        Meta("head.generated", Words.Local(meta.GeneratedAt));
        Meta("head.policy", _w.Policy(meta.Policy));
        Meta("head.kb", _w.KbValue(meta));
        Meta("col.item", $"{_w["item.code"]} {_w["item.name"]} ({_w["col.severity"]}: {_w["item.severity"]})");
        Meta("item.content-label", _w["item.content"]);
        Meta("item.criteria-label", _w["item.criteria"]);
        o.Write("</dl>\n");
        if (meta.DataWarning is { } warning) o.Write("<p class=\"warn\">" + E(warning.Get(_w.Lang)) + "</p>\n");
        o.Write("</header>\n<main id=\"app\">\n");
        o.Write("<h2 id=\"hosts-head\">" + E(_w["head.hosts"]) + "</h2>\n");
        Controls();
        o.Write("<table id=\"hosts-table\"><thead><tr>");
        foreach (var c in Columns) o.Write("<th data-col=\"" + c[4..] + "\">" + E(_w[c]) + "</th>");
        o.Write("</tr></thead>\n");
    }

    private void Meta(string code, string value) =>
        _o.Write("<div><dt>" + E(_w[code]) + "</dt><dd>" + Lines(value) + "</dd></div>");

    /// <summary>Escaped text whose line breaks are kept as &lt;br&gt;.</summary>
    private static string Lines(string s) => string.Join("<br>", s.Split('\n').Select(E));

    /// <summary>The search box, verdict filter and buttons: hidden until the script makes them work.</summary>
    private void Controls()
    {
        var o = _o;
        o.Write("<div class=\"controls\" id=\"controls\" hidden><input type=\"search\" id=\"q\" placeholder=\"" + E(_w["html.search"]) + "\">");
        o.Write("<select id=\"verdict\"><option value=\"\">" + E(_w["html.all"]) + "</option>");
        foreach (var v in new[] { Verdict.Vulnerable, Verdict.Manual, Verdict.Good, Verdict.NotApplicable })
            o.Write("<option value=\"" + Words.VerdictCode(v)[8..] + "\">" + E(_w.Verdict(v)) + "</option>");
        o.Write("</select><button id=\"expand\">" + E(_w["html.expand"]) + "</button><button id=\"print\">" + E(_w["html.print"]) + "</button>");
        o.Write("<span class=\"muted\">" + E(_w["html.sort-hint"]) + "</span></div>\n");
    }

    public void Host(HostReport h, HostContext ctx)
    {
        _period.Add(h.CollectedAt);
        if (h.Mtas.Count == 0) Count(_mtas, "-");
        foreach (var m in h.Mtas) Count(_mtas, m.Mta + " " + (m.Version ?? "?"));
        Count(_oses, Words.Os(h.Os) is { Length: > 0 } os ? os : _w["value.unknown"]);

        var o = _o;
        var verdict = Words.VerdictCode(h.Verdict)[8..];
        var cves = string.Join(" ", h.Mtas.SelectMany(m => m.Cves).Select(c => c.Id).Distinct());
        o.Write("<tbody class=\"h\" data-v=\"" + verdict + "\" data-i=\"" + _index++.ToString(CultureInfo.InvariantCulture) + "\" data-cves=\"" + E(cves) + "\">");
        o.Write("<tr class=\"host\" data-host=\"" + E(h.Host) + "\">");
        Cell(h.Host);
        Cell(ctx.Addresses.Count == 0 ? "" : string.Join(", ", ctx.Addresses));
        Cell(Words.Os(h.Os));
        Cell(string.Join("\n", h.Mtas.Select(m => m.Mta)));
        Cell(string.Join("\n", h.Mtas.Select(m => m.Version ?? "?")));
        Cell(string.Join("\n", h.Mtas.Select(m => m.Package?.Version ?? (m.PackageUnknown ? "?" : "-"))));
        Cell(string.Join("\n", h.Mtas.Select(m => _w.UsageShort(m.Running, m.Enabled))));
        o.Write("<td>" + VerdictSpan(h.Verdict) + "</td></tr>\n");
        o.Write("<tr class=\"detail\"><td colspan=\"" + Columns.Length.ToString(CultureInfo.InvariantCulture) + "\">");
        Detail(h, ctx);
        o.Write("</td></tr></tbody>\n");
    }

    private static void Count(Dictionary<string, int> map, string key) => map[key] = map.GetValueOrDefault(key) + 1;

    private void Cell(string text) => _o.Write("<td>" + Lines(text) + "</td>");

    private string VerdictSpan(Verdict v) => "<span class=\"v v-" + Words.VerdictCode(v)[8..] + "\">" + E(_w.Verdict(v)) + "</span>";

    private void List(IEnumerable<string> items)
    {
        _o.Write("<ul>");
        foreach (var s in items) _o.Write("<li>" + Lines(s) + "</li>");
        _o.Write("</ul>");
    }

    private void Label(string code) => _o.Write("<b>" + E(_w[code]) + "</b>");

    /// <summary>A host's detail: 점검 일시, account, addresses, OS, source; per MTA 현황, 수집 근거, 판정 사유, the CVEs, 조치 방법.</summary>
    private void Detail(HostReport h, HostContext ctx)
    {
        var o = _o;
        o.Write("<div class=\"hostdetail\"><dl class=\"meta\">");
        Meta("col.checked-at", h.CollectedAt is null ? _w["value.unknown"] : Words.Local(h.CollectedAt));
        Meta("col.account", _w.Account(ctx.Account));
        Meta("col.ip", _w.Addresses(ctx));
        Meta("col.os", Words.Os(h.Os) is { Length: > 0 } os ? os : _w["value.unknown"]);
        if (h.Source is not null) Meta("col.source", _w.Source(h, ctx));
        o.Write("</dl>");
        if (h.Mtas.Count == 0)
        {
            o.Write("<h3>" + E(_w["detail.status"]) + "</h3>");
            List(h.Reasons.Count > 0 ? h.Reasons.Select(r => r.Get(_w.Lang)) : [_w["detail.no-mta"]]);
        }
        foreach (var m in h.Mtas) Mta(m);
        if (h.Mtas.Count > 0 && h.Reasons.Count > 0) List(h.Reasons.Select(r => r.Get(_w.Lang)));
        if (h.Errors.Count > 0)
        {
            Label("detail.errors");
            List(h.Errors.Select(e => e.Get(_w.Lang)));
        }
        o.Write("</div>");
    }

    private void Mta(MtaFinding m)
    {
        var o = _o;
        var version = m.Version ?? _w["detail.version-unknown"];
        if (m.VersionText is not null && m.VersionText != m.Version) version += " (" + m.VersionText + ")";
        o.Write("<h3>" + E(m.Mta + " " + version) + " : " + VerdictSpan(m.Verdict) + "</h3>");
        Label("detail.status");
        var status = new List<string> { _w.Package(m), _w.Usage(m.Running, m.Enabled) };
        if (m.BinaryPath is not null) status.Insert(1, _w.Say("detail.binary", ("path", m.BinaryPath)));
        List(status);
        if (!_meta.Brief && m.EvidenceLines.Count > 0)
        {
            Label("detail.evidence");
            o.Write("<pre class=\"ev\">" + string.Join("\n", m.EvidenceLines.Select(E)) + "</pre>");
        }
        Label("detail.reasons");
        List(m.Reasons.Select(r => r.Get(_w.Lang)));
        var applies = m.Cves.Where(c => !c.NotApplicable).ToList();
        var notApplicable = m.Cves.Where(c => c.NotApplicable).ToList();
        if (applies.Count > 0)
        {
            Label("detail.cves");
            CveTable(applies, finding: true);
        }
        if (notApplicable.Count > 0)
        {
            o.Write("<p class=\"na-head\">" + E(_w["cve.na-head"]) + "</p>");
            CveTable(notApplicable, finding: false);
        }
        Label("detail.remediation");
        List(m.Remediation.Select(r => r.Get(_w.Lang)));
    }

    /// <summary>
    /// CVEs with a heading row and a 해당 여부 column. Only those that apply are coloured by severity: one
    /// the report calls not applicable is never shown as a finding.
    /// </summary>
    private void CveTable(List<CveRef> cves, bool finding)
    {
        var o = _o;
        o.Write("<table class=\"cves" + (finding ? "" : " na") + "\"><thead><tr>");
        foreach (var c in new[] { "cve.col.id", "cve.col.severity", "cve.kev", "cve.col.fix", "cve.col.vendor", "cve.col.applies" })
            o.Write("<th>" + E(_w[c]) + "</th>");
        o.Write("</tr></thead><tbody>");
        foreach (var c in cves)
        {
            var severity = _w.Severity(c.Severity) + (c.Cvss is { } s ? " " + s.ToString("0.0", CultureInfo.InvariantCulture) : "");
            var sevClass = finding && c.Severity is { } sk ? " class=\"sev-" + E(sk.ToLowerInvariant()) + "\"" : "";
            var fix = c.FixedIn is null ? "" : _w.Say("cve.fixed-upstream", ("version", c.FixedIn));
            if (c.NoUpstreamFix) fix = _w["cve.no-upstream-fix"];
            // Why it does not apply, worded (the build lacks a feature); the knowledge base's own English is not shown.
            var applies = c.NotApplicable ? c.ApplicabilityWords?.Get(_w.Lang) ?? _w["cve.not-applicable"] : _w["cve.applies"];
            o.Write("<tr><td>" + E(c.Id) + "</td><td" + sevClass + ">" + E(severity) + "</td><td>"
                + (c.Kev && finding ? "<span class=\"kev\">KEV</span>" : c.Kev ? "KEV" : "") + "</td><td>" + E(fix) + "</td><td>"
                + E(_w.Vendor(c.Vendor)) + "</td><td>" + E(applies) + "</td></tr>");
        }
        o.Write("</tbody></table>");
    }

    public void End(ReportSummary s)
    {
        var o = _o;
        o.Write("</table>\n");
        o.Write("<div class=\"pager\" id=\"pager\" hidden><button id=\"prev\">" + E(_w["html.prev"]) + "</button><span class=\"muted\" id=\"info\" data-t=\""
            + E(_w["html.page"]) + "\"></span><button id=\"next\">" + E(_w["html.next"]) + "</button></div>\n");
        var n = s.Total.ToString(CultureInfo.InvariantCulture);
        o.Write("<p class=\"muted\" id=\"shown\" data-count=\"" + n + "\" data-t=\"" + E(_w["html.shown"]) + "\">"
            + E(_w.Say("html.shown", ("shown", n), ("total", n))) + "</p>\n");
        Summary(s);
        o.Write("</main>\n<script>" + HtmlPage.Script + "</script>\n</body>\n</html>\n");
        o.Flush();
    }

    /// <summary>The summary, written last (the counts are known only now) and shown first (CSS order).</summary>
    private void Summary(ReportSummary s)
    {
        var o = _o;
        o.Write("<section id=\"summary\"><h2>" + E(_w["head.summary"]) + "</h2>\n<dl class=\"meta\">");
        Meta("col.checked-at", _period.Describe(_w));
        o.Write("</dl>\n<div class=\"cards\">");
        Card(_w["head.total"], s.Total, null);
        foreach (var (v, n) in new[] { (Verdict.Good, s.Good), (Verdict.Vulnerable, s.Vulnerable), (Verdict.Manual, s.Manual), (Verdict.NotApplicable, s.NotApplicable) })
            Card(_w.Verdict(v), n, "v-" + Words.VerdictCode(v)[8..]);
        o.Write("<div class=\"card rate\"><b>" + E(s.RateText) + "</b><span>" + E(_w["head.rate"]) + "</span><small>" + E(_w["head.rate-note"]) + "</small></div>");
        o.Write("</div>\n<div class=\"charts\">");
        Chart(_w["html.chart-verdicts"], [(_w.Verdict(Verdict.Vulnerable), s.Vulnerable, "#c62828"), (_w.Verdict(Verdict.Manual), s.Manual, "#ef6c00"),
            (_w.Verdict(Verdict.Good), s.Good, "#2e7d32"), (_w.Verdict(Verdict.NotApplicable), s.NotApplicable, "#757575")]);
        Chart(_w["html.chart-mtas"], Top(_mtas));
        Chart(_w["html.chart-os"], Top(_oses));
        o.Write("</div>\n");
        if (s.InputErrors.Count > 0)
        {
            o.Write("<h3>" + E(_w["head.input-errors"]) + "</h3>");
            List(s.InputErrors);
        }
        if (s.Notes.Count > 0)
        {
            o.Write("<h3>" + E(_w["head.notes"]) + "</h3>");
            List(s.Notes.Select(n => n.Get(_w.Lang)));
        }
        o.Write("</section>\n");
    }

    private void Card(string label, int n, string? cls) =>
        _o.Write("<div class=\"card\"><b" + (cls is null ? "" : " class=\"v " + cls + "\"") + ">" + n.ToString(CultureInfo.InvariantCulture) + "</b><span>" + E(label) + "</span></div>");

    private static List<(string, int, string)> Top(Dictionary<string, int> map) =>
        map.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(12).Select(p => (p.Key, p.Value, "#4a6fa5")).ToList();

    /// <summary>A horizontal bar chart as inline SVG (labels escaped like any target text).</summary>
    private void Chart(string title, List<(string Label, int Count, string Color)> rows)
    {
        const int bar = 22, labelWidth = 170, width = 520;
        int max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Count));
        static string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        var o = _o;
        o.Write("<div class=\"chart\"><h3>" + E(title) + "</h3><svg width=\"100%\" viewBox=\"0 0 " + width + " " + (rows.Count * bar + 4) + "\" role=\"img\"><title>" + E(title) + "</title>");
        for (int i = 0; i < rows.Count; i++)
        {
            var (label, count, color) = rows[i];
            int y = i * bar + 2;
            double w = Math.Max(2, (width - labelWidth - 60) * (double)count / max);
            var shown = label.Length > 24 ? label[..23] + "…" : label;
            o.Write($"<text x=\"{labelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\" font-size=\"12\">{E(shown)}</text>");
            o.Write($"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{F(w)}\" height=\"{bar - 6}\" fill=\"{color}\"/>");
            o.Write($"<text x=\"{F(labelWidth + w + 6)}\" y=\"{y + 15}\" font-size=\"12\">{count}</text>");
        }
        o.Write("</svg></div>");
    }

    public void Dispose() => _o.Dispose();
}
