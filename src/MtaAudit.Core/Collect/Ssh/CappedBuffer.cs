namespace MtaAudit.Collect.Ssh;

/// <summary>
/// Bytes kept up to a cap; past it <see cref="Cut"/> is set and the rest is dropped.
/// WHY chunks: a bundle of a few hundred KB grown in one MemoryStream leaves doubling arrays of 256 and 512 KB
/// behind, on the large-object heap, for each of the hosts in flight; 64 KB chunks stay in the small-object heap
/// and only the final array (exactly the bundle's size) is large.
/// </summary>
internal sealed class CappedBuffer(long cap)
{
    private const int ChunkSize = 64 * 1024;
    private readonly List<byte[]> _chunks = new();
    private int _used = ChunkSize; // bytes used in the last chunk; full when there is none

    public bool Cut { get; private set; }

    public long Length { get; private set; }

    public void Write(ReadOnlySpan<byte> data)
    {
        if (Cut) return;
        long room = cap - Length;
        if (data.Length > room)
        {
            data = data[..(int)Math.Max(0, room)];
            Cut = true;
        }
        while (data.Length > 0)
        {
            if (_used == ChunkSize)
            {
                _chunks.Add(new byte[ChunkSize]);
                _used = 0;
            }
            int n = Math.Min(data.Length, ChunkSize - _used);
            data[..n].CopyTo(_chunks[^1].AsSpan(_used));
            _used += n;
            Length += n;
            data = data[n..];
        }
    }

    public byte[] ToArray()
    {
        var all = new byte[Length];
        long at = 0;
        foreach (var c in _chunks)
        {
            int n = (int)Math.Min(ChunkSize, Length - at);
            c.AsSpan(0, n).CopyTo(all.AsSpan((int)at));
            at += n;
        }
        return all;
    }
}
