using MtaAudit.Assess;
using MtaAudit.Facts;

namespace MtaAudit.Render;

/// <summary>
/// A JSON report read back is input like any other: every enum-like field must hold exactly a value the schema
/// defines (case and all), and no field the reader relies on may be null or missing. A value that does not fit is
/// never read as N/A or GOOD: the host is reported as MANUAL with the problem named (the reader adds an input error,
/// so the run exits 3 unless a host is VULNERABLE). See docs/report-json.md "Reading a report back".
/// </summary>
public static class JsonReportCheck
{
    private static readonly string[] Families = Enum.GetValues<OsFamily>().Select(f => f.ToString().ToLowerInvariant()).ToArray();
    private static readonly string[] Policies = Enum.GetValues<Policy>().Select(p => p.Json()).ToArray();
    private static readonly string[] Confidences = ["high", "medium", "low"];
    private static readonly string[] Reasons = Enum.GetValues<UnknownReason>().Select(r => r.Code()).ToArray();

    /// <summary>The schema's verdict words, exactly as <see cref="VerdictNames.Json"/> writes them; null for anything else.</summary>
    public static Verdict? Verdict(string? s) => s switch
    {
        "GOOD" => Assess.Verdict.Good,
        "VULNERABLE" => Assess.Verdict.Vulnerable,
        "MANUAL" => Assess.Verdict.Manual,
        "NA" => Assess.Verdict.NotApplicable,
        _ => null,
    };

    /// <summary>What is wrong with the document as a whole (its host list or header), or null.</summary>
    public static Localized? Document(JsonReport.ReportDoc d)
    {
        if (d.Hosts is null) return Missing("hosts");
        for (int i = 0; i < d.Hosts.Count; i++)
            if (d.Hosts[i] is null) return Missing($"hosts[{i}]");
        if (d.KnowledgeBase is null) return Missing("knowledgeBase");
        if (d.KnowledgeBase.Version is null) return Missing("knowledgeBase.version");
        if (d.KnowledgeBase.Date is null) return Missing("knowledgeBase.date");
        if (d.Policy is null) return Missing("policy");
        if (!Policies.Contains(d.Policy, StringComparer.Ordinal)) return NotDefined("policy", d.Policy);
        if (d.InputErrors is null) return Missing("inputErrors");
        return null;
    }

    /// <summary>Each field of one host that the schema does not allow, as a sentence naming the field and its value.</summary>
    public static List<Localized> Host(JsonReport.HostDoc h)
    {
        var problems = new List<Localized>();
        void Need(object? value, string field) { if (value is null) problems.Add(Missing(field)); }
        void OneOf(string? value, string field, string[] allowed, bool nullable)
        {
            if (value is null) { if (!nullable) problems.Add(Missing(field)); }
            else if (!allowed.Contains(value, StringComparer.Ordinal)) problems.Add(NotDefined(field, value));
        }
        void Verdict(string? value, string field)
        {
            if (value is null) problems.Add(Missing(field));
            else if (JsonReportCheck.Verdict(value) is null) problems.Add(NotDefined(field, value));
        }

        if (string.IsNullOrEmpty(h.Host)) problems.Add(Missing("host"));
        if (h.Os is null) problems.Add(Missing("os"));
        else OneOf(h.Os.Family, "os.family", Families, nullable: false);
        Verdict(h.Verdict, "verdict");
        Need(h.Reasons, "reasons");
        Need(h.Errors, "errors");
        if (h.AddressesUnknown is not null) OneOf(h.AddressesUnknown, "addressesUnknown", Reasons, nullable: true);
        if (h.Mtas is null) { problems.Add(Missing("mtas")); return problems; }
        var worst = Assess.Verdict.NotApplicable;
        for (int i = 0; i < h.Mtas.Count; i++)
        {
            var m = h.Mtas[i];
            var at = $"mtas[{i}]";
            if (m is null) { problems.Add(Missing(at)); continue; }
            if (string.IsNullOrEmpty(m.Mta)) problems.Add(Missing(at + ".mta"));
            Verdict(m.Verdict, at + ".verdict");
            if (JsonReportCheck.Verdict(m.Verdict) is { } v) worst = VerdictNames.Worst(worst, v);
            OneOf(m.Confidence, at + ".confidence", Confidences, nullable: true);
            Need(m.Reasons, at + ".reasons");
            Need(m.Remediation, at + ".remediation");
            Need(m.Evidence, at + ".evidence");
            Need(m.EvidenceLines, at + ".evidenceLines");
            if (m.Package is { } p && (p.Manager is null || p.Name is null || p.Version is null)) problems.Add(Missing(at + ".package"));
            if (m.Cves is null) problems.Add(Missing(at + ".cves"));
            else
                for (int k = 0; k < m.Cves.Count; k++)
                    if (m.Cves[k]?.Id is null) problems.Add(Missing($"{at}.cves[{k}].id"));
        }
        // A host is the worst of its MTAs: one that claims better was not written by mta-audit.
        if (JsonReportCheck.Verdict(h.Verdict) is { } hv && hv < worst)
            problems.Add(Glossary.Say("err.json.verdict-better", ("verdict", h.Verdict), ("worst", worst.Json())));
        return problems;
    }

    private static Localized Missing(string field) => Glossary.Say("err.json.missing", ("field", field));

    private static Localized NotDefined(string field, string value) =>
        Glossary.Say("err.json.not-defined", ("field", field), ("value", TerminalText.Clean(value.Length > 60 ? value[..60] + "…" : value)));
}
