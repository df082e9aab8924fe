using MtaAudit.Assess;
using MtaAudit.Facts;

namespace MtaAudit.Remediation;

/// <summary>Every MTA's plan on one host, and what the planner wants the reader to know.</summary>
public sealed record HostPlan(string Host, OsInfo Os, IReadOnlyList<MtaPlan> Mtas, IReadOnlyList<Localized> Notes)
{
    /// <summary>All steps of all MTAs in run order, numbered from 1 across the host.</summary>
    public IEnumerable<(int Number, string Mta, RemediationStep Step)> Numbered()
    {
        int n = 0;
        foreach (var m in Mtas)
            foreach (var s in m.Steps) yield return (++n, m.Mta, s);
    }
}

/// <summary>
/// The host's plan: an MTA the user named unused (--unused) is stopped and disabled; any other MTA
/// that the judgement calls VULNERABLE, or that has a vendor update pending, gets its update. mta-audit
/// only hints at "unused", it never decides it.
/// </summary>
public static class HostPlanner
{
    public static HostPlan Build(HostFacts facts, HostReport report, IReadOnlySet<string> unused, PlanSettings? settings = null)
    {
        var evidence = MtaEvidence.Gather(facts).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var plans = new List<MtaPlan>();
        var notes = new List<Localized>();
        foreach (var f in report.Mtas)
        {
            var e = evidence[f.Mta];
            if (unused.Contains(f.Mta))
            {
                plans.Add(RemediationPlanner.Unused(facts, e, settings));
                notes.AddRange(UnusedHints.Queued(facts, e));
                continue;
            }
            bool pending = e.Packages.Any(p => facts.Updates.Any(u => u.Package == p.Name && u.Manager == p.Manager));
            if (f.Verdict == Verdict.Vulnerable || pending)
            {
                // The judgement's own target (the report's remedy names it), not a CVE's fixed-in version.
                plans.Add(RemediationPlanner.Update(facts, e, f.Target));
                notes.Add(UnusedHints.HowToDecide(f.Mta));
                notes.AddRange(UnusedHints.For(facts, e));
            }
            else
            {
                notes.Add(Glossary.Say("fix.nothing-to-do", ("mta", f.Mta), ("verdict", new Localized(f.Verdict.Json(), Glossary.Word(Render.Words.VerdictCode(f.Verdict), Lang.Ko)))));
                notes.AddRange(UnusedHints.For(facts, e));
            }
        }
        foreach (var name in unused.Where(u => report.Mtas.All(m => m.Mta != u)).Order(StringComparer.Ordinal))
            notes.Add(Glossary.Say("fix.not-installed", ("mta", name)));
        return new HostPlan(report.Host, report.Os, plans, notes);
    }
}
