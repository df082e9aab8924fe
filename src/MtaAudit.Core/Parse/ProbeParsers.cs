namespace MtaAudit.Parse;

/// <summary>Every probe parser mta-audit knows. Add a new parser's instance here.</summary>
public static class ProbeParsers
{
    public static readonly IReadOnlyList<IProbeParser> All =
    [
        new Os.UnameParser(),
        new Os.OsReleaseParser(),
        new Processes.PsParser(),
        new Network.ListenParser(),
    ];
}
