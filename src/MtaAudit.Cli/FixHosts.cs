using System.CommandLine;
using MtaAudit.Collect.Ssh;
using MtaAudit.Fix;
using MtaAudit.Fleet;
using MtaAudit.Remediation;

namespace MtaAudit.Cli;

/// <summary>
/// `fix --host/--inventory`: the same plan, apply and check as on this machine, host after host over the
/// fleet's SSH transport (<see cref="SshTarget"/>), one connection per host for its whole run. Without
/// --apply every host's plan is printed and nothing changes. With --apply each host gets its own journal
/// (named after its inventory name, kept on this machine); a host that cannot be reached or whose run fails
/// is reported on stderr and the next host goes on.
/// </summary>
internal static class FixHosts
{
    public static int Run(ParseResult r, FleetScanOptions fleet, FixRun run, bool apply, string? journal, string? journalDir)
    {
        List<Target> targets;
        SshTargets transport;
        try
        {
            targets = FleetScanCommand.Targets(r, fleet);
            if (targets.Count == 0) return Usage(Glossary.Say("err.fix.no-hosts"), run.Lang);
            if (journal is not null && targets.Count > 1) return Usage(Glossary.Say("err.fix.one-journal"), run.Lang);
            transport = new SshTargets(FleetScanCommand.Settings(r, fleet, 10, (int)run.CollectTimeout.TotalSeconds, run.Lang));
        }
        catch (Exception e) when (e is InventoryException or SshSetupException or InvalidOperationException)
        {
            return Usage(Said.Of(e, "err.fleet.setup"), run.Lang);
        }
        foreach (var n in transport.SetupNotes) HelpText.Complain(n, run.Lang);
        using (transport)
        {
            var plans = new List<HostPlan>();
            var errors = new List<string>();
            bool failed = false;
            foreach (var t in targets)
            {
                try
                {
                    using var target = transport.Open(t);
                    var plan = run.PlanFor(FixSession.Collect(target, run.Options, run.CollectTimeout), t.Name);
                    if (!apply)
                    {
                        plans.Add(plan);
                        continue;
                    }
                    run.Print([plan], []);
                    if (!target.IsRoot)
                    {
                        errors.Add($"{t}: not root there: log in as root or give --sudo; nothing was changed");
                        Console.Error.WriteLine("mta-audit: " + errors[^1]);
                        continue;
                    }
                    var path = journal ?? FixCommand.DefaultJournal(journalDir ?? "/var/lib/mta-audit/fix", t.Name);
                    if (run.Apply(target, plan, path) != ExitCodes.Good) failed = true;
                }
                catch (FixException e)
                {
                    errors.Add(TerminalText.Clean(e.Said.Get(run.Lang)));
                    if (apply) Console.Error.WriteLine("mta-audit: " + errors[^1]);
                }
            }
            if (!apply)
            {
                run.Print(plans, errors);
                foreach (var e in errors) Console.Error.WriteLine("mta-audit: " + e);
            }
            return failed ? 1 : errors.Count > 0 ? ExitCodes.Usage : ExitCodes.Good;
        }
    }

    private static int Usage(Localized message, Lang lang)
    {
        HelpText.Complain(message, lang);
        return ExitCodes.Usage;
    }
}
