using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Mta;

/// <summary>
/// Sendmail. Decisions, each with its reason:
/// <list type="bullet">
/// <item>Packages: the ones holding the daemon binary: dpkg <c>sendmail-bin</c> (the <c>sendmail</c>
/// package is a meta package), rpm <c>sendmail</c>, IPS <c>service/network/smtp/sendmail</c>, SVR4
/// <c>SUNWsndmr</c>/<c>SUNWsndmu</c> (root and usr halves), AIX <c>bos.net.tcp.sendmail</c> (and an AIX
/// Toolbox RPM named <c>sendmail</c>). -cf, -doc, -base, -milter, -devel packages hold no daemon.
/// HP-UX: no real swlist capture was available; a product whose tag starts with "sendmail" is taken.
/// On many HP-UX releases Sendmail ships inside the InternetSrvcs product, which holds much else,
/// so it is NOT taken as a Sendmail package; there the binaries and mailservs evidence decide.</item>
/// <item>Processes: every "sendmail:" proctitle is the real Sendmail (wrappers of Postfix/Exim/OpenSMTPD
/// never set one): "accepting connections", "MTA: accepting connections", the per-recipient
/// children, and also "Queue runner@01:00:00 for /var/spool/clientmqueue": the client queue
/// runner (sm-client) is the Sendmail binary running as a daemon, so Sendmail is in use even
/// though it does not listen. Argv forms count with -bd (daemon; -bD in the foreground) or a -q interval (queue
/// runner), e.g. Solaris/IRIX "/usr/lib/sendmail -bd -q15m". A "sendmail -t", "-FCronDaemon -odi
/// -oem root" submission from cron or a script is a client run, possibly of another MTA's
/// wrapper: not a daemon.</item>
/// <item>Services: sendmail, sm-client (the client queue runner, see above), SMF
/// network/smtp:sendmail and network/sendmail-client, SRC/rc.tcpip/sysv "sendmail", HP-UX
/// mailservs SENDMAIL_SERVER.</item>
/// </list>
/// </summary>
public sealed partial class SendmailDefinition : IMtaDefinition, IMtaMatcher
{
    public string Id => "sendmail";
    public string DisplayName => "Sendmail";
    public string VersionProbe => "mta.sendmail.version";

    public bool IsMtaPackage(InstalledPackage package)
    {
        var name = package.Name;
        return package.Manager switch
        {
            "dpkg" => name == "sendmail-bin",
            "rpm" => name == "sendmail",
            "ips" => name is "service/network/smtp/sendmail" or "network/smtp/sendmail",
            "svr4" => name is "SUNWsndmr" or "SUNWsndmu",
            "lslpp" => name is "bos.net.tcp.sendmail" or "sendmail",
            "swlist" => name.StartsWith("sendmail", StringComparison.OrdinalIgnoreCase)
                        && !name.Contains("doc", StringComparison.OrdinalIgnoreCase),
            _ => name == "sendmail",
        };
    }

    public bool IsDaemon(ProcessInfo process) => IsDaemon(MtaText.Split(process.Args));

    bool IMtaMatcher.IsDaemon(in MtaText.Command command) => IsDaemon(command);

    private static bool IsDaemon(in MtaText.Command c)
    {
        if (c.Name != "sendmail") return false;
        if (c.ProcTitle) return c.Path == "sendmail" && c.Args.Length > 0;
        foreach (var f in MtaText.Flags(c.Args))
            if (f is "-bd" or "-bD" || MtaText.IsQueueInterval(f)) return true;
        return false;
    }

    private static readonly HashSet<string> Services = new(StringComparer.Ordinal)
    {
        "sendmail", "sm-client", "network/smtp:sendmail", "network/sendmail-client:default",
        "network/sendmail-client", "sendmail_server", "sendmail-server",
    };

    public bool IsService(ServiceRecord service) => Services.Contains(MtaText.ServiceKey(service.Name));

