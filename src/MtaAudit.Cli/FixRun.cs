using MtaAudit.Assess;
using MtaAudit.Fix;
using MtaAudit.Remediation;

namespace MtaAudit.Cli;

/// <summary>
/// What one `mta-audit fix` invocation decided (judgement options, who is unused, limits, output), and the
/// three things it does with a host's collection whichever target it came from: plan, print, apply.
/// </summary>
internal sealed record FixRun(AnalysisOptions Options, Lang Lang, bool Json, PlanSettings Settings,
    IReadOnlyList<string> Unused, HashSet<string>? UnusedHosts, TimeSpan StepTimeout, TimeSpan CollectTimeout)
{
    private const int Failed = 1;

    /// <summary>The host's plan. <paramref name="name"/> (an inventory name) also counts for --unused-file and heads the plan.</summary>
    public HostPlan PlanFor(Collection c, string? name = null)
    {
        var plan = HostPlanner.Build(c.Facts, c.Report, UnusedFor(c, name), Settings);
        return name is null ? plan : plan with { Host = name };
    }

    public void Print(IReadOnlyList<HostPlan> plans, IReadOnlyList<string> errors) =>
        Console.Out.Write(Json ? PlanJson.Render(plans, Lang, errors) : PlanText.Render(plans, Lang));

    /// <summary>Runs the plan on the target with a journal, checks it by a fresh collection there, prints the outcome; the exit status.</summary>
    public int Apply(ITarget target, HostPlan plan, string journal)
    {
        ApplyOutcome outcome;
        try
        {
            outcome = new FixRunner(target, StepTimeout).Apply(plan, journal, () => FixSession.Collect(target, Options, CollectTimeout));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            HelpText.Complain(Glossary.Say("err.fix.cannot-write-journal", ("path", journal), ("cause", e.Message)), Lang);
            return ExitCodes.Usage;
        }
        return Report(outcome);
    }

    private HashSet<string> UnusedFor(Collection c, string? name)
    {
        var set = new HashSet<string>(Unused, StringComparer.Ordinal);
        var names = new[] { name, c.Facts.Host, c.Report.Host, c.Facts.Os.Hostname }.Where(n => n is not null).Select(n => n!.ToLowerInvariant());
        if (UnusedHosts is not null && names.Any(UnusedHosts.Contains))
            foreach (var m in c.Report.Mtas) set.Add(m.Mta);
        return set;
    }

    private int Report(ApplyOutcome o)
    {
        foreach (var s in o.Steps)
        {
            var word = s.Result switch
            {
                "done" => Glossary.Word("plan.done", Lang),
                "already" => Glossary.Word("plan.already", Lang),
                _ => Glossary.Word("plan.failed", Lang),
            };
            Console.Out.WriteLine($"  {s.Number}. {word}: {TerminalText.Clean(StepText.Action(s.Step).Get(Lang))} ({TerminalText.Clean(StepText.State(s.Before).Get(Lang))} → {TerminalText.Clean(StepText.State(s.After).Get(Lang))})"
                                  + (s.Message is null ? "" : " — " + TerminalText.Clean(s.Message.Get(Lang))));
        }
        if (!o.Changed) Console.Out.WriteLine(Glossary.Word("plan.unchanged", Lang));
        Console.Out.WriteLine(Glossary.Word("plan.journal", Lang, ("path", o.Journal)));
        foreach (var p in o.NotHeld) Console.Error.WriteLine("mta-audit: " + TerminalText.Clean(p.Get(Lang)));
        if (o.Ok) return ExitCodes.Good;
        if (o.Failed is { } f)
            HelpText.Complain(Glossary.Say("err.fix.step-failed", ("n", f.Number), ("action", StepText.Action(f.Step).Get(Lang)), ("cause", f.Message?.Get(Lang) ?? "")), Lang);
        HelpText.Complain(Glossary.Say("err.fix.how-to-undo", ("journal", o.Journal)), Lang);
        return Failed;
    }
}
