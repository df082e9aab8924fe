using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using MtaAudit.Assess;

namespace MtaAudit.Render;

/// <summary>
/// One self-contained HTML file (inline CSS, JS and SVG; a Content-Security-Policy that forbids
/// any network load): the header is written at once, every host is appended as one JSON object to
/// a data block as it finishes, and the page's script draws the summary charts, the sortable,
/// filterable host table and each host's detail from that block. Target text is only ever set with
/// textContent; the JSON encoder escapes &lt; &gt; &amp; and quotes, so no target text can close the
/// script element.
/// </summary>
public sealed class HtmlSink(Stream output) : IReportSink
{
    private static readonly JavaScriptEncoder Encoder = ReportJsonEncoder.Html;
    private readonly Utf8JsonWriter _j = new(output, new JsonWriterOptions { Encoder = Encoder, SkipValidation = true });
    private Words _w = null!;
    private ReportMeta _meta = null!;
    private bool _first = true;

    public void Begin(ReportMeta meta)
    {
        _meta = meta;
        _w = new Words(meta.Lang);
        string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(meta.Lang == Lang.Ko ? "ko" : "en").Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>").Append(E(_w["report.title"])).Append("</title>\n<style>").Append(HtmlPage.Css).Append("</style>\n</head>\n<body>\n");
        sb.Append("<header><h1>").Append(E(_w["report.title"])).Append("</h1>\n<dl class=\"meta\">");
        void Meta(string code, string value) => sb.Append("<div><dt>").Append(E(_w[code])).Append("</dt><dd>").Append(E(TerminalText.Clean(value))).Append("</dd></div>");
        Meta("head.org", meta.Org ?? "");
        Meta("head.auditor", meta.Auditor ?? "");
        Meta("head.date", meta.GeneratedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Meta("head.policy", _w.Policy(meta.Policy));
        Meta("head.kb", _w.Say("head.kb-value", ("version", meta.KbVersion), ("date", meta.KbDateDescribed)));
        if (meta.DataWarning is { } warning) Meta("head.kb-warning", warning.Get(_w.Lang));
        Meta("col.item", $"{_w["item.code"]} {_w["item.name"]} ({_w["col.severity"]}: {_w["item.severity"]})");
        sb.Append("</dl></header>\n<noscript><p>").Append(E(_w["html.nojs"])).Append("</p></noscript>\n");
        sb.Append("<main id=\"app\"></main>\n");
        sb.Append("<script type=\"application/json\" id=\"words\">");
        Raw(sb);
        WordsJson();
        Raw("</script>\n<script type=\"application/json\" id=\"hosts\">[\n");
    }

    private void Raw(StringBuilder sb) => Raw(sb.ToString());

    private void Raw(string s)
    {
        _j.Flush();
        output.Write(Encoding.UTF8.GetBytes(s));
    }

    /// <summary>The page's words: every glossary entry the script shows, in the report's language.</summary>
    private void WordsJson()
    {
        _j.Reset(output);
        _j.WriteStartObject();
        foreach (var (code, ko, en) in Glossary.All)
            if (code.StartsWith("html.", StringComparison.Ordinal) || code.StartsWith("col.", StringComparison.Ordinal) || code.StartsWith("detail.", StringComparison.Ordinal)
                || code.StartsWith("verdict.", StringComparison.Ordinal) || code.StartsWith("head.", StringComparison.Ordinal) || code.StartsWith("value.", StringComparison.Ordinal))
                _j.WriteString(code, _w.Lang == Lang.Ko ? ko : en);
        _j.WriteEndObject();
        _j.Flush();
    }

    public void Host(HostReport h, HostContext ctx)
    {
        if (!_first) Raw(",\n");
        _first = false;
        var j = _j;
        j.Reset(output);
        j.WriteStartObject();
        j.WriteString("h", h.Host);
        Strings("ip", ctx.Addresses);
        j.WriteString("ipt", _w.Addresses(ctx));
        j.WriteString("os", Words.Os(h.Os));
        j.WriteString("v", Words.VerdictCode(h.Verdict)[8..]);
        j.WriteString("at", h.CollectedAt ?? "");
        j.WriteString("acct", _w.Account(ctx.Account));
        j.WriteString("src", _w.Source(h, ctx));
        j.WriteStartArray("m");
        foreach (var m in h.Mtas)
        {
            j.WriteStartObject();
            j.WriteString("n", m.Mta);
            j.WriteString("ver", m.Version ?? "");
            j.WriteString("vt", m.VersionText ?? "");
            j.WriteString("pkg", m.Package is null ? "" : m.Package.Version);
            j.WriteString("pd", _w.Package(m));
            j.WriteString("bin", m.BinaryPath ?? "");
            j.WriteString("u", _w.UsageShort(m.Running, m.Enabled));
            j.WriteString("ul", _w.Usage(m.Running, m.Enabled));
            j.WriteString("v", Words.VerdictCode(m.Verdict)[8..]);
            Strings("r", m.Reasons.Select(r => r.Get(_w.Lang)));
            j.WriteStartArray("c");
            foreach (var c in m.Cves)
            {
                j.WriteStartObject();
                j.WriteString("id", c.Id);
                j.WriteString("s", _w.Severity(c.Severity) + (c.Cvss is { } s ? " " + s.ToString("0.0", CultureInfo.InvariantCulture) : ""));
                j.WriteString("sk", c.Severity?.ToLowerInvariant() ?? "");
                j.WriteBoolean("kev", c.Kev);
                j.WriteString("f", c.FixedIn is null ? "" : _w.Say("cve.fixed-upstream", ("version", c.FixedIn)));
                j.WriteString("vd", _w.Vendor(c.Vendor));
                j.WriteEndObject();
            }
            j.WriteEndArray();
            Strings("fix", m.Remediation.Select(r => r.Get(_w.Lang)));
            Strings("ev", _meta.Brief ? [] : m.EvidenceLines);
            j.WriteEndObject();
        }
        j.WriteEndArray();
        Strings("r", h.Reasons.Select(r => r.Get(_w.Lang)));
        Strings("e", h.Errors.Select(e => e.Get(_w.Lang)));
        j.WriteEndObject();
        j.Flush();
    }

    private void Strings(string name, IEnumerable<string> items)
    {
        _j.WriteStartArray(name);
        foreach (var s in items) _j.WriteStringValue(s);
        _j.WriteEndArray();
    }

    public void End(ReportSummary s)
    {
        Raw("\n]</script>\n<script type=\"application/json\" id=\"summary\">");
        _j.Reset(output);
        _j.WriteStartObject();
        Strings("inputErrors", s.InputErrors);
        Strings("notes", s.Notes.Select(n => n.Get(_w.Lang)));
        _j.WriteString("rateNote", _w["head.rate-note"]);
        _j.WriteEndObject();
        _j.Flush();
        Raw("</script>\n<script>" + HtmlPage.Script + "</script>\n</body>\n</html>\n");
        output.Flush();
    }

    public void Dispose() => _j.Dispose();
}
