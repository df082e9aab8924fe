using MtaAudit.Facts;

namespace MtaAudit.Assess;

/// <summary>
/// A CVE behind a verdict, and the upstream version that fixes it for this host's branch.
/// <see cref="Vendor"/> says what the vendor's data says of it for the installed package, under the vendor policy
/// ("fixed in 4.96-15+deb12u2 (changelog)", "not known to be fixed").
/// <see cref="NotApplicable"/>: a precondition is shown absent (listed, never counted); <see cref="Applicability"/> says why, or which
/// preconditions hold or are unknown (<see cref="ApplicabilityWords"/>: the same in both languages). <see cref="NoUpstreamFix"/>: no release fixes it; <see cref="Mitigation"/> says what to do instead.
/// </summary>
public sealed record CveRef(string Id, string? FixedIn, string? Severity, double? Cvss, bool Kev, string? Summary, string? Vendor = null,
    bool NotApplicable = false, string? Applicability = null, bool NoUpstreamFix = false, string? Mitigation = null, IReadOnlyList<string>? Aliases = null,
    Localized? ApplicabilityWords = null)
{
    /// <summary>The record of a vulnerability of the knowledge base as it applies to this host.</summary>
    public static CveRef Of(Knowledge.CveRecord c, string? fixedIn, Applicability applies, string? vendor = null) =>
        new(c.Id, fixedIn, c.Severity, c.Cvss, c.Kev, c.Summary, vendor, applies.NotApplicable, applies.Text, c.NoUpstreamFix, c.Mitigation, c.Aliases,
            applies.Words);

    /// <summary>Counts toward the verdict: applicable, and curable by an upstream release.</summary>
    public bool Counts => !NotApplicable && !NoUpstreamFix;
}

/// <summary>The package an MTA came from, when it came from one.</summary>
public sealed record PackageRef(string Manager, string Name, string Version);

/// <summary>
/// The U-45 judgement of one MTA on one host, with everything that led to it. <see cref="Target"/> is the version the
/// judgement says to reach (its remedy names it; `fix` updates to the very same one, never recomputing it).
/// </summary>
public sealed record MtaFinding(
    string Mta,
    string? Version,
    string? VersionText,
    PackageRef? Package,
    bool? Running,
    bool? Enabled,
    Verdict Verdict,
    IReadOnlyList<Localized> Reasons,
    IReadOnlyList<CveRef> Cves,
    IReadOnlyList<Localized> Remediation,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<string> EvidenceLines,
    string? BinaryPath = null,
    string? Confidence = null,
    MtaAudit.Remediation.MtaPlan? Plan = null,
    bool PackageUnknown = false,
    string? Target = null);

/// <summary>The U-45 judgement of one host.</summary>
public sealed record HostReport(
    string Host,
    OsInfo Os,
    Verdict Verdict,
    bool Complete,
    IReadOnlyList<MtaFinding> Mtas,
    IReadOnlyList<Localized> Reasons,
    IReadOnlyList<Localized> Errors,
    string? Source = null,
    string? CollectedAt = null);
