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
    string? Note = null);

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
