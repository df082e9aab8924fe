using System.Text.Json;
using System.Text.Json.Serialization;

namespace MtaAudit.Assess;

// The on-disk shape of a baseline file ("mta-audit/baseline/1", docs/baseline.md). Members are nullable so a
// missing field reaches the validator with its path; unknown members are refused so a typo ("verison")
// is an error, not a silently ignored minimum.

/// <summary>Top level of a baseline file.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class BaselineDocument
{
    public string? Schema { get; set; }
    public string? Name { get; set; }
    public List<BaselineDocumentMinimum?>? Minimums { get; set; }
}

/// <summary>One minimum: an MTA, optional os/release filters, and a minimum package and/or upstream version.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class BaselineDocumentMinimum
{
    public string? Mta { get; set; }
    public string? Os { get; set; }
    public string? Release { get; set; }
    public string? Package { get; set; }
    public string? Version { get; set; }
    public string? Note { get; set; }
}

/// <summary>Source-generated (AOT-safe) reader for baseline files.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(BaselineDocument))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
