using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Parse.Packages;
using MtaAudit.Versions;

namespace MtaAudit.Parse.Vendor;

/// <summary>
/// <c>pkg.changelog</c>: the CVE ids a vendor changelog says were fixed, each with the version of the
/// entry that names it. The collector prints each entry header that has CVE lines, then those lines:
/// Debian "exim4 (4.96-15+deb12u8) bookworm; urgency=medium", RPM "* Tue Jan 01 2024 Name &lt;mail&gt; - 2:3.5.8-8".
/// Backports keep the old upstream version, so this, not the version number, says what is fixed.
/// A line that takes it back ("however", "not affected", "revert", "partial") counts as no fix.
/// A CVE named by several entries counts from the OLDEST of them (when the fix came in; later
/// entries only mention it again). The package is the section's <c>package=</c> attribute, else the
/// Debian header's source name.
/// </summary>
public sealed partial class ChangelogParser : IProbeParser
{
    public const string Probe = "pkg.changelog";
    public IReadOnlyList<string> Probes { get; } = [Probe];

    public void Apply(EvidenceSection section, HostFacts facts)
    {
        section.Attributes.TryGetValue("package", out var package);
        var fixes = Parse(section.Text, package);
        if (fixes.Count == 0) return;
        // One set of what is kept, not a scan of the list per fix (a changelog names hundreds of CVEs).
        var have = new HashSet<(string, string)>();
        foreach (var f in facts.ChangelogFixes) have.Add((f.Package, f.CveId));
        foreach (var fix in fixes)
            if (have.Add((fix.Package, fix.CveId))) facts.ChangelogFixes.Add(fix);
    }

    [GeneratedRegex(@"^([a-z0-9][a-z0-9+.-]*) \(([^()\s]+)\)[^;]*;.*urgency=", RegexOptions.IgnoreCase)]
    private static partial Regex DebianHeader();

    // "* Tue Jan 01 2024 Name <mail> - 2:3.5.8-8": the date, then whoever, then the version last.
    [GeneratedRegex(@"^\* ?[A-Z][a-z]{2} +[A-Z][a-z]{2} +\d{1,2} +\d{4}\b(.*)$")]
    private static partial Regex RpmHeader();

    [GeneratedRegex(@"^(\d+:)?\d[0-9A-Za-z._+~^:-]*$")]
    private static partial Regex VersionShape();

