using MtaAudit.Knowledge;

namespace MtaAudit.Assess;

public enum Policy
{
    /// <summary>Vendor packages judged by vendor data (pending updates, changelog fixes); source builds fall back to UpstreamBranch.</summary>
    Vendor,
    /// <summary>At least the newest patch of a still-supported upstream branch.</summary>
    UpstreamBranch,
    /// <summary>The newest upstream release: the guide's literal reading.</summary>
    UpstreamLatest,
    /// <summary>An organisation's own minimum versions per MTA and OS (--baseline FILE, docs/baseline.md).</summary>
    Baseline,
}

public static class PolicyNames
{
    public static string Json(this Policy p) => p switch
    {
        Policy.Vendor => "vendor",
        Policy.UpstreamBranch => "upstream-branch",
        Policy.Baseline => "baseline",
        _ => "upstream-latest",
    };

    public static bool TryParse(string s, out Policy p)
    {
        switch (s)
        {
            case "vendor": p = Policy.Vendor; return true;
            case "upstream-branch": p = Policy.UpstreamBranch; return true;
            case "upstream-latest": p = Policy.UpstreamLatest; return true;
            default: p = Policy.Vendor; return false;
        }
    }
}

/// <summary>How to judge. <see cref="Baseline"/> is required for <see cref="Policy.Baseline"/> and used only by it.
/// <see cref="Today"/> is the date OS support is judged on (null: the clock's UTC date); tests and replays set it.</summary>
public sealed record AnalysisOptions(KnowledgeBase Knowledge, Policy Policy = Policy.Vendor, bool NoMtaIsNotApplicable = false, Baseline? Baseline = null,
    DateOnly? Today = null)
{
    public static AnalysisOptions WithBaseline(KnowledgeBase kb, Baseline baseline, bool noMtaIsNa = false) =>
        new(kb, Policy.Baseline, noMtaIsNa, baseline);
}
