using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using MtaAudit.Assess;
using MtaAudit.Knowledge;

namespace MtaAudit.Render;

/// <summary>
/// The machine-readable report, schema mta-audit/report/1 (docs/report-json.md): the core fields
/// scripts rely on, plus evidence lines and input errors. Serialized with source generation (AOT).
/// </summary>
public static class JsonReport
{
    public const string Schema = "mta-audit/report/1";

    /// <summary>The whole report as a string (tests, small runs); the CLI streams through <see cref="JsonSink"/>.</summary>
    public static string Render(IReadOnlyList<HostReport> hosts, KnowledgeBase kb, Policy policy, Lang lang,
        IReadOnlyList<string> inputErrors, DateTimeOffset now) =>
        Sinks.RenderToString(s => new JsonSink(s), hosts, ReportMeta.Of(new AnalysisOptions(kb, policy), lang, now), inputErrors);

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    internal static HostDoc Host(HostReport h, HostContext ctx, Lang lang) => new()
    {
        Host = h.Host,
        Os = new OsDoc { Family = h.Os.Family.ToString().ToLowerInvariant(), Name = h.Os.Name, Version = h.Os.Version, Distro = h.Os.Distro },
        Verdict = h.Verdict.Json(),
        Complete = h.Complete,
        Mtas = h.Mtas.Select(m => new MtaDoc
        {
            Mta = m.Mta,
            Version = m.Version,
            VersionText = m.VersionText,
            Package = m.Package is null ? null : new PackageDoc { Manager = m.Package.Manager, Name = m.Package.Name, Version = m.Package.Version },
            PackageUnknown = m.PackageUnknown ? true : null,
            Binary = m.BinaryPath,
            Running = m.Running,
            Enabled = m.Enabled,
            Verdict = m.Verdict.Json(),
            Confidence = m.Confidence,
            Reasons = m.Reasons.Select(r => r.Get(lang)).ToList(),
            Codes = Codes(m.Reasons.Concat(m.Remediation)),
            Cves = m.Cves.Select(c => new CveDoc
            {
                Id = c.Id, FixedIn = c.FixedIn, Severity = c.Severity, Cvss = c.Cvss, Kev = c.Kev, Vendor = c.Vendor,
                NotApplicable = c.NotApplicable, Applicability = c.ApplicabilityWords?.Get(lang) ?? c.Applicability, NoUpstreamFix = c.NoUpstreamFix, Mitigation = c.Mitigation,
                Aliases = c.Aliases is { Count: > 0 } a ? a.ToList() : null,
            }).ToList(),
            Remediation = m.Remediation.Select(r => r.Get(lang)).ToList(),
            Evidence = m.Evidence.ToList(),
            EvidenceLines = m.EvidenceLines.ToList(),
        }).ToList(),
        Reasons = h.Reasons.Select(r => r.Get(lang)).ToList(),
        Codes = Codes(h.Reasons),
        Errors = h.Errors.Select(e => e.Get(lang)).ToList(),
        ErrorCodes = Codes(h.Errors),
        Source = h.Source,
        CollectedAt = h.CollectedAt,
        Account = ctx.Account,
        Addresses = ctx.AddressesUnknown is null ? ctx.Addresses.ToList() : null,
        AddressesUnknown = ctx.AddressesUnknown is { } why ? MtaAudit.Facts.UnknownReasonText.Code(why) : null,
        CallsItself = ctx.CallsItself,
    };

    /// <summary>The glossary codes of coded sentences, or null when none is coded (older producers).</summary>
    private static List<CodeDoc>? Codes(IEnumerable<Localized> items)
    {
        List<CodeDoc>? list = null;
        foreach (var l in items)
        {
            if (l.Code is null) continue;
            (list ??= new()).Add(new CodeDoc { Code = l.Code, Args = l.Args?.ToDictionary(a => a.Key, a => a.Value) });
        }
        return list;
    }

    /// <summary>Reads a report written by <see cref="JsonSink"/> (or any schema-1 report). Throws <see cref="JsonException"/>.</summary>
    public static ReportDoc Read(Stream s) =>
        JsonSerializer.Deserialize(s, Context.ReportDoc) ?? throw new JsonException("the file holds no JSON report");

    /// <summary>A host of a JSON report back as findings; sentences come back in the language they were written in.</summary>
    public static (HostReport, HostContext) ToHost(HostDoc d)
    {
        static Localized L(string s) => new(s, s);
        static Verdict V(string s) => s switch { "GOOD" => Verdict.Good, "VULNERABLE" => Verdict.Vulnerable, "MANUAL" => Verdict.Manual, _ => Verdict.NotApplicable };
        var family = Enum.TryParse<MtaAudit.Facts.OsFamily>(d.Os.Family, true, out var f) ? f : MtaAudit.Facts.OsFamily.Unknown;
        var host = new HostReport(d.Host, new MtaAudit.Facts.OsInfo(family, d.Os.Name, d.Os.Version, d.Os.Distro), V(d.Verdict), d.Complete,
            d.Mtas.Select(m => new MtaFinding(m.Mta, m.Version, m.VersionText,
                m.Package is null ? null : new PackageRef(m.Package.Manager, m.Package.Name, m.Package.Version),
                m.Running, m.Enabled, V(m.Verdict), m.Reasons.Select(L).ToList(),
                m.Cves.Select(c => new CveRef(c.Id, c.FixedIn, c.Severity, c.Cvss, c.Kev, null, c.Vendor)).ToList(),
                m.Remediation.Select(L).ToList(), m.Evidence, m.EvidenceLines, m.Binary, m.Confidence, PackageUnknown: m.PackageUnknown == true)).ToList(),
            d.Reasons.Select(L).ToList(), d.Errors.Select(L).ToList(), d.Source, d.CollectedAt);
        // An older report left addresses out when it had none: unknown, as it did not say.
        var unknown = d.Addresses is null ? MtaAudit.Facts.UnknownReasonText.FromCode(d.AddressesUnknown) : (MtaAudit.Facts.UnknownReason?)null;
        return (host, new HostContext(d.Account, d.Addresses ?? []) { AddressesUnknown = unknown, CallsItself = d.CallsItself });
    }

