using MtaAudit.Assess;
using MtaAudit.Remediation;

namespace MtaAudit.Fix;

/// <summary>
/// After --apply: every step's state is read again, and a fresh collection must show each unused MTA
/// neither running nor enabled (the judgement's own words, so the rescan says 양호/GOOD) and each
/// updated package at its new version. A daemon of an unused MTA still in the process list after its
/// service manager stopped it is named with its PID and command line, for a person to end.
/// </summary>
public static class PlanVerifier
{
    public static List<Localized> Check(HostPlan plan, Collection fresh, ITarget target)
    {
        var problems = new List<Localized>();
        foreach (var (n, _, step) in plan.Numbered().Where(x => x.Step.Automatic))
        {
            var now = step is FileLineEdit f
                ? (target.ReadFile(f.Path) is { } bytes && f.Edit.IsSatisfied(bytes) ? f.Edit.AfterState : f.Edit.BeforeState)
                : StepChecks.Observe(target, step);
            if (!FixRunner.Holds(step, now))
                problems.Add(Glossary.Say("verify.step-not-held", ("n", n), ("target", step.Target), ("now", now), ("after", step.After)));
        }
        var evidence = MtaEvidence.Gather(fresh.Facts).ToDictionary(e => e.Id, StringComparer.Ordinal);
        foreach (var m in plan.Mtas)
        {
            var e = evidence[m.Mta];
            if (m.Decision == PlanDecision.Unused)
            {
                var running = UsageJudge.Running(e, fresh.Facts);
                var enabled = UsageJudge.Enabled(e);
                if (running != false)
                    problems.Add(Glossary.Say("verify.still-running", ("mta", m.Mta), ("state", Word(running))));
                if (enabled != false && e.Installed)
                    problems.Add(Glossary.Say("verify.still-enabled", ("mta", m.Mta), ("state", Word(enabled))));
                foreach (var p in e.Daemons)
                    problems.Add(RemediationPlanner.Leftover(p).Text);
            }
            else
            {
                foreach (var u in m.Steps.OfType<PackageUpdate>())
                {
                    var now = e.Packages.FirstOrDefault(p => p.Name == u.Package)?.Version is { } installed ? Glossary.Same(installed) : Glossary.Say("verify.not-installed");
                    if (!StepChecks.Holds(u, now.En))
                        problems.Add(Glossary.Say("verify.package-not-updated", ("package", u.Package), ("now", now), ("after", u.After)));
                }
            }
        }
        return problems;
    }

    private static Localized Word(bool? b) => Glossary.Say(b switch { true => "value.yes", false => "value.no", _ => "value.unknown" });
}
