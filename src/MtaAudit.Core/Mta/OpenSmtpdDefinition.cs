using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Mta;

/// <summary>
/// OpenSMTPD. Its daemon is called "smtpd", like Postfix's SMTP server process; telling them apart
/// is this class's main job. Decisions:
/// <list type="bullet">
/// <item>Packages: <c>opensmtpd</c>; opensmtpd-extras and opensmtpd-filter-* add-ons are not the daemon.</item>
/// <item>Processes: the parent "/usr/sbin/smtpd", "/usr/local/sbin/smtpd" or bare "smtpd" (options -d -F -v -f file
/// -D m=v -P -T only), and the children's proctitles "smtpd: control", "smtpd: pony express",
/// "smtpd: klondike", "smtpd: lookup", "smtpd: queue", "smtpd: scheduler", "smtpd: crypto"...
/// (setproctitle by process role). NOT OpenSMTPD: Postfix's children "smtpd -n smtp -t inet -u -c"
/// (master hands every service -n name -t type) and anything under a postfix directory. A bare
/// "smtpd" without arguments is OpenSMTPD's parent as OpenBSD's rcctl starts it; a comm-only
/// listing would show Postfix's children the same way, but the collector lists arguments.
/// "smtpd -n" is OpenSMTPD's configuration check, not a daemon.</item>
/// <item>Sockets: never decided from the name alone: "smtpd" also owns Postfix's listening socket
/// in ss -p output. The analyzer should rely on <see cref="IsDaemon"/> (which sees arguments).</item>
/// <item>Services: opensmtpd (Debian, Fedora), smtpd (Arch, Alpine, OpenBSD rc.d).</item>
/// </list>
/// </summary>
public sealed partial class OpenSmtpdDefinition : IMtaDefinition, IMtaMatcher
{
    public string Id => "opensmtpd";
    public string DisplayName => "OpenSMTPD";
    public string VersionProbe => "mta.opensmtpd.version";

    public bool IsMtaPackage(InstalledPackage package) => package.Name == "opensmtpd";

    private static readonly HashSet<string> Roles = new(StringComparer.Ordinal)
    {
        "parent", "control", "klondike", "crypto", "lookup", "lka", "pony", "queue", "scheduler", "dispatcher", "ca",
    };

    public bool IsDaemon(ProcessInfo process) => IsDaemon(MtaText.Split(process.Args));

    bool IMtaMatcher.IsDaemon(in MtaText.Command command) => IsDaemon(command);

    private static bool IsDaemon(in MtaText.Command c)
    {
        if (c.Name != "smtpd") return false;
        if (c.ProcTitle)
        {
            var role = MtaText.Flags(c.Args).FirstOrDefault() ?? "";
            return c.Path == "smtpd" && Roles.Contains(role);
        }
        if (c.Path.Contains("postfix", StringComparison.OrdinalIgnoreCase)) return false;
        var flags = MtaText.Flags(c.Args);
        // OpenBSD's rcctl starts the parent as bare "smtpd"; Postfix's smtpd always carries arguments.
        if (!c.Path.Contains('/')) return flags.Length == 0;
        // Postfix services always carry -t <type>; OpenSMTPD has no -t, and -n means "check config".
        foreach (var f in flags)
            if (f is "-t" or "-n" or "-u" || (f.Length > 2 && f.StartsWith("-t", StringComparison.Ordinal)))
                return false;
        return true;
    }

    public bool IsService(ServiceRecord service) => IsServiceKey(MtaText.ServiceKey(service.Name));

    bool IMtaMatcher.IsServiceKey(string key) => IsServiceKey(key);

    private static bool IsServiceKey(string key) => key is "opensmtpd" or "smtpd";

    /// <summary>Always false: see the class notes; "smtpd" cannot tell OpenSMTPD from Postfix.</summary>
    public bool IsSocketOwner(string processName) => false;

    public IReadOnlyList<string> DaemonUsers { get; } = ["root", "_smtpd", "opensmtpd", "smtpd", "_smtpq"];

    // "version: OpenSMTPD 6.8.0p2", "version: OpenSMTPD 6.7.0-portable".
    [GeneratedRegex(@"version:\s*OpenSMTPD\s+(?<text>[^\s│|]+)")]
    private static partial Regex VersionLine();

    // Release tags are X.Y.ZpN (the knowledge base names them so: 6.8.0p2, 7.8.0p1, 7.3.0p0); OpenBSD's
    // own smtpd says X.Y.Z. "-portable" marks a build from the portable git tree: it is read as its
    // base version without pN, which compares below every X.Y.ZpN release of that number
    // (the cautious side: never reported newer than it may be).
    [GeneratedRegex(@"^(?<v>\d+\.\d+(?:\.\d+)?(?:p\d+)?)(?:-portable)?$")]
    private static partial Regex Release();

    public VersionReading ParseVersion(EvidenceSection section) => MtaText.Guarded(Id, section, () =>
    {
        foreach (var line in MtaText.Lines(section))
        {
            var m = VersionLine().Match(line);
            if (!m.Success) continue;
            var text = m.Groups["text"].Value;
            var r = Release().Match(text);
            return MtaText.Reading(Id, section, VersionOutcome.Found, text, r.Success ? MtaText.Checked(r.Groups["v"].Value) : null, line);
        }
        // A Postfix smtpd run by hand complains through Postfix's msg(3) ("smtpd: fatal: ...").
        var postfix = MtaText.Lines(section).FirstOrDefault(l => l.Contains("postfix", StringComparison.OrdinalIgnoreCase));
        if (postfix is not null)
            return MtaText.Reading(Id, section, VersionOutcome.NotThisMta, null, null, postfix, "postfix");
        return MtaText.Unreadable(Id, section);
    });
}
