using MtaAudit.Assess;
using MtaAudit.Facts;

namespace MtaAudit.Remediation;

/// <summary>
/// Builds the typed plan for one MTA from the host's facts and the MTA's evidence: the service
/// manager's stop-and-disable steps for an unused MTA, the package manager's update for one in use.
/// A daemon the evidence shows running with no service record a manager could stop is a step for a
/// person, with its PID and command line: mta-audit never kills by name or with -9.
/// </summary>
public static class RemediationPlanner
{
    public static MtaPlan Unused(HostFacts facts, MtaEvidence e, PlanSettings? settings = null)
    {
        settings ??= PlanSettings.Default;
        var steps = new List<RemediationStep>();
        var notes = new List<Localized>();
        var planner = ServicePlanners.For(facts, e);
        if (planner is not null) steps.AddRange(planner.StopAndDisable(facts, e, settings));
        else steps.Add(NoServiceManager(e));
        if (planner is null || !e.Services.Any())
            steps.AddRange(e.Daemons.Select(Leftover));
        if (PackagePlanner.Removal(facts, Package(e)) is { } removal) steps.Add(removal);
        notes.AddRange(UnusedHints.For(facts, e));
        return new MtaPlan(e.Id, PlanDecision.Unused, steps, notes);
    }

    public static MtaPlan Update(HostFacts facts, MtaEvidence e, string? target)
    {
        var step = PackagePlanner.Update(facts, e.Id, Package(e), target);
        return new MtaPlan(e.Id, PlanDecision.Update, [step], []);
    }

    public static PackageRef? Package(MtaEvidence e) =>
        e.Packages.Select(p => new PackageRef(p.Manager, p.Name, p.Version)).FirstOrDefault();

    /// <summary>A process still there after (or without) its service manager: reported, never killed by mta-audit.</summary>
    public static ManualStep Leftover(ProcessInfo p)
    {
        var pid = p.Pid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
        var args = TerminalText.Clean(p.Args);
        return new ManualStep("pid " + pid,
            new($"process {pid} ({args}) is not under a service manager: check what started it, end it with kill {pid} (SIGTERM), and remove it from the boot scripts",
                $"서비스 관리자 밖에서 실행 중인 프로세스 {pid} ({args}): 시작한 곳을 확인하고 kill {pid} (SIGTERM)로 종료한 뒤 부팅 스크립트에서 제거"));
    }

    private static ManualStep NoServiceManager(MtaEvidence e) => e.Id switch
    {
        "postfix" => new ManualStep("postfix", new("postfix stop ; remove it from the boot scripts", "postfix stop ; 부팅 스크립트에서 제거")),
        _ => new ManualStep(e.Id, new($"stop {e.Id} with its own start script and remove it from the boot scripts",
                                      $"{e.Id} 시작 스크립트로 중지하고 부팅 스크립트에서 제거")),
    };
}
