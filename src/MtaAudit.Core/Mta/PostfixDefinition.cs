using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Mta;

/// <summary>
/// Postfix. Decisions:
/// <list type="bullet">
/// <item>Packages: <c>postfix</c> (every manager; also <c>postfix3</c> of third-party RPM repos) and IPS
/// <c>service/network/smtp/postfix</c>. Map, doc and lookup add-ons (postfix-doc, postfix-mysql,
/// postfix-pcre, postfix-cdb...) hold no daemon.</item>
/// <item>Processes: the master daemon, named "master": with a Postfix directory in its path
/// (/usr/libexec/postfix/master -w, /usr/lib/postfix/sbin/master, /usr/lib/postfix/bin//master), or bare
/// "master" as some ps formats print it. A master under another directory (Cyrus IMAP's
/// /usr/lib/cyrus/bin/master) is not Postfix. The smtpd/pickup/qmgr children are not the daemon:
/// master is, and it is there whenever they are.</item>
/// <item>Sockets: "master" only. Postfix's listening socket is also shown for its smtpd children, but
/// "smtpd" is OpenSMTPD's name as well, so it identifies neither.</item>
/// <item>Services: postfix, postfix@-, postfix@&lt;instance&gt; (Debian 11+ runs the daemon in
/// postfix@-.service while postfix.service is "active (exited)"), SMF network/smtp:postfix,
/// sysv "postfix".</item>
/// </list>
/// </summary>
public sealed partial class PostfixDefinition : IMtaDefinition, IMtaMatcher
{
    public string Id => "postfix";
    public string DisplayName => "Postfix";
    public string VersionProbe => "mta.postfix.version";

    public bool IsMtaPackage(InstalledPackage package) =>
        package.Name is "postfix" or "postfix3"
            or "service/network/smtp/postfix" or "network/smtp/postfix";

    public bool IsDaemon(ProcessInfo process) => IsDaemon(MtaText.Split(process.Args));

    bool IMtaMatcher.IsDaemon(in MtaText.Command command) => IsDaemon(command);

    private static bool IsDaemon(in MtaText.Command c)
    {
        if (c.Name != "master" || c.ProcTitle) return false;
        return !c.Path.Contains('/') || c.Path.Contains("postfix", StringComparison.OrdinalIgnoreCase);
    }

    public bool IsService(ServiceRecord service) => IsServiceKey(MtaText.ServiceKey(service.Name));

    bool IMtaMatcher.IsServiceKey(string key) => IsServiceKey(key);

    private static bool IsServiceKey(string key)
    {
        return key is "postfix" or "network/smtp:postfix" or "network/postfix:default" or "network/postfix"
            || key.StartsWith("postfix@", StringComparison.Ordinal);
    }

    public bool IsSocketOwner(string processName) => MtaText.SocketProgram(processName) == "master";

    public IReadOnlyList<string> DaemonUsers { get; } = ["root"];

    // "mail_version = 3.7.11"; postconf's warnings and fatals come on other lines.
    [GeneratedRegex(@"^\s*mail_version\s*=\s*(?<text>\S+)\s*$")]
    private static partial Regex MailVersion();

    // "postconf -h mail_version" prints the bare value.
    [GeneratedRegex(@"^\s*(?<text>\d+\.\d+(?:\.\d+)?(?:-\d{8})?(?:-nonprod)?)\s*$")]
    private static partial Regex BareVersion();

    // Stable releases are a.b.c; snapshots a.b-yyyymmdd (no patch level) and -nonprod builds
    // are not upstream releases, so they get no normalized version.
    [GeneratedRegex(@"^\d+\.\d+(?:\.\d+)?$")]
    private static partial Regex Release();

    public VersionReading ParseVersion(EvidenceSection section) => MtaText.Guarded(Id, section, () =>
    {
        string? bare = null;
        foreach (var line in MtaText.Lines(section))
        {
            var m = MailVersion().Match(line);
            if (m.Success) return Found(section, m.Groups["text"].Value, line);
            if (bare is null && BareVersion().IsMatch(line)) bare = line;
        }
        if (bare is not null) return Found(section, bare.Trim(), bare);
        var fatal = MtaText.Lines(section).FirstOrDefault(l => l.Contains("fatal:", StringComparison.Ordinal))
                    ?? MtaText.Lines(section).FirstOrDefault(l => l.Trim().Length > 0);
        return MtaText.Unreadable(Id, section, fatal);
    });

    private VersionReading Found(EvidenceSection section, string text, string line) =>
        MtaText.Reading(Id, section, VersionOutcome.Found, text,
            Release().IsMatch(text) ? MtaText.Checked(text) : null, line);
}
