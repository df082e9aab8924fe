namespace MtaAudit.Evidence;

/// <summary>
/// Reads a stream as lines of raw bytes (LF or CRLF), so that content that is not UTF-8
/// is kept byte for byte. Lines longer than <see cref="MaxLineBytes"/> are cut and flagged
/// instead of growing memory without bound.
/// </summary>
internal sealed class ByteLineReader
{
    public const int MaxLineBytes = 1 << 20;

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _pos;
    private int _len;
    private bool _eof;
    private byte[] _line = new byte[256];
    /// <summary>Offset in the stream (from where reading began) of <c>_buffer[0]</c>.</summary>
    private long _bufferStart;

    public ByteLineReader(Stream stream, int lineNumber = 0)
    {
        _stream = stream;
        LineNumber = lineNumber;
    }

    /// <summary>Offset, from where this reader began, of the first byte of the line last returned.</summary>
    public long LineOffset { get; private set; }

    /// <summary>1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>True when the line last returned was longer than the cap and was cut.</summary>
    public bool LastLineCut { get; private set; }

    /// <summary>Next line without its end, or false at the end of the stream.</summary>
    public bool TryRead(out ReadOnlySpan<byte> line)
    {
        int n = 0;
        bool any = false;
        LastLineCut = false;
        while (true)
        {
            if (_pos >= _len)
            {
                if (_eof || !Fill()) break;
            }
            if (!any) LineOffset = _bufferStart + _pos;
            any = true;
            var span = _buffer.AsSpan(_pos, _len - _pos);
            int nl = span.IndexOf((byte)'\n');
            if (n == 0 && nl >= 0 && nl <= MaxLineBytes)
            {
                // The whole line is in the buffer: hand out that part of it, not a copy (valid until the next read).
                _pos += nl + 1;
                LineNumber++;
                line = nl > 0 && span[nl - 1] == (byte)'\r' ? span[..(nl - 1)] : span[..nl];
                return true;
            }
            int take = nl < 0 ? span.Length : nl;
            Append(span[..take], ref n);
            _pos += take;
            if (nl >= 0)
            {
                _pos++;
                LineNumber++;
                line = Trim(n);
                return true;
            }
        }
        if (!any)
        {
            line = default;
            return false;
        }
        LineNumber++;
        line = Trim(n);
        return true;
    }

    private ReadOnlySpan<byte> Trim(int n)
    {
        if (n > 0 && _line[n - 1] == (byte)'\r') n--;
        return _line.AsSpan(0, n);
    }

    private void Append(ReadOnlySpan<byte> part, ref int n)
    {
        int room = MaxLineBytes - n;
        if (part.Length > room)
        {
            part = part[..Math.Max(room, 0)];
            LastLineCut = true;
        }
        if (n + part.Length > _line.Length)
            Array.Resize(ref _line, Math.Max(_line.Length * 2, n + part.Length));
        part.CopyTo(_line.AsSpan(n));
        n += part.Length;
    }

    private bool Fill()
    {
        _bufferStart += _len;
        _pos = 0;
        _len = _stream.Read(_buffer, 0, _buffer.Length);
        if (_len <= 0)
        {
            _len = 0;
            _eof = true;
            return false;
        }
        return true;
    }
}
