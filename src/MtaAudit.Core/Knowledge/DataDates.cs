using System.Globalization;

namespace MtaAudit.Knowledge;

/// <summary>
/// The honest "as of" of a knowledge base: the date its data runs to (the newest dated fact read, per source),
/// never the day it was packaged, and how old that is at scan time.
/// </summary>
public static class DataDates
{
    /// <summary>Older than this at scan time, releases and advisories since may be missing: reports and db status warn.</summary>
    public const int StaleAfterDays = 30;

    /// <summary>"2026-09-18 (postfix 2026-09-08, exim 2026-09-18, …)".</summary>
    public static string Describe(KnowledgeBase kb) =>
        kb.DataThrough.Count == 0 ? kb.DataRunsTo
            : $"{kb.DataRunsTo} ({string.Join(", ", kb.DataThrough.Select(d => $"{d.Source} {d.Through}"))})";

    /// <summary>Whole days from the date the data runs to until <paramref name="now"/>; never negative.</summary>
    public static int AgeDays(KnowledgeBase kb, DateTimeOffset now)
    {
        var through = DateOnly.ParseExact(kb.DataRunsTo, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Math.Max(0, DateOnly.FromDateTime(now.UtcDateTime).DayNumber - through.DayNumber);
    }

    /// <summary>The warning for data older than <see cref="StaleAfterDays"/> at <paramref name="now"/>, else null.</summary>
    public static (string En, string Ko)? Warning(KnowledgeBase kb, DateTimeOffset now)
    {
        int age = AgeDays(kb, now);
        if (age <= StaleAfterDays) return null;
        var w = Glossary.Say("kb.stale", ("date", kb.DataRunsTo), ("age", age), ("max", StaleAfterDays));
        return (w.En, w.Ko);
    }
}
