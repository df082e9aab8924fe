using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MtaAudit.Knowledge;

// The on-disk shape of kb.json ("mta-audit/kb/1"). Kept apart from the domain records so the file
// format can be validated item by item (with JSON paths in the errors) before anything is trusted.
// Every member is nullable on purpose: a missing field must reach the validator, not a half-built record.

/// <summary>Top level of kb.json.</summary>
public sealed class KbFile
{
    /// <summary>The format this loader reads and the developer tool tools/MtaAudit.KbBuilder writes.</summary>
    public const string SchemaName = "mta-audit/kb/1";

    public string? Schema { get; set; }
    /// <summary>Knowledge base version, e.g. 2026.11.1.</summary>
    public string? Version { get; set; }
    /// <summary>Date the facts were last checked, yyyy-MM-dd.</summary>
    public string? Date { get; set; }
    public List<string>? Sources { get; set; }
    public List<KbMta>? Mtas { get; set; }
    public List<KbVendorPackage>? VendorPackages { get; set; }
    /// <summary>How far each source's facts reach (the newest dated item read), e.g. exim releases and advisories through 2026-09-18.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<KbSourceDate>? DataThrough { get; set; }
    /// <summary>End of standard and extended support of OS releases.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<KbOsRelease>? OsLifecycle { get; set; }
}

public sealed class KbSourceDate
{
    /// <summary>What the date is about: "postfix", "exim", "os lifecycle", "vendor packages".</summary>
    public string? Source { get; set; }
    /// <summary>yyyy-MM-dd: the newest dated item of this source that was read.</summary>
    public string? Through { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; set; }
}

public sealed class KbOsRelease
{
    /// <summary>The OS as its vendor names it ("Debian", "CentOS Linux").</summary>
    public string? Os { get; set; }
    public string? Release { get; set; }
    /// <summary>os-release ID (lower case): debian, ubuntu, rhel, centos, rocky, almalinux, ol, sles, amzn, solaris, aix, hpux, freebsd.</summary>
    public string? Id { get; set; }
    /// <summary>VERSION_ID to match: "11" (major), "7.x" (major), "22.04" or "15.7" (exact).</summary>
    public string? VersionId { get; set; }
    /// <summary>Text the host's NAME must contain when the ID is shared (CentOS Linux vs CentOS Stream).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NameContains { get; set; }
    /// <summary>AIX technology level ("2" of "7.3 TL2"), when the record is one TL.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TechnologyLevel { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Codename { get; set; }
    /// <summary>End of the vendor's normal, included security support (yyyy-MM-dd); null when not established.</summary>
    public string? StandardSupportEnd { get; set; }
    public List<KbExtendedSupport>? Extended { get; set; }
    public List<string>? Sources { get; set; }
}

public sealed class KbExtendedSupport
{
    public string? Program { get; set; }
    /// <summary>yyyy-MM-dd, or null when not established.</summary>
    public string? End { get; set; }
    /// <summary>Paid or separately subscribed: counts only when the host shows its channel.</summary>
    public bool Paid { get; set; }
    /// <summary>The package-source channel that shows a host uses it: ubuntu-esm, debian-elts, rhel-els, rhel-eus, sles-ltss; null when no channel can show it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Channel { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; set; }
}

/// <summary>Machine-readable preconditions of a vulnerability (tokens as the MTA prints them; null = no such requirement).</summary>
public sealed class KbRequires
{
    /// <summary>A build feature: exim -bV "Support for:" token (SPF, PROXY, GnuTLS), a Postfix map type, a Sendmail "Compiled with:" flag.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BuildFeature { get; set; }
    /// <summary>exim -bV "Lookups" token (spf, json).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Lookup { get; set; }
    /// <summary>exim -bV "Authenticators:" token (spa, external).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Driver { get; set; }
    /// <summary>exim -bV "Hints DB:" library (sqlite).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? HintsDb { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TlsLibrary { get; set; }
    /// <summary>The C library (musl).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Libc { get; set; }
    /// <summary>Settings that must be in effect; never checked from the evidence, only named.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Config { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? LocalAccess { get; set; }
}

public sealed class KbMta
{
    public string? Mta { get; set; }
    public string? NewestRelease { get; set; }
    public string? NewestReleaseDate { get; set; }
    public string? SupportPolicy { get; set; }
    public List<KbBranch>? Branches { get; set; }
    public List<KbRelease>? Releases { get; set; }
    public List<KbCve>? Cves { get; set; }
}

public sealed class KbBranch
{
    public string? Branch { get; set; }
    public string? LatestPatch { get; set; }
    public string? Date { get; set; }
    public bool Supported { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; set; }
}

public sealed class KbRelease
{
    public string? Version { get; set; }
    public string? Date { get; set; }
    /// <summary>Written only when false (compact): the release or its date came from memory, not a checked source.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Verified { get; set; }
}

public sealed class KbCve
{
    public string? Id { get; set; }
    public string? Summary { get; set; }
    /// <summary>critical/high/medium/low from the CVSS v3 score; null without a v3 score.</summary>
    public string? Severity { get; set; }
    public double? Cvss { get; set; }
    public string? CvssVersion { get; set; }
    public bool Kev { get; set; }
    public string? AttackVector { get; set; }
    public List<KbRange>? Affected { get; set; }
    /// <summary>Why the record is not fully trusted; null when it is.</summary>
    public string? Confidence { get; set; }
    public bool Verified { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Preconditions { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; set; }
    public List<string>? Sources { get; set; }
    /// <summary>The vendor's own ids for the same issue (EXIM-Security-2026-05-19.1, GCVE-…); an advisory later given a CVE keeps its old id here.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Aliases { get; set; }
    /// <summary>Date disclosed or of the fixing release (yyyy-MM-dd), when known.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Date { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public KbRequires? Requires { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PreconditionsSource { get; set; }
    /// <summary>What to do where no fix exists or until it is applied.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Mitigation { get; set; }
}

public sealed class KbRange
{
    public string? Introduced { get; set; }
    public string? Fixed { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LastAffected { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; set; }
}

public sealed class KbVendorPackage
{
    public string? Distro { get; set; }
    public string? Release { get; set; }
    public string? Mta { get; set; }
    public string? Package { get; set; }
    /// <summary>The vendor's package version (dpkg/rpm/apk syntax), never compared against upstream ranges; null when not established.</summary>
    public string? Version { get; set; }
    /// <summary>The upstream version the package is based on; null when the research did not say.</summary>
    public string? Upstream { get; set; }
    public List<string>? FixedCves { get; set; }
    public bool Verified { get; set; }
    public string? Source { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; set; }
}

/// <summary>Source-generated (AOT-safe) serializer for kb.json.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(KbFile))]
internal sealed partial class KbJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Options for writing: relaxed escaping keeps '&lt;LF&gt;', '+' and non-ASCII readable in the committed file
    /// (it is data, never embedded in HTML).
    /// </summary>
    internal static KbJsonContext Writer { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
