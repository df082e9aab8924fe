using MtaAudit.Remediation;

namespace MtaAudit.Fix;

/// <summary>
/// How to go back from a package update to the version it replaced, for the journal and --undo. Never run by
/// mta-audit: the older package may be gone from the repositories, and going back reopens what the update fixed,
/// so a person decides. The version is the one read on the host before the update (not the plan's guess).
/// </summary>
public static class PackageDowngrade
{
    public static IReadOnlyList<string>? Command(PackageUpdate p, string previous)
    {
        if (previous.Length == 0 || previous == "not installed") return null;
        var tool = p.UpdateCommand.Count > 0 ? Path.GetFileName(p.UpdateCommand[0]) : "";
        return (p.Manager, tool) switch
        {
            ("dpkg", _) => ["apt-get", "install", "-y", "--allow-downgrades", $"{p.Package}={previous}"],
            ("rpm", "dnf") => ["dnf", "-y", "downgrade", $"{p.Package}-{previous}"],
            ("rpm", "zypper") => ["zypper", "--non-interactive", "install", "--oldpackage", $"{p.Package}-{previous}"],
            ("rpm", _) => ["yum", "-y", "downgrade", $"{p.Package}-{previous}"],
            ("ips", _) => ["pkg", "update", $"{p.Package}@{previous}"],
            _ => null,
        };
    }
}
