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
/// Only a line that says the CVE is fixed counts; a line that takes it back ("however", "revert",
/// "rolled back", "will be addressed in a later upload", "remains open", "incomplete") clears it, and a later
/// entry's take-back wins over an older fix. A CVE fixed by several entries counts from the OLDEST of them
/// since the last take-back (when the fix came in; later entries only mention it again). The package is the section's <c>package=</c> attribute, else the
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

    // Words that take a CVE back: negations, "however", tracker states, reverts and roll-backs, deferrals
    // ("will be addressed in a later upload", "remains open"), incomplete or partial fixes, a patch that broke
    // something. Hyphen-joined words are names, not prose ("77_01-string.c-do-not-interpret-…-CVE-2019-15846.patch").
    [GeneratedRegex(@"(?<![\w-])(not|no|never|however|but|won'?t|wontfix|no-dsa|ignored?|postponed|revert(s|ed|ing)?|roll(s|ed|ing)?[ -]?back|rollback|back(s|ed|ing)? out|undo(es|ne)?|incomplete|partial(ly)?|still|unfixed|pending|disputed|rejected|yet|later|defer(s|red)?|will|remains?|remaining|open|future|todo|broke|breaks|broken)(?![\w-])|n't(?![\w-])", RegexOptions.IgnoreCase)]
    private static partial Regex Negated();

    // "Drop 77_….patch": a patch leaves the package. In an entry that also says the CVE is fixed (a new upstream
    // release that includes the fix) it is the fix moving upstream; alone, the fix is gone.
    [GeneratedRegex(@"(?<![\w-])(drop(s|ped|ping)?|remov(e|es|ed|ing) (the )?(patch|fix))(?![\w-])", RegexOptions.IgnoreCase)]
    private static partial Regex Dropped();

    // A fix in words: "Fix CVE-…", "fixes", "patch for", "security update/fix/release", "Resolves: CVE-…",
    // "Addresses CVE-…", "Closes: #…", "includes the fix", "backport", "prevent", "protect", "harden".
    [GeneratedRegex(@"(?<![\w-])(fix(es|ed|ing)?|patch(es|ed)?|security|resolves?|resolved|address(es|ed)?|closes?|includes?|backport(s|ed)?|cherry-pick(ed)?|prevents?|protects?|harden(s|ed|ing)?|mitigat(e|es|ed|ion))(?![\w-])", RegexOptions.IgnoreCase)]
    private static partial Regex FixWords();

    // The entry styles that name what an item fixes without a verb: "(CVE-…)", "[CVE-…]", a patch file named after
    // it (debian/patches/…CVE-….patch, 79_CVE-….diff), an item that starts with the id ("* CVE-…: …", "+CVE-… Possible
    // crash", "- CVE-…"), and the Debian tag at the end of an item ("… overflow. CVE-…", "CVE-… OVE-…", "Closes: #… CVE-…").
    [GeneratedRegex(@"[(\[]\s*CVE-\d{4}-\d{4,7}|CVE-\d{4}-\d{4,7}[^\s]*\.(patch|diff)\b|debian/patches/\S*CVE-|^\s*[-*+]?\s*CVE-\d{4}-\d{4,7}", RegexOptions.IgnoreCase)]
    private static partial Regex FixShape();

    // What may follow the last id of a tag-style line: other ids (OVE-…, EXIM-Security-…, (GCVE-…)), bug closures, punctuation.
    [GeneratedRegex(@"^(\s+|[A-Za-z][A-Za-z0-9]*-[\w.-]+|Closes:?|#\d+|[().,;:/\]\[])*$", RegexOptions.IgnoreCase)]
    private static partial Regex TagTail();

    [GeneratedRegex(@"CVE-\d{4}-\d{4,7}\)?,? (is|are) not (relevant|affected|applicable|vulnerable)|not (affected|vulnerable) (by|to) CVE-|CVE-\d{4}-\d{4,7}\)? (does|do) not (affect|apply)", RegexOptions.IgnoreCase)]
    private static partial Regex NotAffected();

    private enum Kind { Unknown, Debian, Rpm }

    /// <summary>What one line says of the CVEs it names.</summary>
    private enum Says { Nothing, Fix, Drop, TakeBack }

    /// <summary>
    /// Only a line that says the CVE is fixed counts as a fix; a line that negates, defers, drops, reverts or
    /// rolls it back takes it back; any other mention says nothing. A vendor's explicit "CVE-… is not relevant /
    /// does not affect this package" is its verdict for this package, which the vendor policy trusts as a fix.
    /// </summary>
    private static Says Read(string line, MatchCollection ids)
    {
        if (NotAffected().IsMatch(line)) return Says.Fix;
        if (Negated().IsMatch(line)) return Says.TakeBack;
        if (Dropped().IsMatch(line)) return Says.Drop;
        if (line.Contains("regression", StringComparison.OrdinalIgnoreCase)) return Says.Nothing; // a fix of the fix: no new word on the CVE
        if (FixWords().IsMatch(line) || FixShape().IsMatch(line)) return Says.Fix;
        var last = ids[^1];
        return TagTail().IsMatch(line[(last.Index + last.Length)..]) ? Says.Fix : Says.Nothing;
    }

    /// <summary>One statement on a CVE: the entry it is in (0 = the newest), what it says, the fix it would be.</summary>
    private readonly record struct Statement(int Entry, Says Says, ChangelogFix Fix, int Line, Kind Kind);

    /// <summary>
    /// The CVE ids the changelog says are fixed. Entries are newest first; per CVE, the statements are read from
    /// the oldest entry on: a take-back clears the fix (a later entry's revert wins over an older fix), and the
    /// fix kept is the oldest one since the last take-back (when the fix came in; later entries only mention it
    /// again). Within one entry a take-back wins, and a dropped patch is a take-back unless the same entry says
    /// the CVE is fixed (the fix came with a new upstream release).
    /// </summary>
    public static List<ChangelogFix> Parse(string text, string? package = null)
    {
        var said = new Dictionary<(string, string), List<Statement>>();
        var order = new List<(string, string)>();
        string? entryPackage = package, entryVersion = null;
        var kind = Kind.Unknown;
        int n = 0, entry = -1;
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
                entry++;
                continue;
            }
            var rpm = line.StartsWith('*') ? RpmHeader().Match(line) : Match.Empty;
            if (rpm.Success)
            {
                kind = Kind.Rpm;
                entryVersion = RpmHeaderVersion(rpm.Groups[1].Value);
                entry++;
                continue;
            }
            if (entryPackage is null) continue;
            // Most lines of an entry name no CVE: nothing to take back or keep (CveId needs "CVE-").
            if (!HasCvePrefix(line)) continue;
            var ids = CveId().Matches(line);
            if (ids.Count == 0) continue;
            var says = Read(line, ids);
            if (says == Says.Nothing) continue;
            foreach (Match m in ids)
            {
                var key = (entryPackage, $"CVE-{m.Groups[1].Value}-{m.Groups[2].Value}");
                if (!said.TryGetValue(key, out var list))
                {
                    said[key] = list = [];
                    order.Add(key);
                }
                list.Add(new Statement(entry, says, new ChangelogFix(entryPackage, key.Item2, entryVersion, Words.Evidence(Probe, line)), n, kind));
            }
        }
        var fixes = new List<ChangelogFix>();
        foreach (var key in order)
            if (Kept(said[key]) is { } fix) fixes.Add(fix);
        return fixes;
    }

    private static ChangelogFix? Kept(List<Statement> statements)
    {
        Statement? kept = null;
        // Oldest entry first (the highest index); within an entry, what the entry as a whole says.
        foreach (var group in statements.GroupBy(s => s.Entry).OrderByDescending(g => g.Key))
        {
            bool takeBack = group.Any(s => s.Says == Says.TakeBack);
            bool fix = group.Any(s => s.Says == Says.Fix);
            bool drop = group.Any(s => s.Says == Says.Drop);
            if (takeBack || (drop && !fix)) { kept = null; continue; }
            var first = group.First(s => s.Says == Says.Fix);
            if (kept is not { } k || IsOlder(first.Fix.FixedInVersion, first.Line, first.Kind, k.Fix.FixedInVersion, k.Line, k.Kind)) kept = first;
        }
        return kept?.Fix;
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
