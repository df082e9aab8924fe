using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Mta;

/// <summary>
/// Exim. Decisions:
/// <list type="bullet">
/// <item>Packages: Debian's daemon packages <c>exim4-daemon-light</c>, <c>exim4-daemon-heavy</c> (and any
/// other <c>exim4-daemon-*</c> flavour built with exim4-source); <c>exim4-base</c> holds support files
/// and <c>exim4</c> is a meta package, <c>exim4-config</c> configuration only: none is the daemon.
/// Debian's old Exim 3 package <c>exim</c> and rpm <c>exim</c> hold the daemon; exim-mysql,
/// exim-pgsql, exim-greylist, exim-doc do not.</item>
/// <item>Processes: exim or exim4 (or a self-built exim-4.84-3) started as a daemon (-bd) or as a
/// queue runner with an interval (-q30m): "/usr/sbin/exim4 -bd -q30m", "/usr/sbin/exim -bd -q1h".
/// Per-message deliveries (-Mc ...) and client submissions (-t, -bm) are transient.</item>
/// <item>Services and sockets: exim4, exim.</item>
/// </list>
/// </summary>
public sealed partial class EximDefinition : IMtaDefinition, IMtaMatcher
{
    public string Id => "exim";
    public string DisplayName => "Exim";
    public string VersionProbe => "mta.exim.version";

    public bool IsMtaPackage(InstalledPackage package) => package.Manager switch
    {
        "dpkg" => package.Name.StartsWith("exim4-daemon-", StringComparison.Ordinal) || package.Name == "exim",
        _ => package.Name == "exim",
    };

    [GeneratedRegex(@"^exim(?:4)?(?:-\d[\w.-]*)?$")]
    private static partial Regex ProgramName();

    public bool IsDaemon(ProcessInfo process) => IsDaemon(MtaText.Split(process.Args));

    bool IMtaMatcher.IsDaemon(in MtaText.Command command) => IsDaemon(command);

    private static bool IsDaemon(in MtaText.Command c)
    {
        if (c.ProcTitle || !ProgramName().IsMatch(c.Name)) return false;
        foreach (var f in MtaText.Flags(c.Args))
            if (f is "-bd" or "-bdf" || MtaText.IsQueueInterval(f)) return true;
        return false;
    }

    public bool IsService(ServiceRecord service) => IsServiceKey(MtaText.ServiceKey(service.Name));

    bool IMtaMatcher.IsServiceKey(string key) => IsServiceKey(key);

    private static bool IsServiceKey(string key) => key is "exim4" or "exim";

    public bool IsSocketOwner(string processName) => MtaText.SocketProgram(processName) is "exim4" or "exim";

    public IReadOnlyList<string> DaemonUsers { get; } = ["root", "Debian-exim", "exim", "mail", "mailnull"];

    // "Exim version 4.96 #2 built 11-Jan-2024 ..." (also after a "cwd=" or a log-style warning line).
    [GeneratedRegex(@"Exim version\s+(?<text>\S+)")]
    private static partial Regex VersionLine();

    // 4.96, 4.94.2, and the older "_N" patch spelling 4.84_2 = 4.84.2. Development builds
    // (4.90devstart_213-7c6ec81-XX, 4.97-RC1) are no release: no normalized version.
    [GeneratedRegex(@"^(?<base>\d+\.\d+(?:\.\d+)?)(?:_(?<patch>\d+))?$")]
    private static partial Regex Release();

    public VersionReading ParseVersion(EvidenceSection section) => MtaText.Guarded(Id, section, () =>
    {
        foreach (var line in MtaText.Lines(section))
        {
            var m = VersionLine().Match(line);
            if (!m.Success) continue;
            var text = m.Groups["text"].Value;
            var r = Release().Match(text);
            string? version = null;
            if (r.Success)
                version = MtaText.Checked(r.Groups["patch"].Success ? r.Groups["base"].Value + "." + r.Groups["patch"].Value : r.Groups["base"].Value);
            return MtaText.Reading(Id, section, VersionOutcome.Found, text, version, line);
        }
        return MtaText.Unreadable(Id, section);
    });
}
