using MtaAudit.Assess;
using MtaAudit.Facts;

namespace MtaAudit.Remediation;

/// <summary>
/// The vendor's update of only the MTA's package, per package manager, with the version expected after
/// it (the pending update the evidence shows, when it shows one). Solaris 10 patches, AIX filesets and
/// HP-UX depots come from the vendor's support site: those are steps for a person. An MTA built from
/// source gets upstream's download page and the version to reach.
/// </summary>
public static class PackagePlanner
{
    public static RemediationStep Update(HostFacts facts, string mta, PackageRef? p, string? target)
    {
        if (p is null) return Upstream(mta, target);
        var to = facts.Updates.FirstOrDefault(u => u.Package == p.Name && u.Manager == p.Manager)?.ToVersion;
        return p.Manager switch
        {
            "dpkg" => new PackageUpdate(p.Manager, p.Name, p.Version, to, ["apt-get", "install", "-y", "--only-upgrade", p.Name],
                new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" }),
            "rpm" => new PackageUpdate(p.Manager, p.Name, p.Version, to, RpmTool(facts.Os) switch
            {
                "zypper" => ["zypper", "--non-interactive", "update", p.Name],
                "dnf" => ["dnf", "-y", "upgrade", p.Name],
                _ => ["yum", "-y", "update", p.Name],
            }),
            "ips" => new PackageUpdate(p.Manager, p.Name, p.Version, to, ["pkg", "update", p.Name]),
            "svr4" => new ManualStep(p.Name, Glossary.Say("fix.solaris10-patch", ("package", p.Name))),
            "lslpp" => new ManualStep(p.Name, Glossary.Say("fix.aix-fix", ("package", p.Name))),
            "swlist" => new ManualStep(p.Name, Glossary.Say("fix.hpux-patch", ("package", p.Name))),
            _ => new ManualStep(p.Name, Glossary.Say("fix.update-package-named", ("package", p.Name))),
        };
    }

    /// <summary>Removal of the package, shown for an unused MTA and never run.</summary>
    public static PackageRemoval? Removal(HostFacts facts, PackageRef? p) => p?.Manager switch
    {
        "dpkg" => new PackageRemoval(p.Manager, p.Name, p.Version, ["apt-get", "remove", p.Name]),
        "rpm" => new PackageRemoval(p.Manager, p.Name, p.Version, RpmTool(facts.Os) switch
        {
            "zypper" => ["zypper", "remove", p.Name],
            "dnf" => ["dnf", "remove", p.Name],
            _ => ["yum", "remove", p.Name],
        }),
        "ips" => new PackageRemoval(p.Manager, p.Name, p.Version, ["pkg", "uninstall", p.Name]),
        _ => null,
    };

    /// <summary>dnf on RHEL-like 8 and later and Fedora, zypper on SUSE, else yum.</summary>
    public static string RpmTool(OsInfo os)
    {
        if (os.Distro is "sles" or "opensuse") return "zypper";
        if (os.Distro == "fedora") return "dnf";
        return os.Distro is "rhel" or "centos" or "rocky" or "almalinux" or "ol" or "amzn"
               && int.TryParse(os.MajorVersion, out var major) && major >= 8 && os.Distro != "amzn" ? "dnf" : "yum";
    }

    public static ManualStep Upstream(string mta, string? target)
    {
        var site = mta switch
        {
            "sendmail" => "http://www.sendmail.org/",
            "postfix" => "https://www.postfix.org/packages.html",
            "exim" => "https://www.exim.org/",
            "opensmtpd" => "https://www.opensmtpd.org/",
            _ => "the vendor's site",
        };
return new ManualStep(site, Glossary.Say("fix.not-packaged", ("site", site), ("to", RemediationCatalog.To(target))));
    }
}
