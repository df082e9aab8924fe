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

    private void Row(string[] cells)
    {
        for (int i = 0; i < cells.Length; i++)
        {
            if (i > 0) _o.Write(',');
            var v = CellText.Safe(cells[i]);
            if (v.AsSpan().IndexOfAny(",\"\n\r") >= 0) _o.Write("\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
            else _o.Write(v);
        }
        _o.WriteLine();
    }

    public void Dispose() => _o.Dispose();
}
