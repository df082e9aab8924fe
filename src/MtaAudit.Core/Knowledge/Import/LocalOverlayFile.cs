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
    /// <summary>OS support dates from endoflife.date (<c>db update</c>); they replace the embedded dates of the same release.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<LocalOsLifecycle>? OsLifecycle { get; set; }
    /// <summary>Upstream releases from the MTAs' release lists (<c>db update</c>); they count when deciding what is newest.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<LocalRelease>? Releases { get; set; }
    /// <summary>How far each refreshed source's data runs (its newest dated fact), shown by <c>db status</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<LocalSourceDate>? DataThrough { get; set; }
}

/// <summary>
/// One OS release cycle as endoflife.date publishes it, already mapped onto the knowledge model: which embedded
/// release it is (<see cref="Os"/> and <see cref="Cycle"/>) and the dates it sets. A null date sets nothing.
/// </summary>
public sealed class LocalOsLifecycle
{
    /// <summary>endoflife.date product name (debian, rhel, …).</summary>
    public string? Product { get; set; }
    /// <summary>The knowledge base's OS name (OsLifecycleRecord.Os) the cycle belongs to.</summary>
    public string? Os { get; set; }
    /// <summary>The cycle ("7", "22.04", "15.6"): matches a record whose versionId is the cycle or cycle + ".x".</summary>
    public string? Cycle { get; set; }
    public string? StandardSupportEnd { get; set; }
    /// <summary>End of the free extended program (Debian LTS).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FreeExtendedEnd { get; set; }
    /// <summary>End of the paid extended program (RHEL ELS, Ubuntu ESM, Debian ELTS, SLES LTSS…).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PaidExtendedEnd { get; set; }
    public string? Source { get; set; }
}

/// <summary>One upstream release of an MTA from a release list.</summary>
public sealed class LocalRelease
{
    public string? Mta { get; set; }
    public string? Version { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Date { get; set; }
    public string? Source { get; set; }
}

/// <summary>A refreshed source and the date its data runs to.</summary>
public sealed class LocalSourceDate
{
    public string? Source { get; set; }
    public string? Through { get; set; }
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
