using MtaAudit.Assess;
using MtaAudit.Facts;

namespace MtaAudit.Remediation;

/// <summary>
/// AIX Sendmail: <c>stopsrc -s sendmail</c> (the System Resource Controller), then the
/// <c>/etc/rc.tcpip</c> start line commented out so it does not start at boot (<see cref="AixRcTcpipEdit"/>).
/// Other MTAs on AIX (a Postfix built from source) have no SRC subsystem of the OS's: see the fallback.
/// </summary>
public sealed class AixSrcPlanner : IServicePlanner
{
    public bool Applies(HostFacts facts, MtaEvidence e) => facts.Os.Family == OsFamily.Aix && e.Id == "sendmail";

    public IReadOnlyList<RemediationStep> StopAndDisable(HostFacts facts, MtaEvidence e, PlanSettings settings) =>
    [
        new ServiceStop("src", "sendmail", ["stopsrc", "-s", "sendmail"], "active"),
        new FileLineEdit(AixRcTcpipEdit.DefaultPath, AixRcTcpipEdit.Instance),
    ];
}
