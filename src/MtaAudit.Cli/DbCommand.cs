using System.CommandLine;
using System.Globalization;
using MtaAudit.Knowledge;
using MtaAudit.Knowledge.Import;

namespace MtaAudit.Cli;

/// <summary>
/// <c>mta-audit db status</c>: what the knowledge base knows, and how old it is;
/// <c>mta-audit db import FILE...</c>: carry OSV / NVD JSON into the local overlay (air-gapped sites).
/// </summary>
public static class DbCommand
{
    /// <summary>Older than this at scan time, the facts behind "latest" may have moved on: say so loudly.</summary>
    public const int StaleAfterDays = DataDates.StaleAfterDays;

    public static Command Build()
    {
        var cmd = new Command("db", "The knowledge base (releases, branches, CVEs, vendor packages): embedded, plus a local overlay of imported records");

        var statusDataDir = DataDirOption();
        var status = new Command("status", "Show the knowledge base's version, date, age and counts, and the local overlay");
        var statusLang = LangOption();
        status.Options.Add(statusDataDir);
        status.Options.Add(statusLang);
        status.SetAction(r => Status(Console.Out, DateTimeOffset.UtcNow, r.GetValue(statusDataDir), LangOf(r.GetValue(statusLang))));
        cmd.Subcommands.Add(status);

        var files = new Argument<string[]>("files") { Description = "OSV JSON records and NVD CVE API 2.0 JSON (one record or an API response)", Arity = ArgumentArity.OneOrMore };
        var importDataDir = DataDirOption();
        var import = new Command("import", "Import OSV / NVD JSON files into the local overlay (all or nothing)");
        import.Arguments.Add(files);
        var importLang = LangOption();
        import.Options.Add(importDataDir);
        import.Options.Add(importLang);
        import.SetAction(r => Import(Console.Out, Console.Error, r.GetValue(files) ?? [], r.GetValue(importDataDir), LangOf(r.GetValue(importLang))));
        cmd.Subcommands.Add(import);
        cmd.Subcommands.Add(DbUpdateCommand.Update());
        cmd.Subcommands.Add(DbUpdateCommand.Fetch());
        return cmd;
    }

    private static Option<string?> DataDirOption() => new("--data-dir")
    {
        Description = $"directory of the local overlay {KnowledgeStore.OverlayFileName} (default: ${KnowledgeStore.DataDirVariable}, else {KnowledgeStore.DefaultDataDir})",
    };

    /// <summary>--lang for the db commands: ko or en, else the locale (as the report commands).</summary>
    internal static Option<string?> LangOption()
    {
        var o = new Option<string?>("--lang") { Description = "ko or en (default: ko when the locale is Korean, else en)" };
        o.AcceptOnlyFromAmong("ko", "en");
        return o;
    }

    internal static Lang LangOf(string? value) => value switch
    {
        "ko" => Lang.Ko,
        "en" => Lang.En,
        _ => ReportOptions.LocaleIsKorean() ? Lang.Ko : Lang.En,
    };

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static int Status(TextWriter o, DateTimeOffset now, string? dataDir = null, Lang lang = Lang.En)
    {
        KnowledgeBase kb;
        OverlayStatus overlay;
        try
        {
            kb = KnowledgeStore.Load(dataDir);
            overlay = KnowledgeStore.Status(dataDir);
        }
        catch (KnowledgeBaseException e)
        {
            o.WriteLine(Glossary.Word("db.error", lang, ("cause", TerminalText.Clean(e.Message))));
            return ExitCodes.Usage;
        }
        var info = KnowledgeBaseInfo.Of(kb);
        // The date the data runs to, per source: the edition date ({info.Date}) says when it was packaged, not how current it is.
        int age = DataDates.AgeDays(kb, now);
        o.WriteLine(Glossary.Word("db.status.head", lang, ("version", info.Version), ("schema", info.Schema), ("date", info.Date), ("through", kb.DataRunsTo), ("age", N(age))));
        foreach (var d in kb.DataThrough)
            o.WriteLine(Glossary.Word("db.status.source", lang, ("through", d.Through), ("source", Render.ReportMeta.SourceName(TerminalText.Clean(d.Source), lang)),
                ("note", d.Note is null ? "" : " (" + SourceNote(TerminalText.Clean(d.Note), lang) + ")")));
        o.WriteLine(Glossary.Word("db.status.counts", lang, ("mtas", N(info.Mtas)), ("releases", N(info.Releases)), ("cves", N(info.Cves)), ("packages", N(info.VendorPackages)), ("unverified", N(info.UnverifiedItems))));
        foreach (var m in kb.Mtas.Values.OrderBy(m => m.Mta, StringComparer.Ordinal))
        {
            var supported = string.Join(", ", m.Branches.Where(b => b.Supported).Select(b => b.LatestPatch));
            o.WriteLine(Glossary.Word("db.status.mta", lang, ("mta", $"{m.Mta,-10}"), ("newest", m.NewestRelease ?? ""), ("date", m.NewestReleaseDate is null ? "" : " (" + m.NewestReleaseDate + ")"), ("supported", supported), ("cves", N(m.Cves.Count))));
        }
        WriteOverlay(o, overlay, lang);
        if (DataDates.Warning(kb, now) is { } stale)
        {
            o.WriteLine(lang == Lang.Ko ? stale.Ko : stale.En);
            return ExitCodes.Manual;
        }
        return 0;
    }

