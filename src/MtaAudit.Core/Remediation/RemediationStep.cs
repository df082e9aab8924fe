namespace MtaAudit.Remediation;

/// <summary>What a step does; the JSON name is <see cref="StepKinds.Json"/>.</summary>
public enum StepKind { ServiceStop, ServiceDisable, UnitMask, FileLineEdit, PackageUpdate, PackageRemoval, Manual }

public static class StepKinds
{
    public static string Json(this StepKind k) => k switch
    {
        StepKind.ServiceStop => "service-stop",
        StepKind.ServiceDisable => "service-disable",
        StepKind.UnitMask => "unit-mask",
        StepKind.FileLineEdit => "file-line-edit",
        StepKind.PackageUpdate => "package-update",
        StepKind.PackageRemoval => "package-removal",
        _ => "manual",
    };
}

/// <summary>
/// One typed remediation step: an action on one target, with the state it expects before and the
/// state it must leave. Steps are data: how they read in ko/en is <see cref="StepText"/>, in JSON
/// <see cref="PlanJson"/>, and how they run, check and undo is the Fix stage's business.
/// <see cref="Command"/> is an argument vector (never a shell string: target text is never interpolated);
/// null when the step is a file edit or something only a person can do.
/// </summary>
public abstract record RemediationStep
{
    public abstract StepKind Kind { get; }

    /// <summary>The service or package manager the step goes through (systemd, smf, dpkg…), null for a file edit.</summary>
    public static string? ManagerOf(RemediationStep step) => step switch
    {
        ServiceStop s => s.Manager,
        ServiceDisable s => s.Manager,
        UnitMask => "systemd",
        PackageUpdate p => p.Manager,
        PackageRemoval p => p.Manager,
        _ => null,
    };

    /// <summary>What the step acts on: a unit, FMRI, subsystem, file path or package name.</summary>
    public abstract string Target { get; }
    /// <summary>The state the step expects to find (as its check reports it), e.g. "active", "enabled".</summary>
    public abstract string Before { get; }
    /// <summary>The state it must leave, e.g. "inactive", "disabled", a package version.</summary>
    public abstract string After { get; }
    public virtual IReadOnlyList<string>? Command => null;
    /// <summary>False for steps a person must do (vendor patches, source builds, a process that outlived its service).</summary>
    public virtual bool Automatic => true;
}

/// <summary>
/// Stop a service now. <see cref="Manager"/>: systemd, smf, src, hpux-rc, sysv.
/// </summary>
public sealed record ServiceStop(string Manager, string Service, IReadOnlyList<string> StopCommand, string ExpectedBefore = "running") : RemediationStep
{
    public override StepKind Kind => StepKind.ServiceStop;
    public override string Target => Service;
    public override string Before => ExpectedBefore;
    public override string After => "stopped";
    public override IReadOnlyList<string>? Command => StopCommand;
}

/// <summary>Keep a service from starting at boot (systemctl disable, svcadm disable, update-rc.d/chkconfig).</summary>
public sealed record ServiceDisable(string Manager, string Service, IReadOnlyList<string> DisableCommand, string ExpectedBefore = "enabled") : RemediationStep
{
    public override StepKind Kind => StepKind.ServiceDisable;
    public override string Target => Service;
    public override string Before => ExpectedBefore;
    public override string After => "disabled";
    public override IReadOnlyList<string>? Command => DisableCommand;
}

/// <summary>systemctl mask: not even another unit or a socket can start it (asked for with --mask).</summary>
public sealed record UnitMask(string Unit) : RemediationStep
{
    public override StepKind Kind => StepKind.UnitMask;
    public override string Target => Unit;
    public override string Before => "not masked";
    public override string After => "masked";
    public override IReadOnlyList<string>? Command => ["systemctl", "mask", Unit];
}

/// <summary>Edit lines of a boot configuration file (AIX /etc/rc.tcpip, HP-UX /etc/rc.config.d/mailservs); the edit is <see cref="LineEdits"/>'s.</summary>
public sealed record FileLineEdit(string Path, LineEdit Edit) : RemediationStep
{
    public override StepKind Kind => StepKind.FileLineEdit;
    public override string Target => Path;
    public override string Before => Edit.BeforeState;
    public override string After => Edit.AfterState;
}

/// <summary>
/// Update only this package with the vendor's package manager. <see cref="ToVersion"/> is the version
/// the vendor data says comes (pending update), else null: then "newer than <see cref="FromVersion"/>".
/// </summary>
public sealed record PackageUpdate(string Manager, string Package, string FromVersion, string? ToVersion,
    IReadOnlyList<string> UpdateCommand, IReadOnlyDictionary<string, string>? Environment = null) : RemediationStep
{
    public override StepKind Kind => StepKind.PackageUpdate;
    public override string Target => Package;
    public override string Before => FromVersion;
    public override string After => ToVersion ?? "newer than " + FromVersion;
    public override IReadOnlyList<string>? Command => UpdateCommand;
}

/// <summary>Remove the MTA's package: shown for an unused MTA, never run (removal is a decision for a person).</summary>
public sealed record PackageRemoval(string Manager, string Package, string Version, IReadOnlyList<string> RemoveCommand) : RemediationStep
{
    public override StepKind Kind => StepKind.PackageRemoval;
    public override string Target => Package;
    public override string Before => "installed " + Version;
    public override string After => "removed";
    public override IReadOnlyList<string>? Command => RemoveCommand;
    public override bool Automatic => false;
}

/// <summary>Something only a person can do or decide, said in both languages.</summary>
public sealed record ManualStep(string What, Localized Text) : RemediationStep
{
    public override StepKind Kind => StepKind.Manual;
    public override string Target => What;
    public override string Before => "";
    public override string After => "";
    public override bool Automatic => false;
}
