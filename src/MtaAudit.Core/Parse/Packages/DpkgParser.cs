using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Parse.Packages;

/// <summary>
/// <c>pkg.dpkg</c>: the collector's <c>dpkg-query -W -f='${Package} ${Version} ${db:Status-Abbrev}\n'</c>
/// lines, and <c>dpkg -l</c> tables (with or without the Architecture column, also as cut by
/// <c>| grep</c>). Only packages whose files are installed and configured are kept: the status
/// letter (second of the abbreviation) is <c>i</c>, or a trigger state <c>W</c>/<c>t</c> that dpkg
/// itself counts as installed. <c>rc</c> (removed, configuration left), <c>un</c>, and the broken
/// half-states (<c>U</c>, <c>F</c>, <c>H</c>) are not installed packages; the binaries probe still
/// shows any file left on disk.
/// </summary>
public sealed partial class DpkgParser : IProbeParser
{
    public const string Probe = "pkg.dpkg";
    public IReadOnlyList<string> Probes { get; } = [Probe];

    public void Apply(EvidenceSection section, HostFacts facts) => facts.Packages.AddRange(Parse(section.Text));

    // desired (u i h r p), status (n c H U F W t i), error (space or R, often dropped by grep/trim).
    [GeneratedRegex(@"^[uihrpUIHRP][ncHUFWti][ R]?$")]
    private static partial Regex StatusAbbrev();

    // dpkg architecture names; used only when no table header says whether the column exists.
    [GeneratedRegex(@"^(all|any|amd64|i386|i686|armhf|armel|arm64|arm|mips|mipsel|mips64el|mips64r6el|ppc64el|ppc64|powerpc|powerpcspe|s390|s390x|sparc|sparc64|riscv64|loong64|alpha|hppa|ia64|m68k|sh4|x32|hurd-i386|hurd-amd64|kfreebsd-amd64|kfreebsd-i386)$")]
    private static partial Regex Architecture();

    public static List<InstalledPackage> Parse(string text)
    {
        var list = new List<InstalledPackage>();
        bool? tableHasArch = null;
        int n = 0;
        foreach (var line in TextLines.Split(text))
        {
            if (++n > Words.MaxLines) break;
            var w = Words.Of(line);
            if (w.Length < 2) continue;

            // The dpkg -l header tells whether an Architecture column follows Version.
            if (w[0] == "||/" && w.Length >= 3)
            {
                tableHasArch = Array.IndexOf(w, "Architecture") > 0;
                continue;
            }

            if (StatusAbbrev().IsMatch(w[0]) && w.Length >= 3)
                AddTableRow(list, w, line, tableHasArch);
            else if (StatusAbbrev().IsMatch(w[^1]) && w.Length is 2 or 3)
                AddQueryLine(list, w, line);
        }
        return list;
    }

    // "ii  postfix  3.7.11-0+deb12u1  amd64  High-performance mail transport agent"
    private static void AddTableRow(List<InstalledPackage> list, string[] w, string line, bool? tableHasArch)
    {
        if (!IsInstalled(w[0])) return;
        var (name, qualifier) = SplitArchQualifier(w[1]);
        if (!LooksLikeName(name)) return;
        string version = w[2];
        string? arch = qualifier;
        bool archColumn = tableHasArch ?? (w.Length >= 4 && Architecture().IsMatch(w[3]));
        if (archColumn && w.Length >= 4) arch = w[3];
        list.Add(new InstalledPackage("dpkg", name, version, arch, Words.Evidence(Probe, line)));
    }

    // "postfix 3.7.11-0+deb12u1 ii " ; "libidn2-0-dev  un " (no version: never installed)
    private static void AddQueryLine(List<InstalledPackage> list, string[] w, string line)
    {
        if (w.Length != 3 || !IsInstalled(w[^1])) return;
        var (name, arch) = SplitArchQualifier(w[0]);
        if (!LooksLikeName(name)) return;
        list.Add(new InstalledPackage("dpkg", name, w[1], arch, Words.Evidence(Probe, line)));
    }

    private static bool IsInstalled(string abbrev) => abbrev.Length >= 2 && abbrev[1] is 'i' or 'W' or 't';

    // Multiarch listings print "libc6:amd64".
    private static (string Name, string? Arch) SplitArchQualifier(string word)
    {
        int c = word.IndexOf(':');
        return c > 0 && c < word.Length - 1 ? (word[..c], word[(c + 1)..]) : (word, null);
    }

    // Debian policy: lower case letters, digits, + - . ; starting with an alphanumeric.
    private static bool LooksLikeName(string s) =>
        s.Length is >= 2 and <= 200 && char.IsAsciiLetterOrDigit(s[0]) &&
        s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '+' or '-' or '.');
}
