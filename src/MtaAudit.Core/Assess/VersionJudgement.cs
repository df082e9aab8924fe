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
            return new(Verdict.Manual, [new($"the knowledge base has no release data for {mta}", $"지식 베이스에 {mta} 릴리스 정보가 없음")], [], null);

        var cves = Cves(mta, v, kb, facts);
        var counting = cves.Where(c => c.Counts).ToList();

        if (v > newest)
            return new(Verdict.Manual, Lead(new(
                $"{v} is newer than the newest release the knowledge base knows ({newest}, data to {kb.DataRunsTo}); update the knowledge base",
                $"{v}은(는) 지식 베이스({kb.DataRunsTo}까지의 정보)가 아는 최신 릴리스 {newest}보다 새 버전임; 지식 베이스 갱신 필요"), cves), cves, null);

        if (policy == Policy.UpstreamLatest)
        {
            if (v >= newest)
                return new(Verdict.Good, Lead(new($"{v} is the newest upstream release ({newest})", $"{v}은(는) 최신 업스트림 릴리스({newest})임"), cves), cves, null);
            return new(Verdict.Vulnerable, Lead(new(
                $"{v} is older than the newest upstream release {newest}",
                $"{v}은(는) 최신 업스트림 릴리스 {newest}보다 낮은 버전임"), cves), cves, newest.Text);
        }

        var branch = kb.BranchOf(mta, v);
        if (branch is not null && branch.Supported && UpstreamVersion.TryParse(branch.LatestPatch, out var latestPatch))
        {
            if (v >= latestPatch && counting.Count == 0)
                return new(Verdict.Good, Lead(new(
                    $"{v} is the newest patch ({branch.LatestPatch}) of the supported {branch.Branch} series",
                    $"{v}은(는) 지원 중인 {branch.Branch} 계열의 최신 패치({branch.LatestPatch})임"), cves), cves, null);
            if (v >= latestPatch)
                return new(Verdict.Vulnerable, Lead(new(
                    $"{v} is the newest patch of its series, but the knowledge base names fixes beyond it",
                    $"{v}은(는) 해당 계열의 최신 패치이나 지식 베이스에 그 이후의 수정이 있음"), cves), cves, null);
            return new(Verdict.Vulnerable, Lead(new(
                $"{v} is older than {branch.LatestPatch}, the newest patch of the supported {branch.Branch} series",
                $"{v}은(는) 지원 중인 {branch.Branch} 계열의 최신 패치 {branch.LatestPatch}보다 낮은 버전임"), cves), cves, branch.LatestPatch);
        }

        var series = branch?.Branch ?? v.Branch;
        return new(Verdict.Vulnerable, Lead(new(
            $"the {series} series is no longer supported upstream (newest release: {newest})",
            $"{series} 계열은 업스트림 지원이 종료됨 (최신 릴리스: {newest})"), cves), cves, newest.Text);
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
            yield return new(
                $"{counting.Count} known vulnerabilities apply to this version{(kev > 0 ? $" ({kev} actively exploited per CISA KEV)" : "")}: {ids}",
                $"이 버전에 해당하는 알려진 취약점 {counting.Count}건{(kev > 0 ? $" (CISA KEV 실제 악용 {kev}건)" : "")}: {ids}");
        }
        foreach (var c in cves.Where(c => c.NoUpstreamFix && !c.NotApplicable))
            yield return new(
                $"{c.Id} has no upstream fix (no release cures it){(c.Applicability is null ? "" : "; " + c.Applicability)}; mitigation: {c.Mitigation ?? "see the advisory"}",
                $"{c.Id}은(는) 업스트림 수정이 없음 (릴리스로 해결 불가){(c.Applicability is null ? "" : "; " + c.Applicability)}; 완화 방법: {c.Mitigation ?? "권고문 참조"}");
        foreach (var c in cves.Where(c => c.NotApplicable))
            yield return new($"{c.Id}: {c.Applicability}", $"{c.Id}: 해당 없음 — {c.Applicability}");
    }
}
