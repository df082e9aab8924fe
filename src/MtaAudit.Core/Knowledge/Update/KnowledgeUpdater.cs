using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MtaAudit.Knowledge.Import;

namespace MtaAudit.Knowledge.Update;

/// <summary>What one update or fetch did.</summary>
public sealed record UpdateResult(int Sources, long Bytes, ImportResult? Import, string? Directory);

/// <summary>
/// <c>db update</c>, <c>db fetch --to DIR</c> and <c>db update --from DIR</c>. Every source is downloaded and
/// validated (complete, JSON the importer reads, an NVD page holding all its results, an OSV answer without
/// a further page, an endoflife.date cycle list or a release list whose every entry reads) before anything is written; then the existing importer (all or nothing, atomic rename)
/// replaces the overlay. A bad, cut or missing answer leaves the previous overlay in place.
/// </summary>
public static class KnowledgeUpdater
{
    public const string ManifestName = "MANIFEST.tsv";

    /// <summary>Downloads every source into memory and validates it; throws <see cref="UpdateException"/> at the first bad one.</summary>
    public static async Task<List<(UpdateSource Source, byte[] Body)>> DownloadAll(HttpsDownloader http, IReadOnlyList<UpdateSource> sources, CancellationToken cancel = default)
    {
        var result = new List<(UpdateSource, byte[])>();
        foreach (var s in sources)
        {
            var body = await http.GetAsync(s, cancel).ConfigureAwait(false);
            Validate(s.Name, body);
            result.Add((s, body));
        }
        return result;
    }

    /// <summary>Refuses an answer the importer cannot read whole, or one that is only part of the results.</summary>
    public static void Validate(string name, byte[] body) => Validated(name, name, body);

    /// <summary>The answer read (<see cref="UpdateSources.Read"/>) and checked whole; throws <see cref="UpdateException"/>.</summary>
    private static ImportedFile Validated(string name, string file, byte[] body)
    {
        ImportedFile read;
        try
        {
            read = UpdateSources.Read(name, file, body);
        }
        catch (KnowledgeImportException e)
        {
            throw new UpdateException(name, "not a valid answer: " + string.Join("; ", e.Errors.Select(x => x.ToString())));
        }
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return read;
        if (root.TryGetProperty("vulnerabilities", out var v) && v.ValueKind == JsonValueKind.Array
            && root.TryGetProperty("totalResults", out var total) && total.TryGetInt32(out int t) && t != v.GetArrayLength())
            throw new UpdateException(name, $"partial NVD answer: {v.GetArrayLength()} of {t} results");
        if (root.TryGetProperty("next_page_token", out var next) && next.ValueKind == JsonValueKind.String && next.GetString()!.Length > 0)
            throw new UpdateException(name, "partial OSV answer: a further page exists");
        return read;
    }

    /// <summary><c>db update</c>: download, validate, import into the overlay of <paramref name="dataDir"/>.</summary>
    public static async Task<UpdateResult> Update(HttpsDownloader http, IReadOnlyList<UpdateSource> sources, string? dataDir, CancellationToken cancel = default)
    {
        var bodies = await DownloadAll(http, sources, cancel).ConfigureAwait(false);
        var staging = Directory.CreateTempSubdirectory("mta-audit-update-");
        try
        {
            var files = Write(staging.FullName, bodies);
            var parsed = bodies.Select((b, i) => Validated(b.Source.Name, files[i], b.Body)).ToList();
            var import = KnowledgeImporter.Import(parsed, dataDir);
            return new UpdateResult(bodies.Count, bodies.Sum(b => (long)b.Body.Length), import, null);
        }
        finally { staging.Delete(recursive: true); }
    }

    /// <summary><c>db fetch --to DIR</c>: download and validate, then write the answers and a manifest with their SHA-256.</summary>
    public static async Task<UpdateResult> Fetch(HttpsDownloader http, IReadOnlyList<UpdateSource> sources, string dir, CancellationToken cancel = default)
    {
        var bodies = await DownloadAll(http, sources, cancel).ConfigureAwait(false);
        Directory.CreateDirectory(dir);
        Write(dir, bodies);
        return new UpdateResult(bodies.Count, bodies.Sum(b => (long)b.Body.Length), null, dir);
    }

    /// <summary><c>db update --from DIR</c>: every file of the manifest, its checksum verified, validated, then imported.</summary>
    public static UpdateResult FromDirectory(string dir, string? dataDir)
    {
        var manifest = Path.Combine(dir, ManifestName);
        if (!File.Exists(manifest)) throw new UpdateException(dir, $"no {ManifestName}: not a directory written by 'mta-audit db fetch --to'");
        var parsed = new List<ImportedFile>();
        long bytes = 0;
        foreach (var line in File.ReadAllLines(manifest).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var f = line.Split('\t');
            if (f.Length < 4) throw new UpdateException(manifest, $"bad line: {line}");
            var path = Path.Combine(dir, Path.GetFileName(f[0]));
            if (!File.Exists(path)) throw new UpdateException(f[1], $"{path} is missing");
            var body = MtaAudit.Io.BoundedFile.ReadAllBytes(path, HttpsDownloader.MaxBytes);
            if (!Sha256(body).Equals(f[2], StringComparison.Ordinal)) throw new UpdateException(f[1], $"{path} does not match its checksum: damaged or cut in transfer");
            parsed.Add(Validated(f[1], path, body));
            bytes += body.Length;
        }
        if (parsed.Count == 0) throw new UpdateException(manifest, "lists no files");
        return new UpdateResult(parsed.Count, bytes, KnowledgeImporter.Import(parsed, dataDir), dir);
    }

    private static List<string> Write(string dir, List<(UpdateSource Source, byte[] Body)> bodies)
    {
        var files = new List<string>();
        var manifest = new StringBuilder("# file\tsource\tsha256\turl\n");
        for (int i = 0; i < bodies.Count; i++)
        {
            var (s, body) = bodies[i];
            var name = string.Create(CultureInfo.InvariantCulture, $"{i + 1:000}-{Slug(s.Name)}.json");
            var path = Path.Combine(dir, name);
            MtaAudit.Io.SafeFile.Write(path, body);
            files.Add(path);
            manifest.Append(name).Append('\t').Append(s.Name).Append('\t').Append(Sha256(body)).Append('\t').Append(s.Url).Append('\n');
        }
        MtaAudit.Io.SafeFile.Write(Path.Combine(dir, ManifestName), Encoding.UTF8.GetBytes(manifest.ToString()));
        return files;
    }

    private static string Slug(string s) => new(s.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());

    private static string Sha256(byte[] b) => Convert.ToHexStringLower(SHA256.HashData(b));
}
