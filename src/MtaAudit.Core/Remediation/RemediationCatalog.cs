using MtaAudit.Assess;
using MtaAudit.Facts;

namespace MtaAudit.Remediation;

/// <summary>
/// What to do, per OS and MTA, following the guide's 조치 방법 (stop and disable an unused MTA;
/// patch a used one), with the commands of that OS's own service and package managers.
/// </summary>
public static class RemediationCatalog
{
    public static IReadOnlyList<Localized> For(HostFacts facts, MtaEvidence e, PackageRef? package, bool needsPatch, bool inUse, string? target)
    {
        var steps = new List<Localized>();
        if (needsPatch) steps.Add(Patch(facts.Os, e.Id, package, target));
        if (inUse || needsPatch)
        {
            var stop = StopAndDisable(facts, e);
            steps.Add(new("If the mail service is not needed, stop it and disable it at boot: " + stop.En,
                          "메일 서비스를 사용하지 않는 경우 서비스 중지 및 비활성화: " + stop.Ko));
        }
        else
        {
            steps.Add(new("Keep it stopped and disabled; if it is not needed, remove the package" + (package is null ? "" : $" ({package.Name})"),
                          "중지 및 비활성화 상태를 유지하고, 필요 없으면 패키지를 제거" + (package is null ? "" : $" ({package.Name})")));
        }
        if (needsPatch && inUse)
            steps.Add(new("Set a patch management policy and apply vendor security updates regularly; consider the impact on the service before patching",
                          "패치 관리 정책을 수립하여 주기적으로 보안 패치 적용 (패치 적용 시 서비스 영향도 사전 검토)"));
        return steps;
    }

    private static Localized Patch(OsInfo os, string mta, PackageRef? p, string? target)
    {
        var to = target is null ? "" : $" (upstream {target} or a vendor build with its fixes)";
        var toKo = target is null ? "" : $" (업스트림 {target} 또는 해당 수정이 반영된 벤더 빌드)";
        if (p is not null)
        {
            var cmd = p.Manager switch
            {
                "dpkg" => $"apt-get update && apt-get install --only-upgrade {p.Name}",
                "rpm" => $"yum update {p.Name}  (dnf upgrade {p.Name})",
                "ips" => $"pkg update {p.Name}",
                "svr4" => $"apply the Oracle Solaris 10 patch for {p.Name} (patchadd)",
                "lslpp" => $"apply the IBM fix (TL/SP or iFix) for fileset {p.Name} (Fix Central, installp/emgr)",
                "swlist" => $"apply the HPE patch for {p.Name} (swinstall)",
                _ => $"update package {p.Name}",
            };
            var cmdKo = p.Manager switch
            {
                "svr4" => $"{p.Name}에 대한 Oracle Solaris 10 패치 적용 (patchadd)",
                "lslpp" => $"파일셋 {p.Name}에 대한 IBM 수정(TL/SP 또는 iFix) 적용 (Fix Central, installp/emgr)",
                "swlist" => $"{p.Name}에 대한 HPE 패치 적용 (swinstall)",
                _ => cmd,
            };
            return new($"Update the vendor package{to}: {cmd}", $"벤더 패키지 업데이트{toKo}: {cmdKo}");
        }
        var site = mta switch
        {
            "sendmail" => "http://www.sendmail.org/",
            "postfix" => "https://www.postfix.org/packages.html",
            "exim" => "https://www.exim.org/",
            "opensmtpd" => "https://www.opensmtpd.org/",
            _ => "the vendor's site",
        };
        return new($"Not from a package: download and install the current release from {site}{to}",
                   $"패키지가 아닌 설치: {site} 에서 최신 버전을 받아 보안 패치 적용{toKo}");
    }

    private static Localized StopAndDisable(HostFacts facts, MtaEvidence e)
    {
        var os = facts.Os;
        var name = ServiceName(facts, e);
        switch (os.Family)
        {
            case OsFamily.Solaris:
                var fmri = e.Services.FirstOrDefault(s => s.Manager == "smf")?.Name ?? (e.Id == "sendmail" ? "svc:/network/smtp:sendmail" : name);
                return Same($"svcs -a | grep {e.Id} ; svcadm disable {fmri}");
            case OsFamily.Aix when e.Id == "sendmail":
                return new("stopsrc -s sendmail ; then comment out the start line in /etc/rc.tcpip: #start /usr/lib/sendmail \"$src_running\" \"-bd -q${qpi}\"",
                           "stopsrc -s sendmail ; /etc/rc.tcpip 파일의 시작 줄 주석 처리: #start /usr/lib/sendmail \"$src_running\" \"-bd -q${qpi}\"");
            case OsFamily.Hpux when e.Id == "sendmail":
                return new("/sbin/init.d/sendmail stop ; set SENDMAIL_SERVER=0 in /etc/rc.config.d/mailservs",
                           "/sbin/init.d/sendmail stop ; /etc/rc.config.d/mailservs 파일에 SENDMAIL_SERVER=0 설정");
            case OsFamily.Linux when facts.Has("svc.systemd") || facts.Services.Any(s => s.Manager == "systemd"):
                return Same($"systemctl stop {name} ; systemctl disable {name}" + (e.Id == "postfix" ? " (Debian 11+: also postfix@-)" : ""));
            case OsFamily.Linux:
                return Same($"service {name} stop ; chkconfig {name} off  (Debian: update-rc.d {name} disable)");
            default:
                return e.Id switch
                {
                    "postfix" => Same("postfix stop ; ps -ef | grep postfix (kill <PID> if it remains) ; remove it from the boot scripts"),
                    _ => Same($"ps -ef | grep {e.Id} ; kill <PID> ; remove it from the boot scripts"),
                };
        }
    }

    private static string ServiceName(HostFacts facts, MtaEvidence e)
    {
        var unit = e.Services.FirstOrDefault(s => s.Manager == "systemd" && !s.Name.Contains('@'))?.Name
                   ?? e.Services.FirstOrDefault(s => s.Manager is "systemd" or "sysv")?.Name;
        if (unit is not null) return unit.EndsWith(".service", StringComparison.Ordinal) ? unit[..^8] : unit;
        return e.Id switch
        {
            "exim" => facts.Os.Distro is "debian" or "ubuntu" ? "exim4" : "exim",
            "opensmtpd" => "opensmtpd",
            _ => e.Id,
        };
    }

    private static Localized Same(string s) => new(s, s);
}
