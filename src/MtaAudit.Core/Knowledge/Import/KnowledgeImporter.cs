using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MtaAudit.Knowledge.Import;

/// <summary>What <see cref="KnowledgeImporter.Import"/> did.</summary>
public sealed record ImportResult(
    string OverlayPath,
    int Files,
    int Cves,
    int VendorPackages,
    int Skipped,
    IReadOnlyList<Localized> Notes,
    bool Changed,
    int OverlayCves,
    int OverlayVendorPackages,
    int OsLifecycle = 0,
    int Releases = 0);

/// <summary>
/// <c>db import</c>: reads OSV and NVD CVE API 2.0 JSON files, maps them onto the knowledge model and merges
/// them into the local overlay (<see cref="KnowledgeStore"/>). All or nothing: every file is parsed first and
/// any bad one throws <see cref="KnowledgeImportException"/> before anything is written; the new overlay is
/// written to a temporary file in the same directory and renamed over the old one.
/// </summary>
public static class KnowledgeImporter
{
    /// <summary>Parses every file; throws <see cref="KnowledgeImportException"/> naming each bad one.</summary>
    public static IReadOnlyList<ImportedFile> Parse(IEnumerable<string> files)
    {
        var parsed = new List<ImportedFile>();
        var errors = new List<ImportError>();
        foreach (var file in files)
        {
            try
            {
                // Parsed whole (all or nothing), so bounded: the cap of a downloaded answer, which db fetch carries here.
                parsed.Add(ParseFile(file, MtaAudit.Io.BoundedFile.ReadAllBytes(file, MtaAudit.Knowledge.Update.HttpsDownloader.MaxBytes)));
            }
            catch (KnowledgeImportException f) { errors.AddRange(f.Errors); }
            catch (MtaAudit.Io.InputTooLargeException t) { errors.Add(new ImportError(file, "$", t.Said)); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                errors.Add(new ImportError(file, "$", Glossary.Say("import.cannot-read", ("cause", TerminalText.Clean(e.Message)))));
            }
        }
        if (errors.Count > 0) throw new KnowledgeImportException(errors);
        return parsed;
    }

    /// <summary>Parses one document; <paramref name="file"/> names it in errors and notes.</summary>
    public static ImportedFile ParseFile(string file, ReadOnlySpan<byte> json)
    {
        var into = new ImportedFile(file);
        try
        {
            ParseDocument(file, json, into);
        }
        catch (RecordFault f) { throw new KnowledgeImportException([new ImportError(file, f.JsonPath, f.Problem)]); }
        return into;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// One JSON value, strictly: UTF-8 (a BOM allowed), no comments, nothing after the value. Throws
    /// <see cref="RecordFault"/> for anything else, a cut or corrupted download among them.
    /// </summary>
    internal static JsonDocument ParseJson(ReadOnlySpan<byte> json)
    {
        JsonDocument doc;
        if (json.StartsWith(Utf8Bom)) json = json[Utf8Bom.Length..]; // editors on Windows add one
        try
        {
            StrictUtf8.GetCharCount(json); // System.Text.Json would throw on reading such a string, far from here
        }
        catch (DecoderFallbackException e)
        {
            throw JsonRead.Fault("$", "not-utf8", ("offset", e.Index));
        }
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
            doc = JsonDocument.ParseValue(ref reader);
            // Anything after the value but whitespace: Read() throws (caught below) or finds a second value.
            if (reader.Read())
            {
                doc.Dispose();
                throw JsonRead.Fault("$", "more-than-one-value");
            }
        }
        catch (JsonException e)
        {
            throw e.LineNumber is { } line
                ? JsonRead.Fault("$", "not-json-at", ("line", line + 1), ("byte", e.BytePositionInLine + 1))
                : JsonRead.Fault("$", "not-json");
        }
        return doc;
    }

