namespace MtaAudit.Knowledge;

/// <summary>One release series of an MTA and whether upstream still fixes it.</summary>
public sealed record BranchInfo(string Branch, string LatestPatch, string? LatestPatchDate, bool Supported, string? Note = null);

/// <summary>A range of affected upstream versions: Introduced &lt;= v &lt; Fixed (or &lt;= LastAffected). Introduced "0" is "all earlier".</summary>
public sealed record AffectedRange(string Introduced, string? Fixed, string? LastAffected = null, string? Note = null);

/// <summary>
/// A vulnerability of an MTA, in upstream version space. Ids without a CVE are synthetic (POSTFIX-2026-07-QUALYS).
/// Verified is false when the research did not check something (score not in NVD JSON, range from memory,
/// unknown start); Confidence then says what. CvssVersion is the version of <see cref="Cvss"/> ("3.1", "2.0");
/// Severity is derived from v3 scores only.
/// </summary>
public sealed record CveRecord(
    string Id,
    string Mta,
    string Summary,
    string? Severity,
    double? Cvss,
    bool Kev,
    string? AttackVector,
    IReadOnlyList<AffectedRange> Affected,
    string? Confidence = null,
    IReadOnlyList<string>? Sources = null,
    bool Verified = true,
    string? CvssVersion = null,
    string? Preconditions = null,
    string? Note = null,
    IReadOnlyList<string>? Aliases = null,
    string? Date = null,
    CveRequirements? Requires = null,
    string? Mitigation = null)
{
    /// <summary>No range of this record has an upstream fix: no release cures it (CVE-2023-42118, a libspf2 bug).</summary>
    public bool NoUpstreamFix => Affected.All(r => r.Fixed is null && r.LastAffected is null);

    /// <summary>A vendor advisory without a CVE id (EXIM-Security-*, POSTFIX-2026-09-QUALYS-OPENAI).</summary>
    public bool IsAdvisory => !Id.StartsWith("CVE-", StringComparison.Ordinal);

    /// <summary>The upstream versions that fix it, one per affected range that has a fix.</summary>
    public IReadOnlyList<string> FixedVersions => Affected.Where(r => r.Fixed is not null).Select(r => r.Fixed!).ToList();
}

/// <summary>What a vulnerability needs besides the version (see <see cref="KbRequires"/>); null members are no requirement.</summary>
public sealed record CveRequirements(
    string? BuildFeature = null,
    string? Lookup = null,
    string? Driver = null,
    string? HintsDb = null,
    string? TlsLibrary = null,
    string? Libc = null,
    string? Config = null,
    bool LocalAccess = false);

/// <summary>One OS release's support dates (<see cref="KbOsRelease"/>).</summary>
public sealed record OsLifecycleRecord(
    string Os,
    string Release,
    string Id,
    string? VersionId,
    string? NameContains,
    string? TechnologyLevel,
    DateOnly? StandardSupportEnd,
    IReadOnlyList<ExtendedSupport> Extended,
    IReadOnlyList<string> Sources);

/// <summary>An extended-support program; <see cref="Channel"/> names the package source that shows a host uses it.</summary>
public sealed record ExtendedSupport(string Program, DateOnly? End, bool Paid, string? Channel, string? Note = null);

/// <summary>How far one source's facts reach.</summary>
public sealed record SourceDate(string Source, string Through, string? Note = null);

/// <summary>
/// A vendor's package of an MTA in a distro release, with its upstream base and the CVEs it is known to fix.
/// Version is in the vendor's syntax (compare with DebianVersion/RpmVersion) and is "" when the research did
/// not establish it (then Verified is false).
/// </summary>
public sealed record VendorPackage(
    string Distro,
    string Release,
    string Mta,
    string Package,
    string Version,
    string? Upstream,
    IReadOnlyList<string> FixedCves,
    bool Verified,
    string? Source = null,
    string? Note = null);

/// <summary>Everything known about one MTA.</summary>
public sealed record MtaKnowledge(
    string Mta,
    string NewestRelease,
    string? NewestReleaseDate,
    string SupportPolicy,
    IReadOnlyList<BranchInfo> Branches,
    IReadOnlyList<string> Releases,
    IReadOnlyList<CveRecord> Cves,
    IReadOnlyList<ReleaseInfo>? ReleaseHistory = null);

/// <summary>One upstream release with its date when known; Verified is false for dates/versions the research took from memory.</summary>
public sealed record ReleaseInfo(string Version, string? Date, bool Verified = true);
