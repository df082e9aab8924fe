namespace MtaAudit.Evidence;

/// <summary>What the collector says happened to one probe (the <c>rc=</c> attribute).</summary>
public enum ProbeOutcome
{
    /// <summary>The command ran; <see cref="EvidenceSection.ExitCode"/> holds its status.</summary>
    Ran,
    /// <summary><c>rc=absent</c>: the program or file does not exist on the host (checked, not there).</summary>
    Absent,
    /// <summary><c>rc=timeout</c>: the collector killed it at its time limit; content is partial.</summary>
    Timeout,
    /// <summary><c>rc=skipped</c>: the collector was told not to run it (MTA_AUDIT_SKIP); nothing is known.</summary>
    Skipped,
    /// <summary>The rc attribute was missing or not understood: treat the content as unreliable.</summary>
    Unknown,
}
