using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Parse.Packages;

/// <summary>
/// <c>pkg.hpux</c>: <c>swlist -l product</c>. Rows are "  Product   Revision   Description"
/// (indented, whitespace separated); lines starting with '#' are swlist's own comments
/// ("# Initializing...", "# Target: host:/"). No real HP-UX swlist capture was available when
/// this was written, so this follows the documented layout only: a row needs a product tag
/// and a revision that contains a digit (B.11.31, 8.13.3, A.01.00). Bundle rows in a plain
/// <c>swlist</c> look the same and are read the same way.
/// </summary>
public sealed class HpuxSwlistParser : IProbeParser
{
    public const string Probe = "pkg.hpux";
    public IReadOnlyList<string> Probes { get; } = [Probe];

    public void Apply(EvidenceSection section, HostFacts facts) => facts.Packages.AddRange(Parse(section.Text));

    public static List<InstalledPackage> Parse(string text)
    {
        var list = new List<InstalledPackage>();
        int n = 0;
        foreach (var line in TextLines.Split(text))
        {
            if (++n > Words.MaxLines) break;
            var t = line.TrimStart();
            if (t.Length == 0 || t.StartsWith('#')) continue;
            // swlist indents rows; an unindented line is a prompt, an error or something else.
            if (t.Length == line.Length) continue;
            var w = Words.Of(t);
            if (w.Length < 2) continue;
            string tag = w[0], revision = w[1];
            if (!IsTag(tag) || !revision.Any(char.IsAsciiDigit) || revision.Length > 64) continue;
            list.Add(new InstalledPackage("swlist", tag, revision, null, Words.Evidence(Probe, line)));
        }
        return list;
    }

    // SD tags: letters, digits, '_', '-', '+', '.', starting with a letter or digit.
    private static bool IsTag(string s) =>
        s.Length is >= 2 and <= 64 && char.IsAsciiLetterOrDigit(s[0]) &&
        s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+' or '.');
}
