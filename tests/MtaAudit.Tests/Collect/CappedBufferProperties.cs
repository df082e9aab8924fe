using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MtaAudit.Collect.Ssh;

namespace MtaAudit.Tests.Collect;

/// <summary>The per-host output buffer keeps exactly the first <c>cap</c> bytes, in order, across chunk edges.</summary>
public class CappedBufferProperties
{
    [Property(MaxTest = 300)]
    public Property Keeps_the_prefix_up_to_the_cap_and_says_when_it_cut()
    {
        // Write sizes around the 64 KB chunk edge, and caps below, at and past the total.
        var sizes = Gen.Choose(0, 200_000).ListOf().Select(l => l.Take(6).ToArray());
        var gen = from w in sizes
                  from cap in Gen.Choose(0, 700_000)
                  select (w, cap);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var (writes, cap) = x;
            var b = new CappedBuffer(cap);
            var all = new List<byte>();
            int seed = 0;
            foreach (var n in writes)
            {
                var data = new byte[n];
                for (int i = 0; i < n; i++) data[i] = (byte)(seed++ * 31 + 7);
                all.AddRange(data);
                b.Write(data);
            }
            var want = all.Take(cap).ToArray();
            var got = b.ToArray();
            return got.AsSpan().SequenceEqual(want) && b.Length == want.Length && b.Cut == (all.Count > cap);
        });
    }
}