    /// <summary>
    /// For serializing into a writer made with the report's encoder (JsonSink): no encoder of its own, so that
    /// the generator's fast path writes each host straight to the writer (it is skipped when the options name an
    /// encoder). The same bytes: values go through the writer's encoder, and every property name is plain ASCII.
    /// </summary>
    internal static ReportJsonContext Json { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });

    private static readonly ReportJsonContext Context = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Korean text stays readable; control characters and quotes are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public sealed class ReportDoc
    {
        public string Schema { get; set; } = "";
        public string GeneratedAt { get; set; } = "";
        public KbDoc KnowledgeBase { get; set; } = new();
        public string Policy { get; set; } = "";
        public List<HostDoc> Hosts { get; set; } = new();
        public List<string> InputErrors { get; set; } = new();
    }

    public sealed class KbDoc
    {
        public string Version { get; set; } = "";
        public string Date { get; set; } = "";
        public List<SourceDateDoc> DataThrough { get; set; } = new();
        public int AgeDays { get; set; }
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Warning { get; set; }
    }

    public sealed class SourceDateDoc
    {
        public string Source { get; set; } = "";
        public string Through { get; set; } = "";
    }

    public sealed class HostDoc
    {
        public string Host { get; set; } = "";
        public OsDoc Os { get; set; } = new();
        public string Verdict { get; set; } = "";
        public bool Complete { get; set; }
        public List<MtaDoc> Mtas { get; set; } = new();
        public List<string> Reasons { get; set; } = new();
        public List<string> Errors { get; set; } = new();
        public string? Source { get; set; }
        public string? CollectedAt { get; set; }
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<CodeDoc>? Codes { get; set; }
        /// <summary>The glossary codes of <see cref="Errors"/>, as <see cref="Codes"/> are of the reasons.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<CodeDoc>? ErrorCodes { get; set; }
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Account { get; set; }
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string>? Addresses { get; set; }
        /// <summary>Why <see cref="Addresses"/> is missing: not-collected, absent, failed, timed-out, cut, not-root, skipped.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? AddressesUnknown { get; set; }
        /// <summary>The bundle's own host line when it differs from <see cref="Host"/> (a fleet's inventory name).</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? CallsItself { get; set; }
    }

    /// <summary>A sentence's glossary code and parameters (Text/Glossary.cs), beside its text in <c>reasons</c>.</summary>
    public sealed class CodeDoc
    {
        public string Code { get; set; } = "";
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public Dictionary<string, string>? Args { get; set; }
    }

    public sealed class OsDoc
    {
        public string Family { get; set; } = "";
        public string? Name { get; set; }
        public string? Version { get; set; }
        public string? Distro { get; set; }
    }

    public sealed class MtaDoc
    {
        public string Mta { get; set; } = "";
        public string? Version { get; set; }
        public string? VersionText { get; set; }
        public PackageDoc? Package { get; set; }
        /// <summary>True when no package was found because the package lists could not be read (absent when they were).</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? PackageUnknown { get; set; }
        public string? Binary { get; set; }
        public bool? Running { get; set; }
        public bool? Enabled { get; set; }
        public string Verdict { get; set; } = "";
        public string? Confidence { get; set; }
        public List<string> Reasons { get; set; } = new();
        public List<CveDoc> Cves { get; set; } = new();
        public List<string> Remediation { get; set; } = new();
        public List<string> Evidence { get; set; } = new();
        public List<string> EvidenceLines { get; set; } = new();
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<CodeDoc>? Codes { get; set; }
    }

    public sealed class PackageDoc
    {
        public string Manager { get; set; } = "";
        public string Name { get; set; } = "";
        public string Version { get; set; } = "";
    }

    public sealed class CveDoc
    {
        public string Id { get; set; } = "";
        public string? FixedIn { get; set; }
        public string? Severity { get; set; }
        public double? Cvss { get; set; }
        public bool Kev { get; set; }
        public string? Vendor { get; set; }
        /// <summary>A precondition is shown absent on this host: listed, not counted.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
        public bool NotApplicable { get; set; }
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Applicability { get; set; }
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
        public bool NoUpstreamFix { get; set; }
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Mitigation { get; set; }
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<string>? Aliases { get; set; }
    }
}

// The same naming and layout as the options the contexts are made with (JsonReport.Json): with them the
// generator's fast path writes each host straight to the writer, instead of the slower metadata walk.
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(JsonReport.ReportDoc))]
[JsonSerializable(typeof(JsonReport.HostDoc))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
