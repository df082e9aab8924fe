using MtaAudit.Facts;
using MtaAudit.Mta;

namespace MtaAudit.Assess;

/// <summary>
/// Every fact about one MTA on one host, gathered from all probes. Deciding "installed" from
/// several signals (packages, real version output, daemons, service manager) is what keeps
/// Postfix's sendmail wrapper from being taken for Sendmail.
/// </summary>
public sealed class MtaEvidence
{
    public required IMtaDefinition Definition { get; init; }
    public List<InstalledPackage> Packages { get; } = new();
    public List<VersionReading> Versions { get; } = new();
    public List<ProcessInfo> Daemons { get; } = new();
    public List<ServiceRecord> Services { get; } = new();
    public List<ListeningSocket> Sockets { get; } = new();

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
        foreach (var def in MtaCatalog.All)
        {
            var e = new MtaEvidence { Definition = def };
            e.Packages.AddRange(facts.Packages.Where(def.IsMtaPackage));
            e.Versions.AddRange(facts.Versions.Where(v => v.Mta == def.Id));
            e.Daemons.AddRange(facts.Processes.Where(def.IsDaemon));
            e.Services.AddRange(facts.Services.Where(def.IsService));
            e.Sockets.AddRange(facts.Listening.Where(s => s.ProcessName is { } p && def.IsSocketOwner(p)));
            list.Add(e);
        }
        return list;
    }
}
