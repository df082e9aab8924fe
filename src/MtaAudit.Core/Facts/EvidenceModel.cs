namespace MtaAudit.Facts;

/// <summary>The facts U-45 needs about a host. A verdict may rest only on the known ones.</summary>
public enum U45Fact
{
    /// <summary>Which MTAs are installed (none at all included).</summary>
    InstalledMtas,
    /// <summary>Whether each runs now (processes, listening sockets and their owners).</summary>
    Running,
    /// <summary>Whether each starts at boot (the OS's service manager).</summary>
    Enabled,
    /// <summary>The MTA's version (its own output, or its package's).</summary>
    Version,
    /// <summary>Whether it came from the OS vendor's package, and which.</summary>
    Packages,
    /// <summary>What the vendor ships for it: pending updates on fresh metadata, fixed CVEs.</summary>
    VendorUpdates,
}

/// <summary>An unknown fact, the probe that would have established it, and how to establish it by hand.</summary>
public sealed record UnknownFact(U45Fact Fact, string Probe, UnknownReason Reason, Localized ManualCommand)
{
    public Localized Describe() => Glossary.Say("unknown.fact", ("fact", FactText.Words(Fact)), ("probe", Probe), ("why", Reason.Words()), ("how", ManualCommand));
}

/// <summary>
/// The evidence model: for each OS family, which probes establish each U-45 fact, and the command an
/// auditor runs on that OS to establish it by hand. A probe establishes its fact only when its section
/// says it answered in full (<see cref="HostFacts.ProbeFact"/>); a program that is not there
/// (rc=absent) establishes "not there", which is an answer.
/// </summary>
public static class EvidenceModel
{
    private static readonly string[] VersionProbes =
        ["mta.sendmail.version", "mta.postfix.version", "mta.exim.version", "mta.opensmtpd.version"];

    /// <summary>Probes that establish <paramref name="fact"/> on this host (all must be known or not applicable).</summary>
    public static IReadOnlyList<string> Probes(U45Fact fact, OsInfo os, string? mta = null) => fact switch
    {
        U45Fact.Packages => PackageProbes(os),
        U45Fact.Running => os.Family == OsFamily.Aix ? ["proc.list", "net.listen", "svc.src"] : ["proc.list", "net.listen"],
        U45Fact.Enabled => os.Family switch
        {
            OsFamily.Linux => ["svc.systemd", "svc.systemd.enabled", "svc.sysv"],
            OsFamily.Solaris => ["svc.smf"],
            OsFamily.Aix => ["svc.src", "file.aix.rc.tcpip"],
            OsFamily.Hpux => ["file.hpux.mailservs"],
            _ => ["svc.sysv"],
        },
        U45Fact.Version => mta is null ? VersionProbes : [$"mta.{mta}.version"],
        U45Fact.VendorUpdates => ["os.release", "pkg.updates", "pkg.repo-age", "pkg.changelog"],
        // Every place an MTA could show itself: packages, binaries, version output, daemons, sockets, units.
        _ => [.. OsProbes(os), .. PackageProbes(os), "mta.binaries", .. VersionProbes,
              .. Probes(U45Fact.Running, os), .. Probes(U45Fact.Enabled, os)],
    };

    private static string[] OsProbes(OsInfo os) => os.Family == OsFamily.Unknown ? ["os.uname", "os.release"] : [];

    private static string[] PackageProbes(OsInfo os) => os.Family switch
    {
        OsFamily.Linux => IsRpmDistro(os.Distro) ? ["pkg.rpm"] : IsDebDistro(os.Distro) ? ["pkg.dpkg"] : ["pkg.dpkg", "pkg.rpm"],
        OsFamily.Solaris => ["pkg.solaris"],
        OsFamily.Aix => ["pkg.aix"],
        OsFamily.Hpux => ["pkg.hpux"],
        _ => ["pkg.dpkg", "pkg.rpm"],
    };

