using MtaAudit.Knowledge;
using MtaAudit.Versions;

namespace MtaAudit.Assess;

/// <summary>What the knowledge base says of one upstream version under a policy.</summary>
public sealed record VersionJudgement(Verdict Verdict, IReadOnlyList<Localized> Reasons, IReadOnlyList<CveRef> Cves, string? Target);

/// <summary>
/// Judges an upstream version against the knowledge base. "Latest" per policy:
/// upstream-branch = at least the newest patch of a still-supported series;
/// upstream-latest = the newest release. Versions are compared number by number.
/// </summary>
public static class VersionJudge
{
    public static VersionJudgement Judge(string mta, UpstreamVersion v, KnowledgeBase kb, Policy policy)
    {
        var k = kb.For(mta);
        if (k is null || !UpstreamVersion.TryParse(k.NewestRelease, out var newest))
            return new(Verdict.Manual, [new($"the knowledge base has no release data for {mta}", $"지식 베이스에 {mta} 릴리스 정보가 없음")], [], null);

        var cves = kb.Affecting(mta, v)
            .Select(c => new CveRef(c.Id, KnowledgeBase.FixedFor(c, v), c.Severity, c.Cvss, c.Kev, c.Summary))
            .OrderByDescending(c => c.Kev).ThenByDescending(c => c.Cvss ?? 0).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();

        if (v > newest)
            return new(Verdict.Manual, Lead(new(
                $"{v} is newer than the newest release the knowledge base knows ({newest}, data of {kb.Date}); update the knowledge base",
                $"{v}은(는) 지식 베이스({kb.Date})가 아는 최신 릴리스 {newest}보다 새 버전임; 지식 베이스 갱신 필요"), cves), cves, null);

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
            if (v >= latestPatch && cves.Count == 0)
                return new(Verdict.Good, [new(
                    $"{v} is the newest patch ({branch.LatestPatch}) of the supported {branch.Branch} series",
                    $"{v}은(는) 지원 중인 {branch.Branch} 계열의 최신 패치({branch.LatestPatch})임")], cves, null);
            if (v >= latestPatch)
                return new(Verdict.Vulnerable, Lead(new(
                    $"{v} is the newest patch of its series, but known vulnerabilities have no upstream fix in it",
                    $"{v}은(는) 해당 계열의 최신 패치이나 업스트림 수정이 없는 알려진 취약점이 있음"), cves), cves, null);
            return new(Verdict.Vulnerable, Lead(new(
                $"{v} is older than {branch.LatestPatch}, the newest patch of the supported {branch.Branch} series",
                $"{v}은(는) 지원 중인 {branch.Branch} 계열의 최신 패치 {branch.LatestPatch}보다 낮은 버전임"), cves), cves, branch.LatestPatch);
        }

        var series = branch?.Branch ?? v.Branch;
        return new(Verdict.Vulnerable, Lead(new(
            $"the {series} series is no longer supported upstream (newest release: {newest})",
            $"{series} 계열은 업스트림 지원이 종료됨 (최신 릴리스: {newest})"), cves), cves, newest.Text);
    }

    private static List<Localized> Lead(Localized first, List<CveRef> cves) => [first, .. CveReason(cves)];

    private static IEnumerable<Localized> CveReason(List<CveRef> cves)
    {
        if (cves.Count == 0) yield break;
        var kev = cves.Count(c => c.Kev);
        var ids = string.Join(", ", cves.Take(5).Select(c => c.Id)) + (cves.Count > 5 ? ", …" : "");
        yield return new(
            $"{cves.Count} known vulnerabilities apply to this version{(kev > 0 ? $" ({kev} actively exploited per CISA KEV)" : "")}: {ids}",
            $"이 버전에 해당하는 알려진 취약점 {cves.Count}건{(kev > 0 ? $" (CISA KEV 실제 악용 {kev}건)" : "")}: {ids}");
    }
}
