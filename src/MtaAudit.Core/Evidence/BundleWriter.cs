using System.Globalization;
using System.Text;

namespace MtaAudit.Evidence;

/// <summary>Writes evidence bundle v1 text; the inverse of <see cref="BundleReader"/>.</summary>
public sealed class BundleWriter
{
    private readonly Stream _out;
    private readonly string _boundary;
    private readonly byte[] _open;
    private bool _closed;

    public BundleWriter(Stream output, string boundary, IEnumerable<KeyValuePair<string, string>> headers)
    {
        if (!BundleReader.IsValidBoundary(boundary))
            throw new ArgumentException($"boundary '{boundary}' must be 8 to 70 characters of A-Z a-z 0-9 . _ -", nameof(boundary));
        _out = output;
        _boundary = boundary;
        _open = Encoding.ASCII.GetBytes("--" + boundary);
        var sb = new StringBuilder();
        sb.Append(EvidenceBundle.Magic).Append('\n');
        sb.Append("boundary: ").Append(boundary).Append('\n');
        foreach (var (k, v) in headers)
        {
            if (k.Equals("boundary", StringComparison.OrdinalIgnoreCase)) continue;
            sb.Append(OneLine(k)).Append(": ").Append(OneLine(v)).Append('\n');
        }
        sb.Append('\n');
        Write(sb.ToString());
    }

    /// <summary>A boundary unlikely to occur in output: random, time and process based.</summary>
    public static string NewBoundary() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Random.Shared.Next(0x10000, 0xFFFFF):x}-{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}-{Environment.ProcessId}");

    public void Section(string probe, ProbeOutcome outcome, int? exitCode, byte[] content,
        string? path = null, string? command = null, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        if (_closed) throw new InvalidOperationException("bundle already closed");
        if (string.IsNullOrEmpty(probe) || probe.Contains(' ')) throw new ArgumentException("probe id must be non-empty without spaces", nameof(probe));
        var sb = new StringBuilder();
        sb.Append("--").Append(_boundary).Append(" probe=").Append(probe);
        if (path is not null) sb.Append(" path=").Append(path.Replace(' ', '_'));
        sb.Append(" rc=").Append(outcome switch
        {
            ProbeOutcome.Absent => "absent",
            ProbeOutcome.Timeout => "timeout",
            ProbeOutcome.Ran => (exitCode ?? 0).ToString(CultureInfo.InvariantCulture),
            _ => "unknown",
        });
        if (extra is not null)
            foreach (var (k, v) in extra)
                if (k is not ("probe" or "path" or "rc" or "cmd") && !k.Contains(' ') && !v.Contains(' '))
                    sb.Append(' ').Append(k).Append('=').Append(v);
        if (command is not null) sb.Append(" cmd=").Append(OneLine(command));
        sb.Append('\n');
        Write(sb.ToString());
        WriteContent(content);
    }

    public void Section(EvidenceSection s) =>
        Section(s.Probe, s.Outcome, s.ExitCode, s.ContentBytes, s.Path, s.Command, s.Attributes);

    public void Close()
    {
        if (_closed) return;
        _closed = true;
        Write("--" + _boundary + "--\n");
        _out.Flush();
    }

    /// <summary>Writes a whole bundle (for re-saving what was read, or tests).</summary>
    public static void Write(Stream output, EvidenceBundle bundle)
    {
        var w = new BundleWriter(output, bundle.Boundary, bundle.Headers);
        foreach (var s in bundle.Sections) w.Section(s);
        if (!bundle.Truncated) w.Close();
    }

    private void WriteContent(byte[] content)
    {
        // A content line that would read as our own delimiter is defused with a leading space:
        // the boundary is chosen so this should never happen; if it does, the bundle stays readable.
        int start = 0;
        while (start < content.Length)
        {
            int nl = Array.IndexOf(content, (byte)'\n', start);
            int end = nl < 0 ? content.Length : nl;
            var line = content.AsSpan(start, end - start);
            if (line.StartsWith(_open) || line.StartsWith(MagicBytes)) _out.WriteByte((byte)' ');
            _out.Write(line);
            _out.WriteByte((byte)'\n');
            start = end + 1;
        }
    }

    private static readonly byte[] MagicBytes = Encoding.ASCII.GetBytes(EvidenceBundle.Magic);

    private void Write(string s) => _out.Write(Encoding.UTF8.GetBytes(s));

    private static string OneLine(string s) => s.Replace('\n', ' ').Replace('\r', ' ');
}
