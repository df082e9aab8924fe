using MtaAudit.Assess;
using MtaAudit.Facts;

namespace MtaAudit.Remediation;

/// <summary>
/// Stop-and-disable steps for one service manager (systemd, SMF, AIX SRC + rc.tcpip, HP-UX rc,
/// SysV). One small class each, listed in <see cref="ServicePlanners.All"/>; the first that applies wins.
/// </summary>
public interface IServicePlanner
{
    bool Applies(HostFacts facts, MtaEvidence e);
    IReadOnlyList<RemediationStep> StopAndDisable(HostFacts facts, MtaEvidence e, PlanSettings settings);
}

public static class ServicePlanners
{
    public static readonly IReadOnlyList<IServicePlanner> All =
    [
        new SmfPlanner(), new AixSrcPlanner(), new HpuxRcPlanner(), new SystemdPlanner(), new SysvPlanner(),
    ];

    /// <summary>The planner for this host and MTA, or null when no service manager of the evidence can stop it.</summary>
    public static IServicePlanner? For(HostFacts facts, MtaEvidence e) => All.FirstOrDefault(p => p.Applies(facts, e));

    /// <summary>The service name an MTA has when the evidence names none (Debian's exim4).</summary>
    public static string DefaultName(HostFacts facts, string mta) => mta switch
    {
        "exim" => facts.Os.Distro is "debian" or "ubuntu" ? "exim4" : "exim",
        _ => mta,
    };
}
