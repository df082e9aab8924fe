namespace MtaAudit.Assess;

/// <summary>U-45 result. Order matters: a host's verdict is the worst (highest) of its MTAs'.</summary>
public enum Verdict
{
    /// <summary>NA, 해당 없음.</summary>
    NotApplicable = 0,
    /// <summary>GOOD, 양호.</summary>
    Good = 1,
    /// <summary>MANUAL, 수동점검: the evidence cannot decide; reasons say what is missing.</summary>
    Manual = 2,
    /// <summary>VULNERABLE, 취약.</summary>
    Vulnerable = 3,
}

public static class VerdictNames
{
    public static string Json(this Verdict v) => v switch
    {
        Verdict.Good => "GOOD",
        Verdict.Vulnerable => "VULNERABLE",
        Verdict.Manual => "MANUAL",
        _ => "NA",
    };

    public static string Korean(this Verdict v) => v switch
    {
        Verdict.Good => "양호",
        Verdict.Vulnerable => "취약",
        Verdict.Manual => "수동점검",
        _ => "해당 없음",
    };

    public static string English(this Verdict v) => v switch
    {
        Verdict.Good => "Good",
        Verdict.Vulnerable => "Vulnerable",
        Verdict.Manual => "Manual review",
        _ => "Not applicable",
    };

    public static Verdict Worst(Verdict a, Verdict b) => (Verdict)Math.Max((int)a, (int)b);
}
