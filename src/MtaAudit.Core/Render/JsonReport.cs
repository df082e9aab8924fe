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

    public static string Render(IReadOnlyList<HostReport> hosts, KnowledgeBase kb, Policy policy, Lang lang,
        IReadOnlyList<string> inputErrors, DateTimeOffset now)
    {
        var doc = new ReportDoc
        {
            Schema = Schema,
            GeneratedAt = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            KnowledgeBase = new KbDoc { Version = kb.Version, Date = kb.Date },
            Policy = policy.Json(),
            Hosts = hosts.Select(h => Host(h, lang)).ToList(),
            InputErrors = inputErrors.ToList(),
        };
        return JsonSerializer.Serialize(doc, Context.ReportDoc) + "\n";
    }

    /// <summary>
    /// The same document as <see cref="Render"/>, written host by host as <paramref name="hosts"/> yields
    /// them (fleet scans: thousands of hosts never sit in memory). <paramref name="inputErrors"/> is read
    /// after the last host.
    /// </summary>
    public static void Write(Stream output, IEnumerable<HostReport> hosts, KnowledgeBase kb, Policy policy, Lang lang,
        Func<IReadOnlyList<string>> inputErrors, DateTimeOffset now)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteString("generatedAt", now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        w.WritePropertyName("knowledgeBase");
        JsonSerializer.Serialize(w, new KbDoc { Version = kb.Version, Date = kb.Date }, Context.KbDoc);
        w.WriteString("policy", policy.Json());
        w.WriteStartArray("hosts");
        foreach (var h in hosts)
        {
            JsonSerializer.Serialize(w, Host(h, lang), Context.HostDoc);
            if (w.BytesPending > 64 * 1024) w.Flush();
        }
        w.WriteEndArray();
        w.WritePropertyName("inputErrors");
        JsonSerializer.Serialize(w, inputErrors().ToList(), Context.ListString);
        w.WriteEndObject();
        w.Flush();
        output.Write("\n"u8);
    }

    private static HostDoc Host(HostReport h, Lang lang) => new()
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
            Binary = m.BinaryPath,
            Running = m.Running,
            Enabled = m.Enabled,
            Verdict = m.Verdict.Json(),
            Confidence = m.Confidence,
            Reasons = m.Reasons.Select(r => r.Get(lang)).ToList(),
            Cves = m.Cves.Select(c => new CveDoc { Id = c.Id, FixedIn = c.FixedIn, Severity = c.Severity, Cvss = c.Cvss, Kev = c.Kev, Vendor = c.Vendor }).ToList(),
            Remediation = m.Remediation.Select(r => r.Get(lang)).ToList(),
            Evidence = m.Evidence.ToList(),
            EvidenceLines = m.EvidenceLines.ToList(),
        }).ToList(),
        Reasons = h.Reasons.Select(r => r.Get(lang)).ToList(),
        Errors = h.Errors.ToList(),
        Source = h.Source,
        CollectedAt = h.CollectedAt,
    };

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
    }
}

[JsonSerializable(typeof(JsonReport.ReportDoc))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
