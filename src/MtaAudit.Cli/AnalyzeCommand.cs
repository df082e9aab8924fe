using System.CommandLine;
using MtaAudit.Assess;
using MtaAudit.Evidence;
using MtaAudit.Knowledge;
using MtaAudit.Render;

namespace MtaAudit.Cli;

/// <summary><c>mta-audit analyze FILE... | -</c>: judge evidence bundles collected elsewhere.</summary>
public static class AnalyzeCommand
{
    public static Command Build()
    {
        var files = new Argument<string[]>("files") { Description = "evidence bundle files ('-' for standard input), or directories (their *.evidence files); a file may hold many bundles", Arity = ArgumentArity.OneOrMore };
        var report = new ReportOptions();
        var cmd = new Command("analyze", "Judge evidence bundles (from the collector, an SSH scan, or your own tools)");
        cmd.Arguments.Add(files);
        report.AddTo(cmd);
        cmd.SetAction(r =>
        {
            var (options, problem) = report.Prepare(r);
            if (options is null)
            {
                Console.Error.WriteLine("mta-audit: " + problem);
                return ExitCodes.Usage;
            }
            var paths = r.GetValue(files) ?? [];
            // An option the parser did not know is a mistake, never a file name.
            if (paths.FirstOrDefault(i => i.Length > 1 && i[0] == '-') is { } bad)
            {
                Console.Error.WriteLine($"mta-audit: unknown option '{TerminalText.Clean(bad)}' (try 'mta-audit analyze --help')");
                return ExitCodes.Usage;
            }
            if (report.OutputProblem(r) is { } outputProblem)
            {
                Console.Error.WriteLine("mta-audit: " + outputProblem);
                return ExitCodes.Usage;
            }
            // Streamed: each bundle is judged and written as it is read (Render/ReportInputs.cs).
            using var inputs = new ReportInputs(options);
            var code = report.Write(r, report.Meta(r, options),
                inputs.Read(paths), inputs.Errors, inputs.Notes);
            // The report lists unreadable input too; stderr gets one line each for whoever reads the terminal.
            foreach (var e in inputs.Errors) Console.Error.WriteLine("mta-audit: " + TerminalText.Clean(e));
            return code;
        });
        return cmd;
    }

    /// <summary>Reads every bundle of every input; a bad file or bundle is an error line, never the end of the run.</summary>
    public static (List<HostReport>, List<string>) AnalyzeAll(IEnumerable<string> inputs, AnalysisOptions options)
    {
        var hosts = new List<HostReport>();
        var errors = new List<string>();
        foreach (var input in Expand(inputs, errors))
        {
            Stream stream;
            try
            {
                stream = input == "-" ? Console.OpenStandardInput() : File.OpenRead(input);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                errors.Add($"{input}: cannot read: {e.Message}");
                continue;
            }
            using (stream)
            {
                int before = hosts.Count;
                try
                {
                    foreach (var item in BundleReader.Read(stream, input == "-" ? "<stdin>" : input))
                    {
                        if (item.Error is not null) errors.Add(item.Error.ToString());
                        else hosts.Add(Analyzer.Analyze(item.Bundle!, options));
                    }
                }
                catch (IOException e)
                {
                    errors.Add($"{input}: read failed after {hosts.Count - before} bundles: {e.Message}");
                }
                if (hosts.Count == before && !errors.Any(e => e.StartsWith(input, StringComparison.Ordinal)))
                    errors.Add($"{input}: no evidence bundle found (expected a first line '{EvidenceBundle.Magic}')");
            }
        }
        return (hosts, errors);
    }

    /// <summary>Inputs as files: a directory stands for its *.evidence files, in name order.</summary>
    private static IEnumerable<string> Expand(IEnumerable<string> inputs, List<string> errors)
    {
        foreach (var input in inputs)
        {
            if (input != "-" && Directory.Exists(input))
            {
                string[] found;
                try { found = Directory.GetFiles(input, "*.evidence").Order(StringComparer.Ordinal).ToArray(); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    errors.Add($"{input}: cannot list the directory: {e.Message}");
                    continue;
                }
                if (found.Length == 0) errors.Add($"{input}: directory holds no *.evidence file");
                foreach (var f in found) yield return f;
            }
            else yield return input;
        }
    }
}
