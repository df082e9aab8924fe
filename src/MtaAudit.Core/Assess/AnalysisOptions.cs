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
}

public static class PolicyNames
{
    public static string Json(this Policy p) => p switch
    {
        Policy.Vendor => "vendor",
        Policy.UpstreamBranch => "upstream-branch",
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

public sealed record AnalysisOptions(KnowledgeBase Knowledge, Policy Policy = Policy.Vendor, bool NoMtaIsNotApplicable = false);
