using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Parse.Os;

/// <summary>
/// <c>uname -a</c> (probe <c>os.uname</c>): family, kernel release, hostname, architecture, and for
/// the Unixes whose uname carries the OS release (Solaris, AIX, HP-UX, the BSDs) the version too.
/// </summary>
public sealed partial class UnameParser : IProbeParser
{
    public IReadOnlyList<string> Probes { get; } = ["os.uname"];

    public void Apply(EvidenceSection section, HostFacts facts)
    {
        var parsed = Parse(section.Text);
        if (parsed is not null) facts.Os = OsInfoMerge.WithUname(facts.Os, parsed);
    }

    /// <summary>The first line that reads as uname output, or null when none does.</summary>
    public static OsInfo? Parse(string text)
    {
        foreach (var line in TextLines.Split(text))
        {
            var t = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (t.Length < 2) continue;
            var info = t[0] switch
            {
                "Linux" => Linux(t),
                "SunOS" => SunOs(t),
                "AIX" => Aix(t),
                "HP-UX" => HpUx(t),
                "FreeBSD" => Bsd(t, OsFamily.FreeBsd, "freebsd"),
                "OpenBSD" => Bsd(t, OsFamily.OpenBsd, "openbsd"),
                "NetBSD" => Bsd(t, OsFamily.NetBsd, "netbsd"),
                "Darwin" => Darwin(t),
                _ => null,
            };
            if (info is not null) return info;
        }
        return null;
    }

    // Linux host 6.1.0-26-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.112-1 (2024-09-30) x86_64 GNU/Linux
    private static OsInfo? Linux(string[] t)
    {
        if (t.Length < 3) return null;
        string? arch = null;
        for (int i = t.Length - 1; i >= 3 && arch is null; i--)
            if (KnownArch().IsMatch(t[i])) arch = t[i];
        return new OsInfo(OsFamily.Linux, null, null, Kernel: t[2], Hostname: t[1], Arch: arch);
    }

    // SunOS host 5.11 11.4.42.111.0 sun4v sparc sun4v  |  SunOS host 5.10 Generic_147148-26 i86pc i386 i86pc
    // Some captures drop the hostname ("SunOS 5.10 Generic_Virtual sun4u sparc ..."): the second word is then the release.
    private static OsInfo? SunOs(string[] t)
    {
        int r = SunRelease().IsMatch(t[1]) ? 1 : 2;
        if (t.Length <= r || !SunRelease().IsMatch(t[r])) return null;
        string? host = r == 2 ? t[1] : null;
        string release = t[r];
        string? build = t.Length > r + 1 ? t[r + 1] : null;
        string? arch = t.Length > r + 3 ? t[r + 3] : null; // processor type: sparc or i386

        string? version = null, distro = "solaris";
        if (build is not null && (build.StartsWith("illumos", StringComparison.OrdinalIgnoreCase)
                                  || build.StartsWith("omnios", StringComparison.OrdinalIgnoreCase)
                                  || build.StartsWith("oi_", StringComparison.OrdinalIgnoreCase)
                                  || build.StartsWith("joyent", StringComparison.OrdinalIgnoreCase)))
            distro = "illumos"; // SunOS 5.11 but not Oracle Solaris 11: no Solaris version to claim
        else if (build is not null && Solaris11Build().Match(build) is { Success: true } m)
            version = m.Groups[1].Value; // 11.4.42.111.0 -> 11.4
        else
            version = release[(release.IndexOf('.') + 1)..]; // 5.10 -> 10
        string name = version is null ? "SunOS " + release : "Solaris " + version;
        return new OsInfo(OsFamily.Solaris, name, version, distro, release, host, arch);
    }

    // AIX host 2 7 00F84C0C4C00 : sysname nodename release version machine-id -> AIX 7.2
    private static OsInfo? Aix(string[] t)
    {
        if (t.Length < 4 || !Digits().IsMatch(t[2]) || !Digits().IsMatch(t[3])) return null;
        string version = t[3] + "." + t[2];
        return new OsInfo(OsFamily.Aix, "AIX " + version, version, "aix", version, t[1], null);
    }

    // HP-UX host B.11.31 U ia64 0158936019 unlimited-user license
    private static OsInfo? HpUx(string[] t)
    {
        if (t.Length < 3) return null;
        var m = HpRelease().Match(t[2]);
        if (!m.Success) return null;
        string version = m.Groups[1].Value;
        string? arch = t.Length > 4 ? t[4] : null;
        return new OsInfo(OsFamily.Hpux, "HP-UX " + version, version, "hpux", t[2], t[1], arch);
    }

    // FreeBSD host 13.2-RELEASE FreeBSD 13.2-RELEASE releng/13.2-n254617-525ecfdad597 GENERIC amd64
    private static OsInfo? Bsd(string[] t, OsFamily family, string distro)
    {
        if (t.Length < 3) return null;
        var m = LeadingVersion().Match(t[2]);
        string? version = m.Success ? m.Value : null;
        string? arch = t.Length > 3 ? t[^1] : null;
        return new OsInfo(family, version is null ? t[0] : t[0] + " " + version, version, distro, t[2], t[1], arch);
    }

    private static OsInfo? Darwin(string[] t)
    {
        if (t.Length < 3) return null;
        string? arch = t.Length > 3 ? t[^1] : null;
        return new OsInfo(OsFamily.MacOs, null, null, "macos", t[2], t[1], arch);
    }

    [GeneratedRegex(@"^5\.\d{1,2}$")]
    private static partial Regex SunRelease();

    [GeneratedRegex(@"^(11\.\d+)(\.|$)")]
    private static partial Regex Solaris11Build();

    [GeneratedRegex(@"^[A-Z]\.(\d+\.\d+)$")]
    private static partial Regex HpRelease();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^\d+(\.\d+)*")]
    private static partial Regex LeadingVersion();

    [GeneratedRegex(@"^(x86_64|amd64|i[3-6]86|aarch64|arm64|armv\d+\w*|ppc64(le)?|ppc|s390x?|mips\w*|riscv64|sparc(64)?|ia64|loongarch64)$")]
    private static partial Regex KnownArch();
}
