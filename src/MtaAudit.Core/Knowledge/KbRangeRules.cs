using MtaAudit.Versions;

namespace MtaAudit.Knowledge;

/// <summary>The checks every affected-version range must pass, in the embedded file and in the local overlay alike.</summary>
internal static class KbRangeRules
{
    /// <summary>Throws a <see cref="KnowledgeBaseException"/> naming <paramref name="file"/> and the JSON path of the first bad range.</summary>
    public static void Check(string file, string at, List<KbRange>? affected)
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
        }
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
