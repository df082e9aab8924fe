using System.Globalization;
using MtaAudit.Assess;
using MtaAudit.Facts;

namespace MtaAudit.Render;

/// <summary>
/// The renderers' shared wording, every word from <see cref="Glossary"/>: verdicts, policies,
/// severities, vendor status, usage. Text from targets is returned as is: each renderer escapes
/// it for its own medium (terminal, CSV, XML, HTML).
/// </summary>
public sealed class Words(Lang lang)
{
    public Lang Lang => lang;
    public string this[string code] => Glossary.Word(code, lang);
    public string Say(string code, params (string, string)[] args) => Glossary.Word(code, lang, args);

    public string Verdict(Verdict v) => this[VerdictCode(v)];
    public static string VerdictCode(Verdict v) => v switch
    {
        Assess.Verdict.Good => "verdict.good",
        Assess.Verdict.Vulnerable => "verdict.vulnerable",
        Assess.Verdict.Manual => "verdict.manual",
        _ => "verdict.na",
    };

    /// <summary>The policy for people; an unknown name (a future policy in an old JSON report) is shown as given.</summary>
    public string Policy(string json) => Glossary.Has("policy." + json) ? this["policy." + json] : json;

    public string YesNo(bool? b) => this[b switch { true => "value.yes", false => "value.no", _ => "value.unknown" }];

    public string Usage(bool? running, bool? enabled) => Say("detail.usage", ("running", YesNo(running)), ("enabled", YesNo(enabled)));
    public string UsageShort(bool? running, bool? enabled) => Say("detail.usage-short", ("running", YesNo(running)), ("enabled", YesNo(enabled)));

    public string Account(string? user) => user switch
    {
        "root" => this["account.root"],
        "nonroot" => this["account.nonroot"],
        null or "" => this["value.unknown"],
        _ => user,
    };

    /// <summary>The host's addresses; none besides loopback, or unknown and why (not collected, no program…).</summary>
    /// <summary>Where the host's evidence came from, with the name its bundle gives itself when that differs.</summary>
    public string Source(HostReport h, HostContext c) =>
        (h.Source ?? "") + (c.CallsItself is { } name ? Say("detail.calls-itself", ("name", name)) : "");

    public string Addresses(HostContext c) =>
        c.Addresses.Count > 0 ? string.Join(", ", c.Addresses)
        : c.AddressesUnknown is { } why ? Say("addr.unknown", ("why", why.Words().Get(Lang)))
        : this["addr.none"];

    public string Severity(string? s) => s?.ToLowerInvariant() switch
    {
        null or "" => "",
        "critical" => this["severity.critical"],
        "high" => this["severity.high"],
        "medium" or "moderate" => this["severity.medium"],
        "low" => this["severity.low"],
        "none" => this["severity.none"],
        var other => other,
    };

    /// <summary>VendorJudge's status ("fixed in V (changelog)", "fixed in V (vendor data)", "not known to be fixed") for people.</summary>
    public string Vendor(string? status)
    {
        if (string.IsNullOrEmpty(status)) return "";
        if (status == VendorJudge.NotKnownFixed) return this["cve.vendor-not-fixed"];
        const string prefix = "fixed in ";
        if (!status.StartsWith(prefix, StringComparison.Ordinal)) return status;
        var rest = status[prefix.Length..];
        var source = "";
        int open = rest.LastIndexOf(" (", StringComparison.Ordinal);
        if (open > 0 && rest.EndsWith(')'))
        {
            source = rest[(open + 2)..^1];
            rest = rest[..open];
        }
        source = source switch
        {
            "changelog" => this["cve.source-changelog"],
            "vendor data" => this["cve.source-vendor-data"],
            _ => source,
        };
        return rest == "this package"
            ? Say("cve.vendor-fixed-this", ("source", source))
            : Say("cve.vendor-fixed", ("version", rest), ("source", source));
    }

