namespace MtaAudit.Facts;

public enum OsFamily { Unknown, Linux, Solaris, Aix, Hpux, FreeBsd, OpenBsd, NetBsd, MacOs }

/// <summary>
/// What the host is. <see cref="Distro"/> is a lower-case id (debian, ubuntu, rhel, centos, rocky, sles, amzn, solaris, aix, hpux).
/// <see cref="SupportEnd"/> is os-release's SUPPORT_END (yyyy-MM-dd), when the file has one.
/// </summary>
public sealed record OsInfo(
    OsFamily Family,
    string? Name,
    string? Version,
    string? Distro = null,
    string? Kernel = null,
    string? Hostname = null,
    string? Arch = null,
    string? SupportEnd = null)
{
    public static readonly OsInfo Unknown = new(OsFamily.Unknown, null, null);

    /// <summary>Major release: "12" of "12.7", "11" of "11.4", "7" of AIX "7.2".</summary>
    public string? MajorVersion => Version?.Split('.', '-')[0];
}
