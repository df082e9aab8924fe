namespace MtaAudit.Services;

/// <summary>Small text helpers shared by the service-manager parsers.</summary>
internal static class ServiceText
{
    private static readonly char[] Blanks = [' ', '\t'];

    /// <summary>Whitespace-separated words of a line (spaces and TABs; chkconfig pads with both).</summary>
    public static string[] Words(string line) => line.Split(Blanks, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The first <paramref name="max"/> words of <see cref="Words"/>, without splitting the rest of the line.</summary>
    public static string[] FirstWords(string line, int max)
    {
        var words = new List<string>(max);
        int i = 0;
        while (words.Count < max)
        {
            while (i < line.Length && line[i] is ' ' or '\t') i++;
            if (i >= line.Length) break;
            int start = i;
            while (i < line.Length && line[i] is not (' ' or '\t')) i++;
            words.Add(line[start..i]);
        }
        return words.ToArray();
    }

    /// <summary>
    /// <see cref="FirstWords(string, int)"/> as ranges of <paramref name="line"/>, up to <c>words.Length</c> of
    /// them; returns how many. A row that turns out not to be wanted then costs no string.
    /// </summary>
    public static int FirstWords(ReadOnlySpan<char> line, Span<Range> words)
    {
        int count = 0, i = 0;
        while (count < words.Length)
        {
            while (i < line.Length && line[i] is ' ' or '\t') i++;
            if (i >= line.Length) break;
            int start = i;
            while (i < line.Length && line[i] is not (' ' or '\t')) i++;
            words[count++] = start..i;
        }
        return count;
    }

    private static readonly string[] UnitSuffixes =
    [
        ".service", ".socket", ".target", ".timer", ".path", ".mount", ".automount",
        ".swap", ".slice", ".scope", ".device",
    ];

    /// <summary>True for a systemd unit name such as <c>postfix@-.service</c>.</summary>
    public static bool IsUnitName(string word) => IsUnitName(word.AsSpan());

    /// <inheritdoc cref="IsUnitName(string)"/>
    public static bool IsUnitName(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || word.Length > 256) return false;
        foreach (var s in UnitSuffixes)
            if (word.EndsWith(s, StringComparison.Ordinal) && word.Length > s.Length) return true;
        return false;
    }

    /// <summary>
    /// The status marks systemctl prints before a unit: '●' (failed, not-found; '*' on a terminal
    /// without UTF-8), '×' and '○' of newer releases, and the HTML entity left by copies of web pages.
    /// </summary>
    public static bool IsBullet(string word) => IsBullet(word.AsSpan());

    /// <inheritdoc cref="IsBullet(string)"/>
    public static bool IsBullet(ReadOnlySpan<char> word) => word is "●" or "*" or "×" or "○" or "↻" or "&#9679;" or "&#x25CF;";

    /// <summary>
    /// The unit a line names when it is a shell command <c>systemctl VERB [opts] UNIT...</c>, e.g. a prompt
    /// line in a session pasted by hand or a section's cmd= attribute. Names without a type get '.service',
    /// as systemctl itself assumes.
    /// </summary>
    public static List<string>? UnitsOfCommand(string line, string verb)
    {
        var words = Words(line);
        int i = Array.FindIndex(words, w => w == "systemctl" || w.EndsWith("/systemctl", StringComparison.Ordinal));
        if (i < 0 || i + 1 >= words.Length) return null;
        int v = i + 1;
        while (v < words.Length && words[v].StartsWith('-')) v++; // options before the verb (--root=..., -q)
        if (v >= words.Length || words[v] != verb) return null;
        var units = new List<string>();
        for (int k = v + 1; k < words.Length; k++)
        {
            var w = words[k];
            if (w.StartsWith('-')) continue;
            if (w is "|" or ";" or "&&" or "||" or "2>/dev/null" or "1>/dev/null" or ">/dev/null" || w.StartsWith('>') || w.StartsWith("2>", StringComparison.Ordinal)) break;
            units.Add(IsUnitName(w) ? w : w + ".service");
        }
        return units.Count == 0 ? null : units;
    }
}
