using MtaAudit.Assess;
using MtaAudit.Facts;

namespace MtaAudit.Remediation;

/// <summary>
/// Hints that an MTA may not be needed as a mail server (it listens on loopback only, or not at all).
/// Only hints: whether it is used is the user's decision (--unused), never mta-audit's.
/// </summary>
public static class UnusedHints
{
    public static IEnumerable<Localized> For(HostFacts facts, MtaEvidence e)
    {
        if (!facts.Has("net.listen")) yield break;
        if (e.Sockets.Count == 0)
            yield return new("hint: it listens on no TCP port, so it receives no mail from the network",
                             "참고: TCP 포트에서 대기하지 않아 네트워크로부터 메일을 받지 않음");
        else if (e.Sockets.All(s => s.IsLoopbackOnly))
            yield return new("hint: it listens on loopback only (local mail only)",
                             "참고: 루프백 주소에서만 대기함 (로컬 메일 전용)");
    }

    /// <summary>One line for an MTA the user did not name as unused: how they would.</summary>
    public static Localized HowToDecide(string mta) =>
        new($"{mta} is in use: only its update is planned; if it is not needed, run again with --unused {mta}",
            $"{mta} 사용 중: 업데이트만 계획함; 필요 없는 서비스라면 --unused {mta} 로 다시 실행");
}
