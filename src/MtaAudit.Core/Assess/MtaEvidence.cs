using MtaAudit.Facts;
using MtaAudit.Mta;

namespace MtaAudit.Assess;

/// <summary>
/// Every fact about one MTA on one host, gathered from all probes. Deciding "installed" from
/// several signals (packages, real version output, daemons, service manager) is what keeps
/// Postfix's sendmail wrapper from being taken for Sendmail. Only the host's own processes count
/// (containers' are set apart by the parse stage), a daemon only under its expected users, and a
/// socket only on a mail port and, where ss named its process, when that process is the daemon.
/// </summary>
public sealed class MtaEvidence
{
    public required IMtaDefinition Definition { get; init; }
    public List<InstalledPackage> Packages { get; } = new();
    public List<VersionReading> Versions { get; } = new();
    public List<ProcessInfo> Daemons { get; } = new();
    public List<ServiceRecord> Services { get; } = new();
    public List<ListeningSocket> Sockets { get; } = new();
    /// <summary>Processes that look like the daemon but run as an unexpected user: not counted, reported.</summary>
    public List<ProcessInfo> Impostors { get; } = new();
    /// <summary>The daemon running in a container or another PID namespace on this host: not the host's.</summary>
    public List<ProcessInfo> InContainers { get; } = new();

    public string Id => Definition.Id;

    /// <summary>Readings that printed this MTA's version.</summary>
    public IEnumerable<VersionReading> Found => Versions.Where(v => v.Outcome == VersionOutcome.Found);

    /// <summary>
    /// True when any signal says the MTA itself (not a wrapper) is on the host. A boot switch that is
    /// on (HP-UX SENDMAIL_SERVER=1, an uncommented AIX rc.tcpip line) counts: it starts an installed
    /// daemon; a switch that is off does not, since those files exist on every such host.
    /// </summary>
    public bool Installed =>
        Packages.Count > 0 || Found.Any() || Daemons.Count > 0 || Sockets.Count > 0
        || Services.Any(s => s.Running == true || s.Enabled == true || (s.Manager is "systemd" or "smf" or "src" && IsDefined(s)));

    // A unit that systemd lists as not-found is only referenced, not installed.
    private static bool IsDefined(ServiceRecord s) =>
        !s.State.Contains("not-found", StringComparison.OrdinalIgnoreCase);

    public static List<MtaEvidence> Gather(HostFacts facts)
    {
        var list = new List<MtaEvidence>();
        // The first process of each pid, as GroupBy(pid).First() would pick it.
        var byPid = new Dictionary<int, ProcessInfo>();
        foreach (var p in facts.Processes)
            if (p.Pid is { } pid) byPid.TryAdd(pid, p);
        // Each command line split and each service name reduced once for the host, not once per MTA (IMtaMatcher).
        var commands = Split(facts.Processes);
        var foreignCommands = Split(facts.ForeignProcesses);
        var serviceKeys = new string[facts.Services.Count];
        for (int i = 0; i < serviceKeys.Length; i++) serviceKeys[i] = MtaText.ServiceKey(facts.Services[i].Name);
        foreach (var def in MtaCatalog.All)
        {
            var e = new MtaEvidence { Definition = def };
            var matcher = def as IMtaMatcher;
            foreach (var pkg in facts.Packages)
                if (def.IsMtaPackage(pkg)) e.Packages.Add(pkg);
            foreach (var v in facts.Versions)
                if (v.Mta == def.Id) e.Versions.Add(v);
            for (int i = 0; i < commands.Length; i++)
            {
                var p = facts.Processes[i];
                if (matcher is not null ? matcher.IsDaemon(commands[i]) : def.IsDaemon(p))
                    (MtaText.UserIs(p.User, def.DaemonUsers) ? e.Daemons : e.Impostors).Add(p);
            }
            for (int i = 0; i < foreignCommands.Length; i++)
                if (matcher is not null ? matcher.IsDaemon(foreignCommands[i]) : def.IsDaemon(facts.ForeignProcesses[i]))
                    e.InContainers.Add(facts.ForeignProcesses[i]);
            for (int i = 0; i < serviceKeys.Length; i++)
                if (matcher is not null ? matcher.IsServiceKey(serviceKeys[i]) : def.IsService(facts.Services[i]))
                    e.Services.Add(facts.Services[i]);
            foreach (var s in facts.Listening)
                if (IsOwnSocket(def, s, byPid, e)) e.Sockets.Add(s);
            list.Add(e);
        }
        return list;
    }

    private static MtaText.Command[] Split(List<ProcessInfo> processes)
    {
        var commands = new MtaText.Command[processes.Count];
        for (int i = 0; i < commands.Length; i++) commands[i] = MtaText.Split(processes[i].Args);
        return commands;
    }

    /// <summary>
    /// A socket is the MTA's when it is on a mail port and its process is the MTA's daemon: by pid where
    /// ss tied it to one in the process list, else by the program name ss printed.
    /// </summary>
    private static bool IsOwnSocket(IMtaDefinition def, ListeningSocket s, Dictionary<int, ProcessInfo> byPid, MtaEvidence e)
    {
        if (!MtaText.MailPorts.Contains(s.Port)) return false;
        if (s.Pid is { } pid && byPid.TryGetValue(pid, out var owner))
            return e.Daemons.Contains(owner) || (def.IsSocketOwner(s.ProcessName ?? "") && !e.Impostors.Contains(owner) && IsChildOfDaemon(owner, e, byPid));
        return s.ProcessName is { } name && def.IsSocketOwner(name);
    }

    // ss names the first process holding the socket; for Postfix that may be an smtpd child of master.
    private static bool IsChildOfDaemon(ProcessInfo p, MtaEvidence e, Dictionary<int, ProcessInfo> byPid) =>
        p.Ppid is { } pp && byPid.TryGetValue(pp, out var parent) && e.Daemons.Contains(parent);

    /// <summary>Listeners on a mail port whose owner the evidence does not name (a normal user's ss): any MTA's, or none.</summary>
    public static List<ListeningSocket> UnownedMailListeners(HostFacts facts) =>
        facts.Listening.Where(s => s.ProcessName is null && s.Pid is null && MtaText.MailPorts.Contains(s.Port)).ToList();
}
