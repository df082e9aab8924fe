using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Mta;

/// <summary>
/// Everything mta-audit knows about one MTA product: how its packages, daemons, services
/// and binaries look on each OS, and how to read its version output. One file per MTA;
/// to add one, write the class and list it in <see cref="MtaCatalog"/>.
/// </summary>
public interface IMtaDefinition
{
    /// <summary>Report id: sendmail, postfix, exim, opensmtpd.</summary>
    string Id { get; }
    string DisplayName { get; }
    /// <summary>The evidence probe carrying its version output, e.g. <c>mta.postfix.version</c>.</summary>
    string VersionProbe { get; }

    /// <summary>True when the package installs this MTA's daemon (not a client, doc or -cf package).</summary>
    bool IsMtaPackage(InstalledPackage package);

    /// <summary>True when the process is this MTA's daemon (master, exim -bd, sendmail: accepting…, smtpd).</summary>
    bool IsDaemon(ProcessInfo process);

    /// <summary>True when the service record (systemd unit, SMF FMRI, SRC subsystem, rc switch) is this MTA's.</summary>
    bool IsService(ServiceRecord service);

    /// <summary>True when a listening socket's program (ss -p) is this MTA's daemon.</summary>
    bool IsSocketOwner(string processName);

    /// <summary>
    /// Users its daemon runs as (root, and the MTA's own system users). A process that looks like the
    /// daemon under any other user (a normal user's "sendmail: accepting connections") is not counted.
    /// </summary>
    IReadOnlyList<string> DaemonUsers { get; }

    /// <summary>Reads a version probe's output. Never throws; wrappers give <see cref="VersionOutcome.NotThisMta"/>.</summary>
    VersionReading ParseVersion(EvidenceSection section);
}
