using MtaAudit.Assess;
using MtaAudit.Knowledge;

namespace MtaAudit.Render;

/// <summary>The text report of a finished list of hosts (tests, small runs); the CLI streams through <see cref="TextSink"/>.</summary>
public static class TextReport
{
    public static string Render(IReadOnlyList<HostReport> hosts, KnowledgeBase kb, Policy policy, Lang lang, IReadOnlyList<string> inputErrors) =>
        Sinks.RenderToString(s => new TextSink(s), hosts, ReportMeta.Of(new AnalysisOptions(kb, policy), lang, DateTimeOffset.UtcNow), inputErrors);
}
