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
        return ($"WARNING: the knowledge base's data runs to {kb.DataRunsTo}, {age} days before this scan (more than {StaleAfterDays}): releases and vulnerabilities since then are unknown to it; run 'mta-audit db update' (air-gapped: 'db fetch' elsewhere, then 'db update --from') or update mta-audit",
                $"경고: 지식 베이스 정보는 {kb.DataRunsTo}까지이며 점검 시점보다 {age}일 오래됨 ({StaleAfterDays}일 초과): 그 이후의 릴리스·취약점은 반영되지 않음; 'mta-audit db update'(폐쇄망은 외부에서 'db fetch' 후 'db update --from')로 최신 정보를 반영하거나 mta-audit을 갱신해야 함");
    }
}
