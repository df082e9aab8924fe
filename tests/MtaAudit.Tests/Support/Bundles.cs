using System.Text;
using MtaAudit.Assess;
using MtaAudit.Evidence;
using MtaAudit.Knowledge;

namespace MtaAudit.Tests.Support;

/// <summary>Builds bundles in tests from real fixture outputs, and judges them.</summary>
public static class Bundles
{
    /// <summary>A bundle whose sections are (delimiter attributes, content) pairs, e.g. ("probe=pkg.dpkg rc=0", Fixture.Output(...)).</summary>
    public static EvidenceBundle Of(string host, params (string Attributes, string Content)[] sections)
    {
        var sb = new StringBuilder();
        sb.Append("MTA-AUDIT-EVIDENCE/1\nboundary: test-boundary-01\nhost: ").Append(host).Append("\n\n");
        foreach (var (attrs, content) in sections)
        {
            sb.Append("--test-boundary-01 ").Append(attrs).Append('\n').Append(content);
            if (content.Length > 0 && !content.EndsWith('\n')) sb.Append('\n');
        }
        sb.Append("--test-boundary-01--\n");
        return BundleReader.Read(sb.ToString(), host).Single().Bundle!;
    }

    public static EvidenceBundle File(string relative) =>
        BundleReader.ReadFile(Fixture.PathOf(relative)).Single().Bundle!;

    public static HostReport Judge(EvidenceBundle b, Policy policy = Policy.UpstreamBranch) =>
        Analyzer.Analyze(b, new AnalysisOptions(KnowledgeBaseLoader.LoadEmbedded(), policy));
}
