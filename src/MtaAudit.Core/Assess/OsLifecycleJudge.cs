using System.Globalization;
using System.Text.RegularExpressions;
using MtaAudit.Facts;
using MtaAudit.Knowledge;
using MtaAudit.Versions;

namespace MtaAudit.Assess;

/// <summary>
/// Whether the host's OS release still gets security fixes on <c>today</c>.
/// <see cref="Supported"/>: true (standard support, a free extended program, or a paid one whose channel the
/// package sources show), false (end of life since <see cref="EndedOn"/>: no channel of a paid program is shown).
/// </summary>
/// <see cref="Certain"/>: false when a paid program is still open and the package sources that would show its
/// channel were not collected (end of life is then presumed, not shown).
/// <see cref="LevelUnknown"/>: the knowledge base has rows per release level (AIX technology levels) that disagree
/// on <c>today</c> and the host's level could not be read: support is unknown (never the first row's), and
/// <see cref="Supported"/> is true only so that nothing is presumed ended; a GOOD it could turn becomes MANUAL.
public sealed record OsSupport(OsLifecycleRecord? Record, bool Supported, DateOnly? EndedOn, string? Channel, Localized Reason, bool Certain = true,
    bool LevelUnknown = false);

/// <summary>
/// The OS lifecycle under the vendor policy: a vendor that no longer supports the release will ship no fix, so
/// its MTA package is judged against upstream instead, and the report says since when and what to do.
/// </summary>
public static partial class OsLifecycleJudge
{
    /// <summary>What the knowledge base (and os-release's SUPPORT_END) says of the host's OS on <paramref name="today"/>; null when neither knows the release.</summary>
    public static OsSupport? Of(HostFacts facts, KnowledgeBase kb, DateOnly today)
    {
        var record = RecordFor(facts.Os, kb);
        if (record is null && LevelRows(facts.Os, kb) is { Count: > 1 } levels)
        {
            // Each level's answer; when they all agree the level does not matter (the most cautious row is said).
            var answers = levels.Select(r => OfRecord(facts, r, kb, today)).ToList();
            if (answers.All(a => a is { Supported: true })) return answers.OrderBy(a => a!.Record!.StandardSupportEnd).First();
            if (answers.All(a => a is { Supported: false })) return answers.OrderByDescending(a => a!.EndedOn).First();
            var os = Glossary.Same(facts.Os.Name ?? $"{levels[0].Os} {facts.Os.Version}");
            return new(null, true, null, null, Glossary.Say("lifecycle.level-unknown", ("os", os), ("command", LevelCommand(facts.Os))),
                Certain: false, LevelUnknown: true);
        }
        return OfRecord(facts, record, kb, today);
    }

    /// <summary>The command that shows the release level the lifecycle rows are kept by.</summary>
    public static string LevelCommand(OsInfo os) => os.Distro == "aix" ? "oslevel -s" : "cat /etc/os-release";

    private static OsSupport? OfRecord(HostFacts facts, OsLifecycleRecord? record, KnowledgeBase kb, DateOnly today)
    {
        var standardEnd = record?.StandardSupportEnd ?? Day(facts.Os.SupportEnd);
        if (standardEnd is not { } end) return null;
        Localized label = record is null
            ? (facts.Os.Name ?? facts.Os.Distro) is { } n ? Glossary.Same(n) : Glossary.Say("lifecycle.the-os")
            : Glossary.Same($"{record.Os} {record.Release}");
        var source = record is null ? Glossary.Same("os-release SUPPORT_END") : Glossary.Say("lifecycle.source-kb");
        if (today <= end)
            return new(record, true, null, null, Glossary.Say("lifecycle.supported", ("os", label), ("end", Iso(end)), ("source", source)));

        var channels = facts.PackageSources.Where(s => s.Enabled && s.Channel is not null).ToList();
        var extended = record?.Extended ?? [];
        foreach (var x in extended.Where(x => !x.Paid && (x.End is null || today <= x.End)))
            return new(record, true, null, null, Glossary.Say("lifecycle.free-extended", ("os", label), ("end", Iso(end)), ("program", Short(x.Program)), ("until", Until(x.End))));
        foreach (var x in extended.Where(x => x.Paid && x.Channel is not null && (x.End is null || today <= x.End)))
        {
            var shown = channels.FirstOrDefault(s => s.Channel == x.Channel);
            if (shown is not null)
                return new(record, true, null, x.Channel, Glossary.Say("lifecycle.paid-extended", ("os", label), ("end", Iso(end)), ("program", Short(x.Program)), ("until", Until(x.End)), ("evidence", shown.Evidence)));
        }
        var paidOpen = extended.Where(x => x.Paid && (x.End is null || today <= x.End)).ToList();
        // End of life: the last day any free support ran.
        var endedOn = extended.Where(x => !x.Paid && x.End is not null).Select(x => x.End!.Value).Append(end).Max();
        var next = NextReleases(record, kb, today);
var remedy = next.Count > 0 ? Glossary.Say("lifecycle.upgrade-to", ("releases", string.Join(", ", next))) : Glossary.Say("lifecycle.upgrade");
        // A paid program counts only where the host shows its channel; without the package sources nothing shows it.
var paidNote = paidOpen.Count == 0 ? Glossary.Same("")
            : facts.Has("pkg.sources") ? Glossary.Say("lifecycle.no-paid-source", ("program", Short(paidOpen[0].Program)))
            : Glossary.Say("lifecycle.sources-not-collected", ("program", Short(paidOpen[0].Program)));
        return new(record, false, endedOn, null,
            Glossary.Say("lifecycle.ended", ("date", Iso(endedOn)), ("os", label), ("note", paidNote), ("remedy", remedy)),
            Certain: paidOpen.Count == 0 || facts.Has("pkg.sources"));
    }

