using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MtaAudit.Knowledge.Import;

// The on-disk shape of the local overlay (kb-local.json, "mta-audit/kb-local/1"): the records imported
// with `db import`, already mapped onto the knowledge model. Nullable members reach the validator in
// KnowledgeStore, as in KbFile: the file may have been edited by hand.

/// <summary>Top level of kb-local.json.</summary>
public sealed class LocalOverlayFile
{
    public const string SchemaName = "mta-audit/kb-local/1";

    public string? Schema { get; set; }
    /// <summary>When the overlay's content last changed (UTC, ISO 8601).</summary>
    public string? Updated { get; set; }
    /// <summary>Names of the files imported into it, sorted.</summary>
    public List<string>? Imported { get; set; }
    public List<LocalCve>? Cves { get; set; }
    public List<KbVendorPackage>? VendorPackages { get; set; }
}

/// <summary>A vulnerability of one MTA in upstream version space (the fields of <see cref="KbCve"/> plus the MTA).</summary>
public sealed class LocalCve
{
    public string? Mta { get; set; }
    public string? Id { get; set; }
    public string? Summary { get; set; }
    public string? Severity { get; set; }
    public double? Cvss { get; set; }
    public string? CvssVersion { get; set; }
    public bool Kev { get; set; }
    public string? AttackVector { get; set; }
    public List<KbRange>? Affected { get; set; }
    public List<string>? Sources { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; set; }
}

/// <summary>Source-generated (AOT-safe) serializer for kb-local.json.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(LocalOverlayFile))]
internal sealed partial class LocalOverlayJsonContext : JsonSerializerContext
{
    /// <summary>Relaxed escaping keeps '&lt;LF&gt;', '+' and non-ASCII readable (the file is data, never HTML).</summary>
    internal static LocalOverlayJsonContext Writer { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
