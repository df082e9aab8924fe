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
                problems.Add(new($"step {n} did not hold: {step.Target} is now '{now}', not '{step.After}'",
                                 $"{n}단계가 유지되지 않음: {step.Target} 현재 '{now}' (기대: '{step.After}')"));
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
                    problems.Add(new($"the fresh evidence still shows {m.Mta} running ({Word(running)})",
                                     $"새로 수집한 정보에서 {m.Mta} 실행 중으로 보임 ({Word(running)})"));
                if (enabled != false && e.Installed)
                    problems.Add(new($"the fresh evidence still shows {m.Mta} starting at boot ({Word(enabled)})",
                                     $"새로 수집한 정보에서 {m.Mta} 부팅 시 시작으로 보임 ({Word(enabled)})"));
                foreach (var p in e.Daemons)
                    problems.Add(RemediationPlanner.Leftover(p).Text);
            }
            else
            {
                foreach (var u in m.Steps.OfType<PackageUpdate>())
                {
                    var now = e.Packages.FirstOrDefault(p => p.Name == u.Package)?.Version ?? "not installed";
                    if (!StepChecks.Holds(u, now))
                        problems.Add(new($"the fresh evidence shows {u.Package} {now}, not {u.After}",
                                         $"새로 수집한 정보에서 {u.Package} {now} (기대: {u.After})"));
                }
            }
        }
        return problems;
    }

    private static string Word(bool? b) => b switch { true => "yes", false => "no", _ => "unknown" };
}
