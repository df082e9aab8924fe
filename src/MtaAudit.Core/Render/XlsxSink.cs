using MtaAudit.Assess;

namespace MtaAudit.Render;

/// <summary>
/// The Excel workbook: a 요약 sheet (the item's 점검 내용 and 판단 기준, counts, 준수율, policy, knowledge
/// base with its age warning, 점검 일시) listed first,
/// and the 점검 결과 sheet in the KISA form's columns (<see cref="ResultRow"/>). The result sheet is
/// streamed into the zip as hosts finish; the summary sheet is written at the end from the counts.
/// Both print on A4 landscape, one page wide, with 기관명, title and page numbers on every page.
/// </summary>
public sealed class XlsxSink(Stream output) : IReportSink
{
    private readonly XlsxWriter _x = new(output);
    private ReportMeta _meta = null!;
    private Words _w = null!;
    private readonly CollectionPeriod _period = new();

    // Sized for A4 landscape at one page wide: the narrow KISA columns wrap, 현황 and 조치방법 get the room.
    private static readonly double[] ResultWidths = [9, 7, 12, 5, 22, 14, 16, 8, 60, 45, 9, 9, 20, 32, 16, 45, 14, 10];

    /// <summary>Header (기관명, title) and footer (점검 일자, page N / M) of every printed page.</summary>
    private PrintSetup Print(bool repeatFirstRow) => new(
        "&L" + XlsxWriter.HeaderText(_meta.Org) + "&C" + XlsxWriter.HeaderText(_w["report.title"]),
        "&L" + XlsxWriter.HeaderText(_w["head.date"] + " " + Words.LocalDate(_meta.GeneratedAt)) + "&C" + _w["xlsx.page"],
        repeatFirstRow);

    public void Begin(ReportMeta meta)
    {
        _meta = meta;
        _w = new Words(meta.Lang);
        _x.BeginSheet(_w["col.result"], ResultWidths, freezeFirstRow: true, autoFilter: true, Print(repeatFirstRow: true));
        _x.Row(ResultRow.Header(_w).Select(XCell.Head).ToArray());
    }

    public void Host(HostReport host, HostContext context)
    {
        _x.Row(ResultRow.Of(host, context, _w).Select(s => (XCell)s).ToArray());
        _period.Add(host.CollectedAt);
    }

    public void End(ReportSummary s)
    {
        _x.EndSheet();
        _x.BeginSheet(_w["head.summary"], [22, 90], print: Print(repeatFirstRow: false));
        _x.Row(XCell.Title(_w["report.title"]));
        _x.Row();
        void Pair(string code, XCell value) => _x.Row(XCell.Head(_w[code]), value);
        if (_meta.Org is not null) Pair("head.org", _meta.Org);
        if (_meta.Auditor is not null) Pair("head.auditor", _meta.Auditor);
        Pair("head.date", Words.LocalDate(_meta.GeneratedAt));
        Pair("col.checked-at", _period.Describe(_w));
        Pair("head.generated", Words.Local(_meta.GeneratedAt));
        Pair("col.item", $"{_w["item.code"]} {_w["item.name"]} ({_w["col.severity"]}: {_w["item.severity"]})");
        Pair("item.content-label", _w["item.content"]);
        Pair("item.criteria-label", _w["item.criteria"]);
        Pair("head.policy", _w.Policy(_meta.Policy));
        Pair("head.kb", _w.KbValue(_meta));
        if (_meta.DataWarning is { } warning) Pair("head.kb-warning", warning.Get(_w.Lang));
        _x.Row();
        Pair("head.total", XCell.Num(s.Total));
        Pair("verdict.good", XCell.Num(s.Good));
        Pair("verdict.vulnerable", XCell.Num(s.Vulnerable));
        Pair("verdict.manual", XCell.Num(s.Manual));
        Pair("verdict.na", XCell.Num(s.NotApplicable));
        Pair("head.rate", s.RateText + " (" + _w["head.rate-note"] + ")");
        if (s.InputErrors.Count > 0) Pair("head.input-errors", string.Join("\n", s.InputErrors));
        if (s.Notes.Count > 0) Pair("head.notes", string.Join("\n", s.Notes.Select(n => n.Get(_w.Lang))));
        _x.EndSheet();
        _x.Finish(order: [2, 1]);
        output.Flush();
    }

    public void Dispose() => _x.Dispose();
}
