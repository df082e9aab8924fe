namespace MtaAudit.Knowledge.Update;

/// <summary>
/// One download of <c>db update</c>: a public machine-readable source read over HTTPS.
/// <see cref="Body"/> is the JSON posted (OSV queries); null for a GET.
/// </summary>
public sealed record UpdateSource(string Name, Uri Url, string? Body = null);

/// <summary>
/// What <c>db update</c> and <c>db fetch</c> read: the OSV API for each MTA package in upstream and the
/// distributions' ecosystems, and the NVD CVE API 2.0 for each MTA's CPE. A mirror (--mirror) serves the
/// same paths from another HTTPS origin (an organisation's proxy cache, or the tests' loopback server).
/// </summary>
public static class UpdateSources
{
    public const string OsvOrigin = "https://api.osv.dev";
    public const string NvdOrigin = "https://services.nvd.nist.gov";

    /// <summary>The MTA package names per OSV ecosystem (distribution packages carry the vendors' fixes).</summary>
    private static readonly (string Ecosystem, string[] Packages)[] Osv =
    [
        ("Debian", ["postfix", "exim4", "sendmail", "opensmtpd"]),
        ("Ubuntu", ["postfix", "exim4", "sendmail", "opensmtpd"]),
        ("Alpine", ["postfix", "exim", "opensmtpd"]),
        ("Rocky Linux", ["postfix", "sendmail"]),
        ("AlmaLinux", ["postfix", "sendmail"]),
        ("Red Hat", ["postfix", "sendmail"]),
        ("SUSE", ["postfix", "exim", "sendmail"]),
    ];

    /// <summary>The four MTAs' CPE product names (cpe:2.3:a:VENDOR:PRODUCT).</summary>
    private static readonly string[] Cpes =
    [
        "cpe:2.3:a:postfix:postfix",
        "cpe:2.3:a:exim:exim",
        "cpe:2.3:a:sendmail:sendmail",
        "cpe:2.3:a:opensmtpd:opensmtpd",
    ];

    /// <summary>Every source, with <paramref name="mirror"/> (an https origin) in place of the public origins when given.</summary>
    public static IReadOnlyList<UpdateSource> All(Uri? mirror = null)
    {
        var list = new List<UpdateSource>();
        foreach (var (eco, packages) in Osv)
            foreach (var p in packages)
                list.Add(new UpdateSource($"osv {eco} {p}", At(mirror, OsvOrigin, "/v1/query"),
                    $"{{\"package\":{{\"name\":\"{p}\",\"ecosystem\":\"{eco}\"}}}}"));
        foreach (var cpe in Cpes)
            list.Add(new UpdateSource($"nvd {cpe}", At(mirror, NvdOrigin, "/rest/json/cves/2.0?virtualMatchString=" + Uri.EscapeDataString(cpe))));
        return list;
    }

    private static Uri At(Uri? mirror, string origin, string pathAndQuery) =>
        new((mirror is null ? origin : mirror.GetLeftPart(UriPartial.Authority)) + pathAndQuery);
}
