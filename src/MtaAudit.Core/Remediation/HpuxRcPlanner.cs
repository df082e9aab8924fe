using MtaAudit.Assess;
using MtaAudit.Facts;

namespace MtaAudit.Remediation;

/// <summary>
/// HP-UX Sendmail: its rc script stops it now (<c>/sbin/init.d/sendmail stop</c>) and
/// <c>SENDMAIL_SERVER=0</c> in <c>/etc/rc.config.d/mailservs</c> keeps that script from starting it at boot
/// (<see cref="HpuxMailservsEdit"/>).
/// </summary>
public sealed class HpuxRcPlanner : IServicePlanner
{
    public const string Script = "/sbin/init.d/sendmail";

    public bool Applies(HostFacts facts, MtaEvidence e) => facts.Os.Family == OsFamily.Hpux && e.Id == "sendmail";

    public IReadOnlyList<RemediationStep> StopAndDisable(HostFacts facts, MtaEvidence e, PlanSettings settings) =>
    [
        new ServiceStop("hpux-rc", "sendmail", [Script, "stop"]),
        new FileLineEdit(HpuxMailservsEdit.DefaultPath, HpuxMailservsEdit.Instance),
    ];
}
