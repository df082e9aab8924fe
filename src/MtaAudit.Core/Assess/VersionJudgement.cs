using MtaAudit.Facts;
using MtaAudit.Knowledge;
using MtaAudit.Versions;

namespace MtaAudit.Assess;

/// <summary>What the knowledge base says of one upstream version under a policy.</summary>
public sealed record VersionJudgement(Verdict Verdict, IReadOnlyList<Localized> Reasons, IReadOnlyList<CveRef> Cves, string? Target);

/// <summary>
/// Judges an upstream version against the knowledge base. "Latest" per policy:
/// upstream-branch = at least the newest patch of a still-supported series;
/// upstream-latest = the newest release. Versions are compared number by number.
/// A vulnerability whose precondition the host's build facts show absent is listed, never counted; one that
/// no upstream release fixes never makes the newest release VULNERABLE by itself (it is named with its mitigation).
/// </summary>
public static class VersionJudge
{
    public static VersionJudgement Judge(string mta, UpstreamVersion v, KnowledgeBase kb, Policy policy, HostFacts? facts = null)
    {
        var k = kb.For(mta);
        if (k is null || !UpstreamVersion.TryParse(k.NewestRelease, out var newest))
            return new(Verdict.Manual, [Glossary.Say("version.no-kb", ("mta", mta))], [], null);

        var cves = Cves(mta, v, kb, facts);
        var counting = cves.Where(c => c.Counts).ToList();

        if (v > newest)
            return new(Verdict.Manual, Lead(Glossary.Say("version.newer-than-kb", ("v", v), ("newest", newest), ("date", kb.DataRunsTo)), cves), cves, null);

        if (policy == Policy.UpstreamLatest)
        {
            if (v >= newest)
                return new(Verdict.Good, Lead(Glossary.Say("version.newest-release", ("v", v), ("newest", newest)), cves), cves, null);
            return new(Verdict.Vulnerable, Lead(Glossary.Say("version.older-than-newest", ("v", v), ("newest", newest)), cves), cves, newest.Text);
        }

        var branch = kb.BranchOf(mta, v);
        if (branch is not null && branch.Supported && UpstreamVersion.TryParse(branch.LatestPatch, out var latestPatch))
        {
            if (v >= latestPatch && counting.Count == 0)
                return new(Verdict.Good, Lead(Glossary.Say("version.newest-patch", ("v", v), ("patch", branch.LatestPatch), ("branch", branch.Branch)), cves), cves, null);
            if (v >= latestPatch)
                return new(Verdict.Vulnerable, Lead(Glossary.Say("version.newest-patch-with-fixes", ("v", v)), cves), cves, null);
            return new(Verdict.Vulnerable, Lead(Glossary.Say("version.older-than-patch", ("v", v), ("patch", branch.LatestPatch), ("branch", branch.Branch)), cves), cves, branch.LatestPatch);
        }

        var series = branch?.Branch ?? v.Branch;
        return new(Verdict.Vulnerable, Lead(Glossary.Say("version.series-unsupported", ("series", series), ("newest", newest)), cves), cves, newest.Text);
    }

    /// <summary>The knowledge base's vulnerabilities of <paramref name="v"/>, each with what the host's build facts say of it.</summary>
    public static List<CveRef> Cves(string mta, UpstreamVersion v, KnowledgeBase kb, HostFacts? facts) =>
        kb.Affecting(mta, v)
            .Select(c => CveRef.Of(c, KnowledgeBase.FixedFor(c, v), CvePreconditions.Of(c, mta, facts)))
            .OrderBy(c => c.NotApplicable).ThenByDescending(c => c.Kev).ThenByDescending(c => c.Cvss ?? 0).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();

    private static List<Localized> Lead(Localized first, List<CveRef> cves) => [first, .. CveReasons(cves)];

    /// <summary>The vulnerabilities in words: those that count, those with no upstream fix (with mitigation), those not applicable (with why).</summary>
    public static IEnumerable<Localized> CveReasons(IReadOnlyList<CveRef> cves)
    {
        var counting = cves.Where(c => c.Counts).ToList();
        if (counting.Count > 0)
        {
            var kev = counting.Count(c => c.Kev);
            var ids = string.Join(", ", counting.Take(5).Select(c => c.Id)) + (counting.Count > 5 ? ", …" : "");
            yield return kev > 0
                ? Glossary.Say("version.cves-kev", ("n", counting.Count), ("kev", kev), ("ids", ids))
                : Glossary.Say("version.cves", ("n", counting.Count), ("ids", ids));
        }
        foreach (var c in cves.Where(c => c.NoUpstreamFix && !c.NotApplicable))
            yield return Glossary.Say("version.cve-no-fix", ("id", c.Id), ("applies", c.ApplicabilityWords is { } w ? Glossary.Join([Glossary.Same(""), w], "; ") : Glossary.Same("")),
                ("mitigation", c.Mitigation is null ? Glossary.Say("version.see-advisory") : Glossary.Say("kb.quote", ("text", c.Mitigation))));
        foreach (var c in cves.Where(c => c.NotApplicable))
            yield return Glossary.Say("version.cve-not-applicable", ("id", c.Id), ("why", c.ApplicabilityWords ?? Glossary.Same(c.Applicability ?? "")));
    }
}
