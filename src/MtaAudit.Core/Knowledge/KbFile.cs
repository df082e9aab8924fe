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
