using System.CommandLine;
using System.Globalization;
using MtaAudit.Assess;
using MtaAudit.Collect;
using MtaAudit.Evidence;
using MtaAudit.Knowledge;

namespace MtaAudit.Cli;

/// <summary>
/// <c>mta-audit scan</c>: runs the embedded collector on this machine, judges the bundle it
/// printed, and reports. The same collector and the same judgement serve SSH and offline use.
/// </summary>
public static class ScanCommand
{
    public static Command Build()
    {
        var save = new Option<string?>("--save-evidence") { Description = "also keep the evidence bundle in this file (for 'mta-audit analyze' later)" };
        var probeTimeout = new Option<int>("--probe-timeout") { Description = "seconds a single probe may run before it is cut (rc=timeout)", DefaultValueFactory = _ => 10 };
        var totalTimeout = new Option<int>("--timeout") { Description = "seconds the whole collection may take", DefaultValueFactory = _ => 300 };
        var report = new ReportOptions();
        var cmd = new Command("scan", "Collect evidence on this machine and judge it (run as root for complete evidence)");
        cmd.Options.Add(save);
        cmd.Options.Add(probeTimeout);
        cmd.Options.Add(totalTimeout);
        report.AddTo(cmd);
        var fleet = new FleetScanOptions();
        fleet.AddTo(cmd);
        cmd.SetAction(r =>
        {
            // --host/--inventory/--resume: other hosts over SSH (FleetScanCommand); otherwise this machine.
            // Each mode keeps its evidence its own way: one file for this machine, one file a host for a fleet.
            if (fleet.Wanted(r) && r.GetValue(save) is not null)
                return UsageError(Glossary.Say("err.scan.save-evidence-fleet"), report.LangOf(r));
            if (!fleet.Wanted(r) && r.GetValue(fleet.EvidenceDir) is not null)
                return UsageError(Glossary.Say("err.scan.evidence-dir-local"), report.LangOf(r));
            if (fleet.Wanted(r)) return FleetScanCommand.Run(r, fleet, report, r.GetValue(probeTimeout), r.GetValue(totalTimeout));
            // Bad options or data files are reported before anything runs.
            var (options, problem) = report.Prepare(r);
            problem ??= report.OutputProblem(r);
            if (options is null || problem is not null)
            {
                Console.Error.WriteLine("mta-audit: " + problem);
                return ExitCodes.Usage;
            }
            var env = new Dictionary<string, string>
            {
                ["MTA_AUDIT_PROBE_TIMEOUT"] = Math.Max(1, r.GetValue(probeTimeout)).ToString(CultureInfo.InvariantCulture),
            };
            var run = LocalCollector.Run(TimeSpan.FromSeconds(Math.Max(5, r.GetValue(totalTimeout))), env: env);
            var errors = new List<Localized>();
            if (r.GetValue(save) is { } path)
            {
                try { MtaAudit.Io.SafeFile.Write(path, run.Output); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    errors.Add(Glossary.Say("err.scan.cannot-save", ("path", path), ("cause", e.Message)));
                }
            }
            if (run.TimedOut) errors.Add(Glossary.Say("err.scan.timed-out", ("seconds", r.GetValue(totalTimeout))));
            if (run.OutputCut) errors.Add(Glossary.Say("err.scan.output-cut"));
            if (run.ExitCode is { } rc && rc != 0) errors.Add(Glossary.Say("err.scan.exit", ("rc", rc), ("cause", TerminalText.Clean(run.Stderr.Trim()))));

            var hosts = new List<(HostReport, MtaAudit.Render.HostContext)>();
            using var ms = new MemoryStream(run.Output);
            foreach (var item in BundleReader.Read(ms, "scan"))
            {
                if (item.Error is { } bad) errors.Add(Glossary.Say("err.input.bundle", ("path", bad.Source), ("line", bad.Line), ("cause", bad.Said)));
                else hosts.Add((Analyzer.Analyze(item.Bundle!, options), MtaAudit.Render.HostContextReader.Of(item.Bundle!)));
            }
            // Collection problems are reported, but a partial bundle is still judged (as MANUAL where it must be).
            int code = report.Emit(r, hosts, options, hosts.Count == 0 ? errors : []);
            // Every problem on standard error, one line each, whether or not a report was made.
            foreach (var e in errors) HelpText.Complain(e, report.LangOf(r));
            return hosts.Count == 0 ? ExitCodes.Usage : code;
        });
        return cmd;
    }

    private static int UsageError(Localized message, Lang lang)
    {
        HelpText.Complain(message, lang);
        return ExitCodes.Usage;
    }
}
