using System.Globalization;
using System.Text;
using System.Text.Json;
using MtaAudit.Assess;
using MtaAudit.Evidence;

namespace MtaAudit.Render;

/// <summary>
/// The hosts a report is made of, read lazily from evidence files, JSON reports, or directories of
/// them ('-' is standard input). A first quick pass reads only each bundle's header (host,
/// collected-at) so that when the same host appears twice only its newest bundle is judged, and a
/// note says so; the second pass judges bundles one at a time, so memory stays flat.
/// A bad file or bundle becomes a line in <see cref="Errors"/>, never the end of the run.
/// A fleet results store (SQLite) is an input too: its newest run, or run N as <c>STORE#N</c>; its hosts
/// are judged now from their stored bundles, as <c>scan</c> reports them (<see cref="Fleet.FleetReport"/>).
/// </summary>
public sealed class ReportInputs(AnalysisOptions? options) : IDisposable
{
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes(EvidenceBundle.Magic);
    private readonly TempFiles _temp = new();

    public List<Localized> Errors { get; } = new();
    public List<Localized> Notes { get; } = new();
    /// <summary>How many hosts were read (for "nothing to report" checks).</summary>
    public int Hosts { get; private set; }

    private sealed record Input(string Name, string Path, bool Json)
    {
        public int Index { get; set; }
        /// <summary>A fleet results store; <see cref="Run"/> is the run asked for (null: the newest).</summary>
        public bool Store { get; init; }
        public long? Run { get; set; }
    }
    private sealed record Seen(int Input, string InputName, long Key, DateTimeOffset? At, string AtText, int Count);

    private List<Input> _inputs = new();
    private readonly Dictionary<string, Seen> _newest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonReport.ReportDoc> _json = new(StringComparer.Ordinal);

    /// <summary>The first JSON report's policy and knowledge base (report --from a JSON report), after <see cref="Prepare"/>.</summary>
    public (string Policy, string KbVersion, string KbDate)? JsonBasis { get; private set; }

    /// <summary>True when some input is evidence (judged now) rather than a JSON report.</summary>
    public bool HasEvidence => _inputs.Any(i => !i.Json);

    /// <summary>Both passes: <see cref="Prepare"/> now, then the hosts one at a time.</summary>
    public IEnumerable<(HostReport Host, HostContext Context)> Read(IEnumerable<string> args)
    {
        Prepare(args);
        return Judge();
    }

    /// <summary>Pass 1: finds the inputs and which bundle of each host is the newest; JSON reports are loaded.</summary>
    public void Prepare(IEnumerable<string> args)
    {
        var inputs = _inputs = Resolve(args);
        var newest = _newest;
        var json = _json;
        foreach (var i in inputs)
        {
            if (i.Store)
            {
                PrepareStore(i);
                continue;
            }
            if (i.Json)
            {
                var doc = LoadJson(i);
                if (doc is null) continue;
                json[i.Path] = doc;
                JsonBasis ??= (doc.Policy, doc.KnowledgeBase.Version, doc.KnowledgeBase.Date);
                for (int k = 0; k < doc.Hosts.Count; k++)
                    if (doc.Hosts[k].Host is { } name) Register(newest, name, i, k, doc.Hosts[k].CollectedAt);
            }
            else
            {
                try
                {
                    using var s = File.OpenRead(i.Path);
                    foreach (var (line, host, at) in Headers(s)) if (host is not null) Register(newest, host, i, line, at);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Errors.Add(Glossary.Say("err.input.cannot-read", ("path", i.Name), ("cause", e.Message)));
                }
            }
        }
        foreach (var (host, seen) in newest.Where(p => p.Value.Count > 1).OrderBy(p => p.Key, StringComparer.Ordinal))
            Notes.Add(Glossary.Say("note.duplicate", ("host", host), ("count", seen.Count.ToString(CultureInfo.InvariantCulture)),
                ("at", seen.AtText.Length == 0 ? "-" : seen.AtText), ("source", seen.InputName)));
    }

