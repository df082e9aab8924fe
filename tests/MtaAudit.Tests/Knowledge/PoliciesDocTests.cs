using System.Text.RegularExpressions;
using MtaAudit.Assess;
using MtaAudit.Knowledge;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Knowledge;

/// <summary>
/// docs/policies.md's worked examples are what the tool says of the test hosts' bundles with the embedded
/// knowledge, judged on 2026-11-30: every table row (policy → verdict) is checked against a fresh analysis.
/// </summary>
public partial class PoliciesDocTests
{
    [Fact]
    public void Worked_examples_are_what_the_bundles_give_today()
    {
        var doc = File.ReadAllText(Path.Combine(ReferenceFiles.RepositoryRoot, "docs", "policies.md"));
        var kb = KnowledgeBaseLoader.LoadEmbedded();
        int checkedRows = 0;
        var wrong = new List<string>();
        foreach (Match section in Section().Matches(doc))
        {
            var bundle = Bundles.File("testhosts/" + section.Groups[1].Value);
            foreach (Match row in Row().Matches(section.Groups[2].Value))
            {
                Assert.True(PolicyNames.TryParse(row.Groups[1].Value, out var policy), row.Value);
                var expected = row.Groups[2].Value switch { "양호" => Verdict.Good, "취약" => Verdict.Vulnerable, _ => Verdict.Manual };
                var report = Analyzer.Analyze(bundle, new AnalysisOptions(kb, policy, Today: new DateOnly(2026, 11, 30)));
                if (expected != report.Verdict)
                    wrong.Add($"{section.Groups[1].Value} under {policy}: docs say {expected}, the tool says {report.Verdict} ({string.Join(" | ", report.Mtas.SelectMany(m => m.Reasons).Concat(report.Reasons).Take(3).Select(r => r.En))})");
                checkedRows++;
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(checkedRows >= 12, $"only {checkedRows} example rows found in docs/policies.md");
    }

    // "### Title (`deb13-postfix.evidence`, ...)" then its table, up to the next heading.
    [GeneratedRegex(@"^### [^\n]*\(`([a-z0-9.-]+\.evidence)`[^\n]*\n(.*?)(?=^### |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Section();

    [GeneratedRegex(@"^\| (vendor|upstream-branch|upstream-latest) \| (양호|취약|수동점검) \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
