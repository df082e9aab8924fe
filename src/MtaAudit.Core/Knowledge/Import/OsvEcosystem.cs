using System.Text.RegularExpressions;
using MtaAudit.Versions;

namespace MtaAudit.Knowledge.Import;

/// <summary>How a distro ecosystem's package versions are written and compared.</summary>
public enum PackageVersionSyntax { Dpkg, Rpm, Other }

/// <summary>
/// A distro release named by an OSV ecosystem ("Debian:12", "Ubuntu:22.04:LTS", "Ubuntu:Pro:16.04:LTS",
/// "Red Hat:enterprise_linux:9::appstream", "AlmaLinux:9", "Rocky Linux:8", "Alpine:v3.19",
/// "SUSE:Linux Enterprise Server 15 SP5"), with the distro spelled as the knowledge base spells it
/// (Debian, Ubuntu, RHEL, Alma, Rocky, Alpine, SLES, openSUSE).
/// </summary>
public sealed partial record OsvDistro(string Distro, string Release, PackageVersionSyntax Syntax, string? Note)
{
    /// <summary>Ecosystems that are upstream sources rather than a vendor's packages.</summary>
    public static bool IsUpstream(string? ecosystem) => ecosystem is null or "" or "GIT" or "OSS-Fuzz";

    public static OsvDistro? Of(string ecosystem)
    {
        var fields = ecosystem.Split(':');
        var rest = fields.Skip(1).Where(f => f.Length > 0).ToList();
        switch (fields[0])
        {
            case "Debian":
                return rest.Count > 0 ? new("Debian", rest[0], PackageVersionSyntax.Dpkg, null) : null;
            case "Ubuntu":
            {
                // "Ubuntu:Pro:FIPS-updates:22.04:LTS": the release is the one field shaped like 22.04.
                var release = rest.FirstOrDefault(f => UbuntuRelease().IsMatch(f));
                if (release is null) return null;
                var extras = rest.Where(f => f != release && f != "LTS").ToList();
                return new("Ubuntu", release, PackageVersionSyntax.Dpkg, extras.Count > 0 ? "Ubuntu " + string.Join(' ', extras) : null);
            }
            case "Red Hat":
            {
                var release = rest.FirstOrDefault(f => f.Length > 0 && char.IsAsciiDigit(f[0]));
                if (release is null) return null;
                var stream = rest.FirstOrDefault();
                return new("RHEL", release, PackageVersionSyntax.Rpm, stream is null or "enterprise_linux" ? null : "Red Hat " + stream);
            }
            case "AlmaLinux":
                return rest.Count > 0 ? new("Alma", rest[0], PackageVersionSyntax.Rpm, null) : null;
            case "Rocky Linux":
                return rest.Count > 0 ? new("Rocky", rest[0], PackageVersionSyntax.Rpm, null) : null;
            case "Alpine":
                return rest.Count > 0 ? new("Alpine", rest[0], PackageVersionSyntax.Other, null) : null;
            case "SUSE":
            {
                if (rest.Count == 0) return null;
                var m = SuseRelease().Match(rest[0]);
                return new("SLES", m.Success ? m.Value : rest[0], PackageVersionSyntax.Rpm, rest[0]);
            }
            case "openSUSE":
                return rest.Count > 0 ? new("openSUSE", rest[0], PackageVersionSyntax.Rpm, null) : null;
            default:
                return null;
        }
    }

    /// <summary>True when <paramref name="version"/> is valid in this distro's version syntax.</summary>
    public bool IsValidVersion(string version) => Syntax switch
    {
        PackageVersionSyntax.Dpkg => DebianVersion.TryParse(version, out _),
        PackageVersionSyntax.Rpm => RpmVersion.TryParse(version, out _),
        _ => version.Length > 0 && !version.Any(char.IsWhiteSpace),
    };

    /// <summary>
    /// True when a fix at <paramref name="fixedIn"/> after an introduction at <paramref name="introduced"/>
    /// ("0": the beginning) covers no package version: fixed at version 0, or not after the introduction.
    /// Both are valid versions of this syntax.
    /// </summary>
    public bool CoversNothing(string introduced, string fixedIn)
    {
        int Cmp(string a, string b) => Syntax switch
        {
            PackageVersionSyntax.Dpkg => DebianVersion.Compare(a, b),
            PackageVersionSyntax.Rpm => RpmVersion.Compare(RpmVersion.Parse(a), RpmVersion.Parse(b)),
            _ => a == b ? 0 : 1, // no order known: only an equal pair is surely empty
        };
        if (Syntax != PackageVersionSyntax.Other && IsValidVersion("0") && Cmp(fixedIn, "0") <= 0) return true;
        if (Syntax == PackageVersionSyntax.Other && fixedIn.Trim('0', '.', ':').Length == 0) return true;
        return introduced != "0" && IsValidVersion(introduced) && Cmp(fixedIn, introduced) <= 0;
    }

    public string SyntaxName => Syntax switch
    {
        PackageVersionSyntax.Dpkg => "dpkg",
        PackageVersionSyntax.Rpm => "rpm",
        _ => "package",
    };

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex UbuntuRelease();

    [GeneratedRegex(@"\d+( SP\d+)?")]
    private static partial Regex SuseRelease();
}