    bool IMtaMatcher.IsServiceKey(string key) => Services.Contains(key);

    public bool IsSocketOwner(string processName) => MtaText.SocketProgram(processName) == "sendmail";

    public IReadOnlyList<string> DaemonUsers { get; } = ["root", "smmsp", "smmta"];

    // "Version 8.14.4", "Version AIX7.2/8.14.4", "Version 8.9.3 (PHNE_28810+JAGae91741)".
    [GeneratedRegex(@"^[\s#]*Version\s+(?<text>\S.*?)\s*$")]
    private static partial Regex VersionLine();

    // Optional vendor prefix "AIX7.2/", then the dotted version and an old-style pN; what follows
    // must be a vendor suffix (+Sun, -Sun, " (PHNE_...)"), a Debian snapshot date (.20060308), or nothing.
    [GeneratedRegex(@"^(?:[A-Za-z][A-Za-z0-9.]*/)?(?<v>\d+\.\d+(?:\.\d+)?(?:p\d+)?)(?:$|[+\-/ (]|\.\d{8}(?:$|[^\d]))")]
    private static partial Regex UpstreamPart();

    public VersionReading ParseVersion(EvidenceSection section) => MtaText.Guarded(Id, section, () =>
    {
        string? badOption = null;
        foreach (var line in MtaText.Lines(section))
        {
            var m = VersionLine().Match(line);
            if (m.Success)
            {
                var text = m.Groups["text"].Value;
                var u = UpstreamPart().Match(text);
                var version = u.Success ? MtaText.Checked(u.Groups["v"].Value) : null;
                return MtaText.Reading(Id, section, VersionOutcome.Found, text, version, line);
            }
            if (line.Contains("malformed debug_selector", StringComparison.Ordinal))
                return MtaText.Reading(Id, section, VersionOutcome.NotThisMta, null, null, line, "exim");
            if (badOption is null && IsBadOptionD(line)) badOption = line;
        }
        if (badOption is not null)
            return MtaText.Reading(Id, section, VersionOutcome.NotThisMta, null, null, badOption, WrapperOwner(section));
        return MtaText.Unreadable(Id, section);
    });

    // Real Sendmail accepts -d; only a wrapper complains about it (glibc "invalid option -- 'd'",
    // BSD/Solaris "illegal option -- d").
    private static bool IsBadOptionD(string line) =>
        line.Contains("invalid option -- 'd'", StringComparison.Ordinal) ||
        line.Contains("invalid option -- d", StringComparison.Ordinal) ||
        line.Contains("illegal option -- d", StringComparison.Ordinal);

    /// <summary>
    /// Whose wrapper complained. Postfix's sendmail reports through its msg(3) layer
    /// ("sendmail: fatal: ...", "sendmail: warning: ...") and names its files (main.cf, postdrop);
    /// OpenSMTPD's is smtpctl's enqueue with its own usage line. Without such a sign the owner is
    /// left unknown rather than guessed.
    /// </summary>
    private static string? WrapperOwner(EvidenceSection section)
    {
        var text = section.Text;
        if (text.Contains("postfix", StringComparison.OrdinalIgnoreCase) || text.Contains("main.cf", StringComparison.Ordinal) ||
            text.Contains("postdrop", StringComparison.Ordinal) || text.Contains("sendmail: fatal:", StringComparison.Ordinal) ||
            text.Contains("sendmail: warning:", StringComparison.Ordinal))
            return "postfix";
        if (text.Contains("smtpctl", StringComparison.Ordinal) || text.Contains("OpenSMTPD", StringComparison.Ordinal) ||
            text.Contains("usage: sendmail [-tv]", StringComparison.Ordinal) || text.Contains("usage: smtpctl", StringComparison.Ordinal))
            return "opensmtpd";
        if (text.Contains("exim", StringComparison.OrdinalIgnoreCase)) return "exim";
        return null;
    }
}
