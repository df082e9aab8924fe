using System.CommandLine;
using System.Runtime.InteropServices;
using MtaAudit.Assess;
using MtaAudit.Collect.Ssh;
using MtaAudit.Fleet;
using MtaAudit.Render;
using MtaAudit.Store;

namespace MtaAudit.Cli;

/// <summary>
/// `scan --host/--inventory`: the embedded collector over SSH on many hosts, results kept in the
/// store as each host ends, the report rendered from the store (docs/fleet.md).
/// </summary>
internal static class FleetScanCommand
{
    public static int Run(ParseResult r, FleetScanOptions o, ReportOptions report, int probeTimeout, int commandTimeout)
    {
        var lang = report.LangOf(r);
        var (analysis, problem) = report.Prepare(r);
        if (analysis is null) return Usage(Glossary.Same(problem!), lang);
        try
        {
            return Scan(r, o, report, analysis, probeTimeout, commandTimeout);
        }
        catch (Exception e) when (e is InventoryException or StoreException or SshSetupException or SshAgentException or InvalidOperationException)
        {
            return Usage(Said.Of(e, "err.fleet.setup"), lang);
        }
    }

    private static int Scan(ParseResult r, FleetScanOptions o, ReportOptions report, AnalysisOptions analysis, int probeTimeout, int commandTimeout)
    {
        var lang = report.LangOf(r);
        if (r.GetValue(o.Forks) < 1) return Usage(Glossary.Say("err.fleet.forks"), lang);
        if (r.GetValue(o.MaxOutput) < 1) return Usage(Glossary.Say("err.fleet.max-output"), lang);
        var settings = Settings(r, o, probeTimeout, commandTimeout, lang);
        bool resuming = r.GetValue(o.Resume) || r.GetValue(o.Run) is not null;
        // Keys and agent first: a setup error stops a new run before it is recorded in the store
        // (a resumed run with nothing left only reports, and needs no credentials).
        var collector = resuming ? null : NewCollector(settings, lang);

        using var store = FleetStore.Open(r.GetValue(o.StorePath) ?? DefaultStore());
        long run;
        List<Target> pending;
        if (resuming)
        {
            if ((r.GetValue(o.Run) ?? store.LastRun()) is not { } last) return Usage(Glossary.Say("err.fleet.no-run-to-resume", ("path", store.Path)), lang);
            run = last;
            if (!store.RunExists(run)) return Usage(Glossary.Say("err.fleet.no-such-run", ("path", store.Path), ("run", run)), lang);
            if ((r.GetValue(o.Hosts) ?? []).Length > 0 || r.GetValue(o.Inventory) is not null)
                HelpText.Complain(Glossary.Say("note.fleet.resume-ignores-hosts", ("run", run)), lang);
            if (r.GetValue(o.RetryFailed)) store.ForgetFailures(run);
            pending = store.Pending(run);
            HelpText.Complain(Glossary.Say("note.fleet.resumed", ("run", run), ("path", store.Path), ("left", pending.Count), ("total", store.HostCount(run))), lang);
        }
        else
        {
            var targets = Targets(r, o);
            if (targets.Count == 0) return Usage(Glossary.Say("err.fleet.no-hosts"), lang);
            run = store.NewRun(targets, r.GetValue(o.Inventory) ?? "--host");
            pending = targets;
            HelpText.Complain(Glossary.Say("note.fleet.started", ("run", run), ("path", store.Path), ("count", targets.Count), ("forks", r.GetValue(o.Forks))), lang);
        }

        using var cts = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; cts.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; cts.Cancel(); });

        var evidenceErrors = new List<Localized>();
        if (pending.Count > 0)
        {
            collector ??= NewCollector(settings, lang);
            using (var progress = new FleetProgress(pending.Count, live: !Console.IsErrorRedirected, lang))
            {
                var scanner = new FleetScanner(collector, store, analysis, progress)
                {
                    Forks = r.GetValue(o.Forks),
                    EvidenceDir = r.GetValue(o.EvidenceDir),
                };
                scanner.RunAsync(run, pending, cts.Token).GetAwaiter().GetResult();
                evidenceErrors.AddRange(scanner.EvidenceErrors);
            }
        }
        collector?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        int left = store.Pending(run).Count;
        if (left == 0) store.Finish(run);

        var notes = evidenceErrors;
        if (left > 0) notes.Add(Glossary.Say("note.fleet.stopped", ("run", run), ("left", left)));
        foreach (var n in notes) HelpText.Complain(n, lang);
        return Emit(r, report, analysis, store, run, notes);
    }

    /// <summary>
    /// Renders the run from the store, host by host, through the chosen format's sink; returns the exit code its
    /// verdicts call for. Hosts left unscanned and evidence files that could not be written count as unreadable input.
    /// </summary>
    private static int Emit(ParseResult r, ReportOptions report, AnalysisOptions analysis, FleetStore store, long run, IReadOnlyList<Localized> notes) =>
        report.Write(r, report.Meta(r, analysis), FleetReport.Entries(store, run, analysis), notes.ToList(), []);

    internal static List<Target> Targets(ParseResult r, FleetScanOptions o)
    {
        var list = new List<Target>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var named = new List<Target>();
        foreach (var h in r.GetValue(o.Hosts) ?? [])
        {
            if (!Target.TryParse(h, out var t, out var problem)) throw new InventoryException(Glossary.Say("inv.option", ("option", "--host"), ("problem", problem)));
            named.Add(t);
        }
        // One address under two users is two targets (what root and admin may see differs): each is then named
        // user@host, so both are scanned, stored and reported apart. The very same target twice is one.
        var shared = named.GroupBy(t => t.Name).Where(g => g.Select(t => t.User).Distinct().Count() > 1).Select(g => g.Key).ToHashSet();
        foreach (var t in named.Select(t => shared.Contains(t.Name) && t.User is not null ? t with { Name = t.User + "@" + t.Name } : t))
            if (seen.Add(t.Name)) list.Add(t);
        if (r.GetValue(o.Inventory) is { } inv)
        {
            foreach (var t in Fleet.Inventory.Load(inv).Targets(r.GetValue(o.Limit), inv))
                if (seen.Add(t.Name)) list.Add(t);
        }
        else if (r.GetValue(o.Limit) is not null)
        {
            throw new InventoryException(Glossary.Say("inv.limit-needs-inventory"));
        }
        return list;
    }

    internal static SshSettings Settings(ParseResult r, FleetScanOptions o, int probeTimeout, int commandTimeout, Lang lang)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var identities = (r.GetValue(o.Identity) ?? []).ToList();
        // As ssh: the default key files only when none was named; the agent alongside either.
        var defaults = identities.Count > 0 ? [] : new[] { "id_ed25519", "id_ecdsa", "id_rsa" }.Select(n => Path.Combine(home, ".ssh", n)).Where(File.Exists).ToList();
        var agentOption = r.GetValue(o.IdentityAgent);
        var agent = agentOption ?? Environment.GetEnvironmentVariable("SSH_AUTH_SOCK");
        if (string.IsNullOrEmpty(agent) || agent == "none") agent = null;
        var known = r.GetValue(o.KnownHosts) ?? Path.Combine(home, ".ssh", "known_hosts");
        Target? jump = null;
        if (r.GetValue(o.Jump) is { } j)
        {
            if (!Target.TryParse(j, out var jt, out var problem)) throw new InventoryException(Glossary.Say("inv.option", ("option", "--jump"), ("problem", problem)));
            jump = jt;
        }
        int connect = Math.Max(1, r.GetValue(o.ConnectTimeout));
        int command = Math.Max(5, commandTimeout);
        int hostTotal = r.GetValue(o.HostTimeout) is > 0 and var t ? t : command + connect + 30;
        return new SshSettings
        {
            DefaultUser = r.GetValue(o.User) ?? Environment.UserName,
            IdentityFiles = identities,
            DefaultIdentityFiles = defaults,
            AgentSocket = agent,
            AgentRequired = agent is not null && agentOption is not null,
            KeyPassphrase = Environment.GetEnvironmentVariable("MTA_AUDIT_SSH_KEY_PASSPHRASE"),
            Password = SecretInput.Get("MTA_AUDIT_SSH_PASSWORD", r.GetValue(o.PasswordPrompt), "secret.ssh-password", lang),
            KnownHosts = KnownHosts.Load(known),
            AcceptNewHostKeys = r.GetValue(o.AcceptNew),
            LegacyAlgorithms = r.GetValue(o.Legacy),
            Jump = jump,
            Sudo = r.GetValue(o.Sudo),
            SudoPassword = r.GetValue(o.Sudo) ? SecretInput.Get("MTA_AUDIT_SUDO_PASSWORD", r.GetValue(o.SudoPasswordPrompt), "secret.sudo-password", lang) : null,
            ConnectTimeout = TimeSpan.FromSeconds(connect),
            CommandTimeout = TimeSpan.FromSeconds(command),
            TotalTimeout = TimeSpan.FromSeconds(hostTotal),
            MaxOutputBytes = r.GetValue(o.MaxOutput) * 1024L * 1024,
            ProbeTimeoutSeconds = Math.Max(1, probeTimeout),
        };
    }

    private static SshCollector NewCollector(SshSettings settings, Lang lang)
    {
        var collector = new SshCollector(settings);
        foreach (var n in collector.SetupNotes) HelpText.Complain(n, lang);
        return collector;
    }

    private static string DefaultStore()
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(state)) state = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return Path.Combine(state, "mta-audit", "fleet.sqlite");
    }

    private static int Usage(Localized message, Lang lang)
    {
        HelpText.Complain(message, lang);
        return ExitCodes.Usage;
    }
}
