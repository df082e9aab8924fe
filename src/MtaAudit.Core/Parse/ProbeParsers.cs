namespace MtaAudit.Parse;

/// <summary>Every probe parser mta-audit knows. Add a new parser's instance here.</summary>
public static class ProbeParsers
{
    public static readonly IReadOnlyList<IProbeParser> All =
    [
        new Os.UnameParser(),
        new Os.OsReleaseParser(),
        new Os.HostIdParser(),
        new Processes.PsParser(),
        new Processes.ProcNsParser(),
        new Network.ListenParser(),
        new Network.AddressParser(),
        new MtaAudit.Services.SystemdUnitsParser(),
        new MtaAudit.Services.SystemdUnitFilesParser(),
        new MtaAudit.Services.SystemdStatusParser(),
        new MtaAudit.Services.SmfParser(),
        new MtaAudit.Services.SrcParser(),
        new MtaAudit.Services.SysvParser(),
        new MtaAudit.Services.AixRcTcpipParser(),
        new MtaAudit.Services.HpuxMailservsParser(),
        new MtaAudit.Services.FreeBsdRcConfParser(),
        new Packages.DpkgParser(),
        new Packages.RpmParser(),
        new Packages.SolarisPackageParser(),
        new Packages.AixLslppParser(),
        new Packages.HpuxSwlistParser(),
        new Binaries.LsBinariesParser(),
        new Vendor.PendingUpdatesParser(),
        new Vendor.RepoAgeParser(),
        new Vendor.ChangelogParser(),
        new Vendor.PackageSourcesParser(),
        new Build.EximBuildParser(),
        new Build.SendmailBuildParser(),
        new Build.PostfixBuildParser(),
        new Build.LibcParser(),
        new Queue.MailQueueParser(),
    ];
}
