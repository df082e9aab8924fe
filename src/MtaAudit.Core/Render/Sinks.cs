using System.Text;
using MtaAudit.Assess;

namespace MtaAudit.Render;

/// <summary>The report formats by name, and helpers to drive a sink.</summary>
public static class Sinks
{
    public static readonly string[] Formats = ["text", "json", "csv", "xlsx", "html"];

    /// <summary>Formats that are binary and must not go to a terminal.</summary>
    public static bool IsBinary(string format) => format == "xlsx";

    public static IReportSink Create(string format, Stream output) => format switch
    {
        "json" => new JsonSink(output),
        "csv" => new CsvSink(output),
        "xlsx" => new XlsxSink(output),
        "html" => new HtmlSink(output),
        _ => new TextSink(output),
    };

    /// <summary>Writes a finished list of hosts through a sink (tests, small inputs, report --from).</summary>
    public static void Write(IReportSink sink, IEnumerable<(HostReport Host, HostContext Context)> hosts, ReportMeta meta, IEnumerable<string> inputErrors, IEnumerable<Localized>? notes = null)
    {
        var summary = new ReportSummary();
        summary.InputErrors.AddRange(inputErrors);
        if (notes is not null) summary.Notes.AddRange(notes);
        sink.Begin(meta);
        foreach (var (h, c) in hosts)
        {
            summary.Add(h.Verdict);
            sink.Host(h, c);
        }
        sink.End(summary);
    }

    public static string RenderToString(Func<Stream, IReportSink> make, IReadOnlyList<HostReport> hosts, ReportMeta meta, IReadOnlyList<string> inputErrors)
    {
        using var ms = new MemoryStream();
        using (var sink = make(ms)) Write(sink, hosts.Select(h => (h, HostContext.Unknown)), meta, inputErrors);
        return new UTF8Encoding(false).GetString(ms.ToArray()).TrimStart('\uFEFF');
    }
}