    /// <summary>One CVE on one line: id, severity, KEV, upstream fix, vendor status.</summary>
    public string Cve(CveRef c)
    {
        var parts = new List<string> { c.Id };
        if (c.Severity is not null) parts.Add(Severity(c.Severity) + (c.Cvss is { } s ? " " + s.ToString("0.0", CultureInfo.InvariantCulture) : ""));
        if (c.Kev) parts.Add(this["cve.kev"]);
        if (c.FixedIn is not null) parts.Add(Say("cve.fixed-upstream", ("version", c.FixedIn)));
        if (c.Vendor is not null) parts.Add(Vendor(c.Vendor));
        if (c.NoUpstreamFix) parts.Add(this["cve.no-upstream-fix"]);
        if (c.NotApplicable) parts.Add(this["cve.not-applicable"]);
        return string.Join(", ", parts);
    }

    public static string Os(OsInfo os)
    {
        var name = os.Name ?? os.Distro ?? (os.Family == OsFamily.Unknown ? null : os.Family.ToString());
        if (name is null) return "";
        return os.Version is { Length: > 0 } v && !name.Contains(v, StringComparison.Ordinal) ? name + " " + v : name;
    }

    /// <summary>The knowledge base's version and the date its data runs to, per source ("2026.11.2, 정보 기준일 2026-09-18 (postfix 09-08, …)").</summary>
    public string KbValue(ReportMeta meta) => Say("head.kb-value", ("version", meta.KbVersion), ("date", meta.KbDateDescribed));

    public string Version(MtaFinding m) => m.Version ?? this["detail.version-unknown"];

    /// <summary>The package an MTA came from, "not from a package", or unknown when the package lists were not read.</summary>
    public string Package(MtaFinding m) => m.Package is { } p
        ? Say("detail.package", ("name", p.Name), ("version", p.Version), ("manager", p.Manager))
        : this[m.PackageUnknown ? "detail.package-unknown" : "detail.no-package"];

    public string Package(PackageRef? p) => p is null ? "" : $"{p.Name} {p.Version}";

    /// <summary>A table cell: "name version", empty when not from a package, "unknown" when the lists were not read.</summary>
    public string PackageCell(MtaFinding m) => m.PackageUnknown ? this["value.unknown"] : Package(m.Package);

    /// <summary>
    /// A moment for people: the machine's time zone (TZ respected) with its offset,
    /// "2026-12-08 10:31:05 +09:00". JSON keeps UTC (<see cref="JsonReport.Time"/>).
    /// </summary>
    public static string Local(DateTimeOffset t) =>
        TimeZoneInfo.ConvertTime(t, TimeZoneInfo.Local).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    /// <summary>The calendar day of a moment where this machine is (점검 일자).</summary>
    public static string LocalDate(DateTimeOffset t) =>
        TimeZoneInfo.ConvertTime(t, TimeZoneInfo.Local).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An ISO 8601 time from a bundle or report, shown locally; text that is not a time is returned as it is.</summary>
    public static string Local(string? iso) =>
        iso is null ? "" : DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? Local(t) : iso;

    /// <summary>점검 일시 of many hosts: the first and last collection ("A ~ B"; one time when they are equal), unknown when none says.</summary>
    public string Period(string? first, string? last) =>
        first is null ? this["value.unknown"] : first == last || last is null ? Local(first) : Local(first) + " ~ " + Local(last);

    /// <summary>The CVE ids of an MTA list that apply to the host (they may decide the verdict), or those that do not.</summary>
    public static string CveIds(IEnumerable<MtaFinding> mtas, bool applicable) =>
        string.Join(" ", mtas.SelectMany(m => m.Cves).Where(c => c.NotApplicable != applicable).Select(c => c.Id).Distinct());

    /// <summary>At most this many evidence lines per cell (증적): a spreadsheet cell is not the whole bundle.</summary>
    public const int EvidenceLinesShown = 12;

    /// <summary>
    /// 증적: per MTA the evidence lines that decided its verdict (version output, package, service, process,
    /// socket), capped at <see cref="EvidenceLinesShown"/> and marked when cut.
    /// </summary>
    public string EvidenceCell(HostReport h)
    {
        var lines = h.Mtas.SelectMany(m => m.EvidenceLines.Select(l => h.Mtas.Count > 1 ? m.Mta + "| " + l : l)).ToList();
        if (lines.Count <= EvidenceLinesShown) return string.Join("\n", lines);
        return string.Join("\n", lines.Take(EvidenceLinesShown)) + "\n" + Say("evidence.cut", ("n", (lines.Count - EvidenceLinesShown).ToString(CultureInfo.InvariantCulture)));
    }
}
