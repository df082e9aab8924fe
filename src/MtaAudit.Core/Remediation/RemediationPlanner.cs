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
            Glossary.Say("fix.leftover-process", ("pid", pid), ("args", args)));
    }

    private static ManualStep NoServiceManager(MtaEvidence e) => e.Id switch
    {
        "postfix" => new ManualStep("postfix", Glossary.Say("fix.postfix-stop-boot", ("cmd", "postfix stop"))),
        _ => new ManualStep(e.Id, Glossary.Say("fix.stop-by-script", ("mta", e.Id))),
    };
}
