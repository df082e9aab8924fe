namespace MtaAudit.Parse.Packages;

/// <summary>Small text helpers shared by the package parsers.</summary>
internal static class Words
{
    private static readonly char[] Blanks = [' ', '\t'];

    /// <summary>Whitespace-separated words of a line (spaces and tabs, runs collapsed).</summary>
    public static string[] Of(string line) => line.Split(Blanks, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Evidence text for one parsed line: the probe and the line as printed, trimmed and capped.</summary>
    public static string Evidence(string probe, string line)
    {
        var t = line.Trim();
        if (t.Length > 300) t = t[..300] + "…";
        return $"{probe}: {t}";
    }

    /// <summary>Guards against pathological input: parsers look at no more than this many lines.</summary>
    public const int MaxLines = 200_000;
}
