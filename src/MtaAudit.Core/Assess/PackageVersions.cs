namespace MtaAudit.Assess;

/// <summary>The upstream part of a vendor package version, where the package manager's scheme gives it.</summary>
public static class PackageVersions
{
    /// <summary>
    /// dpkg "1:3.7.11-0+deb12u1" -> "3.7.11"; rpm "2:3.5.8-8.el8" -> "3.5.8"; IPS "8.15.2-11.4.42.0.0.111.0" -> "8.15.2";
    /// exim "4.96-15+deb12u7" -> "4.96". AIX fileset levels and HP-UX revisions are not MTA versions: null.
    /// </summary>
    public static string? Upstream(string manager, string version)
    {
        if (manager is not ("dpkg" or "rpm" or "ips")) return null;
        var v = version;
        int colon = v.IndexOf(':');
        if (colon >= 0 && colon < 4 && v[..colon].All(char.IsAsciiDigit)) v = v[(colon + 1)..];
        int dash = manager == "ips" ? v.IndexOf('-') : v.LastIndexOf('-');
        if (dash > 0) v = v[..dash];
        // Debian repacks: 3.4.14+dfsg, 8.15.2+really..., and ~ pre-releases: keep the leading numeric part.
        int cut = v.IndexOfAny(['+', '~']);
        if (cut > 0) v = v[..cut];
        v = v.Replace('_', '.');
        return Versions.UpstreamVersion.TryParse(v, out var parsed) ? parsed.Text : null;
    }
}