    /// <summary>Pass 2: judges and hands over one host at a time.</summary>
    public IEnumerable<(HostReport Host, HostContext Context)> Judge()
    {
        var inputs = _inputs;
        var newest = _newest;
        var json = _json;
        bool Keep(string? host, Input input, long key) =>
            host is null || !newest.TryGetValue(host, out var s) || s.Count == 1 || (s.Input == input.Index && s.Key == key);

        foreach (var i in inputs)
        {
            if (i.Store)
            {
                if (i.Run is not { } run) continue; // reported in pass 1
                if (options is null)
                {
                    Errors.Add(Glossary.Say("err.input.store-needs-kb", ("path", i.Name)));
                    continue;
                }
                using var store = OpenStore(i);
                if (store is null) continue;
                int ord = 0;
                foreach (var entry in Fleet.FleetReport.Entries(store, run, options))
                {
                    if (!Keep(entry.Host.Host, i, ord++)) continue;
                    Hosts++;
                    yield return entry;
                }
                continue;
            }
            if (i.Json)
            {
                if (!json.TryGetValue(i.Path, out var doc)) continue;
                for (int k = 0; k < doc.Hosts.Count; k++)
                {
                    if (!Keep(doc.Hosts[k].Host, i, k)) continue;
                    Hosts++;
                    var read = JsonReport.ToHost(doc.Hosts[k], out var problems);
                    foreach (var problem in problems)
                        Errors.Add(Glossary.Say("err.input.json-host", ("path", i.Name), ("host", read.Item1.Host), ("problem", problem)));
                    yield return read;
                }
                Errors.AddRange(doc.InputErrors.Where(e => e is not null).Select(e => Glossary.Say("err.input.earlier", ("cause", e))));
                json.Remove(i.Path);
                continue;
            }
            if (options is null)
            {
                Errors.Add(Glossary.Say("err.input.evidence-needs-kb", ("path", i.Name)));
                continue;
            }
            Stream stream;
            try { stream = File.OpenRead(i.Path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // reported in pass 1
            }
            using (stream)
            {
                int found = 0;
                bool failed = false;
                using var items = BundleReader.Read(stream, i.Name).GetEnumerator();
                while (true)
                {
                    BundleReadResult item;
                    try
                    {
                        if (!items.MoveNext()) break;
                        item = items.Current;
                    }
                    catch (IOException e)
                    {
                        Errors.Add(Glossary.Say("err.input.read-failed", ("path", i.Name), ("count", found), ("cause", e.Message)));
                        failed = true;
                        break;
                    }
                    found++;
                    if (item.Error is { } bad) { Errors.Add(Glossary.Say("err.input.bundle", ("path", bad.Source), ("line", bad.Line), ("cause", bad.Said))); continue; }
                    var b = item.Bundle!;
                    if (!Keep(b.Host, i, b.StartLine)) continue;
                    Hosts++;
                    yield return (Analyzer.Analyze(b, options), HostContextReader.Of(b));
                }
                if (found == 0 && !failed)
                    Errors.Add(Glossary.Say("err.input.no-bundle", ("path", i.Name), ("magic", EvidenceBundle.Magic)));
            }
        }
    }

    private static void Register(Dictionary<string, Seen> newest, string host, Input input, long key, string? at)
    {
        DateTimeOffset? t = DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var v) ? v : null;
        if (!newest.TryGetValue(host, out var old)) { newest[host] = new Seen(input.Index, input.Name, key, t, at ?? "", 1); return; }
        // Newest collected-at wins; an unreadable time never beats a readable one; on a tie the later input wins.
        bool newer = t is not null && (old.At is null || t >= old.At) || t is null && old.At is null;
        newest[host] = newer ? new Seen(input.Index, input.Name, key, t, at ?? "", old.Count + 1) : old with { Count = old.Count + 1 };
    }

