using System.Globalization;
using System.Text;
using MtaAudit.Assess;

namespace MtaAudit.Render;

/// <summary>
/// The auditor's text report: title and basis, the summary line and a table of every host
/// (host, IP, OS, MTA, version, package, running/boot, 결과) first, then each host's detail.
/// The table needs every host before it can be printed, so only its short rows stay in memory;
/// the detail is spooled to a temporary file as hosts finish and copied out at the end.
/// Everything from targets goes through <see cref="TerminalText.Clean"/>.
/// </summary>
public sealed class TextSink : IReportSink
{
    private const int MaxCvesShown = 10;
    private readonly Stream _output;
    private readonly FileStream _spool;
    private readonly StreamWriter _detail;
    private readonly List<string[]> _rows = new();
    private ReportMeta _meta = null!;
    private Words _w = null!;
    private readonly CollectionPeriod _period = new();

    public TextSink(Stream output)
    {
        _output = output;
        var path = Path.Combine(Path.GetTempPath(), "mta-audit-" + Guid.NewGuid().ToString("N") + ".txt");
        _spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _detail = new StreamWriter(_spool, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
    }

    public void Begin(ReportMeta meta)
    {
        _meta = meta;
        _w = new Words(meta.Lang);
    }

    public void Host(HostReport h, HostContext ctx)
    {
        _period.Add(h.CollectedAt);
        var os = Words.Os(h.Os);
        var ip = ctx.Addresses.Count == 0 ? "-" : string.Join(",", ctx.Addresses);
        if (h.Mtas.Count == 0) _rows.Add([C(h.Host), C(ip), C(os), "-", "-", "-", "-", _w.Verdict(h.Verdict)]);
        for (int i = 0; i < h.Mtas.Count; i++)
        {
            var m = h.Mtas[i];
            _rows.Add([i == 0 ? C(h.Host) : "", i == 0 ? C(ip) : "", i == 0 ? C(os) : "", m.Mta, C(m.Version ?? "?"),
                C(m.Package?.Version ?? (m.PackageUnknown ? "?" : "-")), _w.UsageShort(m.Running, m.Enabled),
                i == 0 ? _w.Verdict(h.Verdict) : "(" + _w.Verdict(m.Verdict) + ")"]);
        }
        Detail(h, ctx);
    }

    private static string C(string? s) => TerminalText.Clean(s);

    private void Detail(HostReport h, HostContext ctx)
    {
        var d = _detail;
        d.WriteLine();
        d.WriteLine("== " + _w.Say("detail.host", ("host", C(h.Host)), ("verdict", _w.Verdict(h.Verdict))) + " ==");
        Field(_w["col.checked-at"], h.CollectedAt is null ? _w["value.unknown"] : C(Words.Local(h.CollectedAt)));
        Field(_w["col.account"], C(_w.Account(ctx.Account)));
        Field(_w["col.ip"], C(_w.Addresses(ctx)));
        Field(_w["col.os"], C(Words.Os(h.Os) is { Length: > 0 } os ? os : _w["value.unknown"]));
        if (h.Source is not null) Field(_w["col.source"], C(_w.Source(h, ctx)));
        if (h.Mtas.Count == 0)
        {
            d.WriteLine("  " + _w["detail.status"] + ":");
            foreach (var r in h.Reasons) d.WriteLine("    - " + C(r.Get(_w.Lang)));
        }
        foreach (var m in h.Mtas) Mta(m);
        if (h.Mtas.Count > 0)
            foreach (var r in h.Reasons) d.WriteLine("  * " + C(r.Get(_w.Lang)));
        if (h.Errors.Count > 0)
        {
            d.WriteLine("  " + _w["detail.errors"] + ":");
            foreach (var e in h.Errors) d.WriteLine("    ! " + C(e.Get(_w.Lang)));
        }
    }

    private void Field(string name, string value) => _detail.WriteLine("  " + name + ": " + value);

    private void Mta(MtaFinding m)
    {
        var d = _detail;
        var version = m.Version ?? _w["detail.version-unknown"];
        if (m.VersionText is not null && m.VersionText != m.Version) version += " (" + m.VersionText + ")";
        d.WriteLine("  [" + C(m.Mta) + "] " + C(version) + " → " + _w.Verdict(m.Verdict));
        d.WriteLine("    " + _w["detail.status"] + ":");
        d.WriteLine("      - " + C(_w.Package(m)));
        if (m.BinaryPath is not null) d.WriteLine("      - " + C(_w.Say("detail.binary", ("path", m.BinaryPath))));
        d.WriteLine("      - " + _w.Usage(m.Running, m.Enabled));
        if (!_meta.Brief)
            foreach (var line in m.EvidenceLines) d.WriteLine("      | " + C(line));
        d.WriteLine("    " + _w["detail.reasons"] + ":");
        foreach (var r in m.Reasons) d.WriteLine("      - " + C(r.Get(_w.Lang)));
        if (m.Cves.Count > 0)
        {
            d.WriteLine("    " + _w["detail.cves"] + ":");
            int shown = _meta.AllCves ? m.Cves.Count : Math.Min(MaxCvesShown, m.Cves.Count);
            foreach (var c in m.Cves.Take(shown)) d.WriteLine("      - " + C(_w.Cve(c)));
            if (m.Cves.Count > shown) d.WriteLine("      - " + _w.Say("cve.more", ("n", (m.Cves.Count - shown).ToString(CultureInfo.InvariantCulture))));
        }
        d.WriteLine("    " + _w["detail.remediation"] + ":");
        foreach (var r in m.Remediation) d.WriteLine("      - " + C(r.Get(_w.Lang)));
    }

    public void End(ReportSummary s)
    {
        _detail.Flush();
        using var o = new StreamWriter(_output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        o.WriteLine(_w["report.title"]);
        o.WriteLine(_w["head.policy"] + ": " + _w.Policy(_meta.Policy));
        o.WriteLine(_w["head.kb"] + ": " + _w.KbValue(_meta));
        if (_meta.DataWarning is { } warning) o.WriteLine(warning.Get(_w.Lang)); // it says "경고:" / "WARNING:" itself
        o.WriteLine(_w["head.generated"] + ": " + Words.Local(_meta.GeneratedAt));
        o.WriteLine(_w["col.checked-at"] + ": " + C(_period.Describe(_w)));
        if (_meta.Org is not null) o.WriteLine(_w["head.org"] + ": " + C(_meta.Org));
        if (_meta.Auditor is not null) o.WriteLine(_w["head.auditor"] + ": " + C(_meta.Auditor));
        o.WriteLine();
        o.WriteLine(SummaryLine(s, _w));
        o.WriteLine();
        o.WriteLine(_w["head.hosts"]);
        string[] header = ["col.host", "col.ip", "col.os", "col.mta", "col.version", "col.package", "col.usage", "col.result"];
        Table(o, header.Select(c => _w[c]).ToArray(), _rows);
        if (s.InputErrors.Count > 0)
        {
            o.WriteLine();
            o.WriteLine(_w["head.input-errors"] + ":");
            foreach (var e in s.InputErrors) o.WriteLine("  - " + C(e));
        }
        if (s.Notes.Count > 0)
        {
            o.WriteLine();
            o.WriteLine(_w["head.notes"] + ":");
            foreach (var n in s.Notes) o.WriteLine("  - " + C(n.Get(_w.Lang)));
        }
        o.WriteLine();
        o.WriteLine(_w["head.details"]);
        o.Flush();
        _spool.Position = 0;
        _spool.CopyTo(_output);
        _output.Flush();
    }

    public static string SummaryLine(ReportSummary s, Words w)
    {
        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        return w.Say("summary.line", ("total", N(s.Total)), ("good", N(s.Good)), ("vulnerable", N(s.Vulnerable)),
            ("manual", N(s.Manual)), ("na", N(s.NotApplicable)), ("rate", s.RateText + " = " + w["head.rate-note"]));
    }

    /// <summary>Columns padded to the widest cell; Hangul and other wide characters count two columns.</summary>
    private static void Table(TextWriter o, string[] header, List<string[]> rows)
    {
        const int MaxWidth = 40;
        var width = header.Select(Width).ToArray();
        foreach (var r in rows)
            for (int i = 0; i < r.Length; i++) width[i] = Math.Max(width[i], Math.Min(MaxWidth, Width(r[i])));
        void Line(string[] cells)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < cells.Length; i++)
            {
                var cell = Fit(cells[i], width[i]);
                sb.Append(cell);
                if (i < cells.Length - 1) sb.Append(' ', Math.Max(1, width[i] - Width(cell) + 2));
            }
            o.WriteLine(sb.ToString().TrimEnd());
        }
        Line(header);
        Line(width.Select(n => new string('-', n)).ToArray());
        foreach (var r in rows) Line(r);
    }

    /// <summary>The cell cut to <paramref name="max"/> columns with an ellipsis (a long OS name keeps the table aligned).</summary>
    private static string Fit(string s, int max)
    {
        if (Width(s) <= max) return s;
        var sb = new StringBuilder();
        int n = 0;
        foreach (var c in s)
        {
            int w = IsWide(c) ? 2 : 1;
            if (n + w > max - 1) break;
            sb.Append(c);
            n += w;
        }
        return sb.Append('…').ToString();
    }

    internal static int Width(string s)
    {
        int n = 0;
        foreach (var c in s) n += IsWide(c) ? 2 : 1;
        return n;
    }

    internal static bool IsWide(char c) =>
        c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6';

    public void Dispose()
    {
        _detail.Dispose();
        _spool.Dispose();
    }
}
