using System.CommandLine;
using MtaAudit.Assess;
using MtaAudit.Render;

namespace MtaAudit.Cli;

/// <summary>
/// <c>mta-audit report --from FILE|DIR...</c>: a report in any format from JSON reports, evidence
/// files, or directories of them (the same host twice keeps its newest bundle).
/// <c>mta-audit report --compare OLD NEW</c>: the follow-up check (이행점검) between two runs.
/// </summary>
public static class ReportCommand
{
    public static Command Build()
    {
        var from = new Option<string[]>("--from") { Description = "JSON reports, evidence files, directories of them, or a fleet results store (SQLite; run N as STORE#N) ('-' for standard input)", AllowMultipleArgumentsPerToken = true };
        var compare = new Option<string[]>("--compare") { Description = "OLD NEW: compare two runs (JSON reports, evidence files, directories or results stores, run N as STORE#N): fixed, newly vulnerable, versions changed, hosts added/removed", Arity = new ArgumentArity(1, 2), AllowMultipleArgumentsPerToken = true };
        var report = new ReportOptions();
        var cmd = new Command("report", "Write a report (text, json, csv, xlsx, html) from earlier results, or compare two runs");
        cmd.Options.Add(from);
        cmd.Options.Add(compare);
        report.AddTo(cmd);
        cmd.SetAction(r =>
        {
            var sources = r.GetValue(from) ?? [];
            var pair = r.GetValue(compare) ?? [];
            if ((sources.Length == 0) == (pair.Length == 0))
            {
                Console.Error.WriteLine("mta-audit: " + HelpText.Say("cli.report-needs-input", report.LangOf(r)));
                return ExitCodes.Usage;
            }
            if (report.OutputProblem(r) is { } outputProblem)
            {
                Console.Error.WriteLine("mta-audit: " + outputProblem);
                return ExitCodes.Usage;
            }
            if (pair.Length == 1)
            {
                // Arity 1..2, so that one path gets a sentence that names it and the missing one.
                HelpText.Complain(Glossary.Say("cli.compare-needs-new", ("old", pair[0])), report.LangOf(r));
                return ExitCodes.Usage;
            }
            var (options, problem) = report.Prepare(r);
            if (options is null)
            {
                Console.Error.WriteLine("mta-audit: " + problem);
                return ExitCodes.Usage;
            }
            return pair.Length == 2 ? Compare(r, report, options, pair[0], pair[1]) : From(r, report, options, sources);
        });
        return cmd;
    }

    private static int From(ParseResult r, ReportOptions report, AnalysisOptions options, string[] sources)
    {
        using var inputs = new ReportInputs(options);
        inputs.Prepare(sources);
        // A report made only from JSON reports keeps the policy and knowledge base they were judged with.
        var meta = inputs.JsonBasis is { } basis && !inputs.HasEvidence
            ? report.Meta(r, basis.KbVersion, basis.KbDate, basis.Policy)
            : report.Meta(r, options);
        int code = report.Write(r, meta, inputs.Judge(), inputs.Errors, inputs.Notes);
        foreach (var e in inputs.Errors) HelpText.Complain(e, report.LangOf(r));
        return inputs.Hosts == 0 ? ExitCodes.Usage : code;
    }

    private static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int Compare(ParseResult r, ReportOptions report, AnalysisOptions options, string oldPath, string newPath)
    {
        var errors = new List<Localized>();
        List<HostState> Load(string path)
        {
            using var inputs = new ReportInputs(options);
            var list = inputs.Read([path]).Select(h => HostState.Of(h.Host, h.Context)).ToList();
            errors.AddRange(inputs.Errors);
            if (list.Count == 0) errors.Add(Glossary.Say("cli.no-host", ("path", path)));
            return list;
        }
        var comparison = Comparison.Of(Load(oldPath), Load(newPath));
        foreach (var e in errors) HelpText.Complain(e, report.LangOf(r));
        if (errors.Count > 0) return ExitCodes.Usage;
        var format = r.GetValue(report.Format) ?? "text";
        var output = r.GetValue(report.Output);
        var meta = new ComparisonMeta(report.LangOf(r), oldPath, newPath, DateTimeOffset.UtcNow) { Org = r.GetValue(report.Org), Auditor = r.GetValue(report.Auditor) };
        try
        {
            using var file = output is null ? null : MtaAudit.Io.SafeFile.Begin(output);
            using (var stream = file?.Stream ?? Console.OpenStandardOutput())
                ComparisonReport.Write(format, stream, comparison, meta);
            file?.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            HelpText.Complain(Glossary.Say("err.cannot-write-report", ("path", output!), ("cause", e.Message)), report.LangOf(r));
            return ExitCodes.Usage;
        }
        if (output is not null)
            Console.Error.WriteLine("mta-audit: " + HelpText.Say("cli.compare-written", report.LangOf(r), ("path", TerminalText.Clean(output)),
                ("fixed", N(comparison.Fixed.Count)), ("still", N(comparison.StillVulnerable.Count)), ("rate", comparison.FixRateText)));
        // Hosts still vulnerable (미조치) or newly so keep the follow-up check open; a vulnerable host of this run
        // that could not be paired may be newly vulnerable: it counts as such.
        bool open = comparison.NewlyVulnerable.Count > 0 || comparison.StillVulnerable.Count > 0
            || comparison.Ambiguous.Any(a => a.New?.Verdict == Verdict.Vulnerable);
        return open ? ExitCodes.Vulnerable : ExitCodes.Good;
    }
}
