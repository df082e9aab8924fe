using System.Text;

namespace MtaAudit.Render;

/// <summary>
/// Text for a spreadsheet cell: control and invisible format characters (ANSI escapes, NUL, bidi overrides,
/// zero-width ones) removed, line breaks kept, and a cell that a spreadsheet would run as a formula prefixed
/// with an apostrophe, so it stays text (OWASP's CSV injection advice). The test is made on the cleaned text,
/// past the white space a spreadsheet trims: "\u0001=HYPERLINK(…)" and "\n =…" are formulas once cleaned and
/// trimmed, so they get the apostrophe too; so does a cell that starts with a tab, CR or LF.
/// </summary>
public static class CellText
{
    /// <summary>Excel refuses a cell longer than this.</summary>
    public const int MaxLength = 32_000;

    public static string Safe(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length + 1);
        foreach (var line in s.Split('\n')) sb.Append(TerminalText.Clean(line)).Append('\n');
        sb.Length--; // the last line's break
        var cell = sb.ToString();
        // The reports' own "none" mark: a lone minus runs nothing, and "'-" would read as a typo.
        if (cell == "-") return cell;
        if (RunsAsFormula(cell)) cell = "'" + cell;
        if (cell.Length > MaxLength) cell = cell[..(MaxLength - 1)] + "…";
        return cell;
    }

    /// <summary>Starts with white space a spreadsheet reads as a formula's start (tab, CR, LF), or with = + - @ (or their full-width forms) after the white space it trims.</summary>
    private static bool RunsAsFormula(string cell)
    {
        if (cell.Length == 0) return false;
        if (cell[0] is '\t' or '\r' or '\n') return true;
        var first = cell.AsSpan().TrimStart();
        return first.Length > 0 && first[0] is '=' or '+' or '-' or '@' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';
    }
}
