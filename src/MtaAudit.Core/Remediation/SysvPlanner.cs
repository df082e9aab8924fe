using MtaAudit.Assess;
using MtaAudit.Facts;

namespace MtaAudit.Remediation;

/// <summary>
/// SysV init on Linux without systemd (RHEL/CentOS 6, Debian before 8): <c>chkconfig NAME off</c> on
/// Red Hat-like systems, <c>update-rc.d NAME disable</c> on Debian-like ones, then <c>service NAME stop</c>.
/// </summary>
public sealed class SysvPlanner : IServicePlanner
{
    public bool Applies(HostFacts facts, MtaEvidence e) => facts.Os.Family == OsFamily.Linux;

    public IReadOnlyList<RemediationStep> StopAndDisable(HostFacts facts, MtaEvidence e, PlanSettings settings)
    {
        var name = e.Services.FirstOrDefault(s => s.Manager == "sysv")?.Name ?? ServicePlanners.DefaultName(facts, e.Id);
        IReadOnlyList<string> disable = IsDebianLike(facts.Os) ? ["update-rc.d", name, "disable"] : ["chkconfig", name, "off"];
        return
        [
            new ServiceDisable("sysv", name, disable),
            new ServiceStop("sysv", name, ["service", name, "stop"]),
        ];
    }

    public static bool IsDebianLike(OsInfo os) => os.Distro is "debian" or "ubuntu" or "raspbian" or "linuxmint";
}
