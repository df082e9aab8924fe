using System.Text.Json;
using System.Text.Json.Serialization;

namespace MtaAudit.Remediation;

/// <summary>A fix plan as JSON (schema mta-audit/fix-plan/1, docs/remediation.md); source-generated for AOT.</summary>
public static class PlanJson
{
    public const string Schema = "mta-audit/fix-plan/1";

    public static string Render(IReadOnlyList<HostPlan> hosts, Lang lang, IReadOnlyList<string> inputErrors) =>
        JsonSerializer.Serialize(new PlanDoc
        {
            Schema = Schema,
            Hosts = hosts.Select(h => Host(h, lang)).ToList(),
            InputErrors = inputErrors.ToList(),
        }, Context.PlanDoc) + "\n";

    // As the report (Render/JsonReport.cs): camelCase, Korean readable, control characters and quotes escaped.
    private static readonly PlanJsonContext Context = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = MtaAudit.Render.ReportJsonEncoder.Relaxed,
    });

    private static HostDoc Host(HostPlan h, Lang lang) => new()
    {
        Host = h.Host,
        Os = h.Os.Family.ToString().ToLowerInvariant(),
        Steps = h.Numbered().Select(x => Step(x.Number, x.Mta, x.Step, lang)).ToList(),
        Notes = h.Notes.Concat(h.Mtas.SelectMany(m => m.Notes)).Select(n => n.Get(lang)).ToList(),
        Decisions = h.Mtas.ToDictionary(m => m.Mta, m => m.Decision == PlanDecision.Unused ? "unused" : "update"),
    };

    public static StepDoc Step(int n, string mta, RemediationStep s, Lang lang) => new()
    {
        Number = n,
        Mta = mta,
        Kind = s.Kind.Json(),
        Manager = RemediationStep.ManagerOf(s),
        Target = s.Target,
        Before = s.Before.Length == 0 ? null : s.Before,
        After = s.After.Length == 0 ? null : s.After,
        Command = s.Command?.ToList(),
        Edit = (s as FileLineEdit)?.Edit.Id,
        Automatic = s.Automatic,
        Text = StepText.Describe(s).Get(lang),
    };

    public sealed class PlanDoc
    {
        public string Schema { get; set; } = "";
        public List<HostDoc> Hosts { get; set; } = new();
        public List<string> InputErrors { get; set; } = new();
    }

    public sealed class HostDoc
    {
        public string Host { get; set; } = "";
        public string Os { get; set; } = "";
        public Dictionary<string, string> Decisions { get; set; } = new();
        public List<StepDoc> Steps { get; set; } = new();
        public List<string> Notes { get; set; } = new();
    }

    public sealed class StepDoc
    {
        public int Number { get; set; }
        public string Mta { get; set; } = "";
        public string Kind { get; set; } = "";
        public string? Manager { get; set; }
        public string Target { get; set; } = "";
        public string? Before { get; set; }
        public string? After { get; set; }
        public List<string>? Command { get; set; }
        public string? Edit { get; set; }
        public bool Automatic { get; set; }
        public string Text { get; set; } = "";
    }
}

[JsonSerializable(typeof(PlanJson.PlanDoc))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
