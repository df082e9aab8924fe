using System.Text;
using MtaAudit.Assess;

namespace MtaAudit.Render;

/// <summary>
/// The KISA result table as CSV (RFC 4180), UTF-8 with a BOM so Excel opens the Korean correctly;
/// one row per host, streamed. Cells are neutralised by <see cref="CellText.Safe"/>.
/// </summary>
public sealed class CsvSink(Stream output) : IReportSink
{
    private readonly StreamWriter _o = new(output, new UTF8Encoding(true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
    private Words _w = null!;

    public void Begin(ReportMeta meta)
    {
        _w = new Words(meta.Lang);
        Row(ResultRow.Header(_w));
    }

    public void Host(HostReport host, HostContext context) => Row(ResultRow.Of(host, context, _w));

    public void End(ReportSummary summary) => _o.Flush();

    private void Row(string[] cells) => _o.WriteLine(Line(cells));

    /// <summary>One CSV line (RFC 4180 quoting) of neutralised cells.</summary>
    internal static string Line(IEnumerable<string> cells) => string.Join(",", cells.Select(c =>
    {
        var v = CellText.Safe(c);
        return v.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }));

    public void Dispose() => _o.Dispose();
}
