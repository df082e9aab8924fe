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
        var apply = new Option<bool>("--apply") { Description = "carry out the plan: on this machine, or on each --host/--inventory host (journal, backups, check by a fresh collection)" };
        var journal = new Option<string?>("--journal") { Description = "the journal file to write (default /var/lib/mta-audit/fix/HOST-TIME.journal; backups in JOURNAL.backup/)" };
        var undo = new Option<string?>("--undo") { Description = "revert what the run of this journal did" };
        var stepTimeout = new Option<int>("--step-timeout") { Description = "seconds one step's command may run", DefaultValueFactory = _ => 300 };
        var timeout = new Option<int>("--timeout") { Description = "seconds a collection may take", DefaultValueFactory = _ => 300 };
        unused.AcceptOnlyFromAmong([.. MtaCatalog.All.Select(d => d.Id)]);

        var cmd = new Command("fix", "Show (or with --apply, carry out) the steps that stop an unused MTA or update a used one");
        foreach (var o in new Option[] { evidence, unused, unusedFile, mask, apply, journal, undo, stepTimeout, timeout }) cmd.Options.Add(o);
        var report = new ReportOptions();
        report.AddTo(cmd);

        var fleet = new FleetScanOptions();
        fleet.AddConnectionTo(cmd);
        var journalDir = new Option<string?>("--journal-dir") { Description = "where journals go, named after the host (with --host/--inventory: its inventory name); default /var/lib/mta-audit/fix" };
        cmd.Options.Add(journalDir);

        cmd.SetAction(r =>
        {
            var l = report.LangOf(r);
            var steps = TimeSpan.FromSeconds(Math.Max(1, r.GetValue(stepTimeout)));
            var collectTimeout = TimeSpan.FromSeconds(Math.Max(5, r.GetValue(timeout)));
            if (r.GetValue(undo) is { } undoPath)
                return Undo(r, fleet, undoPath, steps, collectTimeout, l);
            if (r.GetValue(apply) && r.GetValue(evidence) is not null)
            {
                HelpText.Complain(Glossary.Say("err.fix.apply-evidence"), l);
                return ExitCodes.Usage;
            }
            if (fleet.NamesHosts(r) && r.GetValue(evidence) is not null)
            {
                HelpText.Complain(Glossary.Say("err.fix.evidence-or-hosts"), l);
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
                    HelpText.Complain(Glossary.Say("err.input.cannot-read", ("path", uf), ("cause", e.Message)), l);
                    return ExitCodes.Usage;
                }
            }
            var run = new FixRun(options, l, r.GetValue(report.Format) == "json", new PlanSettings(r.GetValue(mask)),
                r.GetValue(unused) ?? [], unusedHosts, steps, collectTimeout);
            if (fleet.NamesHosts(r))
                return FixHosts.Run(r, fleet, run, r.GetValue(apply), r.GetValue(journal), r.GetValue(journalDir));

            var target = new LocalTarget();
            var collections = new List<Collection>();
            var errors = new List<string>();
            if (r.GetValue(evidence) is { } file)
            {
                try
                {
                    foreach (var item in BundleReader.ReadFile(file))
                    {
                        if (item.Error is { } bad) { errors.Add(TerminalText.Clean(Glossary.Say("err.input.bundle", ("path", bad.Source), ("line", bad.Line), ("cause", bad.Said)).Get(l))); continue; }
                        var facts = FactsBuilder.Build(item.Bundle!);
                        collections.Add(new Collection(facts, U45Rule.Judge(facts, options, item.Bundle!.Source, item.Bundle.CollectedAt), item.Bundle));
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    HelpText.Complain(Glossary.Say("err.input.cannot-read", ("path", file), ("cause", e.Message)), l);
                    return ExitCodes.Usage;
                }
                if (collections.Count == 0)
                {
                    foreach (var e in errors) Console.Error.WriteLine("mta-audit: " + e);
                    HelpText.Complain(Glossary.Say("err.fix.no-bundle", ("path", file)), l);
                    return ExitCodes.Usage;
                }
            }
            else
            {
                try { collections.Add(FixSession.Collect(target, options, collectTimeout)); }
                catch (FixException e) { HelpText.Complain(e.Said, l); return ExitCodes.Usage; }
            }

            var plans = collections.Select(c => run.PlanFor(c)).ToList();
            run.Print(plans, errors);
            foreach (var e in errors) Console.Error.WriteLine("mta-audit: " + e);
            if (!r.GetValue(apply)) return ExitCodes.Good;

            var plan = plans.Single();
            return run.Apply(target, plan, r.GetValue(journal) ?? DefaultJournal(r.GetValue(journalDir) ?? "/var/lib/mta-audit/fix", plan.Host));
        });
        return cmd;
    }

    private static HashSet<string> ReadHostList(string path) =>
        File.ReadLines(path).Select(l => l.Split('#')[0].Trim().ToLowerInvariant()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);

    internal static string DefaultJournal(string dir, string host)
    {
        var safe = new string(host.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_').ToArray());
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return Path.Combine(dir, $"{safe}-{stamp}.journal");
    }

    /// <summary>
    /// --undo JOURNAL: on the machine the journal names. A journal of a remote run (its "start" line has the host's
    /// address) is undone over SSH with this command's connection options (keys, known_hosts, jump, sudo).
    /// </summary>
    private static int Undo(ParseResult r, FleetScanOptions fleet, string path, TimeSpan steps, TimeSpan collectTimeout, Lang l)
    {
        if (!File.Exists(path))
        {
            HelpText.Complain(Glossary.Say("err.fix.no-journal", ("path", path)), l);
            return ExitCodes.Usage;
        }
        string? remote;
        try { remote = Journal.RemoteOf(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            HelpText.Complain(Glossary.Say("err.input.cannot-read", ("path", path), ("cause", e.Message)), l);
            return ExitCodes.Usage;
        }
        if (fleet.NamesHosts(r))
            HelpText.Complain(Glossary.Say("err.fix.journal-host", ("path", path), ("host", remote is null ? Glossary.Word("err.fix.journal-this-machine", l) : remote)), l);
        if (remote is null) return Undo(new LocalTarget(), path, steps, l);
        if (!Fleet.Target.TryParse(remote, out var host, out var problem))
        {
            HelpText.Complain(Glossary.Say("err.fix.journal-remote", ("path", path), ("cause", problem)), l);
            return ExitCodes.Usage;
        }
        try
        {
            using var targets = new SshTargets(FleetScanCommand.Settings(r, fleet, 10, (int)collectTimeout.TotalSeconds, l));
            using var target = targets.Open(host);
            Console.Out.WriteLine($"{TerminalText.Clean(remote)}:");
            return Undo(target, path, steps, l);
        }
        catch (Exception e) when (e is FixException or Collect.Ssh.SshSetupException or Fleet.InventoryException or SecretInputException)
        {
            HelpText.Complain(Glossary.Say("err.fix.not-undone", ("cause", Said.Of(e, "err.fleet.setup").Get(l))), l);
            return ExitCodes.Usage;
        }
    }

    private static int Undo(ITarget target, string path, TimeSpan steps, Lang l)
    {
        if (!File.Exists(path))
        {
            HelpText.Complain(Glossary.Say("err.fix.no-journal", ("path", path)), l);
            return ExitCodes.Usage;
        }
        var outcomes = new FixUndo(target, steps).Undo(path, out var problems);
        foreach (var p in problems) Console.Error.WriteLine("mta-audit: " + p);
        foreach (var o in outcomes)
            Console.Out.WriteLine($"  {o.Step}. {Glossary.Word("undo.result." + o.Result, l)}: {TerminalText.Clean(o.Target)}" + (o.Message is null ? "" : " — " + TerminalText.Clean(o.Message.Get(l))));
        if (outcomes.Count == 0) Console.Out.WriteLine(Glossary.Word("err.fix.nothing-to-undo", l));
        return outcomes.Any(o => o.Result == "failed") ? Failed : ExitCodes.Good;
    }
}
