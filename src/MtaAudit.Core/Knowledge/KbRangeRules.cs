using MtaAudit.Versions;

namespace MtaAudit.Knowledge;

/// <summary>The checks every affected-version range must pass, in the embedded file and in the local overlay alike.</summary>
internal static class KbRangeRules
{
    /// <summary>Throws a <see cref="KnowledgeBaseException"/> naming <paramref name="file"/> and the JSON path of the first bad range.</summary>
    /// <param name="rejectEmpty">
    /// Also refuse a range that covers no version (<see cref="Degenerate"/>): in the local overlay, which comes from
    /// outside. The embedded data keeps its few "introduced 3.9.0, fixed 3.9.0" rows that record "fixed by default"
    /// in a note: they add nothing affected, and it only ever widens with an overlay.
    /// </param>
    public static void Check(string file, string at, List<KbRange>? affected, bool rejectEmpty = false)
    {
        if (affected is null || affected.Count == 0)
            throw new KnowledgeBaseException(file, at + ".affected", "missing or empty: a CVE needs at least one range");
        for (int j = 0; j < affected.Count; j++)
        {
            var r = affected[j];
            var rat = $"{at}.affected[{j}]";
            if (r is null) throw new KnowledgeBaseException(file, rat, "null item");
            if (r.Introduced != "0") Version(file, rat + ".introduced", r.Introduced, required: true);
            Version(file, rat + ".fixed", r.Fixed, required: false);
            Version(file, rat + ".lastAffected", r.LastAffected, required: false);
            if (rejectEmpty && Degenerate(r.Introduced!, r.Fixed, r.LastAffected) is { } bad)
                throw new KnowledgeBaseException(file, rat + "." + bad.Member, bad.Problem.En);
        }
    }

    /// <summary>
    /// Why a range of valid versions covers no version, or null when it covers some: a fix at version 0
    /// ("fixed 0.0"), a fix not after the introduction, a last affected version before it. Such a range
    /// in place of a real one would turn every affected version into a fixed one (issue 20), so it is an
    /// error wherever it comes from. <see cref="Member"/> is the range member at fault.
    /// </summary>
    public static (string Member, Localized Problem)? Degenerate(string introduced, string? fixedIn, string? lastAffected)
    {
        var zero = UpstreamVersion.Parse("0");
        UpstreamVersion? lo = introduced == "0" ? null : UpstreamVersion.Parse(introduced);
        if (fixedIn is not null)
        {
            var hi = UpstreamVersion.Parse(fixedIn);
            if (hi <= zero) return ("fixed", Glossary.Say("kb.range.fixed-zero", ("fixed", fixedIn)));
            if (lo is not null && hi <= lo) return ("fixed", Glossary.Say("kb.range.fixed-not-after", ("fixed", fixedIn), ("introduced", introduced)));
        }
        if (lastAffected is not null)
        {
            var last = UpstreamVersion.Parse(lastAffected);
            if (lo is not null && last < lo) return ("lastAffected", Glossary.Say("kb.range.last-before", ("last", lastAffected), ("introduced", introduced)));
        }
        return null;
    }

    private static void Version(string file, string at, string? v, bool required)
    {
        if (v is null)
        {
            if (required) throw new KnowledgeBaseException(file, at, "missing");
            return;
        }
        if (!UpstreamVersion.TryParse(v, out _)) throw new KnowledgeBaseException(file, at, $"'{v}' is not an upstream version");
    }
}
