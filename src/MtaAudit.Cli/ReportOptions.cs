using System.CommandLine;
using MtaAudit.Assess;
using MtaAudit.Knowledge;
using MtaAudit.Render;

namespace MtaAudit.Cli;

/// <summary>The options shared by every command that prints a report (analyze, scan).</summary>
public sealed class ReportOptions
{
    public Option<string> Format { get; } = new("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
    public Option<string?> Lang { get; } = new("--lang") { Description = "ko or en (default: ko when the locale is Korean, else en)" };
    public Option<string> Policy { get; } = new("--policy") { Description = "what 'latest' means: vendor (default: the vendor's fixed package), upstream-branch (newest patch of a supported upstream series) or upstream-latest (newest upstream release)", DefaultValueFactory = _ => "vendor" };
    public Option<bool> NoMtaIsNa { get; } = new("--no-mta-na") { Description = "report a host without any MTA as NA (해당 없음) instead of GOOD" };
    public Option<string?> Output { get; } = new("--output", "-o") { Description = "write the report to this file instead of standard output" };
    public Option<string?> BaselinePath { get; } = new("--baseline") { Description = "judge versions against your organisation's minimums (JSON, see docs/baseline.md); sets the policy to 'baseline'" };

    public ReportOptions()
    {
        Format.AcceptOnlyFromAmong("text", "json");
        Lang.AcceptOnlyFromAmong("ko", "en");
        Policy.AcceptOnlyFromAmong("vendor", "upstream-branch", "upstream-latest");
    }

    public void AddTo(Command c)
    {
        c.Options.Add(Format);
        c.Options.Add(Lang);
        c.Options.Add(Policy);
        c.Options.Add(NoMtaIsNa);
        c.Options.Add(Output);
        c.Options.Add(BaselinePath);
    }

    /// <summary>
    /// The --baseline file, loaded and validated; null without the option. Throws <see cref="BaselineException"/>
    /// (its message names the file and JSON path): report it and exit with <see cref="ExitCodes.Usage"/>.
    /// </summary>
    public Baseline? LoadBaseline(ParseResult r) =>
        r.GetValue(BaselinePath) is { } path ? Baseline.Load(path) : null;

    /// <summary>The judgement options; a --baseline file makes the policy "baseline". Throws <see cref="BaselineException"/>.</summary>
    public AnalysisOptions Analysis(ParseResult r, KnowledgeBase kb)
    {
        if (LoadBaseline(r) is { } baseline) return AnalysisOptions.WithBaseline(kb, baseline, r.GetValue(NoMtaIsNa));
        PolicyNames.TryParse(r.GetValue(Policy) ?? "vendor", out var p);
        return new AnalysisOptions(kb, p, r.GetValue(NoMtaIsNa));
    }

    /// <summary>
    /// The knowledge base (embedded plus the local overlay of `db import`) and the options, or an
    /// error message for the user (a damaged overlay or baseline file names the file and JSON path).
    /// </summary>
    public (AnalysisOptions? Options, string? Error) Prepare(ParseResult r)
    {
        try
        {
            return (Analysis(r, KnowledgeStore.Load()), null);
        }
        catch (Exception e) when (e is KnowledgeBaseException or BaselineException or IOException or UnauthorizedAccessException)
        {
            return (null, TerminalText.Clean(e.Message));
        }
    }

    public Lang LangOf(ParseResult r) => r.GetValue(Lang) switch
    {
        "ko" => MtaAudit.Lang.Ko,
        "en" => MtaAudit.Lang.En,
        _ => LocaleIsKorean() ? MtaAudit.Lang.Ko : MtaAudit.Lang.En,
    };

    private static bool LocaleIsKorean()
    {
        foreach (var v in new[] { "LC_ALL", "LC_MESSAGES", "LANG" })
        {
            var s = Environment.GetEnvironmentVariable(v);
            if (!string.IsNullOrEmpty(s)) return s.StartsWith("ko", StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    /// <summary>Renders and writes the report; returns the exit code the hosts' verdicts call for.</summary>
    public int Emit(ParseResult r, IReadOnlyList<HostReport> hosts, AnalysisOptions a, IReadOnlyList<string> inputErrors)
    {
        var lang = LangOf(r);
        var text = r.GetValue(Format) == "json"
            ? JsonReport.Render(hosts, a.Knowledge, a.Policy, lang, inputErrors, DateTimeOffset.UtcNow)
            : TextReport.Render(hosts, a.Knowledge, a.Policy, lang, inputErrors, DateTimeOffset.UtcNow);
        var path = r.GetValue(Output);
        if (path is null) Console.Out.Write(text);
        else
        {
            try { File.WriteAllText(path, text); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                // A report nobody can read is no report: say where and why, and exit 3.
                Console.Error.WriteLine($"mta-audit: {TerminalText.Clean(path)}: cannot write the report: {TerminalText.Clean(e.Message)}");
                return ExitCodes.Usage;
            }
        }
        return ExitCode(hosts, inputErrors.Count > 0);
    }

    public static int ExitCode(IReadOnlyList<HostReport> hosts, bool unreadableInput)
    {
        // VULNERABLE (1) wins over unreadable input (3), which wins over MANUAL (2): a vulnerable host
        // must never hide behind a bad file next to it.
        if (hosts.Any(h => h.Verdict == Verdict.Vulnerable)) return ExitCodes.Vulnerable;
        if (unreadableInput) return ExitCodes.Usage;
        if (hosts.Any(h => h.Verdict == Verdict.Manual)) return ExitCodes.Manual;
        return ExitCodes.Good;
    }
}
