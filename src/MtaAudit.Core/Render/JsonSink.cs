using System.Text.Encodings.Web;
using System.Text.Json;
using MtaAudit.Assess;

namespace MtaAudit.Render;

/// <summary>
/// The JSON report (docs/report-json.md) written host by host: the header fields, then each host
/// as it is judged, then <c>inputErrors</c>. Same bytes as serializing the whole document at once.
/// </summary>
public sealed class JsonSink(Stream output) : IReportSink
{
    private readonly Utf8JsonWriter _w = new(output, new JsonWriterOptions
    {
        Indented = true,
        // Korean text stays readable; control characters and quotes are still escaped.
        Encoder = ReportJsonEncoder.Relaxed,
    });
    private Lang _lang;

    public void Begin(ReportMeta meta)
    {
        _lang = meta.Lang;
        _w.WriteStartObject();
        _w.WriteString("schema", JsonReport.Schema);
        _w.WriteString("generatedAt", JsonReport.Time(meta.GeneratedAt));
        _w.WriteStartObject("knowledgeBase");
        _w.WriteString("version", meta.KbVersion);
        // "date" is the date the data runs to, not the build date; each source's own date beside it.
        _w.WriteString("date", meta.KbDate);
        _w.WriteStartArray("dataThrough");
        foreach (var (source, through) in meta.DataThrough)
        {
            _w.WriteStartObject();
            _w.WriteString("source", source);
            _w.WriteString("through", through);
            _w.WriteEndObject();
        }
        _w.WriteEndArray();
        if (meta.DataAgeDays is { } age) _w.WriteNumber("ageDays", age);
        if (meta.DataWarning is { } warning) _w.WriteString("warning", warning.Get(meta.Lang));
        _w.WriteEndObject();
        _w.WriteString("policy", meta.Policy);
        _w.WriteStartArray("hosts");
    }

    public void Host(HostReport host, HostContext context)
    {
        JsonSerializer.Serialize(_w, JsonReport.Host(host, context, _lang), JsonReport.Json.HostDoc);
        // Hand each host to the stream so nothing accumulates in the writer's buffer.
        _w.Flush();
    }

    public void End(ReportSummary summary)
    {
        _w.WriteEndArray();
        _w.WriteStartArray("inputErrors");
        foreach (var e in summary.InputErrors) _w.WriteStringValue(e);
        _w.WriteEndArray();
        if (summary.Notes.Count > 0)
        {
            _w.WriteStartArray("notes");
            foreach (var n in summary.Notes) _w.WriteStringValue(n.Get(_lang));
            _w.WriteEndArray();
        }
        _w.WriteEndObject();
        _w.Flush();
        output.Write("\n"u8);
        output.Flush();
    }

    public void Dispose() => _w.Dispose();
}
