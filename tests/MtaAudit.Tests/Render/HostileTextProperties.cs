using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MtaAudit.Assess;
using MtaAudit.Facts;
using MtaAudit.Render;

namespace MtaAudit.Tests.Render;

/// <summary>
/// Target text with odd characters (control, bidi, zero-width, line and paragraph separators, lone surrogates,
/// formula starts) in every field of a host: terminals and text reports get none of them, spreadsheet cells never
/// start as a formula once cleaned and trimmed, JSON and the HTML page escape them (\u202e) instead of writing them raw.
/// </summary>
public class HostileTextProperties
{
    /// <summary>What an adversarial target would send, mixed with plain text.</summary>
    private static readonly string[] Odd =
    [
        "\u0001", "\u001b[31m", "\u0007", "\u0000", "\u007f", "\u0085", "\u061c", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f",
        "\u2028", "\u2029", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2060", "\u2066", "\u2067", "\u2068", "\u2069",
        "\ufeff", "\u00ad", "\ud800", "\udc00", "\U000e0041", "\U0001d173", "\t", "\r", "\n", " ", "\u00a0", "\u3000",
        "=", "+", "-", "@", "\uff1d", "=HYPERLINK(\"http://x\")", "a", "postfix", "3.7.11", "사용", "<b>", "\"",
    ];

    private static Gen<string> OddText =>
        from parts in Gen.ArrayOf(Gen.Elements(Odd))
        from extra in ArbMap.Default.GeneratorFor<string>()
        select string.Concat(parts) + (extra ?? "");

    /// <summary>Characters nobody should see raw: Cc but tab and line feed, Cf, Zl, Zp, and lone surrogates.</summary>
    private static bool Bad(string s, bool allowBreaks)
    {
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (allowBreaks && c is '\n' or '\r') continue;
            if (c == '\t') continue;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(s, i) == UnicodeCategory.Format) return true;
                i++;
                continue;
            }
            if (char.IsSurrogate(c) || char.IsControl(c)) return true;
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator) return true;
        }
        return false;
    }

    [Property(MaxTest = 1000)]
    public Property Terminal_text_has_no_control_format_or_separator_characters() =>
        Prop.ForAll(OddText.ToArbitrary(), s => !Bad(TerminalText.Clean(s), allowBreaks: false));

    [Property(MaxTest = 1000)]
    public Property A_cleaned_cell_never_starts_a_formula_after_what_a_spreadsheet_strips() =>
        Prop.ForAll(OddText.ToArbitrary(), s =>
        {
            var cell = CellText.Safe(s);
            if (cell.Length == 0 || cell == "-" || cell[0] == '\'') return !Bad(cell, allowBreaks: true);
            if (cell[0] is '\t' or '\r' or '\n') return false;
            var trimmed = cell.TrimStart();
            return !(trimmed.Length > 0 && trimmed[0] is '=' or '+' or '-' or '@' or '\uff1d' or '\uff0b' or '\uff0d' or '\uff20') && !Bad(cell, allowBreaks: true);
        });

    [Theory]
    [InlineData("\u0001=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("\n=1+1")]
    [InlineData("\u202e\u200b@SUM(1)")]
    [InlineData(" \u3000-2+3")]
    [InlineData("\t=1")]
    public void Formulas_behind_control_characters_or_white_space_get_the_apostrophe(string s) =>
        Assert.StartsWith("'", CellText.Safe(s));

    private static (HostReport, HostContext) HostWith(string x)
    {
        var cve = new CveRef("CVE-2023-51764", "3.8.5" + x, "MEDIUM", 5.3, false, null, "fixed in " + x);
        var m = new MtaFinding("postfix", "3.7.11" + x, x + "3.7.11", new PackageRef("dpkg", x + "postfix", "3.7.11-0" + x), true, true, Verdict.Vulnerable,
            [Glossary.Say("reason.version-from-package", ("name", x), ("version", x))], [cve], [Glossary.Say("fix.update-package", ("package", x))],
            ["proc.list"], ["proc.list: 1 0 root /usr/lib/postfix/sbin/master " + x], "/usr/sbin/" + x + "postfix", "high");
        var host = new HostReport(x + "host" + x, new OsInfo(OsFamily.Linux, x + "Debian" + x, "12" + x, "debian"), Verdict.Vulnerable, true,
            [m], [Glossary.Same(x)], [Glossary.Same("error " + x)], "evil" + x + ".evidence", "2026-11-28T05:29:44Z");
        return (host, new HostContext("user" + x, ["10.0.0.1" + x]));
    }

    /// <summary>The report as text, without the byte order mark CSV starts with (for Excel): the sink's own, not the target's.</summary>
    private static string Render(string format, string x) =>
        Encoding.UTF8.GetString(ReportSamples.Render(format, [HostWith(x)], ReportSamples.Meta(Lang.En))).TrimStart('\ufeff');

    [Property(MaxTest = 60)]
    public Property Text_and_csv_reports_show_no_odd_character_raw() =>
        Prop.ForAll(OddText.ToArbitrary(), x =>
            !Bad(Render("text", x), allowBreaks: true) && !Bad(Render("csv", x), allowBreaks: true));

    [Property(MaxTest = 60)]
    public Property Json_and_html_escape_odd_characters_and_json_keeps_them() =>
        Prop.ForAll(OddText.ToArbitrary(), x =>
        {
            var json = Render("json", x);
            var html = Render("html", x);
            if (Bad(json, allowBreaks: true) || Bad(html, allowBreaks: true)) return false;
            // Escaped, not lost: the value comes back as the target sent it (lone surrogates excepted: UTF-16 has no text for them).
            var host = JsonDocument.Parse(json).RootElement.GetProperty("hosts")[0].GetProperty("host").GetString();
            return x.Any(char.IsSurrogate) || host == x + "host" + x;
        });

    [Fact]
    public void Json_writes_a_right_to_left_override_as_an_escape()
    {
        var json = Render("json", "\u202e");
        Assert.Contains("\\u202e", json);
        Assert.DoesNotContain("\u202e", json);
    }
}
