using System.CommandLine;

namespace MtaAudit.Cli;

/// <summary>The command line: a thin shell over MtaAudit.Core. Exit codes follow docs/report-json.md.</summary>
public static class App
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("mta-audit: KISA U-45 mail service version check (Sendmail, Postfix, Exim, OpenSMTPD)");
        root.Subcommands.Add(AnalyzeCommand.Build());
        root.Subcommands.Add(ScanCommand.Build());
        root.Subcommands.Add(CollectorCommand.Build());
        root.Subcommands.Add(DbCommand.Build());
        root.Subcommands.Add(FixCommand.Build());
        root.Subcommands.Add(ReportCommand.Build());
        // Taken out of the arguments below before parsing; declared so that --help lists it.
        root.Options.Add(new Option<bool>("--verbose", "-v") { Description = "on an internal error, print its details", Recursive = true });
        var lang = HelpText.Of(args);
        HelpText.Localize(root, lang);

        // -v anywhere: internal errors with their whole story; without it one line each.
        bool verbose = args.Any(a => a is "-v" or "--verbose");
        args = args.Where(a => a is not ("-v" or "--verbose")).ToArray();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) Console.Error.WriteLine("mta-audit: " + TerminalText.Clean(HelpText.Error(e.Message, lang).ReplaceLineEndings(" ")));
            Console.Error.WriteLine(HelpText.Say("cli.try-help", lang));
            return ExitCodes.Usage;
        }
        try
        {
            if (lang == Lang.Ko && parsed.Action is System.CommandLine.Help.HelpAction)
            {
                // The library prints its own headings in English: it writes to a buffer, worded again here.
                var help = new StringWriter();
                int rc = parsed.Invoke(new InvocationConfiguration { Output = help, EnableDefaultExceptionHandler = false });
                Console.Out.Write(HelpText.Help(help.ToString(), lang));
                return rc;
            }
            // WHY: the library's own handler prints a stack trace and returns 1, which reads as "a host is 취약".
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            // Internal errors name the type and message only: no stack of target data, no secrets.
            HelpText.Complain(Glossary.Say("err.internal", ("type", e.GetType().Name), ("cause", e.Message),
                ("more", verbose ? Glossary.Same("") : Glossary.Say("err.internal.more"))), lang);
            // The trace a frame a line, each cleaned (a message may carry target text).
            if (verbose)
                foreach (var line in e.ToString().Split('\n')) Console.Error.WriteLine(TerminalText.Clean(line));
            return ExitCodes.Internal;
        }
    }
}

public static class ExitCodes
{
    public const int Good = 0;
    public const int Vulnerable = 1;
    public const int Manual = 2;
    public const int Usage = 3;
    public const int Internal = 4;
}
