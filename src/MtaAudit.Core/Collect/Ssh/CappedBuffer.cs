namespace MtaAudit.Collect.Ssh;

/// <summary>Bytes kept up to a cap; past it <see cref="Cut"/> is set and the rest is dropped.</summary>
internal sealed class CappedBuffer(long cap)
{
    private readonly MemoryStream _ms = new();

    public bool Cut { get; private set; }

    public long Length => _ms.Length;

    public void Write(ReadOnlySpan<byte> data)
    {
        if (Cut) return;
        long room = cap - _ms.Length;
        if (data.Length > room)
        {
            _ms.Write(data[..(int)Math.Max(0, room)]);
            Cut = true;
            return;
        }
        _ms.Write(data);
    }

    public byte[] ToArray() => _ms.ToArray();
}
