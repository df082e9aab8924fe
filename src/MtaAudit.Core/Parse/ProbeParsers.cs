namespace MtaAudit.Parse;

/// <summary>Every probe parser mta-audit knows. Add a new parser's instance here.</summary>
public static class ProbeParsers
{
    public static readonly IReadOnlyList<IProbeParser> All =
    [
        new Packages.DpkgParser(),
        new Packages.RpmParser(),
        new Packages.SolarisPackageParser(),
        new Packages.AixLslppParser(),
        new Packages.HpuxSwlistParser(),
        new Binaries.LsBinariesParser(),
    ];
}
