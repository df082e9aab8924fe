using System.Text.RegularExpressions;
using MtaAudit.Assess;
using MtaAudit.Render;

namespace MtaAudit.Tests.Render;

/// <summary>
/// The judgement of every real bundle (Fixtures/testhosts, Fixtures/bundles) under every policy speaks only through the
/// glossary: each reason and remediation line has a code, and its Korean rendering holds no English word apart from
/// the values it carries (names, versions, commands, paths, probe ids, CVE ids, knowledge-base text).
/// </summary>
public class GlossaryBundleTests
{
    public static TheoryData<Policy> Policies => new() { Policy.Vendor, Policy.UpstreamBranch, Policy.UpstreamLatest };

    /// <summary>Words allowed in Korean sentences: product, OS and format names, the KISA terms, option values.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "MTA", "IP", "CVE", "KEV", "CISA", "OS", "TLS", "TCP", "SIGTERM", "PID", "IBM", "HPE", "Oracle", "Solaris", "Fix", "Central",
        "TL", "SP", "iFix", "JavaScript", "root", "nonroot", "user", "vendor", "upstream", "branch", "latest", "baseline", "all", "cves",
        "format", "json", "unused", "apply", "Sendmail", "Postfix", "Exim", "OpenSMTPD", "sendmail", "postfix", "exim", "opensmtpd",
        "dpkg", "rpm", "lslpp", "swlist", "pkg", "ips", "svr4", "patchadd", "installp", "emgr", "swinstall", "kill", "apt", "get", "update",
        "yum", "makecache", "mta", "audit", "db", "import", "MTA_AUDIT_SKIP", "AUDIT", "SKIP", "release", "SUPPORT_END", "SUPPORT", "END", "uid",
        "sudo", "CPE", "MiB", "SSH", "YAML",
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public void Every_sentence_of_the_judgement_has_a_glossary_code(Policy policy)
    {
        var hosts = ReportSamples.FixtureHosts(policy);
        Assert.True(hosts.Count >= 20, $"expected the fixture bundles, found {hosts.Count}");
        var missing = new List<string>();
        foreach (var (h, _) in hosts)
            foreach (var (where, l) in Sentences(h))
            {
                if (l.Code is null) missing.Add($"{h.Host} {where}: {l.En}");
                foreach (var part in Walk(l))
                    if (part.Code is null && part.Parts is null && part.En != part.Ko)
                        missing.Add($"{h.Host} {where}: uncoded part '{part.En}' / '{part.Ko}'");
            }
        Assert.True(missing.Count == 0, "sentences without a glossary code:\n" + string.Join("\n", missing.Distinct().Take(30)));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Korean_text_and_html_of_every_bundle_have_no_english_words(Policy policy)
    {
        var hosts = ReportSamples.FixtureHosts(policy);
        Assert.True(hosts.Count >= 20, $"expected the fixture bundles, found {hosts.Count}");
        // Every reason and remediation line is in the output (brief mode would hide evidence lines, not these).
        Assert.Contains(hosts, p => p.Item1.Mtas.Any(m => m.Remediation.Count > 0));
        var meta = ReportSamples.Meta() with { Policy = policy.Json(), Org = null, Auditor = null };
        var values = TargetValues(hosts);
        foreach (var format in new[] { "text", "html" })
        {
            var output = ReportSamples.Text(ReportSamples.Render(format, hosts, meta));
            if (format == "html")
            {
                // The page is written whole (rows and details as HTML): its text, as a reader sees it.
                output = Regex.Replace(output, "<style>.*?</style>|<script[^>]*>.*?</script>", " ", RegexOptions.Singleline);
                output = Regex.Replace(output, "<[^>]*>", " ");
                output = System.Net.WebUtility.HtmlDecode(output);
            }
            // Every reason must have reached the output in Korean: else this test would check nothing.
            foreach (var (h, _) in hosts)
                foreach (var m in h.Mtas)
                    Assert.Contains(TerminalText.Clean(m.Reasons[0].Ko), output, StringComparison.Ordinal);
            foreach (var v in values) output = output.Replace(v, " ", StringComparison.Ordinal);
            output = Regex.Replace(output, @"\b[a-z]+(\.[a-z-]+)+", " "); // probe ids (pkg.sources) and file names
            var english = Regex.Matches(output, "[A-Za-z][A-Za-z_]+").Select(m => m.Value).Where(w => !Allowed.Contains(w)).Distinct().ToList();
            Assert.True(english.Count == 0, $"English left in Korean {format} output under {policy.Json()}: {string.Join(", ", english)}");
        }
    }

    [Fact]
    public void The_korean_glossary_has_no_english_words_beyond_names_and_commands()
    {
        var bad = new List<string>();
        foreach (var (code, ko, _) in Glossary.All)
        {
            if (code.StartsWith("help.", StringComparison.Ordinal) || code.StartsWith("cli.", StringComparison.Ordinal)) continue; // option names
            // The CLI's error and notice lines name options, environment names and key files: checked as printed (Cli/CliErrorLanguageTests.cs).
            if (new[] { "err.", "ssh.", "db.", "note.fleet.", "fleet.progress." }.Any(p => code.StartsWith(p, StringComparison.Ordinal))) continue;
            var text = Regex.Replace(ko, @"\{\w+\}", " ");
            text = Regex.Replace(text, @"'[^']*'|\([a-z.-]+\)|[a-z]+(\.[a-z-]+)+|--?[a-z-]+|/\S+", " "); // commands, probe ids, options, paths
            foreach (Match m in Regex.Matches(text, "[A-Za-z][A-Za-z_]+"))
                if (!Allowed.Contains(m.Value) && m.Value is not ("N" or "A" or "U" or "JSON" or "NVD" or "OSV" or "API" or "UTF" or "BOM" or "CSV" or "HTML" or "SSH" or "sh" or "CVSS"))
                    bad.Add($"{code}: {m.Value}");
        }
        Assert.True(bad.Count == 0, "English in Korean glossary entries: " + string.Join(", ", bad));
    }

    private static IEnumerable<(string, Localized)> Sentences(HostReport h) =>
        h.Reasons.Select(r => ("host reason", r))
            .Concat(h.Mtas.SelectMany(m => m.Reasons.Select(r => (m.Mta + " reason", r)).Concat(m.Remediation.Select(r => (m.Mta + " remediation", r)))));

    private static IEnumerable<Localized> Walk(Localized l)
    {
        yield return l;
        foreach (var p in l.Parts ?? [])
            foreach (var x in Walk(p)) yield return x;
    }

    /// <summary>
    /// What a sentence carries verbatim: its string parameters (a worded parameter is walked, not taken whole) and
    /// text that reads the same in both languages; plus every value the host's evidence and knowledge base put in.
    /// </summary>
    private static List<string> TargetValues(List<(HostReport, HostContext)> hosts)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (h, c) in hosts)
        {
            values.UnionWith([h.Host, Words.Os(h.Os), h.Source ?? "", h.CollectedAt ?? "", c.Account ?? "", .. c.Addresses, .. h.Errors.Where(e => e.Code is null).Select(e => e.En)]);
            foreach (var m in h.Mtas)
            {
                values.UnionWith([m.Mta, m.Version ?? "", m.VersionText ?? "", m.BinaryPath ?? "", m.Package?.Name ?? "", m.Package?.Version ?? "", m.Package?.Manager ?? ""]);
                values.UnionWith(m.EvidenceLines);
                foreach (var cve in m.Cves)
                    values.UnionWith([cve.Id, cve.FixedIn ?? "", cve.Vendor ?? "", cve.Mitigation ?? "", cve.Summary ?? "",
                        Regex.Match(cve.Vendor ?? "", @"fixed in (\S+)").Groups[1].Value]);
            }
            // A CVE's applicability (shown in the HTML's CVE table) is a coded sentence like a reason.
            var applicability = h.Mtas.SelectMany(m => m.Cves).Select(c => c.ApplicabilityWords).OfType<Localized>().Select(l => ("applies", l));
            foreach (var (_, l) in Sentences(h).Select(x => (x.Item1, x.Item2)).Concat(applicability))
                foreach (var part in Walk(l))
                {
                    if (part.Code is null && part.Parts is null) values.Add(part.En);
                    if (part.Code is not null && part.Args is not null)
                        foreach (var a in part.Args)
                            if (part.Parts is null || part.Parts.All(p => p.En != a.Value)) values.Add(a.Value);
                }
        }
        // A host's fields are cut with an ellipsis in the text table.
        var cut = hosts.SelectMany(p => new[] { p.Item1.Host, Words.Os(p.Item1.Os) }.Concat(p.Item1.Mtas.SelectMany(m => new[] { m.Version ?? "", m.Package?.Name ?? "", m.Package?.Version ?? "" })))
            .Where(v => v.Length > 1).SelectMany(v => Enumerable.Range(1, v.Length - 1).Select(k => v[..k] + "…"));
        return values.Where(v => v.Length > 0).SelectMany(v => new[] { v, TerminalText.Clean(v) }).Concat(cut)
            .Distinct().OrderByDescending(v => v.Length).ToList();
    }
}
