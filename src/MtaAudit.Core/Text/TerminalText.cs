using System.Text;

namespace MtaAudit;

/// <summary>
/// Text from targets is hostile: strip control characters (ANSI escapes, BEL, backspace,
/// bidi overrides) before anything reaches a terminal or a plain-text report.
/// </summary>
public static class TerminalText
{
    public static string Clean(string? s)
    {
        if (string.IsNullOrEmpty(s)) return s ?? "";
        StringBuilder? sb = null;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool bad = (char.IsControl(c) && c != '\t') || IsBidiControl(c);
            if (bad)
            {
                sb ??= new StringBuilder(s, 0, i, s.Length);
                if (c == '\n' || c == '\r') sb.Append(' ');
                continue;
            }
            sb?.Append(c);
        }
        return sb?.ToString() ?? s;
    }

    private static bool IsBidiControl(char c) =>
        c is '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069' or '\u200E' or '\u200F';
}
