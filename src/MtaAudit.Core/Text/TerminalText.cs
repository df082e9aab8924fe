using System.Globalization;
using System.Text;

namespace MtaAudit;

/// <summary>
/// Text from targets is hostile: strip control characters (ANSI escapes, BEL, backspace), bidi controls and
/// every other invisible format character (Unicode Cf: U+061C, U+200B–U+200F, U+202A–U+202E, U+2066–U+2069,
/// U+FEFF, tags…), line and paragraph separators and lone surrogates before anything reaches a terminal or a
/// plain-text report. Line breaks (also U+2028, U+2029, U+0085) become a space.
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
            if (c is >= ' ' and < '\u007F' or '\t') { sb?.Append(c); continue; }
            int width = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
            bool bad = char.IsControl(c) || (width == 1 && char.IsSurrogate(c)) || IsInvisible(CharUnicodeInfo.GetUnicodeCategory(s, i));
            if (bad)
            {
                sb ??= new StringBuilder(s, 0, i, s.Length);
                if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029') sb.Append(' ');
                i += width - 1;
                continue;
            }
            sb?.Append(s, i, width);
            i += width - 1;
        }
        return sb?.ToString() ?? s;
    }

    /// <summary>Format characters (bidi controls, zero-width and invisible ones) and line/paragraph separators: nothing a reader sees.</summary>
    public static bool IsInvisible(UnicodeCategory c) =>
        c is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>The same for one scalar value (the JSON encoder's test).</summary>
    public static bool IsInvisible(int scalar) =>
        scalar >= 0x80 && Rune.IsValid(scalar) && IsInvisible(Rune.GetUnicodeCategory(new Rune(scalar)));
}