    private static void WriteOverlay(TextWriter o, OverlayStatus s, Lang lang)
    {
        var path = TerminalText.Clean(s.Path);
        if (!s.Exists)
        {
            o.WriteLine(Glossary.Word("db.status.no-overlay", lang, ("path", path)));
            return;
        }
        o.WriteLine(Glossary.Word("db.status.overlay", lang, ("path", path), ("updated", s.Updated is null ? Glossary.Word("db.status.unknown", lang) : TerminalText.Clean(s.Updated))));
        o.WriteLine(Glossary.Word("db.status.overlay-counts", lang, ("cves", N(s.Cves)), ("cvesReplacing", N(s.CvesReplacingEmbedded)), ("packages", N(s.VendorPackages)),
            ("packagesReplacing", N(s.VendorPackagesReplacingEmbedded)), ("os", N(s.OsLifecycle)), ("releases", N(s.Releases)), ("files", N(s.Imported.Count))));
        foreach (var k in s.KeptEmbedded ?? [])
            o.WriteLine(Glossary.Word("db.status.kept-embedded", lang, ("id", TerminalText.Clean(k.Id)), ("file", TerminalText.Clean(k.Source))));
        foreach (var d in s.DataThrough ?? [])
            o.WriteLine(Glossary.Word("db.status.refreshed", lang, ("source", Render.ReportMeta.SourceName(TerminalText.Clean(d.Source ?? ""), lang)), ("through", TerminalText.Clean(d.Through ?? ""))));
    }

    /// <summary>
    /// A data source's note as the knowledge base writes it (English), worded when the glossary has it; another
    /// note (a newer knowledge base's) is shown as the source's own words, marked as such in Korean.
    /// </summary>
    private static string SourceNote(string note, Lang lang) => note switch
    {
        "newest dated release or advisory read" => Glossary.Word("db.status.note.newest-dated", lang),
        "endoflife.date snapshot" => Glossary.Word("db.status.note.eol-snapshot", lang),
        "db update" => Glossary.Word("db.status.note.db-update", lang),
        _ => Glossary.Word("kb.quote", lang, ("text", note)),
    };

    public static int Import(TextWriter o, TextWriter err, IReadOnlyList<string> files, string? dataDir = null, Lang lang = Lang.En)
    {
        var overlayPath = TerminalText.Clean(KnowledgeStore.OverlayPath(dataDir));
        ImportResult r;
        try
        {
            r = KnowledgeImporter.Import(files, dataDir);
        }
        catch (KnowledgeImportException e)
        {
            // One bad file: one line naming file, record and field, and that nothing changed.
            if (e.Errors.Count == 1 && e.Errors[0] is var only)
            {
                err.WriteLine("mta-audit: " + TerminalText.Clean(Glossary.Word("db.import.error-nothing", lang, ("file", only.File), ("path", only.JsonPath), ("problem", only.Problem.Get(lang)), ("overlay", overlayPath))));
                return ExitCodes.Usage;
            }
            foreach (var error in e.Errors)
                err.WriteLine("mta-audit: " + TerminalText.Clean(Glossary.Word("db.import.error", lang, ("file", error.File), ("path", error.JsonPath), ("problem", error.Problem.Get(lang)))));
            err.WriteLine("mta-audit: " + Glossary.Word("db.import.nothing", lang, ("path", overlayPath)));
            return ExitCodes.Usage;
        }
        catch (KnowledgeBaseException e)
        {
            err.WriteLine("mta-audit: " + Glossary.Word("db.import.damaged", lang, ("cause", TerminalText.Clean(e.Message))));
            err.WriteLine("mta-audit: " + Glossary.Word("db.import.move-damaged", lang));
            return ExitCodes.Usage;
        }
        catch (OverlayLockedException e)
        {
            err.WriteLine("mta-audit: " + TerminalText.Clean(e.Said.Get(lang)));
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            err.WriteLine("mta-audit: " + Glossary.Word("db.import.cannot-write", lang, ("path", overlayPath), ("cause", TerminalText.Clean(e.Message))));
            return ExitCodes.Usage;
        }
        foreach (var note in r.Notes) o.WriteLine(TerminalText.Clean(Glossary.Word("db.import.note", lang, ("note", note.Get(lang)))));
        o.WriteLine(Glossary.Word("db.import.read", lang, ("files", N(r.Files)), ("cves", N(r.Cves)), ("packages", N(r.VendorPackages)), ("skipped", N(r.Skipped))));
        var path = TerminalText.Clean(r.OverlayPath);
        o.WriteLine(r.Changed
            ? Glossary.Word("db.import.written", lang, ("path", path), ("cves", N(r.OverlayCves)), ("packages", N(r.OverlayVendorPackages)))
            : Glossary.Word("db.import.unchanged", lang, ("path", path)));
        return ExitCodes.Good;
    }
}
