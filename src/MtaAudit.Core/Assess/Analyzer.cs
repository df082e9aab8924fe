using MtaAudit.Evidence;
using MtaAudit.Parse;

namespace MtaAudit.Assess;

/// <summary>The assess stage's entry point: one bundle in, one host report out.</summary>
public static class Analyzer
{
    public static HostReport Analyze(EvidenceBundle bundle, AnalysisOptions options)
    {
        var facts = FactsBuilder.Build(bundle);
        return U45Rule.Judge(facts, options, bundle.Source, bundle.CollectedAt);
    }
}
