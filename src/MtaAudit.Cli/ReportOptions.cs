using System.CommandLine;
using MtaAudit.Assess;
using MtaAudit.Knowledge;
using MtaAudit.Render;

namespace MtaAudit.Cli;

/// <summary>The options shared by every command that prints a report (analyze, scan).</summary>
public sealed class ReportOptions
{
    public Option<string> Format { get; } = new("--format") { Description = "text, json, csv (the KISA form, UTF-8 with BOM), xlsx (Excel; needs -o or a redirected output) or html (one self-contained page)", DefaultValueFactory = _ => "text" };
    public Option<string?> Lang { get; } = new("--lang") { Description = "ko or en (default: ko when the locale is Korean, else en)" };
    public Option<string> Policy { get; } = new("--policy") { Description = "what 'latest' means: vendor (default: the vendor's fixed package), upstream-branch (newest patch of a supported upstream series) or upstream-latest (newest upstream release)", DefaultValueFactory = _ => "vendor" };
    public Option<bool> NoMtaIsNa { get; } = new("--no-mta-na") { Description = "report a host without any MTA as NA (해당 없음) instead of GOOD" };
    public Option<string?> Output { get; } = new("--output", "-o") { Description = "write the report to this file instead of standard output" };
    public Option<string?> BaselinePath { get; } = new("--baseline") { Description = "judge versions against your organisation's minimums (JSON, see docs/baseline.md); sets the policy to 'baseline'" };
    public Option<bool> Brief { get; } = new("--brief") { Description = "text and HTML: leave out the raw evidence lines" };
    public Option<bool> AllCves { get; } = new("--all-cves") { Description = "text: list every vulnerability, not the ten most serious" };
    public Option<string?> Org { get; } = new("--org") { Description = "organisation name (기관명) for the report header" };
    public Option<string?> Auditor { get; } = new("--auditor") { Description = "auditor name (점검자) for the report header" };

    public ReportOptions()
    {
        Format.AcceptOnlyFromAmong(Sinks.Formats);
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
        AddPresentationTo(c);
    }

