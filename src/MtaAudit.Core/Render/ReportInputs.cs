using System.Globalization;
using System.Text;
using System.Text.Json;
using MtaAudit.Assess;
using MtaAudit.Evidence;

namespace MtaAudit.Render;

/// <summary>
/// The hosts a report is made of, read lazily from evidence files, JSON reports, or directories of
/// them ('-' is standard input). A first quick pass reads each bundle's header and the few sections that
/// tell which machine it is (<see cref="BundleReader.ReadHeaders"/>: the same reader, so both passes see the
/// same bundles) so that when the same host appears twice only its newest bundle is judged, and a note
/// says so; the same host is the same name and the same machine (<see cref="HostMatch"/>): hosts that
/// share a name and are not shown to be one machine are all judged, each labelled, with a note. The
/// second pass judges bundles one at a time, so memory stays flat.
/// A bad file or bundle becomes a line in <see cref="Errors"/>, never the end of the run.
/// A fleet results store (SQLite) is an input too: its newest run, or run N as <c>STORE#N</c>; its hosts
/// are judged now from their stored bundles, as <c>scan</c> reports them (<see cref="Fleet.FleetReport"/>).
/// </summary>
public sealed class ReportInputs(AnalysisOptions? options) : IDisposable
{
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
    /// <summary>One bundle or host of pass 1: where it is (input and key), when it was collected, which machine.</summary>
    private sealed record Seen(int Input, string InputName, long Key, DateTimeOffset? At, string AtText, HostIdentity Id)
    {
        /// <summary>Where it came from, for a label when nothing else tells it apart: "file:line" or "file#N".</summary>
        public string Origin { get; init; } = InputName;
        /// <summary>The bundle had no name of its own: <see cref="Id"/>'s name was made for it.</summary>
        public bool Made { get; init; }
    }

    /// <summary>The bundles of one machine under one name; the newest is judged.</summary>
    private sealed class Machine(Seen first)
    {
        public Seen Newest = first;
        public readonly List<Seen> All = [first];
    }

