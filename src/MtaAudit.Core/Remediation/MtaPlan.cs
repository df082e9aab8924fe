namespace MtaAudit.Remediation;

/// <summary>Why an MTA gets a plan: the user said it is not used (stop and disable), or it needs the vendor's update.</summary>
public enum PlanDecision { Unused, Update }

/// <summary>The typed steps for one MTA on one host, in the order they run, and notes for the person reading it.</summary>
public sealed record MtaPlan(string Mta, PlanDecision Decision, IReadOnlyList<RemediationStep> Steps, IReadOnlyList<Localized> Notes);

/// <summary>Choices the user makes for a plan.</summary>
/// <param name="Mask">Also mask systemd units (nothing, not even another unit, can start them).</param>
public sealed record PlanSettings(bool Mask = false)
{
    public static readonly PlanSettings Default = new();
}
