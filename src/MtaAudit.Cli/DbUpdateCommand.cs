using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using MtaAudit.Knowledge;
using MtaAudit.Knowledge.Import;
using MtaAudit.Knowledge.Update;

namespace MtaAudit.Cli;

/// <summary>
/// <c>db update</c> (download from the public sources and import), <c>db update --from DIR</c> (import what
/// <c>db fetch --to DIR</c> downloaded on a connected machine). HTTPS only; the proxy comes from the environment.
/// </summary>
public static class DbUpdateCommand
{
    public static Command Update()
    {
        var cmd = new Command("update", "Refresh the local overlay from OSV (upstream and distributions), the NVD CVE API 2.0, endoflife.date (OS support dates) and endoflife.date's release-data (Postfix and Exim releases); nothing changes unless every source answers completely and validly");
        var from = new Option<string?>("--from") { Description = "import a directory written by 'mta-audit db fetch --to DIR' (air-gapped sites) instead of downloading" };
        var (dataDir, mirror, caFile, timeout, only) = (DataDir(), Mirror(), CaFile(), Timeout(), Only());
        var lang = DbCommand.LangOption();
        cmd.Options.Add(from);
        cmd.Options.Add(lang);
        cmd.Options.Add(only);
        cmd.Options.Add(dataDir);
        cmd.Options.Add(mirror);
        cmd.Options.Add(caFile);
        cmd.Options.Add(timeout);
        cmd.SetAction(r => r.GetValue(from) is { } dir
            ? FromDirectory(Console.Out, Console.Error, dir, r.GetValue(dataDir), DbCommand.LangOf(r.GetValue(lang)))
            : Download(Console.Out, Console.Error, r.GetValue(mirror), r.GetValue(caFile), r.GetValue(timeout), r.GetValue(dataDir), to: null, r.GetValue(only), DbCommand.LangOf(r.GetValue(lang))));
        return cmd;
    }

    public static Command Fetch()
    {
        var cmd = new Command("fetch", "Download and validate the sources of 'db update' into a directory, to carry to an air-gapped site ('db update --from DIR')");
        var to = new Option<string>("--to") { Description = "directory to write the answers and their MANIFEST.tsv (SHA-256) into", Required = true };
        var (mirror, caFile, timeout, only) = (Mirror(), CaFile(), Timeout(), Only());
        var lang = DbCommand.LangOption();
        cmd.Options.Add(to);
        cmd.Options.Add(lang);
        cmd.Options.Add(only);
        cmd.Options.Add(mirror);
        cmd.Options.Add(caFile);
        cmd.Options.Add(timeout);
        cmd.SetAction(r => Download(Console.Out, Console.Error, r.GetValue(mirror), r.GetValue(caFile), r.GetValue(timeout), null, r.GetValue(to), r.GetValue(only), DbCommand.LangOf(r.GetValue(lang))));
        return cmd;
    }

    private static Option<string?> DataDir() => new("--data-dir")
    {
        Description = $"directory of the local overlay {KnowledgeStore.OverlayFileName} (default: ${KnowledgeStore.DataDirVariable}, else {KnowledgeStore.DefaultDataDir})",
    };
    private static Option<string?> Mirror() => new("--mirror") { Description = "an https:// origin serving the same paths as the public sources (an internal mirror)" };
    private static Option<string?> CaFile() => new("--ca-file") { Description = "PEM file of a CA trusted in addition to the system's (an internal mirror's)" };
    private static Option<string[]> Only() => new("--source")
    {
        Description = "only the sources whose name starts with this (repeatable): osv, nvd, endoflife.date, 'endoflife.date rhel', release-data, …",
        AllowMultipleArgumentsPerToken = false,
    };
    private static Option<int> Timeout() => new("--timeout") { Description = "seconds each source may take", DefaultValueFactory = _ => 60 };

