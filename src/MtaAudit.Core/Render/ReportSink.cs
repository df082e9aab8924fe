using MtaAudit.Assess;

namespace MtaAudit.Render;

/// <summary>
/// A report being written as hosts finish: <see cref="Begin"/> once, <see cref="Host"/> per host in
/// input order, <see cref="End"/> once. A sink keeps at most small per-host summary rows in memory,
/// so 10,000 hosts cost what one host costs. Dispose flushes and closes what the sink opened.
/// </summary>
public interface IReportSink : IDisposable
{
    void Begin(ReportMeta meta);
    void Host(HostReport host, HostContext context);
    void End(ReportSummary summary);
}

/// <summary>What a report says about itself: how hosts were judged and for whom.</summary>
public sealed record ReportMeta(string Policy, string KbVersion, string KbDate, DateTimeOffset GeneratedAt, Lang Lang)
{
    /// <summary>기관명 (--org).</summary>
    public string? Org { get; init; }
    /// <summary>점검자 (--auditor).</summary>
    public string? Auditor { get; init; }
    /// <summary>Text: leave out the raw evidence lines.</summary>
    public bool Brief { get; init; }
    /// <summary>Text: list every CVE, not the ten most serious.</summary>
    public bool AllCves { get; init; }

    public static ReportMeta Of(AnalysisOptions a, Lang lang, DateTimeOffset now) =>
        new(a.Policy.Json(), a.Knowledge.Version, a.Knowledge.Date, now, lang);
}

/// <summary>The account that collected a host's evidence and the host's addresses, from the bundle header.</summary>
public sealed record HostContext(string? Account, IReadOnlyList<string> Addresses)
{
    public static readonly HostContext Unknown = new(null, []);
}

/// <summary>Counts as hosts pass, and the run's input problems and notes (duplicates dropped).</summary>
public sealed class ReportSummary
{
    public int Total { get; private set; }
    public int Good { get; private set; }
    public int Vulnerable { get; private set; }
    public int Manual { get; private set; }
    public int NotApplicable { get; private set; }
    public List<string> InputErrors { get; } = new();
    public List<Localized> Notes { get; } = new();

    public void Add(Verdict v)
    {
        Total++;
        switch (v)
        {
            case Verdict.Good: Good++; break;
            case Verdict.Vulnerable: Vulnerable++; break;
            case Verdict.Manual: Manual++; break;
            default: NotApplicable++; break;
        }
    }

    /// <summary>준수율 = 양호 / (양호 + 취약), as the guide counts it; null when neither occurs.</summary>
    public double? Rate => Good + Vulnerable == 0 ? null : 100.0 * Good / (Good + Vulnerable);

    public string RateText => Rate is { } r ? r.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "-";
}
