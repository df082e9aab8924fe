using System.Globalization;
using System.Text;

namespace MtaAudit.Evidence;

/// <summary>
/// Reads evidence bundle v1 text (see docs/evidence-bundle.md). Streams: any number of
/// bundles one after another, each yielded as soon as it ends, so memory holds one bundle
/// at a time. A malformed bundle yields an error naming its line and reading goes on with
/// the next bundle; a bundle without its closing line is yielded as truncated.
/// <para>
/// Only this reader decides where a bundle starts, and inside a bundle's body only its own
/// boundary counts: a content line that looks like a first line (a process whose arguments end in
/// <c>…/MTA-AUDIT-EVIDENCE/1</c>, a file that holds a bundle) is content. Only when the stream
/// ends before the bundle closed, so that the bundle was cut, is the first such line that was
/// followed by a valid header taken as the next bundle's start: the stream is read again from
/// there (streams that can seek; every caller's can).
/// </para>
/// </summary>
public static class BundleReader
{
    /// <summary>A section's content past this is not kept: the section is marked cut (its fact unknown).</summary>
    public const int MaxSectionBytes = 64 << 20;

    private static readonly Encoding Utf8Lenient = new UTF8Encoding(false, false);
    private static readonly byte[] MagicBytes = Encoding.ASCII.GetBytes(EvidenceBundle.Magic);

