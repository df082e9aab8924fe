using MtaAudit.Knowledge;

namespace MtaAudit.Tests.Knowledge;

/// <summary>The knowledge base says how far its data runs (per source), and warns when that is old at scan time.</summary>
public class DataDatesTests
{
    private static readonly KnowledgeBase Kb = KnowledgeBaseLoader.LoadEmbedded();

    [Fact]
    public void Data_runs_to_the_newest_dated_fact_per_source_not_the_edition_date()
    {
        Assert.Equal("2026-12-08", Kb.Date); // the edition
        Assert.Equal("2026-09-18", Kb.DataRunsTo); // Exim 4.100.1, the newest dated item read
        Assert.Equal(
            [("postfix", "2026-09-08"), ("exim", "2026-09-18"), ("sendmail", "2024-01-31"), ("opensmtpd", "2026-03-26"), ("os lifecycle", "2026-08-22")],
            Kb.DataThrough.Select(d => (d.Source, d.Through)));
        Assert.Equal("2026-09-18 (postfix 2026-09-08, exim 2026-09-18, sendmail 2024-01-31, opensmtpd 2026-03-26, os lifecycle 2026-08-22)", DataDates.Describe(Kb));
    }

    [Theory]
    [InlineData("2026-10-18T12:00:00Z", 30, false)]
    [InlineData("2026-10-19T00:00:00Z", 31, true)]
    [InlineData("2026-11-30T21:00:00Z", 73, true)]
    [InlineData("2026-09-01T00:00:00Z", 0, false)] // a clock behind the data is not a negative age
    public void Older_than_30_days_at_scan_time_warns(string now, int age, bool warns)
    {
        var at = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(age, DataDates.AgeDays(Kb, at));
        var w = DataDates.Warning(Kb, at);
        Assert.Equal(warns, w is not null);
        if (w is { } x) Assert.Contains($"runs to 2026-09-18, {age} days before this scan", x.En, StringComparison.Ordinal);
    }
}
