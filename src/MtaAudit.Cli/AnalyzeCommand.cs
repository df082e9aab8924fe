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
                HelpText.Complain(Glossary.Say("err.unknown-option", ("option", bad), ("command", "analyze")), report.LangOf(r));
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
            foreach (var e in inputs.Errors) HelpText.Complain(e, report.LangOf(r));
            return code;
        });
        return cmd;
    }
}