    public static bool IsRpmDistro(string? d) =>
        d is "rhel" or "centos" or "rocky" or "almalinux" or "ol" or "fedora" or "amzn" or "sles" or "sled" or "opensuse"
            or "opensuse-leap" or "opensuse-tumbleweed" or "scientific" or "euleros" or "openEuler" or "anolis" or "kylin";

    public static bool IsDebDistro(string? d) => d is "debian" or "ubuntu" or "raspbian" or "linuxmint" or "devuan" or "kali";

    /// <summary>The unknown facts among <paramref name="needed"/>, each with its probe and its manual check.</summary>
    public static List<UnknownFact> Unknowns(HostFacts facts, IEnumerable<U45Fact> needed, string? mta = null, string? package = null)
    {
        var list = new List<UnknownFact>();
        foreach (var fact in needed)
            foreach (var probe in Probes(fact, facts.Os, mta))
            {
                var f = facts.ProbeFact(probe);
                if (f.IsUnknown && !list.Any(u => u.Probe == probe))
                    list.Add(new UnknownFact(fact, probe, f.Reason!.Value, ManualCommand(fact, probe, facts.Os, mta, package)));
            }
        return list;
    }

    /// <summary>The command that establishes <paramref name="fact"/> by hand on this OS.</summary>
    public static Localized ManualCommand(U45Fact fact, string probe, OsInfo os, string? mta = null, string? package = null)
    {
        var family = os.Family;
        var pkg = package ?? mta switch { "exim" => "exim4", "sendmail" => "sendmail", "opensmtpd" => "opensmtpd", _ => "postfix" };
        bool rpm = IsRpmDistro(os.Distro);
        // Commands read the same in both languages; a remark beside one is worded in the glossary.
        return probe switch
        {
            "net.listen" when family == OsFamily.Linux => Glossary.Say("manual.as-root-owner", ("cmd", "ss -ltnp '( sport = :25 or sport = :465 or sport = :587 )'")),
            "svc.sysv" when family == OsFamily.Linux => Glossary.Say("manual.or", ("cmd", "ls -l /etc/rc?.d | grep -Ei 'postfix|exim|sendmail|smtpd'"), ("alt", "chkconfig --list")),
            "pkg.solaris" => Glossary.Say("manual.solaris-pkg", ("cmd11", "pkg list -a '*sendmail*' '*postfix*'"), ("cmd10", "pkginfo -l SUNWsndmr SUNWsndmu")),
            "mta.sendmail.version" => Glossary.Say("manual.real-sendmail", ("cmd", "/usr/sbin/sendmail -d0.1 -bt < /dev/null | head -3")),
            "pkg.updates" when rpm => Glossary.Say("manual.rpm-updates", ("cmd", $"dnf check-update {pkg}"), ("alt", $"yum check-update {pkg}; zypper list-updates")),
            "pkg.repo-age" => rpm ? Glossary.Say("manual.rpm-refresh", ("cmd", "dnf makecache"))
                                  : Glossary.Say("manual.apt-lists", ("cmd", "ls -l /var/lib/apt/lists/*Release"), ("alt", "apt-get update")),
            "proc.ns" => Glossary.Say("manual.proc-ns", ("cmd", "readlink /proc/PID/ns/pid /proc/1/ns/pid; cat /proc/PID/cgroup")),
            "os.uname" or "os.release" or "proc.list" or "net.listen" or "svc.systemd" or "svc.systemd.enabled" or "svc.sysv" or "svc.smf"
                or "svc.src" or "file.aix.rc.tcpip" or "file.hpux.mailservs" or "pkg.dpkg" or "pkg.rpm" or "pkg.aix" or "pkg.hpux" or "mta.binaries"
                or "mta.postfix.version" or "mta.exim.version" or "mta.opensmtpd.version" or "pkg.updates" or "pkg.changelog"
                => Glossary.Same(Command(fact, probe, os, mta, package)),
            _ => Glossary.Say("manual.rerun", ("probe", probe)),
        };
    }