    /// <summary>
    /// Each bundle's start line, host and collected-at, read from its header only. The magic line is
    /// found with a vectorised search and lines are counted, not read one by one, so this pass costs
    /// about what reading the bytes costs. Line numbers match <see cref="BundleReader"/>'s.
    /// </summary>
    internal static List<(int Line, string? Host, string? At)> Headers(Stream s)
    {
        var found = new List<(int, string?, string?)>();
        var buf = new byte[1 << 20];
        int len = 0, pos = 0, line = 1;
        bool eof = false, fileStart = true;
        byte before = (byte)'\n'; // the byte before buf[0] in the file
        while (true)
        {
            var span = buf.AsSpan(pos, len - pos);
            int at = span.IndexOf(Magic);
            if (at >= 0)
            {
                int abs = pos + at;
                int lineEnd = buf.AsSpan(abs, len - abs).IndexOf((byte)'\n');
                int headerEnd = lineEnd < 0 ? -1 : IndexOfBlankLine(buf.AsSpan(abs + lineEnd + 1, len - abs - lineEnd - 1));
                if ((lineEnd < 0 || headerEnd < 0) && !eof && (abs > 0 || len < buf.Length))
                {
                    // The magic line or its header runs past the buffer: keep it and read more.
                    Refill(s, buf, ref pos, ref len, ref eof, ref line, ref before, ref fileStart, keepFrom: abs);
                    continue;
                }
                line += buf.AsSpan(pos, abs - pos).Count((byte)'\n');
                bool atLineStart = (abs == 0 ? before : buf[abs - 1]) == (byte)'\n' || (abs == 3 && fileStart && buf.AsSpan(0, 3).SequenceEqual("\uFEFF"u8));
                var rest = lineEnd < 0 ? buf.AsSpan(abs + Magic.Length, len - abs - Magic.Length) : buf.AsSpan(abs + Magic.Length, lineEnd - Magic.Length);
                if (atLineStart && rest.Trim(" \t\r"u8).IsEmpty)
                {
                    string? host = null, when = null;
                    if (lineEnd >= 0)
                    {
                        var header = buf.AsSpan(abs + lineEnd + 1, headerEnd < 0 ? len - abs - lineEnd - 1 : headerEnd);
                        foreach (var range in header.Split((byte)'\n'))
                        {
                            var h = header[range].TrimEnd((byte)'\r');
                            if (h.StartsWith("host:"u8)) host = Encoding.UTF8.GetString(h[5..]).Trim();
                            else if (h.StartsWith("collected-at:"u8)) when = Encoding.UTF8.GetString(h[13..]).Trim();
                        }
                    }
                    found.Add((line, host, when));
                }
                pos = abs + Magic.Length;
                continue;
            }
            if (eof) break;
            // Keep the tail that may hold the start of a magic line cut by the buffer's end.
            Refill(s, buf, ref pos, ref len, ref eof, ref line, ref before, ref fileStart, keepFrom: Math.Max(pos, len - Magic.Length));
        }
        return found;
    }

    /// <summary>Offset of the empty line ending a header (LF, CRLF, or blanks), or -1 when it is not in the span.</summary>
    private static int IndexOfBlankLine(ReadOnlySpan<byte> s)
    {
        int lineStart = 0;
        while (lineStart <= s.Length)
        {
            int nl = s[lineStart..].IndexOf((byte)'\n');
            var l = nl < 0 ? s[lineStart..] : s.Slice(lineStart, nl);
            if (l.Trim(" \t\r"u8).IsEmpty && nl >= 0) return lineStart;
            if (nl < 0) return -1;
            lineStart += nl + 1;
        }
        return -1;
    }

    /// <summary>Drops the bytes before <paramref name="keepFrom"/> (counting their lines from <paramref name="pos"/>) and fills the buffer.</summary>
    private static void Refill(Stream s, byte[] buf, ref int pos, ref int len, ref bool eof, ref int line, ref byte before, ref bool fileStart, int keepFrom)
    {
        line += buf.AsSpan(pos, keepFrom - pos).Count((byte)'\n');
        if (keepFrom > 0)
        {
            before = buf[keepFrom - 1];
            fileStart = false;
        }
        int keep = len - keepFrom;
        if (keep == buf.Length) throw new IOException("a bundle header is longer than " + buf.Length + " bytes");
        buf.AsSpan(keepFrom, keep).CopyTo(buf);
        len = keep;
        pos = 0;
        while (len < buf.Length)
        {
            int n = s.Read(buf, len, buf.Length - len);
            if (n <= 0) { eof = true; break; }
            len += n;
        }
    }

    /// <summary>Bytes of a stored bundle that hold its header lines (a collector's header is a few hundred).</summary>
    private const int HeaderBytes = 64 * 1024;