    public static int Download(TextWriter o, TextWriter err, string? mirror, string? caFile, int timeoutSeconds, string? dataDir, string? to, string[]? only = null, Lang lang = Lang.En)
    {
        Uri? origin = null;
        if (mirror is not null && (!Uri.TryCreate(mirror, UriKind.Absolute, out origin) || origin.Scheme != Uri.UriSchemeHttps))
        {
            Say(err, Glossary.Say("db.mirror-not-https", ("mirror", mirror)), lang);
            return ExitCodes.Usage;
        }
        X509Certificate2Collection? roots = null;
        if (caFile is not null)
        {
            try
            {
                roots = new X509Certificate2Collection();
                roots.ImportFromPemFile(caFile);
                if (roots.Count == 0) throw new InvalidDataException("no certificate in it");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or InvalidDataException)
            {
                Say(err, Glossary.Say("db.ca-file", ("path", caFile), ("cause", e.Message)), lang);
                return ExitCodes.Usage;
            }
        }
        var sources = UpdateSources.Only(UpdateSources.All(origin), only ?? []);
        if (sources.Count == 0)
        {
            Say(err, Glossary.Say("db.no-source", ("names", string.Join(", ", only ?? []))), lang);
            return ExitCodes.Usage;
        }
        var overlay = KnowledgeStore.OverlayPath(dataDir);
        try
        {
            using var http = new HttpsDownloader(TimeSpan.FromSeconds(Math.Max(1, timeoutSeconds)), roots);
            var r = to is null
                ? KnowledgeUpdater.Update(http, sources, dataDir).GetAwaiter().GetResult()
                : KnowledgeUpdater.Fetch(http, sources, to).GetAwaiter().GetResult();
            Report(o, r, lang);
            return ExitCodes.Good;
        }
        catch (UpdateException e)
        {
            Say(err, Said.Of(e, "db.cause"), lang);
            Say(err, to is null ? Glossary.Say("db.nothing-updated", ("path", overlay)) : Glossary.Say("db.nothing-written", ("path", to)), lang);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is KnowledgeImportException or KnowledgeBaseException or IOException or UnauthorizedAccessException)
        {
            Say(err, Said.Of(e, "db.cause"), lang);
            Say(err, Glossary.Say("db.nothing-updated", ("path", overlay)), lang);
            return ExitCodes.Usage;
        }
    }

    public static int FromDirectory(TextWriter o, TextWriter err, string dir, string? dataDir, Lang lang = Lang.En)
    {
        try
        {
            Report(o, KnowledgeUpdater.FromDirectory(dir, dataDir), lang);
            return ExitCodes.Good;
        }
        catch (Exception e) when (e is UpdateException or KnowledgeImportException or KnowledgeBaseException or IOException or UnauthorizedAccessException)
        {
            Say(err, Said.Of(e, "db.cause"), lang);
            Say(err, Glossary.Say("db.nothing-updated", ("path", KnowledgeStore.OverlayPath(dataDir))), lang);
            return ExitCodes.Usage;
        }
    }

    /// <summary>One error line on the given writer (tests pass their own), in the user's language.</summary>
    private static void Say(TextWriter err, Localized message, Lang lang) =>
        err.WriteLine("mta-audit: " + TerminalText.Clean(message.Get(lang).ReplaceLineEndings(" ")));

    private static void Report(TextWriter o, UpdateResult r, Lang lang)
    {
        string N(long n) => n.ToString(CultureInfo.InvariantCulture);
        o.WriteLine(Glossary.Word("db.read-sources", lang, ("sources", N(r.Sources)), ("bytes", N(r.Bytes))));
        if (r.Import is { } i)
            o.WriteLine(i.Changed
                ? Glossary.Word("db.overlay-written", lang, ("path", TerminalText.Clean(i.OverlayPath)), ("cves", N(i.OverlayCves)), ("packages", N(i.OverlayVendorPackages)), ("os", N(i.OsLifecycle)), ("releases", N(i.Releases)))
                : Glossary.Word("db.overlay-unchanged", lang, ("path", TerminalText.Clean(i.OverlayPath))));
        else if (r.Directory is { } d)
            o.WriteLine(Glossary.Word("db.fetched", lang, ("path", TerminalText.Clean(d)), ("manifest", KnowledgeUpdater.ManifestName)));
    }
}
