using System.Text.RegularExpressions;
using MtaAudit.Mta;
using MtaAudit.Remediation;

namespace MtaAudit.Fix;

/// <summary>
/// Reads a step's target state live on the machine (<see cref="Observe"/>), says whether it is the state
/// the step must leave (<see cref="Holds"/>) and what command brings back a state seen before
/// (<see cref="UndoCommand"/>). One place per service and package manager, each with the manager's own
/// read-only command: systemctl is-active/is-enabled, svcs -H -o state, lssrc -s, service status,
/// dpkg-query/rpm -q. File edits are checked in <see cref="FixRunner"/> from the file's bytes.
/// </summary>
public static partial class StepChecks
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(30);

    // Links that start a unit at the next boot. "-runtime" links live in /run and are gone at the next
    // boot unless a generator makes them again for the unit that pulls this one in (Debian 12's
    // postfix@-.service is "enabled-runtime", made by postfix-instance-generator for postfix.service,
    // and `systemctl disable` cannot remove it): disabling that parent is what keeps it off.
    private static readonly HashSet<string> EnabledWords = new(StringComparer.Ordinal) { "enabled", "linked" };
    private static readonly HashSet<string> RunningWords = new(StringComparer.Ordinal)
        { "active", "activating", "reloading", "deactivating", "refreshing" };

    public static string Observe(ITarget t, RemediationStep step) => step switch
    {
        ServiceStop { Manager: "systemd" } s => Word(t.Run(["systemctl", "is-active", s.Service], CheckTimeout)),
        ServiceDisable { Manager: "systemd" } s => Word(t.Run(["systemctl", "is-enabled", s.Service], CheckTimeout)),
        UnitMask m => Word(t.Run(["systemctl", "is-enabled", m.Unit], CheckTimeout)),
        ServiceDisable { Manager: "smf" } s => Word(t.Run(["svcs", "-H", "-o", "state", s.Service], CheckTimeout)),
        ServiceStop { Manager: "src" } s => SrcState(t.Run(["lssrc", "-s", s.Service], CheckTimeout)),
        ServiceStop { Manager: "hpux-rc" } => DaemonState(t, "sendmail"),
        ServiceStop { Manager: "sysv" } s => t.Run(["service", s.Service, "status"], CheckTimeout) switch
        {
            { ExitCode: 0 } => "running",
            { ExitCode: 3 } => "stopped",
            var r => "unknown (" + r.Summary + ")",
        },
        ServiceDisable { Manager: "sysv" } s => SysvEnabled(t, s.Service, s.DisableCommand[0] == "update-rc.d"),
        PackageUpdate p => InstalledVersion(t, p.Manager, p.Package) ?? "not installed",
        _ => "unknown",
    };

    public static bool Holds(RemediationStep step, string observed) => step switch
    {
        ServiceStop { Manager: "systemd" } => !RunningWords.Contains(observed) && !observed.StartsWith("unknown", StringComparison.Ordinal),
        ServiceDisable { Manager: "systemd" } => !EnabledWords.Contains(observed) && !observed.StartsWith("unknown", StringComparison.Ordinal),
        UnitMask => observed is "masked" or "masked-runtime",
        ServiceDisable { Manager: "smf" } => observed == "disabled",
        ServiceStop => observed == "stopped" || observed == "inoperative",
        ServiceDisable => observed == "disabled",
        PackageUpdate p => p.ToVersion is { } to ? observed == to : observed != p.FromVersion && observed != "not installed",
        _ => false,
    };

    /// <summary>
    /// True when two readings mean the same thing for the step: "deactivating" and "active" are both
    /// running (a unit seen while its parent was stopping it), "static" and "disabled" both not enabled.
    /// </summary>
    public static bool SameState(RemediationStep step, string a, string b) => a == b || Holds(step, a) == Holds(step, b)
        && !a.StartsWith("unknown", StringComparison.Ordinal) && !b.StartsWith("unknown", StringComparison.Ordinal);

    /// <summary>The command that brings back the state <paramref name="before"/>, or null when there is nothing to bring back.</summary>
    public static IReadOnlyList<string>? UndoCommand(RemediationStep step, string before) => step switch
    {
        ServiceStop { Manager: "systemd" } s when RunningWords.Contains(before) => ["systemctl", "start", s.Service],
        ServiceDisable { Manager: "systemd" } s when EnabledWords.Contains(before) => ["systemctl", "enable", s.Service],
        UnitMask m when before is not ("masked" or "masked-runtime") => ["systemctl", "unmask", m.Unit],
        ServiceDisable { Manager: "smf" } s when before != "disabled" => ["svcadm", "enable", s.Service],
        ServiceStop { Manager: "src" } s when before == "active" => ["startsrc", "-s", s.Service],
        ServiceStop { Manager: "hpux-rc" } s when before == "running" => [HpuxRcPlanner.Script, "start"],
        ServiceStop { Manager: "sysv" } s when before == "running" => ["service", s.Service, "start"],
        ServiceDisable { Manager: "sysv" } s when before == "enabled" =>
            s.DisableCommand[0] == "update-rc.d" ? ["update-rc.d", s.Service, "enable"] : ["chkconfig", s.Service, "on"],
        _ => null,
    };

    /// <summary>The first word systemctl/svcs printed ("active", "disabled"…); "unknown (…)" when it printed none.</summary>
    private static string Word(CommandResult r)
    {
        var w = r.Stdout.Split((char[])['\n', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return w is null || r.TimedOut ? "unknown (" + r.Summary + ")" : TerminalText.Clean(w);
    }

    // lssrc -s sendmail: "Subsystem Group PID Status" then "sendmail mail 3932 active" / "sendmail mail inoperative".
    private static string SrcState(CommandResult r)
    {
        var line = r.Stdout.Split('\n').Skip(1).FirstOrDefault(l => l.Trim().Length > 0);
        var last = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return last is "active" or "inoperative" ? last : "unknown (" + r.Summary + ")";
    }

    private static string DaemonState(ITarget t, string mta)
    {
        var r = t.Run(["ps", "-e", "-o", "pid=,args="], CheckTimeout);
        if (!r.Ok) return "unknown (" + r.Summary + ")";
        var def = MtaCatalog.All.First(d => d.Id == mta);
        return Processes(r.Stdout).Any(def.IsDaemon) ? "running" : "stopped";
    }

    /// <summary>"PID ARGS" lines of ps as processes.</summary>
    public static IEnumerable<Facts.ProcessInfo> Processes(string psOutput)
    {
        foreach (var line in psOutput.Split('\n'))
        {
            var w = line.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            if (w.Length == 2 && int.TryParse(w[0], out var pid)) yield return new Facts.ProcessInfo(pid, null, null, w[1].Trim(), line);
        }
    }

    private static string SysvEnabled(ITarget t, string service, bool debian)
    {
        if (debian)
        {
            var r = t.Run(["ls", "/etc/rc2.d", "/etc/rc3.d", "/etc/rc4.d", "/etc/rc5.d"], CheckTimeout);
            if (r.ExitCode is null) return "unknown (" + r.Summary + ")";
            return r.Stdout.Split('\n').Any(l => StartLink().Match(l.Trim()) is { Success: true } m && m.Groups["name"].Value == service) ? "enabled" : "disabled";
        }
        var c = t.Run(["chkconfig", "--list", service], CheckTimeout);
        if (!c.Ok) return "unknown (" + c.Summary + ")";
        return c.Stdout.Contains(":on", StringComparison.Ordinal) ? "enabled" : "disabled";
    }

    [GeneratedRegex(@"^S\d\d(?<name>\S+)$")]
    private static partial Regex StartLink();

    public static string? InstalledVersion(ITarget t, string manager, string package)
    {
        CommandResult r = manager switch
        {
            "dpkg" => t.Run(["dpkg-query", "-W", "-f=${Version}", package], CheckTimeout),
            "rpm" => t.Run(["rpm", "-q", "--qf", "%{VERSION}-%{RELEASE}", package], CheckTimeout),
            "ips" => t.Run(["pkg", "list", "-H", package], CheckTimeout),
            _ => new CommandResult(1, [], "", false),
        };
        if (!r.Ok) return null;
        var text = r.Stdout.Trim();
        if (manager == "ips") text = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).FirstOrDefault() ?? "";
        return text.Length == 0 ? null : TerminalText.Clean(text);
    }
}