    /// <summary>Pass 1 of a store: the run to read, and each host's collected-at from its stored bundle's header.</summary>
    private void PrepareStore(Input i)
    {
        using var store = OpenStore(i);
        if (store is null) return;
        var run = i.Run ?? store.LastRun();
        if (run is null || !store.RunExists(run.Value))
        {
            Errors.Add(run is null ? Glossary.Say("err.input.store-no-runs", ("path", i.Name)) : Glossary.Say("err.input.store-no-run", ("path", i.Name), ("run", run)));
            i.Run = null;
            return;
        }
        i.Run = run;
        int ord = 0;
        // The header is all pass 1 needs: not the whole bundle, which pass 2 reads.
        foreach (var row in store.Rows(run.Value, bundlePrefix: HeaderBytes))
        {
            string? at = null;
            if (row.Bundle is { Length: > 0 } b)
                foreach (var (_, _, when) in Headers(new MemoryStream(b, writable: false))) { at = when; break; }
            Register(_newest, row.Name, i, ord++, at);
        }
    }

    private Store.FleetStore? OpenStore(Input i)
    {
        try { return Store.FleetStore.Open(i.Path); }
        catch (Store.StoreException e)
        {
            Errors.Add(Said.Of(e, "err.input.store"));
            return null;
        }
    }

    /// <summary>A SQLite database starts with these 16 bytes.</summary>
    private static readonly byte[] SqliteMagic = Encoding.ASCII.GetBytes("SQLite format 3\0");

    private static bool LooksLikeStore(string path)
    {
        try
        {
            using var s = File.OpenRead(path);
            Span<byte> head = stackalloc byte[16];
            return s.ReadAtLeast(head, 16, throwOnEndOfStream: false) == 16 && head.SequenceEqual(SqliteMagic);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>"fleet.sqlite#3": run 3 of an existing store (a file named so is taken as it is).</summary>
    private static Input FileInput(string a)
    {
        int hash = a.LastIndexOf('#');
        if (!File.Exists(a) && hash > 0 && long.TryParse(a.AsSpan(hash + 1), System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out var run)
            && File.Exists(a[..hash]) && LooksLikeStore(a[..hash]))
            return new Input(a, a[..hash], false) { Store = true, Run = run };
        if (LooksLikeStore(a)) return new Input(a, a, false) { Store = true };
        return new Input(a, a, LooksLikeJson(a));
    }

    private JsonReport.ReportDoc? LoadJson(Input i)
    {
        try
        {
            using var s = File.OpenRead(i.Path);
            var doc = JsonReport.Read(s);
            if (doc.Schema != JsonReport.Schema)
            {
                Errors.Add(Glossary.Say("err.input.not-report", ("path", i.Name), ("schema", JsonReport.Schema), ("found", doc.Schema)));
                return null;
            }
            if (JsonReportCheck.Document(doc) is { } problem)
            {
                Errors.Add(Glossary.Say("err.input.json-problem", ("path", i.Name), ("problem", problem)));
                return null;
            }
            return doc;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            Errors.Add(Glossary.Say("err.input.cannot-read-json", ("path", i.Name), ("cause", e.Message)));
            return null;
        }
    }

    /// <summary>Files, directories (their *.evidence, *.json and *.txt files, sorted) and '-'.</summary>
    private List<Input> Resolve(IEnumerable<string> args)
    {
        var list = new List<Input>();
        foreach (var a in args)
        {
            if (a == "-")
            {
                // Two passes need the input twice: standard input is kept in a private temporary file.
                if (_temp.CopyOf(Console.OpenStandardInput(), "mta-audit-stdin-", out var tmp, out var cause)) list.Add(new Input("<stdin>", tmp, LooksLikeJson(tmp)));
                else Errors.Add(Glossary.Say("err.input.stdin-copy", ("path", Path.GetTempPath()), ("cause", cause)));
            }
            else if (Directory.Exists(a))
            {
                var files = Directory.EnumerateFiles(a, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".evidence", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal).ToList();
                if (files.Count == 0) Errors.Add(Glossary.Say("err.input.empty-dir", ("path", a)));
                list.AddRange(files.Select(f => new Input(f, f, LooksLikeJson(f))));
            }
            else list.Add(FileInput(a));
        }
        for (int k = 0; k < list.Count; k++) list[k].Index = k;
        return list;
    }

    /// <summary>A JSON report starts with '{' (after a BOM or white space); a bundle with its magic line.</summary>
    private static bool LooksLikeJson(string path)
    {
        try
        {
            using var s = File.OpenRead(path);
            Span<byte> head = stackalloc byte[64];
            int n = s.Read(head);
            foreach (var c in head[..n])
            {
                if (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF) continue;
                return c == (byte)'{';
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return false;
    }

    public void Dispose() => _temp.Dispose();
}