    public static IEnumerable<BundleReadResult> ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        foreach (var r in Read(stream, path)) yield return r;
    }

    public static IEnumerable<BundleReadResult> Read(string text, string source = "<text>")
    {
        using var ms = new MemoryStream(Encoding.UTF8.GetBytes(text));
        foreach (var r in Read(ms, source)) yield return r;
    }

    public static IEnumerable<BundleReadResult> Read(Stream stream, string source) => Read(stream, source, keep: null);

    /// <summary>
    /// The same reading with the content of only the probes in <paramref name="keepProbes"/> kept (a header
    /// pass): the same bundles at the same lines with the same headers as <see cref="Read(Stream, string)"/>.
    /// </summary>
    public static IEnumerable<BundleReadResult> ReadHeaders(Stream stream, string source, IReadOnlySet<string> keepProbes) =>
        Read(stream, source, keepProbes);

    private static IEnumerable<BundleReadResult> Read(Stream stream, string source, IReadOnlySet<string>? keep)
    {
        long origin = stream.CanSeek ? stream.Position : -1;
        var reader = new ByteLineReader(stream);
        var state = new State(source, keep);
        bool junkReported = false;

        while (true)
        {
            while (reader.TryRead(out var line))
            {
                bool isMagic = IsMagic(line);
                switch (state.Phase)
                {
                    case Phase.Outside:
                        if (isMagic) { state.Begin(reader.LineNumber); junkReported = false; }
                        else if (!IsBlank(line) && !junkReported)
                        {
                            junkReported = true;
                            yield return Error(source, reader.LineNumber,
                                Glossary.Say("bundle.err.no-magic", ("magic", EvidenceBundle.Magic), ("found", Preview(line))));
                        }
                        break;

                    case Phase.Skipping:
                        if (isMagic) state.Begin(reader.LineNumber);
                        break;

                    case Phase.Header:
                        if (isMagic)
                        {
                            yield return Error(source, state.StartLine, Glossary.Say("bundle.err.header-unended"));
                            state.Begin(reader.LineNumber);
                        }
                        else if (IsBlank(line))
                        {
                            var err = state.EndHeader(reader.LineNumber);
                            if (err is not null) yield return err;
                        }
                        else
                        {
                            var err = state.AddHeader(line, reader.LineNumber);
                            if (err is not null) yield return err;
                        }
                        break;

                    case Phase.Body:
                        // Content first: a first line inside the body is content, but remembered in case the bundle was cut.
                        var kind = state.Delimiter(line);
                        state.Watch(line, isMagic, kind != DelimiterKind.None, reader.LineOffset, reader.LineNumber);
                        if (kind == DelimiterKind.End)
                        {
                            yield return state.Finish(truncated: false);
                            junkReported = false;
                        }
                        else if (kind == DelimiterKind.Section) state.StartSection(line, reader.LineNumber);
                        else state.AddContent(line, reader.LastLineCut);
                        break;
                }
                if (state.RestartNow && origin >= 0) break;
            }

            if (state.Phase == Phase.Body && state.Restart is { } at && origin >= 0)
            {
                // The bundle was cut, and a bundle started inside it: it ends there, and reading goes on from there.
                yield return state.FinishAt(at);
                origin += at.Offset;
                stream.Seek(origin, SeekOrigin.Begin);
                reader = new ByteLineReader(stream, at.Line - 1);
                junkReported = false;
                continue;
            }
            if (state.Phase == Phase.Body) yield return state.Finish(truncated: true);
            else if (state.Phase == Phase.Header)
                yield return Error(source, state.StartLine, Glossary.Say("bundle.err.header-eof"));
            yield break;
        }
    }

    private static BundleReadResult Error(string source, int line, Localized message) =>
        new(null, new BundleError(source, line, message));

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    // A UTF-8 byte-order mark before the magic (a file saved by a Windows editor) is not a different line;
    // nor is a magic that follows the cut last line of the bundle before it (no line end in between).
    private static bool IsMagic(ReadOnlySpan<byte> line)
    {
        var t = TrimEnd(line);
        if (t.StartsWith(Bom)) t = t[Bom.Length..];
        if (!t.EndsWith(MagicBytes)) return false;
        // Glued to a cut line only when nothing blank stands between: " MTA-AUDIT-EVIDENCE/1" is a
        // content line the writer defused, "found MTA-AUDIT-EVIDENCE/1" is text about bundles.
        int before = t.Length - MagicBytes.Length;
        return before == 0 || t[before - 1] is not ((byte)' ' or (byte)'\t');
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => TrimEnd(line).Length == 0;

    private static ReadOnlySpan<byte> TrimEnd(ReadOnlySpan<byte> s)
    {
        int n = s.Length;
        while (n > 0 && (s[n - 1] == (byte)' ' || s[n - 1] == (byte)'\t')) n--;
        return s[..n];
    }

    internal static string Preview(ReadOnlySpan<byte> line)
    {
        var text = Utf8Lenient.GetString(line[..Math.Min(line.Length, 60)]);
        return TerminalText.Clean(text) + (line.Length > 60 ? "…" : "");
    }

    internal static bool IsValidBoundary(string b) =>
        b.Length is >= 8 and <= 70 && b.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-');

    /// <summary>A header line's key (lower case) and value, or false when the line is not <c>key: value</c>.</summary>
    private static bool HeaderLine(ReadOnlySpan<byte> line, out string key, out string value)
    {
        var text = Utf8Lenient.GetString(line);
        int colon = text.IndexOf(':');
        if (colon <= 0) { key = value = ""; return false; }
        key = text[..colon].Trim().ToLowerInvariant();
        value = text[(colon + 1)..].Trim();
        return true;
    }

    private enum Phase { Outside, Header, Body, Skipping }
    private enum DelimiterKind { None, Section, End }

    /// <summary>Where a bundle may start inside a cut one: the line's offset and number, and what the cut one held before it.</summary>
    private sealed record RestartPoint(long Offset, int Line, int Sections, int Warnings, PendingSection? Current, int ContentLength);

    /// <summary>Per-bundle state while reading; reset by <see cref="Begin"/>.</summary>
    private sealed class State(string source, IReadOnlySet<string>? keep)
    {
        public Phase Phase = Phase.Outside;
        public int StartLine;
        private Dictionary<string, string> _headers = new();
        private List<EvidenceSection> _sections = new();
        private List<Localized> _warnings = new();
        private byte[] _open = [];
        private byte[] _close = [];
        private string _boundary = "";
        private PendingSection? _current;
        private bool _warnedStray;
        private byte[] _content = new byte[1 << 14];
        private int _contentLength;

        /// <summary>The first line inside the body that starts a well-formed bundle (magic, header with a valid boundary, blank line).</summary>
        public RestartPoint? Restart { get; private set; }
        /// <summary>
        /// The bundle inside declares this bundle's own boundary: its sections could not be told from this one's,
        /// so it starts here and now (whoever can write this bundle's boundary into content could forge sections anyway).
        /// </summary>
        public bool RestartNow { get; private set; }
        private string? _maybeBoundaryValue;
        // A first line seen in the body whose header is still being looked at, and whether a valid boundary was in it.
        private RestartPoint? _maybe;
        private bool _maybeBoundary;

        public void Begin(int line)
        {
            Phase = Phase.Header;
            StartLine = line;
            _headers = new Dictionary<string, string>(StringComparer.Ordinal);
            _sections = new List<EvidenceSection>();
            _warnings = new List<Localized>();
            _current = null;
            _contentLength = 0;
            _boundary = "";
            _warnedStray = false;
            Restart = _maybe = null;
            RestartNow = false;
        }

        public BundleReadResult? AddHeader(ReadOnlySpan<byte> line, int lineNo)
        {
            if (!HeaderLine(line, out var key, out var value))
            {
                Phase = Phase.Skipping;
                return Error(source, lineNo, Glossary.Say("bundle.err.header-line", ("found", Preview(line))));
            }
            // The first value counts (keys are case-blind: "HOST:" repeats "host:"); a different one is only noted.
            if (!_headers.TryAdd(key, value) && _headers[key] != value)
                _warnings.Add(Glossary.Say("bundle.duplicate-header", ("line", lineNo), ("key", TerminalText.Clean(key)),
                    ("value", TerminalText.Clean(_headers[key]))));
            return null;
        }

        public BundleReadResult? EndHeader(int lineNo)
        {
            if (!_headers.TryGetValue("boundary", out var b))
            {
                Phase = Phase.Skipping;
                return Error(source, StartLine, Glossary.Say("bundle.err.no-boundary"));
            }
            if (!IsValidBoundary(b))
            {
                Phase = Phase.Skipping;
                return Error(source, StartLine, Glossary.Say("bundle.err.bad-boundary", ("boundary", TerminalText.Clean(b))));
            }
            _boundary = b;
            _open = Encoding.ASCII.GetBytes("--" + b);
            _close = Encoding.ASCII.GetBytes("--" + b + "--");
            Phase = Phase.Body;
            return null;
        }

        public DelimiterKind Delimiter(ReadOnlySpan<byte> line)
        {
            if (!line.StartsWith(_open)) return DelimiterKind.None;
            var trimmed = TrimEnd(line);
            if (trimmed.SequenceEqual(_close)) return DelimiterKind.End;
            if (line.Length > _open.Length && line[_open.Length] == (byte)' ') return DelimiterKind.Section;
            if (trimmed.Length == _open.Length) return DelimiterKind.Section; // bare delimiter: reported as missing probe
            return DelimiterKind.None;
        }

        /// <summary>
        /// Looks at each body line for a bundle that starts inside this one: its first line, then header lines up
        /// to a blank line with a valid boundary among them. Nothing changes unless the bundle turns out cut.
        /// </summary>
        public void Watch(ReadOnlySpan<byte> line, bool isMagic, bool isDelimiter, long offset, int lineNo)
        {
            if (Restart is not null) return;
            if (isMagic)
            {
                _maybe = new RestartPoint(offset, lineNo, _sections.Count, _warnings.Count, _current, _contentLength);
                _maybeBoundary = false;
                return;
            }
            if (_maybe is null) return;
            if (isDelimiter) { _maybe = null; return; }
            if (IsBlank(line))
            {
                if (_maybeBoundary)
                {
                    Restart = _maybe;
                    RestartNow = _maybeBoundaryValue == _boundary;
                }
                _maybe = null;
                return;
            }
            if (!HeaderLine(line, out var key, out var value)) { _maybe = null; return; }
            if (key == "boundary" && !_maybeBoundary)
            {
                _maybeBoundary = IsValidBoundary(value);
                _maybeBoundaryValue = value;
            }
        }

        public void StartSection(ReadOnlySpan<byte> line, int lineNo)
        {
            CloseSection();
            // Read from the bytes, as the decoded line would be: a space or '=' is one byte that no other
            // character contains, and the lenient decoder never joins an invalid byte with an ASCII one, so each
            // key and value decodes alone to the same text, without a string for the whole line first.
            var text = line[_open.Length..];
            var attrs = new Dictionary<string, string>(StringComparer.Ordinal);
            string? cmd = null;
            int i = 0;
            while (i < text.Length)
            {
                if (text[i] == (byte)' ') { i++; continue; }
                if (text[i..].StartsWith("cmd="u8))
                {
                    cmd = Utf8Lenient.GetString(text[(i + 4)..]);
                    attrs["cmd"] = cmd;
                    break;
                }
                int sp = text[i..].IndexOf((byte)' ');
                var token = sp < 0 ? text[i..] : text.Slice(i, sp);
                i = sp < 0 ? text.Length : i + sp + 1;
                int eq = token.IndexOf((byte)'=');
                if (eq <= 0)
                {
                    _warnings.Add(Glossary.Say("bundle.bad-attribute", ("line", lineNo), ("token", TerminalText.Clean(Utf8Lenient.GetString(token)))));
                    continue;
                }
                attrs[Key(token[..eq])] = Utf8Lenient.GetString(token[(eq + 1)..]);
            }
            if (!attrs.TryGetValue("probe", out var probe) || probe.Length == 0)
            {
                _warnings.Add(Glossary.Say("bundle.no-probe", ("line", lineNo)));
                _current = new PendingSection(null, attrs, cmd, lineNo);
                return;
            }
            // A header pass keeps only the sections it was asked for; the others are read past.
            _current = new PendingSection(probe, attrs, cmd, lineNo) { Discard = keep is not null && !keep.Contains(probe) };
        }

        public void AddContent(ReadOnlySpan<byte> line, bool cut)
        {
            if (_current is null)
            {
                if (!IsBlank(line) && !_warnedStray)
                {
                    _warnedStray = true;
                    _warnings.Add(Glossary.Say("bundle.text-before"));
                }
                return;
            }
            if (cut) _current.LineCut = true;
            if (_current.Discard || _current.OverCap) return;
            long need = (long)_contentLength + line.Length + 1;
            if (need > MaxSectionBytes)
            {
                // Past the cap the rest of the section is read past, not kept: memory stays bounded, and the section is cut.
                _current.OverCap = true;
                return;
            }
            // One buffer for every section, doubled as needed (linear time) and copied out once when the section ends.
            if (need > _content.Length) Array.Resize(ref _content, (int)Math.Min(MaxSectionBytes, Math.Max(need, 2L * _content.Length)));
            line.CopyTo(_content.AsSpan(_contentLength));
            _content[need - 1] = (byte)'\n';
            _contentLength = (int)need;
        }

        private void CloseSection()
        {
            if (_current is null) return;
            var p = _current;
            _current = null;
            if (p.Probe is null || p.Discard) { _contentLength = 0; return; }
            if (p.OverCap)
            {
                p.Attributes["cut"] = "yes";
                _warnings.Add(Glossary.Say("bundle.section-cap", ("line", p.Line), ("probe", p.Probe), ("max", MaxSectionBytes >> 20)));
            }
            var (outcome, code) = ParseRc(p.Attributes.GetValueOrDefault("rc"), p.Line);
            if (p.LineCut) _warnings.Add(Glossary.Say("bundle.line-cut", ("line", p.Line), ("probe", p.Probe), ("max", ByteLineReader.MaxLineBytes)));
            _sections.Add(new EvidenceSection(p.Probe, outcome, code, p.Attributes.GetValueOrDefault("path"), p.Command,
                p.Attributes, _content.AsSpan(0, _contentLength).ToArray(), p.Line));
            _contentLength = 0;
            // A huge section (a 50 MB process list) does not keep its buffer for the rest of the run.
            if (_content.Length > 1 << 20) _content = new byte[1 << 14];
        }

        // The keys every section has, without a new string each time.
        private static string Key(ReadOnlySpan<byte> key) =>
            key.SequenceEqual("probe"u8) ? "probe" : key.SequenceEqual("rc"u8) ? "rc" : key.SequenceEqual("path"u8) ? "path"
            : Utf8Lenient.GetString(key);

        private (ProbeOutcome, int?) ParseRc(string? rc, int line)
        {
            switch (rc)
            {
                case null:
                    _warnings.Add(Glossary.Say("bundle.no-rc", ("line", line)));
                    return (ProbeOutcome.Unknown, null);
                case "absent": return (ProbeOutcome.Absent, null);
                case "timeout": return (ProbeOutcome.Timeout, null);
                case "skipped": return (ProbeOutcome.Skipped, null);
            }
            if (int.TryParse(rc, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                return (ProbeOutcome.Ran, n);
            _warnings.Add(Glossary.Say("bundle.bad-rc", ("line", line), ("rc", TerminalText.Clean(rc))));
            return (ProbeOutcome.Unknown, null);
        }

        /// <summary>The cut bundle as it was when the bundle inside it began: what came after belongs to that one.</summary>
        public BundleReadResult FinishAt(RestartPoint at)
        {
            if (at.Current is { } open && !ReferenceEquals(open, _current))
            {
                // The section open at that line has closed since: open it again with the content it had then.
                var kept = open.Probe is not null && !open.Discard && _sections.Count > at.Sections ? _sections[at.Sections].ContentBytes : null;
                _current = open;
                _contentLength = 0;
                if (kept is not null) { _content = kept[..at.ContentLength]; _contentLength = at.ContentLength; }
            }
            else if (at.Current is null) _current = null;
            else _contentLength = at.ContentLength;
            _sections.RemoveRange(at.Sections, _sections.Count - at.Sections);
            _warnings.RemoveRange(at.Warnings, _warnings.Count - at.Warnings);
            return Finish(truncated: true);
        }

        public BundleReadResult Finish(bool truncated)
        {
            if (truncated && _current is not null)
            {
                // The last section may be cut mid-output; keep what it printed but mark it.
                _current.Attributes["rc"] = "timeout";
                _current.Attributes["cut"] = "yes";
                _warnings.Add(Glossary.Say("bundle.ends-inside", ("line", _current.Line), ("probe", _current.Probe)));
            }
            CloseSection();
            Phase = Phase.Outside;
            var bundle = new EvidenceBundle(source, StartLine, _boundary, _headers, _sections, truncated, _warnings);
            return new BundleReadResult(bundle, null);
        }
    }

    private sealed class PendingSection(string? probe, Dictionary<string, string> attributes, string? command, int line)
    {
        public string? Probe { get; } = probe;
        public Dictionary<string, string> Attributes { get; } = attributes;
        public string? Command { get; } = command;
        public int Line { get; } = line;
        /// <summary>A line longer than the line cap was cut.</summary>
        public bool LineCut { get; set; }
        /// <summary>The content passed <see cref="MaxSectionBytes"/>; the rest was not kept.</summary>
        public bool OverCap { get; set; }
        /// <summary>A header pass does not keep this probe's content.</summary>
        public bool Discard { get; init; }
    }
}
