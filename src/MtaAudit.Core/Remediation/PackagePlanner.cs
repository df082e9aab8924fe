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
            "svr4" => new ManualStep(p.Name, new($"apply the Oracle Solaris 10 patch for {p.Name} (patchadd)", $"{p.Name}에 대한 Oracle Solaris 10 패치 적용 (patchadd)")),
            "lslpp" => new ManualStep(p.Name, new($"apply the IBM fix (TL/SP or iFix) for fileset {p.Name} (Fix Central, installp/emgr)",
                $"파일셋 {p.Name}에 대한 IBM 수정(TL/SP 또는 iFix) 적용 (Fix Central, installp/emgr)")),
            "swlist" => new ManualStep(p.Name, new($"apply the HPE patch for {p.Name} (swinstall)", $"{p.Name}에 대한 HPE 패치 적용 (swinstall)")),
            _ => new ManualStep(p.Name, new($"update package {p.Name}", $"패키지 {p.Name} 업데이트")),
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
        var to = target is null ? "" : $" (upstream {target} or a vendor build with its fixes)";
        var toKo = target is null ? "" : $" (업스트림 {target} 또는 해당 수정이 반영된 벤더 빌드)";
        return new ManualStep(site, new($"Not from a package: download and install the current release from {site}{to}",
                                        $"패키지가 아닌 설치: {site} 에서 최신 버전을 받아 보안 패치 적용{toKo}"));
    }
}
