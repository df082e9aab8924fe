using MtaAudit.Facts;

namespace MtaAudit.Assess;

/// <summary>
/// Host-wide limits on a verdict: a host is GOOD (or NA) only when every fact that could show a mail
/// service is known, no mail port has an owner the evidence cannot name, and nothing posing as an MTA
/// under a stranger's account runs. Also says what was set apart (containers' daemons) and what a
/// normal user's run could not see.
/// </summary>
public static class HostEvidence
{
    public static Verdict Check(HostFacts facts, List<MtaEvidence> gathered, List<MtaFinding> findings, Verdict verdict, List<Localized> reasons)
    {
        var elsewhere = gathered.SelectMany(e => e.InContainers.Select(p => (e.Definition.DisplayName, p))).ToList();
        if (elsewhere.Count > 0)
        {
            var list = string.Join(", ", elsewhere.Select(x => $"{x.DisplayName} ({x.p.Container}, pid {x.p.Pid})").Distinct().Take(10));
            reasons.Add(new($"also running in containers (not this host's, not judged here): {list}",
                            $"컨테이너에서도 실행 중 (이 호스트의 것이 아니므로 판단하지 않음): {list}"));
        }
        foreach (var r in facts.Refused)
            reasons.Add(new($"not run, unsafe: {r.Path} ({Unsafe(r.Reason).En}); the collector runs a candidate MTA program only when it and its directories are root-owned and not writable by group or others: find out who put it there",
                            $"안전하지 않아 실행하지 않음: {r.Path} ({Unsafe(r.Reason).Ko}); 수집기는 프로그램과 상위 디렉터리가 root 소유이고 그룹·다른 사용자 쓰기 권한이 없을 때만 실행함: 누가 설치했는지 확인 필요"));
        if (facts.Root == false)
            reasons.Add(new("collected as a normal user (user: nonroot): the owners of listening sockets, other users' process namespaces and unreadable files were not visible; what they could decide is reported as unknown (re-run the collector as root)",
                            "일반 사용자 권한으로 수집됨 (user: nonroot): 포트를 연 프로세스, 다른 사용자 프로세스의 네임스페이스, 읽을 수 없는 파일은 확인되지 않았으며 이에 달린 판단은 확인 불가로 표시함 (root로 재수집 권장)"));

        var unknown = EvidenceModel.Unknowns(facts, [U45Fact.InstalledMtas]);
        if (verdict == Verdict.Manual && findings.Count == 0 && unknown.Count > 0)
            reasons.AddRange(unknown.Select(u => u.Describe())); // MANUAL, and how to settle it by hand
        if (verdict is not (Verdict.Good or Verdict.NotApplicable)) return verdict;

        var turned = false;
        if (unknown.Count > 0)
        {
            turned = true;
            reasons.Add(new("whether a mail service is installed or running cannot be fully established: these facts are unknown",
                            "메일 서비스 설치·실행 여부를 완전히 확인할 수 없음: 다음 정보가 확인되지 않음"));
            reasons.AddRange(unknown.Select(u => u.Describe()));
        }
        var unowned = MtaEvidence.UnownedMailListeners(facts);
        if (unowned.Count > 0 && !findings.Any(f => f.Running == true))
        {
            turned = true;
            var ports = string.Join(", ", unowned.Select(s => $"{s.Address}:{s.Port}").Distinct().Take(6));
            reasons.Add(new($"something listens on a mail port ({ports}) but the evidence does not name the process (not root): it may be a mail service; check by hand: {EvidenceModel.ManualCommand(U45Fact.Running, "net.listen", facts.Os)}",
                            $"메일 포트({ports})를 여는 프로세스를 수집 정보로 알 수 없음 (root 아님): 메일 서비스일 수 있음; 수동 확인: {EvidenceModel.ManualCommand(U45Fact.Running, "net.listen", facts.Os)}"));
        }
        var impostors = gathered.SelectMany(e => e.Impostors.Select(p => (e.Definition.DisplayName, p))).ToList();
        if (impostors.Count > 0)
        {
            turned = true;
            var list = string.Join(", ", impostors.Select(x => $"pid {x.p.Pid} user {x.p.User}: {TerminalText.Clean(x.p.Args)}").Take(5));
            reasons.Add(new($"processes named like a mail daemon run under an unexpected user and were not counted as the MTA: {list}; find out what they are",
                            $"메일 데몬과 같은 이름의 프로세스가 예상 밖의 사용자로 실행 중이며 MTA로 보지 않음: {list}; 정체 확인 필요"));
        }
        return turned ? Verdict.Manual : verdict;
    }

    /// <summary>"writable:/usr/local/sbin/sendmail" or "owner-uid-1000:/opt/x" in words.</summary>
    private static Localized Unsafe(string why)
    {
        int colon = why.IndexOf(':');
        var (kind, path) = colon > 0 ? (why[..colon], why[(colon + 1)..]) : (why, "");
        if (kind == "writable") return new($"{path} is writable by group or others", $"{path}에 그룹·다른 사용자 쓰기 권한 있음");
        if (kind.StartsWith("owner-uid-", StringComparison.Ordinal))
            return new($"{path} is owned by uid {kind["owner-uid-".Length..]}, not root", $"{path}의 소유자가 root가 아님 (uid {kind["owner-uid-".Length..]})");
        return new(why, why);
    }

    /// <summary>What an MTA's finding should say about processes that were not counted as it.</summary>
    public static IEnumerable<Localized> About(MtaEvidence e)
    {
        if (e.Impostors.Count > 0)
        {
            var list = string.Join(", ", e.Impostors.Take(5).Select(p => $"pid {p.Pid} user {p.User}"));
            yield return new($"not counted as {e.Definition.DisplayName}: processes of an unexpected user ({list})",
                             $"{e.Definition.DisplayName}로 보지 않음: 예상 밖의 사용자 프로세스 ({list})");
        }
        if (e.InContainers.Count > 0)
        {
            var list = string.Join(", ", e.InContainers.Select(p => p.Container).Distinct().Take(5));
            yield return new($"{e.Definition.DisplayName} also runs in containers, which are not this host: {list}",
                             $"{e.Definition.DisplayName}는 컨테이너에서도 실행 중이나 이 호스트가 아님: {list}");
        }
    }
}