    private static string Command(U45Fact fact, string probe, OsInfo os, string? mta, string? package)
    {
        var family = os.Family;
        var pkg = package ?? mta switch { "exim" => "exim4", "sendmail" => "sendmail", "opensmtpd" => "opensmtpd", _ => "postfix" };
        bool rpm = IsRpmDistro(os.Distro);
        return probe switch
        {
            "os.uname" or "os.release" => fact == U45Fact.VendorUpdates ? "cat /etc/os-release" : "uname -a; cat /etc/os-release /etc/release 2>/dev/null",
            "proc.list" => "ps -ef | grep -E '[m]aster|[s]endmail|[e]xim|[s]mtpd'",
            "net.listen" => family == OsFamily.Linux
                ? "ss -ltnp '( sport = :25 or sport = :465 or sport = :587 )' (as root, to see the owning process)"
                : "netstat -an | grep -E '[.:](25|465|587) .*LISTEN'",
            "svc.systemd" or "svc.systemd.enabled" => "systemctl is-enabled postfix exim4 sendmail opensmtpd; systemctl is-active postfix exim4 sendmail opensmtpd",
            "svc.sysv" => family == OsFamily.Linux ? "ls -l /etc/rc?.d | grep -Ei 'postfix|exim|sendmail|smtpd' (or chkconfig --list)" : "ls -l /etc/rc?.d /sbin/rc?.d | grep -i mail",
            "svc.smf" => "svcs -l svc:/network/smtp:sendmail svc:/network/sendmail-client:default",
            "svc.src" => "lssrc -s sendmail",
            "file.aix.rc.tcpip" => "grep -n sendmail /etc/rc.tcpip",
            "file.hpux.mailservs" => "grep SENDMAIL_SERVER /etc/rc.config.d/mailservs",
            "pkg.dpkg" => "dpkg -l 'postfix*' 'exim4*' 'sendmail*' 'opensmtpd*'",
            "pkg.rpm" => "rpm -qa | grep -Ei 'postfix|exim|sendmail|opensmtpd'",
            "pkg.solaris" => "pkg list -a '*sendmail*' '*postfix*' (Solaris 11) or pkginfo -l SUNWsndmr SUNWsndmu (Solaris 10)",
            "pkg.aix" => "lslpp -L bos.net.tcp.sendmail",
            "pkg.hpux" => "swlist -l product | grep -i sendmail",
            "mta.binaries" => "ls -l /usr/sbin/sendmail /usr/lib/sendmail /usr/sbin/postconf /usr/sbin/exim4 /usr/sbin/exim /usr/sbin/smtpd",
            "mta.sendmail.version" => "/usr/sbin/sendmail -d0.1 -bt < /dev/null | head -3 (only if it is the real Sendmail)",
            "mta.postfix.version" => "postconf -d mail_version",
            "mta.exim.version" => "exim -bV | head -1",
            "mta.opensmtpd.version" => "smtpd -h 2>&1 | head -1",
            "pkg.updates" => rpm ? $"dnf check-update {pkg} (or yum check-update {pkg}; zypper list-updates)" : $"apt-get update && apt-cache policy {pkg}",
            "pkg.repo-age" => rpm ? "dnf makecache (refresh the metadata), then check again" : "ls -l /var/lib/apt/lists/*Release (each source's date); apt-get update",
            "pkg.changelog" => rpm ? $"rpm -q --changelog {pkg} | grep CVE-" : $"zcat /usr/share/doc/{pkg}/changelog.Debian.gz | grep CVE-",
            "proc.ns" => "readlink /proc/PID/ns/pid /proc/1/ns/pid; cat /proc/PID/cgroup (for each mail daemon's PID)",
            _ => $"re-run the collector as root without MTA_AUDIT_SKIP ({probe})",
        };
    }
}

internal static class FactText
{
    public static Localized Words(U45Fact f) => Glossary.Say(f switch
    {
        U45Fact.InstalledMtas => "fact.installed",
        U45Fact.Running => "fact.running",
        U45Fact.Enabled => "fact.enabled",
        U45Fact.Version => "fact.version",
        U45Fact.Packages => "fact.packages",
        _ => "fact.vendor-updates",
    });
}
