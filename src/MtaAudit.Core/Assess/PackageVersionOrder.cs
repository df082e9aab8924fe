using MtaAudit.Versions;

namespace MtaAudit.Assess;

/// <summary>Compares two versions of one package as its package manager does (dpkg, rpm).</summary>
public static class PackageVersionOrder
{
    /// <summary>Negative, zero or positive as dpkg/rpm would order them; null when either does not parse or the manager has no known order.</summary>
    public static int? Compare(string manager, string a, string b)
    {
        switch (manager)
        {
            case "dpkg":
                return DebianVersion.TryParse(a, out var da) && DebianVersion.TryParse(b, out var db) ? DebianVersion.Compare(da, db) : null;
            case "rpm":
                return RpmVersion.TryParse(a, out var ra) && RpmVersion.TryParse(b, out var rb) ? RpmVersion.Compare(ra, rb) : null;
            default:
                return null;
        }
    }
}
