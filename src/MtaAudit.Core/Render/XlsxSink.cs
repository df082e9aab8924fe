using MtaAudit.Assess;

namespace MtaAudit.Render;

/// <summary>
/// The Excel workbook: a 요약 sheet (counts, 준수율, policy, knowledge base, 점검 일시) listed first,
/// and the 점검 결과 sheet in the KISA form's columns (<see cref="ResultRow"/>). The result sheet is
/// streamed into the zip as hosts finish; the summary sheet is written at the end from the counts.
/// </summary>
public sealed class XlsxSink(Stream output) : IReportSink
{
    private readonly XlsxWriter _x = new(output);
    private ReportMeta _meta = null!;
    private Words _w = null!;
    private string? _first, _last;

    private static readonly double[] ResultWidths = [12, 9, 20, 7, 20, 16, 18, 10, 60, 50, 10, 10, 24, 30, 20, 14];

    public void Begin(ReportMeta meta)
    {
        _meta = meta;
        _w = new Words(meta.Lang);
        _x.BeginSheet(_w["col.result"], ResultWidths, freezeFirstRow: true, autoFilter: true);
        _x.Row(ResultRow.Header(_w).Select(XCell.Head).ToArray());
    }

    public void Host(HostReport host, HostContext context)
    {
        _x.Row(ResultRow.Of(host, context, _w).Select(s => (XCell)s).ToArray());
        if (host.CollectedAt is { } at)
        {
            if (_first is null || string.CompareOrdinal(at, _first) < 0) _first = at;
            if (_last is null || string.CompareOrdinal(at, _last) > 0) _last = at;
        }
    }

    public void End(ReportSummary s)
    {
        _x.EndSheet();
        _x.BeginSheet(_w["head.summary"], [22, 60]);
        _x.Row(XCell.Title(_w["report.title"]));
        _x.Row();
        void Pair(string code, XCell value) => _x.Row(XCell.Head(_w[code]), value);
        if (_meta.Org is not null) Pair("head.org", _meta.Org);
        if (_meta.Auditor is not null) Pair("head.auditor", _meta.Auditor);
        Pair("head.date", _meta.GeneratedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Pair("col.checked-at", _first is null ? _w["value.unknown"] : _first == _last ? _first : _first + " ~ " + _last);
        Pair("head.policy", _w.Policy(_meta.Policy));
        Pair("head.kb", _w.Say("head.kb-value", ("version", _meta.KbVersion), ("date", _meta.KbDateDescribed)));
        Pair("col.item", $"{_w["item.code"]} {_w["item.name"]} ({_w["col.severity"]}: {_w["item.severity"]})");
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
