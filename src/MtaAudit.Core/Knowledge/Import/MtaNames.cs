namespace MtaAudit.Knowledge.Import;

/// <summary>Which MTA a CPE product, an upstream package name or a distro package name stands for.</summary>
public static class MtaNames
{
    /// <summary>NVD's CPE vendor:product of the four MTAs (reference data_sources.cpe_products).</summary>
    public static string? OfCpe(Cpe23 cpe) => cpe.Part is "a" or "*" ? (cpe.Vendor, cpe.Product) switch
    {
        ("postfix", "postfix") => "postfix",
        ("exim", "exim") => "exim",
        ("sendmail", "sendmail") => "sendmail",
        ("opensmtpd", "opensmtpd") => "opensmtpd",
        _ => null,
    } : null;

    /// <summary>
    /// Source or binary package names of the MTAs across distros: postfix, postfix-mysql; exim4,
    /// exim4-daemon-heavy, exim (rpm); sendmail, sendmail-bin; opensmtpd. Other packages (libmilter,
    /// sendmail-doc's cousins like "postfix-policyd-spf-python") are still the MTA's source family or tools
    /// around it; a name is taken when it is the MTA's name or starts with it and a hyphen.
    /// </summary>
    public static string? OfPackage(string? name)
    {
        if (string.IsNullOrEmpty(name)) return null;
        var n = name.ToLowerInvariant();
        foreach (var (prefix, mta) in Families)
            if (n == prefix || n.StartsWith(prefix + "-", StringComparison.Ordinal)) return mta;
        return null;
    }

    private static readonly (string Prefix, string Mta)[] Families =
    [
        ("postfix", "postfix"),
        ("exim4", "exim"),
        ("exim", "exim"),
        ("sendmail", "sendmail"),
        ("opensmtpd", "opensmtpd"),
    ];

    /// <summary>An upstream repository URL (OSV GIT ranges) of an MTA.</summary>
    public static string? OfRepository(string? url)
    {
        if (string.IsNullOrEmpty(url)) return null;
        var u = url.ToLowerInvariant().TrimEnd('/');
        if (u.EndsWith(".git", StringComparison.Ordinal)) u = u[..^4];
        var last = u[(u.LastIndexOf('/') + 1)..];
        return last switch
        {
            "postfix" => "postfix",
            "exim" => "exim",
            "sendmail" => "sendmail",
            "opensmtpd" => "opensmtpd",
            _ => null,
        };
    }
}
