namespace MtaAudit.Io;

/// <summary>A file handed in is larger than mta-audit reads of that kind; the message names the file and the limit.</summary>
public sealed class InputTooLargeException(string path, long limit)
    : IOException(Glossary.Say("input.too-large", ("path", path), ("limit", limit >> 20)).En), ISaid
{
    public string Path { get; } = path;
    public long Limit { get; } = limit;
    public Localized Said => Glossary.Say("input.too-large", ("path", Path), ("limit", Limit >> 20));
}

/// <summary>
/// Reading a file the user hands in (an inventory, a baseline, a knowledge import, known_hosts) to a
/// bound: a 2 GiB file, a FIFO or /dev/zero is refused at the limit, never taken into memory whole.
/// </summary>
public static class BoundedFile
{
    /// <summary>A stream that throws <see cref="InputTooLargeException"/> once more than <paramref name="limit"/> bytes are read.</summary>
    public static Stream OpenRead(string path, long limit)
    {
        var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        try
        {
            if (s.CanSeek && s.Length > limit) throw new InputTooLargeException(path, limit);
            return new LimitedStream(s, path, limit);
        }
        catch
        {
            s.Dispose();
            throw;
        }
    }

    public static byte[] ReadAllBytes(string path, long limit)
    {
        using var s = OpenRead(path, limit);
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    /// <summary>Text with a byte order mark honoured, as File.ReadAllText does.</summary>
    public static string ReadAllText(string path, long limit)
    {
        using var reader = new StreamReader(OpenRead(path, limit), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private sealed class LimitedStream(Stream inner, string path, long limit) : Stream
    {
        private long _read;

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            _read += n;
            if (_read > limit) throw new InputTooLargeException(path, limit);
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
