using MtaAudit.Facts;
using MtaAudit.Parse.Packages;

namespace MtaAudit.Parse.Build;

/// <summary>Reads "Label: token token …" lines (with indented continuation lines) into named token lists.</summary>
internal static class BuildListReader
{
    /// <summary>
    /// The lists named by <paramref name="labels"/> (a line "Lookups (built-in): a b" and "Lookups (dynamic): c"
    /// both feed "Lookups"). A label seen with nothing after it is an empty list (known: none).
    /// </summary>
    public static Dictionary<string, IReadOnlyList<string>> Read(string text, IReadOnlyList<string> labels)
    {
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        int n = 0;
        foreach (var raw in TextLines.Split(text ?? ""))
        {
            if (++n > Words.MaxLines) break;
            if (raw.Length > 4000) { current = null; continue; }
            // Continuation lines start with blanks (sendmail's "Compiled with:" wraps).
            if (current is not null && raw.Length > 0 && raw[0] is ' ' or '\t' && !raw.Contains(':'))
            {
                current.AddRange(Words.Of(raw));
                continue;
            }
            current = null;
            var line = raw.Trim();
            foreach (var label in labels)
            {
                if (!line.StartsWith(label, StringComparison.Ordinal)) continue;
                int colon = line.IndexOf(':', label.Length);
                // "Lookups (built-in):" / "Hints DB:" — only a parenthesised qualifier may sit between label and colon.
                if (colon < 0 || (colon > label.Length && line[label.Length..colon].Trim() is var mid && !(mid.StartsWith('(') && mid.EndsWith(')')))) continue;
                if (!lists.TryGetValue(label, out current)) lists[label] = current = new List<string>();
                current.AddRange(Words.Of(line[(colon + 1)..]));
                break;
            }
        }
        return lists.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
    }
}
