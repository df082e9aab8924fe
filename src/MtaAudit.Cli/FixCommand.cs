using System.CommandLine;
using System.Globalization;
using MtaAudit.Assess;
using MtaAudit.Evidence;
using MtaAudit.Fix;
using MtaAudit.Mta;
using MtaAudit.Parse;
using MtaAudit.Remediation;

namespace MtaAudit.Cli;

/// <summary>
/// <c>mta-audit fix</c>: the guide's 조치 as a plan of typed steps (docs/remediation.md). Without --apply it
/// only prints the plan. The user decides which MTA is unused (--unused, --unused-file); mta-audit only hints.
/// --apply runs the plan on this machine with a journal and backups; --undo JOURNAL reverts it.
/// The fleet (--host/--inventory) will plug an SSH <see cref="ITarget"/> into the same runner.
/// </summary>
public static class FixCommand
{
    private const int Failed = 1;

    public static Command Build()
    {
        var evidence = new Option<string?>("--evidence") { Description = "plan from this evidence bundle file instead of collecting on this machine (plan only)" };
        var unused = new Option<string[]>("--unused") { Description = "this MTA is not used here: stop it and disable it at boot (postfix, exim, sendmail, opensmtpd; repeatable)", AllowMultipleArgumentsPerToken = false };
        var unusedFile = new Option<string?>("--unused-file") { Description = "a file naming hosts (one a line, # comments) that must not run any MTA" };
        var mask = new Option<bool>("--mask") { Description = "also mask the systemd units of an unused MTA" };
        var apply = new Option<bool>("--apply") { Description = "carry out the plan on this machine (journal, backups, check by a fresh collection)" };
        var journal = new Option<string?>("--journal") { Description = "the journal file to write (default /var/lib/mta-audit/fix/HOST-TIME.journal; backups in JOURNAL.backup/)" };
        var undo = new Option<string?>("--undo") { Description = "revert what the run of this journal did" };
        var stepTimeout = new Option<int>("--step-timeout") { Description = "seconds one step's command may run", DefaultValueFactory = _ => 300 };
        var timeout = new Option<int>("--timeout") { Description = "seconds a collection may take", DefaultValueFactory = _ => 300 };
        unused.AcceptOnlyFromAmong([.. MtaCatalog.All.Select(d => d.Id)]);

        var cmd = new Command("fix", "Show (or with --apply, carry out) the steps that stop an unused MTA or update a used one");
        foreach (var o in new Option[] { evidence, unused, unusedFile, mask, apply, journal, undo, stepTimeout, timeout }) cmd.Options.Add(o);
        var report = new ReportOptions();
        report.AddTo(cmd);

        cmd.SetAction(r =>
        {
            var l = report.LangOf(r);
            var target = new LocalTarget();
            var steps = TimeSpan.FromSeconds(Math.Max(1, r.GetValue(stepTimeout)));
            if (r.GetValue(undo) is { } undoPath)
                return Undo(target, undoPath, steps);
            if (r.GetValue(apply) && r.GetValue(evidence) is not null)
            {
                Console.Error.WriteLine("mta-audit: --apply works on this machine only: leave out --evidence (the plan is made from a fresh collection here)");
                return ExitCodes.Usage;
            }

            var (options, problem) = report.Prepare(r);
            if (options is null) { Console.Error.WriteLine("mta-audit: " + problem); return ExitCodes.Usage; }
            HashSet<string>? unusedHosts = null;
            if (r.GetValue(unusedFile) is { } uf)
            {
                try { unusedHosts = ReadHostList(uf); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"mta-audit: {uf}: cannot read: {TerminalText.Clean(e.Message)}");
                    return ExitCodes.Usage;
                }
            }

            var collections = new List<Collection>();
            var errors = new List<string>();
            var collectTimeout = TimeSpan.FromSeconds(Math.Max(5, r.GetValue(timeout)));
            if (r.GetValue(evidence) is { } file)
            {
                try
                {
                    foreach (var item in BundleReader.ReadFile(file))
                    {
                        if (item.Error is not null) { errors.Add(item.Error.ToString()); continue; }
                        var facts = FactsBuilder.Build(item.Bundle!);
                        collections.Add(new Collection(facts, U45Rule.Judge(facts, options, item.Bundle!.Source, item.Bundle.CollectedAt), item.Bundle));
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"mta-audit: {file}: cannot read: {TerminalText.Clean(e.Message)}");
                    return ExitCodes.Usage;
                }
                if (collections.Count == 0)
                {
                    foreach (var e in errors) Console.Error.WriteLine("mta-audit: " + e);
                    Console.Error.WriteLine($"mta-audit: {file}: no evidence bundle found");
                    return ExitCodes.Usage;
                }
            }
            else
            {
                try { collections.Add(FixSession.Collect(target, options, collectTimeout)); }
                catch (FixException e) { Console.Error.WriteLine("mta-audit: " + e.Message); return ExitCodes.Usage; }
            }

            var settings = new PlanSettings(r.GetValue(mask));
            var plans = collections.Select(c => HostPlanner.Build(c.Facts, c.Report, UnusedFor(c, r.GetValue(unused) ?? [], unusedHosts), settings)).ToList();
            Console.Out.Write(r.GetValue(report.Format) == "json" ? PlanJson.Render(plans, l, errors) : PlanText.Render(plans, l));
            foreach (var e in errors) Console.Error.WriteLine("mta-audit: " + e);
            if (!r.GetValue(apply)) return ExitCodes.Good;

            var plan = plans.Single();
            var path = r.GetValue(journal) ?? DefaultJournal(plan.Host);
            ApplyOutcome outcome;
            try
            {
                outcome = new FixRunner(target, steps).Apply(plan, path, () => FixSession.Collect(target, options, collectTimeout));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"mta-audit: {path}: cannot write the journal: {TerminalText.Clean(e.Message)}; nothing was changed");
                return ExitCodes.Usage;
            }
            return Report(outcome, l);
        });
        return cmd;
    }

    private static HashSet<string> UnusedFor(Collection c, string[] named, HashSet<string>? hosts)
    {
        var set = new HashSet<string>(named, StringComparer.Ordinal);
        var names = new[] { c.Facts.Host, c.Report.Host, c.Facts.Os.Hostname }.Where(n => n is not null).Select(n => n!.ToLowerInvariant());
        if (hosts is not null && names.Any(hosts.Contains))
            foreach (var m in c.Report.Mtas) set.Add(m.Mta);
        return set;
    }

    private static HashSet<string> ReadHostList(string path) =>
        File.ReadLines(path).Select(l => l.Split('#')[0].Trim().ToLowerInvariant()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);

    private static string DefaultJournal(string host)
    {
        var safe = new string(host.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_').ToArray());
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return Path.Combine("/var/lib/mta-audit/fix", $"{safe}-{stamp}.journal");
    }

    private static int Report(ApplyOutcome o, Lang lang)
    {
        foreach (var s in o.Steps)
        {
            var word = s.Result switch
            {
                "done" => Glossary.Word("plan.done", lang),
                "already" => Glossary.Word("plan.already", lang),
                _ => Glossary.Word("plan.failed", lang),
            };
            Console.Out.WriteLine($"  {s.Number}. {word}: {TerminalText.Clean(StepText.Action(s.Step).Get(lang))} ({TerminalText.Clean(StepText.State(s.Before).Get(lang))} → {TerminalText.Clean(StepText.State(s.After).Get(lang))})"
                                  + (s.Message is null ? "" : " — " + s.Message));
        }
        if (!o.Changed) Console.Out.WriteLine(Glossary.Word("plan.unchanged", lang));
        Console.Out.WriteLine(Glossary.Word("plan.journal", lang, ("path", o.Journal)));
        foreach (var p in o.NotHeld) Console.Error.WriteLine("mta-audit: " + TerminalText.Clean(p.Get(lang)));
        if (o.Ok) return ExitCodes.Good;
        if (o.Failed is { } f)
            Console.Error.WriteLine($"mta-audit: step {f.Number} failed ({TerminalText.Clean(StepText.Action(f.Step).Get(lang))}): {f.Message}");
        Console.Error.WriteLine($"mta-audit: to undo what was done: mta-audit fix --undo {o.Journal}");
        return Failed;
    }

    private static int Undo(ITarget target, string path, TimeSpan steps)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"mta-audit: {path}: no such journal");
            return ExitCodes.Usage;
        }
        var outcomes = new FixUndo(target, steps).Undo(path, out var problems);
        foreach (var p in problems) Console.Error.WriteLine("mta-audit: " + p);
        foreach (var o in outcomes)
            Console.Out.WriteLine($"  {o.Step}. {o.Result}: {TerminalText.Clean(o.Target)}" + (o.Message is null ? "" : " — " + TerminalText.Clean(o.Message)));
        if (outcomes.Count == 0) Console.Out.WriteLine("nothing to undo");
        return outcomes.Any(o => o.Result == "failed") ? Failed : ExitCodes.Good;
    }
}
