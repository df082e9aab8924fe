using MtaAudit.Assess;
using MtaAudit.Knowledge;

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

    /// <summary>Per source, the date its data runs to (postfix 2026-09-08, exim 2026-09-18, …).</summary>
    public IReadOnlyList<(string Source, string Through)> DataThrough { get; init; } = [];
    /// <summary>Days from <see cref="KbDate"/> to the scan; null when the report does not say (an older JSON report).</summary>
    public int? DataAgeDays { get; init; }
    /// <summary>Set when the data is older than the knowledge base's staleness limit at scan time.</summary>
    public Localized? DataWarning { get; init; }

    /// <summary>"2026-09-18 (postfix 09-08, exim 09-18, sendmail 2024-01-31, …)": the date the data runs to, per source.</summary>
    public string KbDateDescribed =>
        DataThrough.Count == 0 ? KbDate : $"{KbDate} ({string.Join(", ", DataThrough.Select(d => $"{SourceName(d.Source, Lang)} {SameYearShort(d.Through)}"))})";

    /// <summary>A source's date without the year when it is the year of <see cref="KbDate"/> ("09-08"), so the line stays short.</summary>
    private string SameYearShort(string date) =>
        date.Length == 10 && KbDate.Length >= 5 && date[..5] == KbDate[..5] ? date[5..] : date;

    /// <summary>A data source's name for people: MTA names and sites as they are, "os lifecycle" and "vendor packages" worded.</summary>
    public static string SourceName(string source, Lang lang)
    {
        foreach (var (prefix, code) in new[] { ("os lifecycle", "kb.source.os-lifecycle"), ("vendor packages", "kb.source.vendor-packages") })
            if (source.StartsWith(prefix, StringComparison.Ordinal)) return Glossary.Word(code, lang) + source[prefix.Length..];
        return source;
    }

    /// <summary>
    /// The metadata of a judgement made now: <see cref="KbDate"/> is the date the data runs to, never the
    /// day the knowledge base was built. Built here, at the edge, so that sinks never see the knowledge base.
    /// </summary>
    public static ReportMeta Of(AnalysisOptions a, Lang lang, DateTimeOffset now)
    {
        var kb = a.Knowledge;
        var warning = DataDates.Warning(kb, now);
        return new(a.Policy.Json(), kb.Version, kb.DataRunsTo, now, lang)
        {
            DataThrough = kb.DataThrough.Select(d => (d.Source, d.Through)).ToList(),
            DataAgeDays = DataDates.AgeDays(kb, now),
            DataWarning = warning is { } w ? new Localized(w.En, w.Ko) : null,
        };
    }
}

/// <summary>
/// The account that collected a host's evidence and the host's addresses (loopback left out), from the
/// bundle. <see cref="AddressesUnknown"/> says why there are none when no address probe answered; with it
/// null and no address, the host has none besides loopback.
/// </summary>
public sealed record HostContext(string? Account, IReadOnlyList<string> Addresses)
{
    public static readonly HostContext Unknown = new(null, []) { AddressesUnknown = Facts.UnknownReason.NotCollected };

    public Facts.UnknownReason? AddressesUnknown { get; init; }

    /// <summary>The bundle's own host line when it differs from the name the host is reported under (a fleet's inventory name); shown beside the source.</summary>
    public string? CallsItself { get; init; }

    /// <summary>Which machine this is (name, host.id, addresses): how report inputs and --compare tell hosts of one name apart.</summary>
    public HostIdentity? Identity { get; init; }
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

/// <summary>점검 일시 of a report: the first and last collection time of its hosts, as they pass.</summary>
public sealed class CollectionPeriod
{
    private string? _first, _last;

    public void Add(string? collectedAt)
    {
        if (collectedAt is null) return;
        if (_first is null || string.CompareOrdinal(collectedAt, _first) < 0) _first = collectedAt;
        if (_last is null || string.CompareOrdinal(collectedAt, _last) > 0) _last = collectedAt;
    }

    /// <summary>"2026-12-01 11:33:54 +09:00 ~ 2026-12-01 11:34:05 +09:00" in this machine's time zone; unknown when no host said.</summary>
    public string Describe(Words w) => w.Period(_first, _last);
}
