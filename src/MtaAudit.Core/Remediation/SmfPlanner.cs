using MtaAudit.Assess;
using MtaAudit.Facts;

namespace MtaAudit.Remediation;

/// <summary>
/// Solaris SMF: <c>svcadm disable FMRI</c> of the exact FMRI(s) the evidence lists
/// (svc:/network/smtp:sendmail, svc:/network/sendmail-client:default…). It is persistent and stops the
/// service, so one step does both; <c>svcs -H -o state FMRI</c> checks it.
/// </summary>
public sealed class SmfPlanner : IServicePlanner
{
    public bool Applies(HostFacts facts, MtaEvidence e) =>
        facts.Os.Family == OsFamily.Solaris || e.Services.Any(s => s.Manager == "smf");

    public IReadOnlyList<RemediationStep> StopAndDisable(HostFacts facts, MtaEvidence e, PlanSettings settings)
    {
        var fmris = e.Services.Where(s => s.Manager == "smf").Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList();
        if (fmris.Count == 0)
            fmris.Add(e.Id switch
            {
                "sendmail" => "svc:/network/smtp:sendmail",
                "postfix" => "svc:/network/smtp:postfix",
                _ => e.Id,
            });
        return fmris.Select(f => (RemediationStep)new ServiceDisable("smf", f, ["svcadm", "disable", f], "online")).ToList();
    }
}
