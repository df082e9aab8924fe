using MtaAudit.Evidence;

namespace MtaAudit.Assess;

/// <summary>The assess stage's entry point: one bundle in, one host report out.</summary>
public static class Analyzer
{
    public static HostReport Analyze(EvidenceBundle bundle, AnalysisOptions options) =>
        throw new NotImplementedException("U-45 rule: being written by the lead");
}
