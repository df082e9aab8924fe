using MtaAudit.Assess;
using MtaAudit.Facts;

namespace MtaAudit.Remediation;

/// <summary>
/// systemd: every unit of the MTA the evidence lists (Debian 11+ Postfix: postfix.service and the
/// instance postfix@-.service that runs master; sockets and timers when listed), never a template
/// (postfix@.service is a pattern, not a unit). All are disabled first, then stopped: if a stop fails,
/// the service at least does not come back at the next boot, and the journal shows which. Sendmail and
/// Exim on Debian are SysV scripts wrapped by systemd: systemctl disable runs update-rc.d for them.
/// </summary>
public sealed class SystemdPlanner : IServicePlanner
{
    public bool Applies(HostFacts facts, MtaEvidence e) =>
        facts.Os.Family == OsFamily.Linux
        && (e.Services.Any(s => s.Manager == "systemd") || facts.Has("svc.systemd") || facts.Has("svc.systemd.enabled"));

    public IReadOnlyList<RemediationStep> StopAndDisable(HostFacts facts, MtaEvidence e, PlanSettings settings)
    {
        var units = Units(facts, e);
        var steps = new List<RemediationStep>();
        foreach (var u in units) steps.Add(new ServiceDisable("systemd", u, ["systemctl", "disable", u]));
        if (settings.Mask) foreach (var u in units) steps.Add(new UnitMask(u));
        foreach (var u in units) steps.Add(new ServiceStop("systemd", u, ["systemctl", "stop", u], "active"));
        return steps;
    }

    /// <summary>
    /// The MTA's units: sockets, timers and paths first (stopped first, nothing can start the service again
    /// while it stops), then the main unit, then instances; a bare name gets ".service".
    /// </summary>
    public static List<string> Units(HostFacts facts, MtaEvidence e)
    {
        // The MTA definitions name services; a socket, timer or path unit is the MTA's when the service of the
        // same name is (postfix.socket starts postfix.service).
        var triggers = facts.Services.Where(s => s.Manager == "systemd" && IsTrigger(s.Name)
                                                 && e.Definition.IsService(s with { Name = s.Name[..s.Name.LastIndexOf('.')] + ".service" }));
        var units = e.Services.Concat(triggers).Where(s => s.Manager == "systemd")
            .Where(s => !s.State.Contains("not-found", StringComparison.OrdinalIgnoreCase))
            .Select(s => Unit(s.Name))
            .Where(u => !IsTemplate(u))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(u => IsTrigger(u) ? 0 : u.Contains('@') ? 2 : 1).ThenBy(u => u, StringComparer.Ordinal)
            .ToList();
        if (units.Count == 0) units.Add(ServicePlanners.DefaultName(facts, e.Id) + ".service");
        return units;
    }

    private static string Unit(string name) =>
        name.Contains('.') && (name.EndsWith(".service", StringComparison.Ordinal) || name.EndsWith(".socket", StringComparison.Ordinal)
                               || name.EndsWith(".timer", StringComparison.Ordinal) || name.EndsWith(".path", StringComparison.Ordinal))
            ? name : name + ".service";

    private static bool IsTrigger(string unit) =>
        unit.EndsWith(".socket", StringComparison.Ordinal) || unit.EndsWith(".timer", StringComparison.Ordinal) || unit.EndsWith(".path", StringComparison.Ordinal);

    private static bool IsTemplate(string unit) => unit.Contains("@.", StringComparison.Ordinal);
}