    private List<Input> _inputs = new();
    private readonly Dictionary<string, List<Machine>> _byName = new(StringComparer.Ordinal);
    /// <summary>Bundles not judged: an older one of the same machine.</summary>
    private readonly HashSet<(int Input, long Key)> _older = new();
    /// <summary>The name a judged bundle is reported under, where it is not its own (a label, a name for a bundle without one).</summary>
    private readonly Dictionary<(int Input, long Key), (string Shown, string Name)> _named = new();
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
                    Register(i, k, doc.Hosts[k].CollectedAt, JsonReport.ToHost(doc.Hosts[k]).Item2.Identity!, $"{i.Name}#{k + 1}");
            }
            else
            {
                try
                {
                    using var s = File.OpenRead(i.Path);
                    foreach (var item in BundleReader.ReadHeaders(s, i.Name, HostMatch.Probes))
                        if (item.Bundle is { } b)
                            Register(i, b.StartLine, b.CollectedAt, Identify(b, i), $"{i.Name}:{b.StartLine}", made: HostMatch.NameOf(b) is null);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Errors.Add(Glossary.Say("err.input.cannot-read", ("path", i.Name), ("cause", e.Message)));
                }
            }
        }
        Decide();
    }

    /// <summary>Pass 2: judges and hands over one host at a time.</summary>
    public IEnumerable<(HostReport Host, HostContext Context)> Judge()
    {
        var inputs = _inputs;
        var json = _json;
        // An older bundle of the same machine is left out; every other host is judged, under its label where it has one.
        bool Keep(Input input, long key) => !_older.Contains((input.Index, key));
        (HostReport, HostContext) Named((HostReport Host, HostContext Context) e, Input input, long key)
        {
            // The identity carries the host's own name (a store's inventory name), the report its label.
            var (shown, name) = _named.TryGetValue((input.Index, key), out var n) ? n : (e.Host.Host, e.Host.Host);
            var own = e.Context.Identity ?? new HostIdentity(name, null, e.Context.Addresses);
            return (shown == e.Host.Host ? e.Host : e.Host with { Host = shown }, e.Context with { Identity = own with { Name = name } });
        }

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
                    long key = ord++;
                    if (!Keep(i, key)) continue;
                    Hosts++;
                    yield return Named((entry.Host, entry.Context with { Identity = HostMatch.Inventory(entry.Host.Host) }), i, key);
                }
                continue;
            }
            if (i.Json)
            {
                if (!json.TryGetValue(i.Path, out var doc)) continue;
                for (int k = 0; k < doc.Hosts.Count; k++)
                {
                    if (!Keep(i, k)) continue;
                    Hosts++;
                    var read = JsonReport.ToHost(doc.Hosts[k], out var problems);
                    foreach (var problem in problems)
                        Errors.Add(Glossary.Say("err.input.json-host", ("path", i.Name), ("host", read.Item1.Host), ("problem", problem)));
                    yield return Named(read, i, k);
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
                    if (!Keep(i, b.StartLine)) continue;
                    Hosts++;
                    var judged = Analyzer.Analyze(b, options);
                    var context = HostContextReader.Of(b) with { Identity = HostMatch.Of(b, judged.Host) };
                    yield return Named((judged, context), i, b.StartLine);
                }
                if (found == 0 && !failed)
                    Errors.Add(Glossary.Say("err.input.no-bundle", ("path", i.Name), ("magic", EvidenceBundle.Magic)));
            }
        }
    }

    /// <summary>A bundle's identity; one without a name of its own is named from its machine identity, else from where it is.</summary>
    private static HostIdentity Identify(EvidenceBundle b, Input i)
    {
        var id = HostMatch.Of(b, HostMatch.NameOf(b) ?? "");
        if (id.Name.Length > 0) return id;
        var named = id.Machine is not null ? "host-" + id.Tag![3..] : Path.GetFileName(i.Name) + (b.StartLine > 1 ? ":" + b.StartLine.ToString(CultureInfo.InvariantCulture) : "");
        return id with { Name = named };
    }

    private void Register(Input input, long key, string? at, HostIdentity id, string origin, bool made = false)
    {
        DateTimeOffset? t = DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var v) ? v : null;
        var seen = new Seen(input.Index, input.Name, key, t, at ?? "", id) { Origin = origin, Made = made };
        if (!_byName.TryGetValue(id.Name, out var machines)) _byName[id.Name] = machines = new List<Machine>();
        // The same machine only when shown so: a name alone (localhost, a clone) never lets one bundle replace another.
        var same = machines.FirstOrDefault(m => m.All.Any(s => HostMatch.Compare(s.Id, id) == Sameness.Same));
        if (same is null) { machines.Add(new Machine(seen)); return; }
        same.All.Add(seen);
        // Newest collected-at wins; an unreadable time never beats a readable one; on a tie the later input wins.
        var old = same.Newest;
        if (t is not null && (old.At is null || t >= old.At) || t is null && old.At is null) same.Newest = seen;
    }

    /// <summary>After pass 1: which bundles are older copies, which hosts need a label, and the notes that say so.</summary>
    private void Decide()
    {
        foreach (var (name, machines) in _byName.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var labels = machines.Count > 1 ? HostMatch.Labels(machines.Select(m => (m.Newest.Id, m.Newest.Origin)).ToList()) : null;
            for (int k = 0; k < machines.Count; k++)
            {
                var m = machines[k];
                foreach (var s in m.All) if (!ReferenceEquals(s, m.Newest)) _older.Add((s.Input, s.Key));
                var shown = labels?[k] ?? name;
                if (labels is not null || m.Newest.Made) _named[(m.Newest.Input, m.Newest.Key)] = (shown, name);
                if (m.All.Count > 1)
                    Notes.Add(Glossary.Say("note.duplicate", ("host", shown), ("count", m.All.Count.ToString(CultureInfo.InvariantCulture)),
                        ("at", m.Newest.AtText.Length == 0 ? "-" : m.Newest.AtText), ("source", m.Newest.InputName)));
            }
            if (labels is null) continue;
            // Told apart by their identities, or only kept apart because nothing shows they are one machine.
            bool proven = machines.All(a => machines.All(b => ReferenceEquals(a, b) || HostMatch.Compare(a.Newest.Id, b.Newest.Id) == Sameness.Different));
            Notes.Add(Glossary.Say(proven ? "note.name-clash" : "note.name-unproven", ("host", name),
                ("count", machines.Count.ToString(CultureInfo.InvariantCulture)), ("labels", string.Join(", ", labels))));
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
                foreach (var item in BundleReader.ReadHeaders(new MemoryStream(b, writable: false), i.Name, HostMatch.Probes))
                    if (item.Bundle is { } first) { at = first.CollectedAt; break; }
            Register(i, ord, at, HostMatch.Inventory(row.Name), $"{i.Name}#{ord + 1}");
            ord++;
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
                var files = Walk(a).Order(StringComparer.Ordinal).ToList();
                if (files.Count == 0) Errors.Add(Glossary.Say("err.input.empty-dir", ("path", a)));
                list.AddRange(files.Select(f => new Input(f, f, LooksLikeJson(f))));
            }
            else list.Add(FileInput(a));
        }
        for (int k = 0; k < list.Count; k++) list[k].Index = k;
        return list;
    }

    /// <summary>
    /// A directory's report files, each once: symlinked directories are not followed (a link back up would
    /// loop), and files reached by several links are read once, by their real path.
    /// </summary>
    private IEnumerable<string> Walk(string root)
    {
        var real = new HashSet<string>(StringComparer.Ordinal);
        var dirs = new Stack<string>();
        dirs.Push(root);
        while (dirs.Count > 0)
        {
            var dir = dirs.Pop();
            List<FileSystemInfo> entries;
            try { entries = new DirectoryInfo(dir).EnumerateFileSystemInfos().ToList(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Errors.Add(Glossary.Say("err.input.cannot-read", ("path", dir), ("cause", e.Message)));
                continue;
            }
            foreach (var e in entries)
            {
                var path = Path.Combine(dir, e.Name);
                if (e is DirectoryInfo d)
                {
                    if (d.LinkTarget is null) dirs.Push(path);
                    continue;
                }
                if (!(e.Name.EndsWith(".evidence", StringComparison.OrdinalIgnoreCase) || e.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || e.Name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)))
                    continue;
                string target;
                try { target = e.LinkTarget is null ? e.FullName : e.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? e.FullName; }
                catch (IOException) { target = e.FullName; }
                if (real.Add(target)) yield return path;
            }
        }
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