    private static void ParseDocument(string file, ReadOnlySpan<byte> json, ImportedFile into)
    {
        var doc = ParseJson(json);
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (var item in root.EnumerateArray()) Record(item, JsonRead.Item("$", i++), into);
                return;
            }
            if (root.ValueKind != JsonValueKind.Object) throw JsonRead.Expected("$", "object", root);
            if (root.TryGetProperty("vulnerabilities", out var vulns))
            {
                // NVD API 2.0 response: {"vulnerabilities":[{"cve":{...}}, ...]}
                if (vulns.ValueKind != JsonValueKind.Array) throw JsonRead.Expected("$.vulnerabilities", "array", vulns);
                int i = 0;
                foreach (var v in vulns.EnumerateArray())
                {
                    var at = JsonRead.Item("$.vulnerabilities", i++);
                    JsonRead.RequireObject(v, at);
                    var cve = JsonRead.OptObject(v, "cve", at) ?? throw JsonRead.Fault(at + ".cve", "missing");
                    NvdRecordReader.Read(cve, at + ".cve", into);
                }
                return;
            }
            if (root.TryGetProperty("vulns", out var osv) || IsEmptyObject(root))
            {
                // OSV API /v1/query answer: {"vulns":[...]} ({} when nothing matched).
                if (osv.ValueKind == JsonValueKind.Undefined) return;
                if (osv.ValueKind != JsonValueKind.Array) throw JsonRead.Expected("$.vulns", "array", osv);
                int i = 0;
                foreach (var item in osv.EnumerateArray()) Record(item, JsonRead.Item("$.vulns", i++), into);
                return;
            }
            Record(root, "$", into);
        }
    }

    private static bool IsEmptyObject(JsonElement e)
    {
        using var props = e.EnumerateObject();
        return !props.MoveNext();
    }

    /// <summary>One record: {"cve":{...}} (NVD), a bare NVD cve object (the fkie-cad mirror), or an OSV record.</summary>
    private static void Record(JsonElement e, string at, ImportedFile into)
    {
        JsonRead.RequireObject(e, at);
        if (e.TryGetProperty("cve", out var cve)) { NvdRecordReader.Read(cve, at + ".cve", into); return; }
        if (e.TryGetProperty("affected", out _) || e.TryGetProperty("schema_version", out _)) { OsvRecordReader.Read(e, at, into); return; }
        if (e.TryGetProperty("descriptions", out _) || e.TryGetProperty("configurations", out _) || e.TryGetProperty("sourceIdentifier", out _))
        {
            NvdRecordReader.Read(e, at, into);
            return;
        }
        throw JsonRead.Fault(at, "neither-osv-nor-nvd");
    }

    /// <summary>
    /// Imports <paramref name="files"/> into the overlay of <paramref name="dataDir"/> (see <see cref="KnowledgeStore.DataDir"/>).
    /// Throws <see cref="KnowledgeImportException"/> (bad input: nothing written), <see cref="KnowledgeBaseException"/>
    /// (the existing overlay is unreadable: nothing written) or IOException (cannot write).
    /// </summary>
    public static ImportResult Import(IEnumerable<string> files, string? dataDir = null, DateTimeOffset? now = null) =>
        Import(Parse(files), dataDir, now);

    /// <summary>Merges records already read and validated (<c>db update</c>) into the overlay; as <see cref="Import(IEnumerable{string}, string?, DateTimeOffset?)"/>.</summary>
    public static ImportResult Import(IReadOnlyList<ImportedFile> parsed, string? dataDir = null, DateTimeOffset? now = null)
    {
        var path = KnowledgeStore.OverlayPath(dataDir);
        // Read, merge and write under one lock: two imports at once each merging into the overlay they read
        // would each rename their own over the other's, and one file's records would be lost.
        using var overlayLock = OverlayLock.Take(path, LockWait);
        var old = File.Exists(path) ? KnowledgeStore.ReadOverlay(path) : null;
        var merged = Merge(old, parsed);

        // Idempotent: the same records give the same bytes, and an unchanged overlay is not rewritten.
        merged.Updated = old?.Updated;
        var bytes = Serialize(merged);
        bool changed = old is null || !File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
        if (changed)
        {
            merged.Updated = (now ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            WriteAtomically(path, Serialize(merged));
        }
        return new ImportResult(
            path,
            parsed.Count,
            parsed.Sum(p => p.Cves.Count),
            parsed.Sum(p => p.VendorPackages.Count),
            parsed.Sum(p => p.Skipped),
            parsed.SelectMany(p => p.Notes).ToList(),
            changed,
            merged.Cves!.Count,
            merged.VendorPackages!.Count,
            parsed.Sum(p => p.OsLifecycle.Count),
            parsed.Sum(p => p.Releases.Count));
    }

    /// <summary>How long an import waits for another one to finish before it gives up (IOException: nothing written).</summary>
    public static TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The old overlay plus the new records; a new record replaces an old one with the same key.</summary>
    public static LocalOverlayFile Merge(LocalOverlayFile? old, IReadOnlyList<ImportedFile> parsed)
    {
        var cves = new Dictionary<(string, string), LocalCve>();
        foreach (var c in (old?.Cves ?? []).Concat(parsed.SelectMany(p => p.Cves))) cves[(c.Mta!, c.Id!)] = c;
        var packages = new Dictionary<string, KbVendorPackage>(StringComparer.Ordinal);
        foreach (var p in (old?.VendorPackages ?? []).Concat(parsed.SelectMany(p => p.VendorPackages)))
            packages[KnowledgeStore.PackageKey(p.Distro!, p.Release!, p.Mta!, p.Package ?? "", p.Version ?? "")] = p;
        // A newer answer of a source replaces what the older one said of the same release or version.
        var lifecycle = new Dictionary<(string, string), LocalOsLifecycle>();
        foreach (var l in (old?.OsLifecycle ?? []).Concat(parsed.SelectMany(p => p.OsLifecycle))) lifecycle[(l.Os!, l.Cycle!)] = l;
        var releases = new Dictionary<(string, string), LocalRelease>();
        foreach (var r in (old?.Releases ?? []).Concat(parsed.SelectMany(p => p.Releases))) releases[(r.Mta!, r.Version!)] = r;
        var through = new Dictionary<string, LocalSourceDate>(StringComparer.Ordinal);
        foreach (var d in (old?.DataThrough ?? []).Concat(parsed.Select(p => p.DataThrough).OfType<LocalSourceDate>())) through[d.Source!] = d;
        return new LocalOverlayFile
        {
            Schema = LocalOverlayFile.SchemaName,
            Updated = old?.Updated,
            Imported = [.. (old?.Imported ?? []).Concat(parsed.Select(p => p.SourceName)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Cves = [.. cves.OrderBy(kv => kv.Key.Item1, StringComparer.Ordinal).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal).Select(kv => kv.Value)],
            VendorPackages = [.. packages.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value)],
            // Absent (not empty) when there are none, so an overlay of CVEs alone keeps its bytes.
            OsLifecycle = lifecycle.Count == 0 ? null : [.. lifecycle.OrderBy(kv => kv.Key.Item1, StringComparer.Ordinal).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal).Select(kv => kv.Value)],
            Releases = releases.Count == 0 ? null : [.. releases.OrderBy(kv => kv.Key.Item1, StringComparer.Ordinal).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal).Select(kv => kv.Value)],
            DataThrough = through.Count == 0 ? null : [.. through.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value)],
        };
    }

    internal static byte[] Serialize(LocalOverlayFile f)
    {
        var text = JsonSerializer.Serialize(f, LocalOverlayJsonContext.Writer.LocalOverlayFile) + "\n";
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>Writes beside the target and renames over it (<see cref="MtaAudit.Io.SafeFile"/>).</summary>
    private static void WriteAtomically(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        MtaAudit.Io.SafeFile.Write(path, bytes);
    }
}
