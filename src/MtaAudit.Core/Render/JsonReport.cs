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
        Machine = ctx.Identity?.Machine,
        Name = ctx.Identity is { } id && id.Name != h.Host ? id.Name : null,
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
    public static (HostReport, HostContext) ToHost(HostDoc d) => ToHost(d, out _);

    /// <summary>
    /// The same, with what does not fit the schema (<see cref="JsonReportCheck.Host"/>): such a host comes back
    /// MANUAL at least, each problem among its errors, and null lists read as empty.
    /// </summary>
    public static (HostReport, HostContext) ToHost(HostDoc d, out IReadOnlyList<Localized> problems)
    {
        static Localized L(string s) => new(s, s);
        static List<string> Strings(List<string>? list) => list?.Where(s => s is not null).ToList() ?? [];
        static List<Localized> Ls(List<string>? list) => Strings(list).Select(L).ToList();
        var found = JsonReportCheck.Host(d);
        problems = found;
        // Unknown or missing: never N/A or GOOD, which a misspelt "Vulnerable" would otherwise become.
        static Verdict V(string? s) => JsonReportCheck.Verdict(s) ?? Verdict.Manual;
        var os = d.Os ?? new OsDoc();
        var family = Enum.GetValues<MtaAudit.Facts.OsFamily>().FirstOrDefault(f => f.ToString().ToLowerInvariant() == os.Family);
        var mtas = (d.Mtas ?? []).Where(m => m is not null).Select(m => new MtaFinding(m.Mta ?? "", m.Version, m.VersionText,
                m.Package is { Manager: not null, Name: not null, Version: not null } p ? new PackageRef(p.Manager, p.Name, p.Version) : null,
                m.Running, m.Enabled, V(m.Verdict), Ls(m.Reasons),
                (m.Cves ?? []).Where(c => c?.Id is not null).Select(c => new CveRef(c.Id, c.FixedIn, c.Severity, c.Cvss, c.Kev, null, c.Vendor)).ToList(),
                Ls(m.Remediation), Strings(m.Evidence), Strings(m.EvidenceLines), m.Binary, m.Confidence, PackageUnknown: m.PackageUnknown == true)).ToList();
        var verdict = mtas.Aggregate(V(d.Verdict), (w, m) => VerdictNames.Worst(w, m.Verdict));
        var errors = Ls(d.Errors);
        if (found.Count > 0)
        {
            verdict = VerdictNames.Worst(verdict, Verdict.Manual);
            errors.Add(Glossary.Say("err.json.host-manual", ("problem", Glossary.Join(found, "; "))));
        }
        var host = new HostReport(string.IsNullOrEmpty(d.Host) ? "-" : d.Host, new MtaAudit.Facts.OsInfo(family, os.Name, os.Version, os.Distro), verdict,
            d.Complete && found.Count == 0, mtas, Ls(d.Reasons), errors, d.Source, d.CollectedAt);
        // An older report left addresses out when it had none: unknown, as it did not say.
        var unknown = d.Addresses is null ? MtaAudit.Facts.UnknownReasonText.FromCode(d.AddressesUnknown) : (MtaAudit.Facts.UnknownReason?)null;
        var addresses = d.Addresses?.Where(a => a is not null).ToList() ?? [];
        var identity = new HostIdentity(d.Name ?? d.Host, d.Machine, addresses);
        return (host, new HostContext(d.Account, addresses) { AddressesUnknown = unknown, CallsItself = d.CallsItself, Identity = identity });
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
        Encoder = ReportJsonEncoder.Relaxed,
    });

    // Reading: a field the reader needs defaults to null, so a missing one is told from an empty one
    // (JsonReportCheck names both); every writer sets them all.
    public sealed class ReportDoc
    {
        public string Schema { get; set; } = null!;
        public string GeneratedAt { get; set; } = "";
        public KbDoc KnowledgeBase { get; set; } = null!;
        public string Policy { get; set; } = null!;
        public List<HostDoc> Hosts { get; set; } = null!;
        public List<string> InputErrors { get; set; } = null!;
    }

    public sealed class KbDoc
    {
        public string Version { get; set; } = null!;
        public string Date { get; set; } = null!;
        public List<SourceDateDoc> DataThrough { get; set; } = new(); // older reports have none
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
        public string Host { get; set; } = null!;
        public OsDoc Os { get; set; } = null!;
        public string Verdict { get; set; } = null!;
        public bool Complete { get; set; }
        public List<MtaDoc> Mtas { get; set; } = null!;
        public List<string> Reasons { get; set; } = null!;
        public List<string> Errors { get; set; } = null!;
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
        /// <summary>The machine identity (host.id: <c>kind:value</c> sources), which tells hosts of one name apart.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Machine { get; set; }
        /// <summary>The host's own name when <see cref="Host"/> is a label that tells it from another of that name.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Name { get; set; }
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
        public string Family { get; set; } = null!;
        public string? Name { get; set; }
        public string? Version { get; set; }
        public string? Distro { get; set; }
    }

    public sealed class MtaDoc
    {
        public string Mta { get; set; } = null!;
        public string? Version { get; set; }
        public string? VersionText { get; set; }
        public PackageDoc? Package { get; set; }
        /// <summary>True when no package was found because the package lists could not be read (absent when they were).</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? PackageUnknown { get; set; }
        public string? Binary { get; set; }
        public bool? Running { get; set; }
        public bool? Enabled { get; set; }
        public string Verdict { get; set; } = null!;
        public string? Confidence { get; set; }
        public List<string> Reasons { get; set; } = null!;
        public List<CveDoc> Cves { get; set; } = null!;
        public List<string> Remediation { get; set; } = null!;
        public List<string> Evidence { get; set; } = null!;
        public List<string> EvidenceLines { get; set; } = null!;
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public List<CodeDoc>? Codes { get; set; }
    }

    public sealed class PackageDoc
    {
        public string Manager { get; set; } = "";
        public string Name { get; set; } = "";
        public string Version { get; set; } = null!;
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
