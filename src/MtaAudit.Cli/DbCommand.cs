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
        status.Options.Add(statusDataDir);
        status.SetAction(r => Status(Console.Out, DateTimeOffset.UtcNow, r.GetValue(statusDataDir)));
        cmd.Subcommands.Add(status);

        var files = new Argument<string[]>("files") { Description = "OSV JSON records and NVD CVE API 2.0 JSON (one record or an API response)", Arity = ArgumentArity.OneOrMore };
        var importDataDir = DataDirOption();
        var import = new Command("import", "Import OSV / NVD JSON files into the local overlay (all or nothing)");
        import.Arguments.Add(files);
        import.Options.Add(importDataDir);
        import.SetAction(r => Import(Console.Out, Console.Error, r.GetValue(files) ?? [], r.GetValue(importDataDir)));
        cmd.Subcommands.Add(import);
        cmd.Subcommands.Add(DbUpdateCommand.Update());
        cmd.Subcommands.Add(DbUpdateCommand.Fetch());
        return cmd;
    }

    private static Option<string?> DataDirOption() => new("--data-dir")
    {
        Description = $"directory of the local overlay {KnowledgeStore.OverlayFileName} (default: ${KnowledgeStore.DataDirVariable}, else {KnowledgeStore.DefaultDataDir})",
    };

    public static int Status(TextWriter o, DateTimeOffset now, string? dataDir = null)
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
            o.WriteLine("ERROR: " + TerminalText.Clean(e.Message));
            return ExitCodes.Usage;
        }
        var info = KnowledgeBaseInfo.Of(kb);
        // The date the data runs to, per source: the edition date ({info.Date}) says when it was packaged, not how current it is.
        int age = DataDates.AgeDays(kb, now);
        o.WriteLine($"knowledge base {info.Version} ({info.Schema}), edition {info.Date}; data runs to {kb.DataRunsTo}, {age} days before today");
        foreach (var d in kb.DataThrough)
            o.WriteLine($"  data to {d.Through}: {TerminalText.Clean(d.Source)}{(d.Note is null ? "" : " (" + TerminalText.Clean(d.Note) + ")")}");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {info.Mtas} MTAs, {info.Releases} releases, {info.Cves} vulnerabilities, {info.VendorPackages} vendor packages, {info.UnverifiedItems} items marked unverified"));
        foreach (var m in kb.Mtas.Values.OrderBy(m => m.Mta, StringComparer.Ordinal))
        {
            var supported = string.Join(", ", m.Branches.Where(b => b.Supported).Select(b => b.LatestPatch));
            o.WriteLine($"  {m.Mta,-10} newest {m.NewestRelease}{(m.NewestReleaseDate is null ? "" : " (" + m.NewestReleaseDate + ")")}; supported series at: {supported}; {m.Cves.Count} vulnerabilities");
        }
        WriteOverlay(o, overlay);
        if (DataDates.Warning(kb, now) is { } stale)
        {
            o.WriteLine(stale.En);
            return ExitCodes.Manual;
        }
        return 0;
    }

    private static void WriteOverlay(TextWriter o, OverlayStatus s)
    {
        var path = TerminalText.Clean(s.Path);
        if (!s.Exists)
        {
            o.WriteLine($"local overlay: none ({path}); add records with 'mta-audit db import FILE...'");
            return;
        }
        o.WriteLine($"local overlay {path}, updated {TerminalText.Clean(s.Updated ?? "(unknown)")}");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {s.Cves} vulnerabilities ({s.CvesReplacingEmbedded} replace embedded ones), {s.VendorPackages} vendor packages ({s.VendorPackagesReplacingEmbedded} replace embedded ones), {s.OsLifecycle} OS lifecycle cycles, {s.Releases} MTA releases, from {s.Imported.Count} files"));
        foreach (var d in s.DataThrough ?? [])
            o.WriteLine($"  refreshed: {TerminalText.Clean(d.Source ?? "")} data to {TerminalText.Clean(d.Through ?? "")}");
    }

    public static int Import(TextWriter o, TextWriter err, IReadOnlyList<string> files, string? dataDir = null)
    {
        ImportResult r;
        try
        {
            r = KnowledgeImporter.Import(files, dataDir);
        }
        catch (KnowledgeImportException e)
        {
            foreach (var error in e.Errors) err.WriteLine("mta-audit: " + TerminalText.Clean(error.ToString()));
            err.WriteLine($"mta-audit: nothing imported; the local overlay {TerminalText.Clean(KnowledgeStore.OverlayPath(dataDir))} is unchanged");
            return ExitCodes.Usage;
        }
        catch (KnowledgeBaseException e)
        {
            err.WriteLine("mta-audit: " + TerminalText.Clean(e.Message));
            err.WriteLine("mta-audit: nothing imported; move the damaged overlay away to start a new one");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            err.WriteLine($"mta-audit: cannot write the local overlay {TerminalText.Clean(KnowledgeStore.OverlayPath(dataDir))}: {TerminalText.Clean(e.Message)}");
            return ExitCodes.Usage;
        }
        foreach (var note in r.Notes) o.WriteLine("note: " + TerminalText.Clean(note));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read {r.Files} files: {r.Cves} vulnerability records, {r.VendorPackages} vendor fixes, {r.Skipped} records skipped (no MTA)"));
        o.WriteLine(r.Changed
            ? string.Create(CultureInfo.InvariantCulture, $"local overlay {TerminalText.Clean(r.OverlayPath)} written: {r.OverlayCves} vulnerabilities, {r.OverlayVendorPackages} vendor packages")
            : $"local overlay {TerminalText.Clean(r.OverlayPath)} unchanged (these records were already imported)");
        return ExitCodes.Good;
    }
}
