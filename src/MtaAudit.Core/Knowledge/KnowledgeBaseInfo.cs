using System.Globalization;

namespace MtaAudit.Knowledge;

/// <summary>Summary of a loaded knowledge base, for <c>db status</c>.</summary>
public sealed record KnowledgeBaseInfo(
    string Schema,
    string Version,
    string Date,
    int Mtas,
    int Releases,
    int Cves,
    int VendorPackages,
    int UnverifiedItems)
{
    public static KnowledgeBaseInfo Of(KnowledgeBase kb)
    {
        var mtas = kb.Mtas.Values.ToList();
        int unverified =
            mtas.Sum(m => m.Cves.Count(c => !c.Verified))
            + mtas.Sum(m => m.ReleaseHistory?.Count(r => !r.Verified) ?? 0)
            + kb.VendorPackages.Count(p => !p.Verified);
        return new KnowledgeBaseInfo(
            KbFile.SchemaName,
            kb.Version,
            kb.Date,
            mtas.Count,
            mtas.Sum(m => m.Releases.Count),
            mtas.Sum(m => m.Cves.Count),
            kb.VendorPackages.Count,
            unverified);
    }

    /// <summary>Whole days from <see cref="Date"/> (when the facts were last checked) to <paramref name="now"/>; never negative.</summary>
    public int AgeDays(DateTimeOffset now)
    {
        var checkedOn = DateOnly.ParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        int days = DateOnly.FromDateTime(now.UtcDateTime).DayNumber - checkedOn.DayNumber;
        return Math.Max(0, days);
    }
}
