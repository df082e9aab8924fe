using MtaAudit.Assess;
using MtaAudit.Facts;

namespace MtaAudit.Remediation;

/// <summary>
/// What to do, per OS and MTA, following the guide's 조치 방법 (stop and disable an unused MTA;
/// patch a used one), as the report's sentences. The commands come from the same typed steps
/// that <c>mta-audit fix</c> shows and runs (<see cref="RemediationPlanner"/>).
/// </summary>
public static class RemediationCatalog
{
    public static IReadOnlyList<Localized> For(HostFacts facts, MtaEvidence e, PackageRef? package, bool needsPatch, bool inUse, string? target)
    {
        var lines = new List<Localized>();
        if (needsPatch) lines.Add(Patch(PackagePlanner.Update(facts, e.Id, package, target), target));
        if (inUse || needsPatch)
        {
            var stop = Joined(RemediationPlanner.Unused(facts, e).Steps.Where(s => s.Kind != StepKind.PackageRemoval));
            lines.Add(new("If the mail service is not needed, stop it and disable it at boot: " + stop.En,
                          "메일 서비스를 사용하지 않는 경우 서비스 중지 및 비활성화: " + stop.Ko));
        }
        else
        {
            lines.Add(new("Keep it stopped and disabled; if it is not needed, remove the package" + (package is null ? "" : $" ({package.Name})"),
                          "중지 및 비활성화 상태를 유지하고, 필요 없으면 패키지를 제거" + (package is null ? "" : $" ({package.Name})")));
        }
        if (needsPatch && inUse)
            lines.Add(new("Set a patch management policy and apply vendor security updates regularly; consider the impact on the service before patching",
                          "패치 관리 정책을 수립하여 주기적으로 보안 패치 적용 (패치 적용 시 서비스 영향도 사전 검토)"));
        return lines;
    }

    private static Localized Patch(RemediationStep step, string? target)
    {
        if (step is ManualStep { Target: var site } m && site.Contains("://", StringComparison.Ordinal)) return m.Text;
        var to = target is null ? "" : $" (upstream {target} or a vendor build with its fixes)";
        var toKo = target is null ? "" : $" (업스트림 {target} 또는 해당 수정이 반영된 벤더 빌드)";
        var a = StepText.Action(step);
        return new($"Update the vendor package{to}: {a.En}", $"벤더 패키지 업데이트{toKo}: {a.Ko}");
    }

    private static Localized Joined(IEnumerable<RemediationStep> steps)
    {
        var actions = steps.Select(StepText.Action).ToList();
        return new(string.Join(" ; ", actions.Select(a => a.En)), string.Join(" ; ", actions.Select(a => a.Ko)));
    }
}
