namespace MtaAudit.Assess;

/// <summary>
/// A baseline's verdict on one MTA: GOOD at or above the minimum, VULNERABLE below it, MANUAL when no
/// minimum applies or the version it needs is unknown. <see cref="Minimum"/> is the minimum that was applied
/// (package or upstream version), null when none applied.
/// </summary>
public sealed record BaselineJudgement(Verdict Verdict, Localized Reason, string? Minimum);

/// <summary>One validated minimum of a baseline. <see cref="Os"/> and <see cref="Release"/> are lower-case filters (null: any).</summary>
public sealed record BaselineMinimum(string Mta, string? Os, string? Release, string? Package, string? Version, string? Note = null);

/// <summary>A baseline file that cannot be used; the message names the file and the JSON path at fault.</summary>
public sealed class BaselineException : Exception
{
    public BaselineException(string file, string jsonPath, string problem, Exception? inner = null)
        : base($"baseline '{file}': {jsonPath}: {problem}", inner)
    {
        File = file;
        JsonPath = jsonPath;
        Problem = problem;
    }

    public string File { get; }
    public string JsonPath { get; }
    public string Problem { get; }
}
