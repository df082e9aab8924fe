using System.CommandLine;
using System.Globalization;
using MtaAudit.Knowledge;

namespace MtaAudit.Cli;

/// <summary><c>mta-audit db status</c>: what the knowledge base knows, and how old it is.</summary>
public static class DbCommand
{
    /// <summary>Older than this, the facts behind "latest" may have moved on: say so loudly.</summary>
    public const int StaleAfterDays = 90;

    public static Command Build()
    {
        var cmd = new Command("db", "The embedded knowledge base (releases, branches, CVEs, vendor packages)");
        var status = new Command("status", "Show the knowledge base's version, date, age and counts");
        status.SetAction(_ => Status(Console.Out, DateTimeOffset.UtcNow));
        cmd.Subcommands.Add(status);
        return cmd;
    }

    public static int Status(TextWriter o, DateTimeOffset now)
    {
        var kb = KnowledgeBaseLoader.LoadEmbedded();
        var info = KnowledgeBaseInfo.Of(kb);
        int age = info.AgeDays(now);
        o.WriteLine($"knowledge base {info.Version} ({info.Schema}), facts checked {info.Date}, {age} days old");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {info.Mtas} MTAs, {info.Releases} releases, {info.Cves} vulnerabilities, {info.VendorPackages} vendor packages, {info.UnverifiedItems} items marked unverified"));
        foreach (var m in kb.Mtas.Values.OrderBy(m => m.Mta, StringComparer.Ordinal))
        {
            var supported = string.Join(", ", m.Branches.Where(b => b.Supported).Select(b => b.LatestPatch));
            o.WriteLine($"  {m.Mta,-10} newest {m.NewestRelease}{(m.NewestReleaseDate is null ? "" : " (" + m.NewestReleaseDate + ")")}; supported series at: {supported}; {m.Cves.Count} vulnerabilities");
        }
        if (age > StaleAfterDays)
        {
            o.WriteLine($"WARNING: the knowledge base is {age} days old (more than {StaleAfterDays}): newer releases and vulnerabilities are unknown to it; update mta-audit or import current data.");
            return ExitCodes.Manual;
        }
        return 0;
    }
}
