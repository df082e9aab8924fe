using System.Text;

namespace MtaAudit.Render;

/// <summary>
/// Text for a spreadsheet cell: control characters (ANSI escapes, NUL, bidi overrides) removed,
/// line breaks kept, and a cell that a spreadsheet would run as a formula (one starting with
/// = + - @, a tab or a carriage return) prefixed with an apostrophe, so it stays text (OWASP's
/// CSV injection advice).
/// </summary>
public static class CellText
{
    /// <summary>Excel refuses a cell longer than this.</summary>
    public const int MaxLength = 32_000;

    public static string Safe(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        // The reports' own "none" mark: a lone minus runs nothing, and "'-" would read as a typo.
        if (s == "-") return s;
        bool formula = s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';
        var sb = new StringBuilder(s.Length + 1);
        if (formula) sb.Append('\'');
        foreach (var line in s.Split('\n'))
        {
            if (sb.Length > (formula ? 1 : 0)) sb.Append('\n');
            sb.Append(TerminalText.Clean(line));
        }
        if (sb.Length > MaxLength) { sb.Length = MaxLength - 1; sb.Append('…'); }
        return sb.ToString();
    }
}
