using MtaAudit.Facts;

namespace MtaAudit.Parse.Os;

/// <summary>
/// os.uname and os.release arrive in any order and each knows part of <see cref="OsInfo"/>.
/// Merging never replaces a known field with null, and the result does not depend on the order:
/// the release files win for what the OS calls itself (name, version, distro), uname wins for
/// what the kernel reports (family, kernel, hostname, arch).
/// </summary>
public static class OsInfoMerge
{
    public static OsInfo WithUname(OsInfo current, OsInfo fromUname) => current with
    {
        Family = fromUname.Family != OsFamily.Unknown ? fromUname.Family : current.Family,
        Name = current.Name ?? fromUname.Name,
        Version = current.Version ?? fromUname.Version,
        Distro = current.Distro ?? fromUname.Distro,
        Kernel = fromUname.Kernel ?? current.Kernel,
        Hostname = fromUname.Hostname ?? current.Hostname,
        Arch = fromUname.Arch ?? current.Arch,
    };

    /// <summary>A release file of lower rank than the one already read: it only fills what is still unknown.</summary>
    public static OsInfo FillRelease(OsInfo current, OsInfo fromRelease) => current with
    {
        Family = current.Family != OsFamily.Unknown ? current.Family : fromRelease.Family,
        Name = current.Name ?? fromRelease.Name,
        Version = current.Version ?? fromRelease.Version,
        Distro = current.Distro ?? fromRelease.Distro,
        SupportEnd = current.SupportEnd ?? fromRelease.SupportEnd,
    };

    public static OsInfo WithRelease(OsInfo current, OsInfo fromRelease) => current with
    {
        // uname's family is the kernel's own word; a release file only fills an unknown one.
        Family = current.Family != OsFamily.Unknown ? current.Family : fromRelease.Family,
        Name = fromRelease.Name ?? current.Name,
        Version = fromRelease.Version ?? current.Version,
        Distro = fromRelease.Distro ?? current.Distro,
        Kernel = current.Kernel ?? fromRelease.Kernel,
        Hostname = current.Hostname ?? fromRelease.Hostname,
        Arch = current.Arch ?? fromRelease.Arch,
        SupportEnd = fromRelease.SupportEnd ?? current.SupportEnd,
    };
}
