using MtaAudit.Assess;

namespace MtaAudit.Render;

/// <summary>
/// One host as a row of the KISA 점검 결과 form (CSV, Excel): 분류, 점검코드, 점검항목, 중요도,
/// 호스트, IP, OS, 점검결과, 현황, 조치방법, then MTA, version, package, the CVEs that apply and those
/// that do not (never mixed: a reader counts the first), 증적, 점검 일시 and account. Values are plain
/// text; each writer neutralises them for its format.
/// </summary>
public static class ResultRow
{
    public static readonly string[] ColumnCodes =
    [
        "col.category", "col.code", "col.item", "col.severity", "col.host", "col.ip", "col.os", "col.result",
        "col.status", "col.action", "col.mta", "col.version", "col.package", "col.cves", "col.cves-na", "col.evidence",
        "col.checked-at", "col.account",
    ];

    public static string[] Header(Words w) => ColumnCodes.Select(c => w[c]).ToArray();

    public static string[] Of(HostReport h, HostContext ctx, Words w) =>
    [
        w["item.category"], w["item.code"], w["item.name"], w["item.severity"],
        h.Host, w.Addresses(ctx), Words.Os(h.Os), w.Verdict(h.Verdict),
        Status(h, w), Actions(h, w),
        string.Join("\n", h.Mtas.Select(m => m.Mta)),
        string.Join("\n", h.Mtas.Select(w.Version)),
        string.Join("\n", h.Mtas.Select(w.PackageCell)),
        Words.CveIds(h.Mtas, applicable: true), Words.CveIds(h.Mtas, applicable: false), w.EvidenceCell(h),
        Words.Local(h.CollectedAt), w.Account(ctx.Account),
    ];

    /// <summary>현황: per MTA its version, package and use, then the reasons, one per line.</summary>
    public static string Status(HostReport h, Words w)
    {
        var lines = new List<string>();
        if (h.Mtas.Count == 0) lines.Add("· " + w["detail.no-mta"]);
        foreach (var m in h.Mtas)
        {
            var pkg = w.Package(m);
            lines.Add($"· {m.Mta} {w.Version(m)}: {w.Verdict(m.Verdict)} ({pkg}; {w.Usage(m.Running, m.Enabled)})");
            lines.AddRange(m.Reasons.Select(r => "  · " + r.Get(w.Lang)));
        }
        lines.AddRange(h.Reasons.Select(r => "· " + r.Get(w.Lang)));
        lines.AddRange(h.Errors.Select(e => "· " + w["detail.errors"] + ": " + e.Get(w.Lang)));
        return string.Join("\n", lines);
    }

    /// <summary>조치방법: every distinct remediation line of the host's MTAs.</summary>
    public static string Actions(HostReport h, Words w)
    {
        var lines = h.Mtas.SelectMany(m => m.Remediation.Select(r => $"· {m.Mta}: {r.Get(w.Lang)}")).Distinct().ToList();
        return lines.Count == 0 ? w["fix.none"] : string.Join("\n", lines);
    }
}
