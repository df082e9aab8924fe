using MtaAudit.Knowledge.Import;

namespace MtaAudit.Knowledge.Update;

/// <summary>
/// One download of <c>db update</c>: a public machine-readable source read over HTTPS.
/// <see cref="Body"/> is the JSON posted (OSV queries); null for a GET.
/// </summary>
public sealed record UpdateSource(string Name, Uri Url, string? Body = null);

/// <summary>
/// What <c>db update</c> and <c>db fetch</c> read: the OSV API for each MTA package in upstream and the
/// distributions' ecosystems, the NVD CVE API 2.0 for each MTA's CPE, endoflife.date's API for each OS
/// product (<c>/api/{product}.json</c>: OS support dates), and endoflife.date's release-data files for the MTAs
/// that have one (<c>releases/{product}.json</c>: Postfix and Exim releases with dates). A mirror (--mirror)
/// serves the same paths from another HTTPS origin (an organisation's proxy cache, or the tests' loopback server).
/// </summary>
public static class UpdateSources
{
    public const string OsvOrigin = "https://api.osv.dev";
    public const string NvdOrigin = "https://services.nvd.nist.gov";
    public const string EndOfLifeOrigin = "https://endoflife.date";
    /// <summary>release-data is a public repository of JSON files; this origin serves its files as they are.</summary>
    public const string ReleaseDataOrigin = "https://raw.githubusercontent.com";
    public const string ReleaseDataPath = "/endoflife-date/release-data/main/releases/";

    /// <summary>Name prefixes of the source kinds (a source's name is its kind, then what it is about).</summary>
    public const string EndOfLifePrefix = "endoflife.date ";
    public const string ReleaseDataPrefix = "release-data ";

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
        foreach (var p in EndOfLifeDateReader.Products)
            list.Add(new UpdateSource(EndOfLifePrefix + p.Name, At(mirror, EndOfLifeOrigin, $"/api/{p.Name}.json")));
        foreach (var (_, product) in ReleaseListReader.Lists)
            list.Add(new UpdateSource(ReleaseDataPrefix + product, At(mirror, ReleaseDataOrigin, $"{ReleaseDataPath}{product}.json")));
        return list;
    }

    /// <summary>The sources whose name starts with one of <paramref name="prefixes"/> (all when none is given).</summary>
    public static IReadOnlyList<UpdateSource> Only(IReadOnlyList<UpdateSource> sources, IReadOnlyCollection<string> prefixes) =>
        prefixes.Count == 0 ? sources : sources.Where(s => prefixes.Any(p => s.Name.StartsWith(p, StringComparison.Ordinal))).ToList();

    /// <summary>
    /// Reads one answer by what its source is (the name carries the kind: a manifest line keeps it across
    /// <c>db fetch</c> and <c>db update --from</c>). Throws <see cref="KnowledgeImportException"/> when it is not valid.
    /// </summary>
    public static ImportedFile Read(string sourceName, string file, byte[] body)
    {
        if (sourceName.StartsWith(EndOfLifePrefix, StringComparison.Ordinal))
        {
            var name = sourceName[EndOfLifePrefix.Length..];
            var product = EndOfLifeDateReader.Find(name)
                ?? throw new KnowledgeImportException([new ImportError(file, "$", Glossary.Say("import.no-os-mapped", ("name", name)))]);
            return EndOfLifeDateReader.Read(file, product, body);
        }
        if (sourceName.StartsWith(ReleaseDataPrefix, StringComparison.Ordinal))
        {
            var name = sourceName[ReleaseDataPrefix.Length..];
            var list = ReleaseListReader.Lists.FirstOrDefault(l => l.Product == name);
            if (list.Mta is null) throw new KnowledgeImportException([new ImportError(file, "$", Glossary.Say("import.no-mta-mapped", ("name", name)))]);
            return ReleaseListReader.Read(file, list.Mta, list.Product, body);
        }
        return KnowledgeImporter.ParseFile(file, body);
    }

    private static Uri At(Uri? mirror, string origin, string pathAndQuery) =>
        new((mirror is null ? origin : mirror.GetLeftPart(UriPartial.Authority)) + pathAndQuery);
}
