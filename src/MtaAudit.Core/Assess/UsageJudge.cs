using MtaAudit.Facts;

namespace MtaAudit.Assess;

/// <summary>
/// Whether an MTA runs now and starts at boot, from processes, sockets and the OS's service
/// manager. null means the evidence does not tell; absence counts only where the probe answered
/// in full (not cut, not failed, not skipped) and no mail port has an owner the evidence cannot name.
/// </summary>
public static class UsageJudge
{
    public static bool? Running(MtaEvidence e, HostFacts facts)
    {
        if (e.Daemons.Count > 0 || e.Sockets.Count > 0 || e.Services.Any(s => s.Running == true)) return true;
        bool psComplete = facts.ProbeFact("proc.list").IsKnown && facts.Processes.Count > 0;
        bool listenKnown = !facts.ProbeFact("net.listen").IsUnknown;
        bool ownersKnown = MtaEvidence.UnownedMailListeners(facts).Count == 0;
        if (psComplete && listenKnown && ownersKnown) return false;
        if (ownersKnown && e.Services.Any(s => s.Running == false) && !facts.ProbeFact("proc.list").IsKnown) return false;
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