    [GeneratedRegex(@"CVE-(\d{4})-(\d{4,7})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex CveId();

    // Words that take a CVE line back: negations, "however", not-affected and tracker states, reverts,
    // partial or incomplete fixes. Any of them and the line fixes nothing (the CVE stays unknown: MANUAL).
    // Hyphen-joined words are names, not prose ("77_01-string.c-do-not-interpret-…-CVE-2019-15846.patch").
    [GeneratedRegex(@"(?<![\w-])(not|no|never|however|but|won'?t|wontfix|no-dsa|ignored?|postponed|revert(s|ed|ing)?|regression|incomplete|partial(ly)?|still|unfixed|pending|disputed|rejected)(?![\w-])|n't(?![\w-])", RegexOptions.IgnoreCase)]
    private static partial Regex Negated();

    [GeneratedRegex(@"CVE-\d{4}-\d{4,7}\)?,? (is|are) not (relevant|affected|applicable|vulnerable)|not (affected|vulnerable) (by|to) CVE-|CVE-\d{4}-\d{4,7}\)? (does|do) not (affect|apply)", RegexOptions.IgnoreCase)]
    private static partial Regex NotAffected();

    private enum Kind { Unknown, Debian, Rpm }

    public static List<ChangelogFix> Parse(string text, string? package = null)
    {
        // (package, CVE) -> the fix kept so far, with its line order (later in the file = older entry).
        var kept = new Dictionary<(string, string), (ChangelogFix Fix, int Order, Kind Kind)>();
        var order = new List<(string, string)>();
        string? entryPackage = package, entryVersion = null;
        var kind = Kind.Unknown;
        int n = 0;
        foreach (var line in TextLines.Split(text ?? ""))
        {
            if (++n > Words.MaxLines) break;
            if (line.Length > 4000) continue;
            // Cheap tests first (most lines are CVE lines): a Debian header holds ';' and " (", an RPM header starts with '*'.
            var deb = line.Contains(';') && line.Contains(" (", StringComparison.Ordinal) ? DebianHeader().Match(line) : Match.Empty;
            if (deb.Success)
            {
                kind = Kind.Debian;
                entryPackage = package ?? deb.Groups[1].Value;
                entryVersion = deb.Groups[2].Value;
                continue;
            }
            var rpm = line.StartsWith('*') ? RpmHeader().Match(line) : Match.Empty;
            if (rpm.Success)
            {
                kind = Kind.Rpm;
                entryVersion = RpmHeaderVersion(rpm.Groups[1].Value);
                continue;
            }
            if (entryPackage is null) continue;
            // Most lines of an entry name no CVE: nothing to take back or keep (CveId needs "CVE-").
            if (!HasCvePrefix(line)) continue;
            // WHY: a line that mentions a CVE is not a fix of it: "however CVE-… remains", "not affected by
            // CVE-…", "revert the fix for CVE-…". Only a line that says nothing against it counts.
            // A vendor's explicit "CVE-… is not relevant / does not affect this package" is its verdict
            // on the CVE for this package, which the vendor policy trusts as it trusts a fix.
            if (Negated().IsMatch(line) && !NotAffected().IsMatch(line)) continue;
            foreach (Match m in CveId().Matches(line))
            {
                var id = $"CVE-{m.Groups[1].Value}-{m.Groups[2].Value}";
                var key = (entryPackage, id);
                var fix = new ChangelogFix(entryPackage, id, entryVersion, Words.Evidence(Probe, line));
                if (kept.TryGetValue(key, out var old))
                {
                    if (IsOlder(fix.FixedInVersion, n, kind, old.Fix.FixedInVersion, old.Order, old.Kind))
                        kept[key] = (fix, n, kind);
                }
                else
                {
                    kept[key] = (fix, n, kind);
                    order.Add(key);
                }
            }
        }
        return order.Select(k => kept[k].Fix).ToList();
    }

    /// <summary>
    /// line.Contains("CVE-", StringComparison.OrdinalIgnoreCase), by each '-' and the three letters before it:
    /// no other character upper-cases to C, V or E, so ASCII folding (c | 0x20) is exact, and cheaper.
    /// </summary>
    private static bool HasCvePrefix(string line)
    {
        for (int i = line.IndexOf('-'); i >= 0; i = line.IndexOf('-', i + 1))
            if (i >= 3 && (line[i - 3] | 0x20) == 'c' && (line[i - 2] | 0x20) == 'v' && (line[i - 1] | 0x20) == 'e')
                return true;
        return false;
    }

    /// <summary>The version at the end of an RPM header's tail: "Name &lt;mail&gt; - 2:3.5.8-8" -> "2:3.5.8-8".</summary>
    private static string? RpmHeaderVersion(string tail)
    {
        int gt = tail.LastIndexOf('>');
        var rest = (gt >= 0 ? tail[(gt + 1)..] : tail).Trim();
        if (rest.StartsWith('-')) rest = rest[1..].Trim();
        var w = Words.Of(rest);
        if (w.Length == 0) return null;
        var v = w[^1].TrimEnd(':', ',');
        if (v.StartsWith('[')) v = v.Trim('[', ']');
        return VersionShape().IsMatch(v) && (v.Contains('.') || v.Contains('-')) ? v : null;
    }

    // By version when both read as versions of the same kind; else by position (changelogs list newest first).
    private static bool IsOlder(string? v, int order, Kind kind, string? oldV, int oldOrder, Kind oldKind)
    {
        if (v is not null && oldV is not null && kind == oldKind)
        {
            if (kind == Kind.Debian && DebianVersion.TryParse(v, out var a) && DebianVersion.TryParse(oldV, out var b))
            {
                int c = DebianVersion.Compare(a, b);
                if (c != 0) return c < 0;
            }
            if (kind == Kind.Rpm && RpmVersion.TryParse(v, out var ra) && RpmVersion.TryParse(oldV, out var rb))
            {
                int c = RpmVersion.Compare(ra, rb);
                if (c != 0) return c < 0;
            }
        }
        if (v is null && oldV is not null) return false;
        if (v is not null && oldV is null) return true;
        return order > oldOrder;
    }
}
