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
                return Undo(r, fleet, undoPath, steps, collectTimeout);
            if (r.GetValue(apply) && r.GetValue(evidence) is not null)
            {
                Console.Error.WriteLine("mta-audit: --apply works on a live host only: leave out --evidence (the plan is made from a fresh collection there)");
                return ExitCodes.Usage;
            }
            if (fleet.NamesHosts(r) && r.GetValue(evidence) is not null)
            {
                Console.Error.WriteLine("mta-audit: --evidence and --host/--inventory: give one of them");
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
    private static int Undo(ParseResult r, FleetScanOptions fleet, string path, TimeSpan steps, TimeSpan collectTimeout)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"mta-audit: {path}: no such journal");
            return ExitCodes.Usage;
        }
        string? remote;
        try { remote = Journal.RemoteOf(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"mta-audit: {path}: cannot read: {TerminalText.Clean(e.Message)}");
            return ExitCodes.Usage;
        }
        if (fleet.NamesHosts(r))
            Console.Error.WriteLine($"mta-audit: {path}: the journal names its own host ({(remote is null ? "this machine" : TerminalText.Clean(remote))}); --host/--inventory are ignored");
        if (remote is null) return Undo(new LocalTarget(), path, steps);
        if (!Fleet.Target.TryParse(remote, out var host, out var problem))
        {
            Console.Error.WriteLine($"mta-audit: {path}: the journal's remote host {problem}");
            return ExitCodes.Usage;
        }
        try
        {
            using var targets = new SshTargets(FleetScanCommand.Settings(r, fleet, 10, (int)collectTimeout.TotalSeconds));
            using var target = targets.Open(host);
            Console.Out.WriteLine($"{TerminalText.Clean(remote)}:");
            return Undo(target, path, steps);
        }
        catch (Exception e) when (e is FixException or Collect.Ssh.SshSetupException or Fleet.InventoryException)
        {
            Console.Error.WriteLine($"mta-audit: {TerminalText.Clean(e.Message)}; nothing was undone");
            return ExitCodes.Usage;
        }
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
