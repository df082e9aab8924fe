using System.Globalization;
using System.Text;

namespace MtaAudit.Evidence;

/// <summary>
/// Reads evidence bundle v1 text (see docs/evidence-bundle.md). Streams: any number of
/// bundles one after another, each yielded as soon as it ends, so memory holds one bundle
/// at a time. A malformed bundle yields an error naming its line and reading goes on with
/// the next bundle; a bundle without its closing line is yielded as truncated.
/// </summary>
public static class BundleReader
{
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

    public static IEnumerable<BundleReadResult> Read(Stream stream, string source)
    {
        var reader = new ByteLineReader(stream);
        var state = new State(source);
        bool junkReported = false;

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
                    if (isMagic)
                    {
                        // A new bundle started before this one closed: this one was cut.
                        yield return state.Finish(truncated: true);
                        state.Begin(reader.LineNumber);
                        break;
                    }
                    var kind = state.Delimiter(line);
                    if (kind == DelimiterKind.End)
                    {
                        yield return state.Finish(truncated: false);
                        state.Phase = Phase.Outside;
                        junkReported = false;
                    }
                    else if (kind == DelimiterKind.Section)
                    {
                        state.StartSection(line, reader.LineNumber);
                    }
                    else
                    {
                        state.AddContent(line, reader.LastLineCut);
                    }
                    break;
            }
        }

        if (state.Phase == Phase.Body) yield return state.Finish(truncated: true);
        else if (state.Phase == Phase.Header)
            yield return Error(source, state.StartLine, Glossary.Say("bundle.err.header-eof"));
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

    private enum Phase { Outside, Header, Body, Skipping }
    private enum DelimiterKind { None, Section, End }

    /// <summary>Per-bundle state while reading; reset by <see cref="Begin"/>.</summary>
    private sealed class State(string source)
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
        }

        public BundleReadResult? AddHeader(ReadOnlySpan<byte> line, int lineNo)
        {
            var text = Utf8Lenient.GetString(line);
            int colon = text.IndexOf(':');
            if (colon <= 0)
            {
                Phase = Phase.Skipping;
                return Error(source, lineNo, Glossary.Say("bundle.err.header-line", ("found", Preview(line))));
            }
            var key = text[..colon].Trim().ToLowerInvariant();
            var value = text[(colon + 1)..].Trim();
            _headers[key] = value;
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
            _current = new PendingSection(probe, attrs, cmd, lineNo);
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
            // One buffer for every section, grown as needed and copied out once when the section ends.
            int need = _contentLength + line.Length + 1;
            if (need > _content.Length) Array.Resize(ref _content, Math.Max(need, _content.Length * 2));
            line.CopyTo(_content.AsSpan(_contentLength));
            _content[need - 1] = (byte)'\n';
            _contentLength = need;
            if (cut) _current.Cut = true;
        }

        private bool _warnedStray;
        private byte[] _content = new byte[1 << 14];
        private int _contentLength;

        private void CloseSection()
        {
            if (_current is null) return;
            var p = _current;
            _current = null;
            if (p.Probe is null) { _contentLength = 0; return; }
            var (outcome, code) = ParseRc(p.Attributes.GetValueOrDefault("rc"), p.Line);
            if (p.Cut) _warnings.Add(Glossary.Say("bundle.line-cut", ("line", p.Line), ("probe", p.Probe), ("max", ByteLineReader.MaxLineBytes)));
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

        private sealed class PendingSection(string? probe, Dictionary<string, string> attributes, string? command, int line)
        {
            public string? Probe { get; } = probe;
            public Dictionary<string, string> Attributes { get; } = attributes;
            public string? Command { get; } = command;
            public int Line { get; } = line;
            public bool Cut { get; set; }
        }
    }
}
