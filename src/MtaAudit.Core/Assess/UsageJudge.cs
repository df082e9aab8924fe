using MtaAudit.Facts;

namespace MtaAudit.Assess;

/// <summary>
/// Whether an MTA runs now and starts at boot, from processes, sockets and the OS's service
/// manager. null means the evidence does not tell; absence counts only where the probe ran.
/// </summary>
public static class UsageJudge
{
    public static bool? Running(MtaEvidence e, HostFacts facts)
    {
        if (e.Daemons.Count > 0 || e.Sockets.Count > 0 || e.Services.Any(s => s.Running == true)) return true;
        bool psComplete = facts.Has("proc.list") && !facts.TimedOut.Any(t => t.StartsWith("proc.list", StringComparison.Ordinal));
        if (psComplete && facts.Processes.Count > 0) return false;
        if (e.Services.Any(s => s.Running == false)) return false;
        return null;
    }

    public static bool? Enabled(MtaEvidence e)
    {
        // Where systemd manages the unit, its word wins over rc?.d links, which it ignores for
        // units that have a native unit file.
        var records = e.Services.Where(s => s.Manager == "systemd" && s.Enabled is not null).ToList();
        if (records.Count == 0) records = e.Services;
        if (records.Any(s => s.Enabled == true)) return true;
        if (records.Any(s => s.Enabled == false)) return false;
        return null;
    }
}