    /// <summary>
    /// The vendor policy's answer on an end-of-life OS: upstream's (upstream-branch), with the end-of-life reason first.
    /// A GOOD from upstream becomes MANUAL: the package may be current, but nothing else on the OS gets fixes.
    /// </summary>
    public static VersionJudgement AgainstUpstream(HostFacts facts, string mta, UpstreamVersion? upstream, OsSupport eol, KnowledgeBase kb)
    {
        if (upstream is null)
            return new(Verdict.Manual, [eol.Reason, Glossary.Say("reason.version-unreadable")], [], null);
        var j = VersionJudge.Judge(mta, upstream, kb, Policy.UpstreamBranch, facts);
        var verdict = j.Verdict == Verdict.Good ? Verdict.Manual : j.Verdict;
        return j with { Verdict = verdict, Reasons = [eol.Reason, .. j.Reasons] };
    }

    /// <summary>The lifecycle record of the host's release: os-release ID and VERSION_ID, NAME where the ID is shared, AIX TL.</summary>
    public static OsLifecycleRecord? RecordFor(OsInfo os, KnowledgeBase kb)
    {
        if (os.Distro is not { } id || os.Version is not { } version) return null;
        var candidates = kb.OsLifecycle.Where(r => r.Id == id && VersionMatches(r.VersionId, version)).ToList();
        if (candidates.Count <= 1) return candidates.FirstOrDefault();
        var name = os.Name ?? "";
        var byName = ByName(candidates, name);
        if (byName.Count > 1 && byName.Any(r => r.TechnologyLevel is not null))
        {
            // Rows kept per technology level (AIX): the host's level picks its row; a level without a row of its
            // own falls to the release's generic row ("7.2 (TL5)"); an unreadable level picks none (see Of).
            if (Tl().Match(name) is not { Success: true } tl) return null;
            int level = int.Parse(tl.Groups[1].Value, CultureInfo.InvariantCulture);
            return byName.FirstOrDefault(r => r.TechnologyLevel is { } t && int.Parse(t, CultureInfo.InvariantCulture) == level)
                ?? byName.FirstOrDefault(r => r.TechnologyLevel is null);
        }
        return byName.FirstOrDefault();
    }

    // CentOS Linux and CentOS Stream share ID=centos: NAME tells them apart (a redhat-release line says neither).
    private static List<OsLifecycleRecord> ByName(List<OsLifecycleRecord> candidates, string name)
    {
        bool stream = name.Contains("Stream", StringComparison.OrdinalIgnoreCase);
        return candidates.Where(r => r.NameContains is null || r.NameContains.Contains("Stream", StringComparison.Ordinal) == stream).ToList();
    }

    /// <summary>The rows of the host's release kept per level, when its level cannot be read; else empty.</summary>
    private static List<OsLifecycleRecord> LevelRows(OsInfo os, KnowledgeBase kb)
    {
        if (os.Distro is not { } id || os.Version is not { } version || Tl().IsMatch(os.Name ?? "")) return [];
        var rows = ByName(kb.OsLifecycle.Where(r => r.Id == id && VersionMatches(r.VersionId, version)).ToList(), os.Name ?? "");
        return rows.Any(r => r.TechnologyLevel is not null) ? rows : [];
    }

    /// <summary>"7.x" and "11" match by major number ("7.9", "11"); "22.04", "15.7" exactly (or as a prefix of a longer VERSION_ID).</summary>
    public static bool VersionMatches(string? pattern, string version)
    {
        if (pattern is null) return false;
        var major = version.Split('.', '-')[0];
        if (pattern.EndsWith(".x", StringComparison.Ordinal)) return pattern[..^2] == major;
        if (!pattern.Contains('.')) return pattern == major;
        return version == pattern || version.StartsWith(pattern + ".", StringComparison.Ordinal);
    }

    /// <summary>Releases of the same OS still in standard support on <paramref name="today"/>, oldest first.</summary>
    private static List<string> NextReleases(OsLifecycleRecord? record, KnowledgeBase kb, DateOnly today) =>
        record is null ? [] : kb.OsLifecycle
            .Where(r => r.Os == record.Os && (r.StandardSupportEnd is { } e && e >= today
                        || r.Extended.Any(x => !x.Paid && x.End is { } xe && xe >= today)))
            .OrderBy(r => r.StandardSupportEnd)
            .Select(r => $"{r.Os} {r.Release}")
            .Take(3)
            .ToList();

    /// <summary>"Freexian Extended LTS (ELTS; funded by …)" → "Freexian Extended LTS": the name without the research's aside.</summary>
    private static string Short(string program) => program.IndexOf(" (", StringComparison.Ordinal) is > 0 and var i ? program[..i] : program;

    private static Localized Until(DateOnly? d) => d is { } x ? Glossary.Say("lifecycle.until", ("date", Iso(x))) : Glossary.Say("lifecycle.end-unknown");
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Day(string? s) =>
        s is not null && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    [GeneratedRegex(@"\bTL0*(\d+)")]
    private static partial Regex Tl();
}