    /// <summary>The options that only shape the output (report --from and --compare take these too).</summary>
    public void AddPresentationTo(Command c)
    {
        if (!c.Options.Contains(Format)) c.Options.Add(Format);
        if (!c.Options.Contains(Lang)) c.Options.Add(Lang);
        if (!c.Options.Contains(Output)) c.Options.Add(Output);
        c.Options.Add(Brief);
        c.Options.Add(AllCves);
        c.Options.Add(Org);
        c.Options.Add(Auditor);
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
    /// error message for the user in their language (a damaged overlay or baseline file names the file and JSON path).
    /// </summary>
    public (AnalysisOptions? Options, string? Error) Prepare(ParseResult r)
    {
        try
        {
            return (Analysis(r, KnowledgeStore.Load()), null);
        }
        catch (Exception e) when (e is KnowledgeBaseException or BaselineException or IOException or UnauthorizedAccessException)
        {
            return (null, TerminalText.Clean(Said.Of(e, "err.data").Get(LangOf(r))));
        }
    }

    public Lang LangOf(ParseResult r) => r.GetValue(Lang) switch
    {
        "ko" => MtaAudit.Lang.Ko,
        "en" => MtaAudit.Lang.En,
        _ => LocaleIsKorean() ? MtaAudit.Lang.Ko : MtaAudit.Lang.En,
    };

    internal static bool LocaleIsKorean()
    {
        foreach (var v in new[] { "LC_ALL", "LC_MESSAGES", "LANG" })
        {
            var s = Environment.GetEnvironmentVariable(v);
            if (!string.IsNullOrEmpty(s)) return s.StartsWith("ko", StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    /// <summary>Renders and writes the report of a finished list of hosts (scan); returns the exit code the verdicts call for.</summary>
    public int Emit(ParseResult r, IReadOnlyList<(HostReport, HostContext)> hosts, AnalysisOptions a, IReadOnlyList<Localized> inputErrors) =>
        Write(r, Meta(r, a), hosts, inputErrors.ToList(), []);

    /// <summary>The same for hosts without bundle context (callers written before the sinks): account and addresses unknown.</summary>
    public int Emit(ParseResult r, IReadOnlyList<HostReport> hosts, AnalysisOptions a, IReadOnlyList<Localized> inputErrors) =>
        Emit(r, hosts.Select(h => (h, HostContext.Unknown)).ToList(), a, inputErrors);

    /// <summary>The metadata of a judgement made now, with the knowledge base's data dates.</summary>
    public ReportMeta Meta(ParseResult r, AnalysisOptions a) =>
        ReportMeta.Of(a, LangOf(r), DateTimeOffset.UtcNow) with
        {
            Org = r.GetValue(Org),
            Auditor = r.GetValue(Auditor),
            Brief = r.GetValue(Brief),
            AllCves = r.GetValue(AllCves),
        };

    /// <summary>The metadata of a judgement made earlier (report --from a JSON report): its own basis.</summary>
    public ReportMeta Meta(ParseResult r, string kbVersion, string kbDate, string policy) =>
        new(policy, kbVersion, kbDate, DateTimeOffset.UtcNow, LangOf(r))
        {
            Org = r.GetValue(Org),
            Auditor = r.GetValue(Auditor),
            Brief = r.GetValue(Brief),
            AllCves = r.GetValue(AllCves),
        };

    /// <summary>
    /// Refuses what cannot work before any work is done: a binary format (xlsx) bound for a terminal.
    /// Returns the problem for the user, or null.
    /// </summary>
    public string? OutputProblem(ParseResult r) =>
        Sinks.IsBinary(r.GetValue(Format) ?? "text") && r.GetValue(Output) is null && !Console.IsOutputRedirected
            ? HelpText.Say("cli.xlsx-terminal", LangOf(r))
            : null;

    /// <summary>
    /// Streams the hosts through the chosen format's sink as they are produced, to -o FILE or
    /// standard output; <paramref name="inputErrors"/> and <paramref name="notes"/> may still grow
    /// while <paramref name="hosts"/> is enumerated. Returns the exit code the verdicts call for.
    /// </summary>
    public int Write(ParseResult r, ReportMeta meta, IEnumerable<(HostReport Host, HostContext Context)> hosts, List<Localized> inputErrors, List<Localized> notes)
    {
        var format = r.GetValue(Format) ?? "text";
        var path = r.GetValue(Output);
        var summary = new ReportSummary();
        Stream output;
        MtaAudit.Io.PendingFile? file = null;
        try { output = path is null ? Console.OpenStandardOutput() : (file = MtaAudit.Io.SafeFile.Begin(path)).Stream; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            // A report nobody can read is no report: say where and why, and exit 3.
            HelpText.Complain(Glossary.Say("err.cannot-write-report", ("path", path!), ("cause", e.Message)), LangOf(r));
            return ExitCodes.Usage;
        }
        // A report file appears whole (renamed into place at the end) or not at all; see SafeFile.
        using (file)
        using (output)
        {
            using (var buffered = new BufferedStream(output, 1 << 16))
            using (var sink = Sinks.Create(format, buffered))
            {
                sink.Begin(meta);
                foreach (var (h, c) in hosts)
                {
                    summary.Add(h.Verdict);
                    sink.Host(h, c);
                }
                summary.InputErrors.AddRange(inputErrors.Select(e => e.Get(meta.Lang)));
                summary.Notes.AddRange(notes);
                sink.End(summary);
            }
            try { file?.Commit(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                HelpText.Complain(Glossary.Say("err.cannot-write-report", ("path", path!), ("cause", e.Message)), LangOf(r));
                return summary.Vulnerable > 0 ? ExitCodes.Vulnerable : ExitCodes.Usage;
            }
        }
        // The report went to a file: one line on stderr says where and what it holds.
        if (path is not null)
            Console.Error.WriteLine("mta-audit: " + HelpText.Say("cli.report-written", meta.Lang, ("path", TerminalText.Clean(path)), ("summary", TextSink.SummaryLine(summary, new Words(meta.Lang)))));
        return ExitCode(summary.Vulnerable > 0, inputErrors.Count > 0, summary.Manual > 0);
    }

    public static int ExitCode(IReadOnlyList<HostReport> hosts, bool unreadableInput) =>
        ExitCode(hosts.Any(h => h.Verdict == Verdict.Vulnerable), unreadableInput, hosts.Any(h => h.Verdict == Verdict.Manual));

    public static int ExitCode(bool anyVulnerable, bool unreadableInput, bool anyManual)
    {
        // VULNERABLE (1) wins over unreadable input (3), which wins over MANUAL (2): a vulnerable host
        // must never hide behind a bad file next to it.
        if (anyVulnerable) return ExitCodes.Vulnerable;
        if (unreadableInput) return ExitCodes.Usage;
        if (anyManual) return ExitCodes.Manual;
        return ExitCodes.Good;
    }
}
