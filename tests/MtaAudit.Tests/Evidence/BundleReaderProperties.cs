using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MtaAudit.Evidence;

namespace MtaAudit.Tests.Evidence;

/// <summary>Random and mutated input never crashes the reader; every failure is a located, worded error.</summary>
public class BundleReaderProperties
{
    private const string Valid =
        "MTA-AUDIT-EVIDENCE/1\nboundary: abcdefgh12\nhost: h1\n\n" +
        "--abcdefgh12 probe=os.uname rc=0 cmd=uname -a\nLinux h1 6.1.0 x86_64\n" +
        "--abcdefgh12 probe=mta.postfix.version rc=0 cmd=postconf -d mail_version\nmail_version = 3.7.11\n" +
        "--abcdefgh12 probe=proc.list rc=timeout\nroot 1 0 init\n" +
        "--abcdefgh12--\n";

    private static bool WellFormed(IEnumerable<BundleReadResult> results) =>
        results.All(r => r.Error is null
            ? r.Bundle is not null && r.Bundle.Sections.All(s => s.Probe.Length > 0)
            : r.Error.Line >= 1 && r.Error.Message.Length > 0);

    [Property(MaxTest = 300)]
    public bool Random_bytes_never_crash(byte[] bytes) =>
        WellFormed(BundleReader.Read(new MemoryStream(bytes), "random").ToList());

    [Property(MaxTest = 300)]
    public bool Valid_prefix_then_random_bytes_never_crash(byte[] bytes) =>
        WellFormed(BundleReader.Read(new MemoryStream([.. Encoding.ASCII.GetBytes(Valid), .. bytes]), "tail").ToList());

    [Property(MaxTest = 500)]
    public Property Mutated_bundles_never_crash_and_errors_are_located()
    {
        var lines = Valid.Split('\n');
        var mutation =
            from op in Gen.Choose(0, 4)
            from at in Gen.Choose(0, lines.Length - 1)
            from junk in ArbMap.Default.GeneratorFor<string>()
            select (op: op, at: at, junk: junk ?? "");
        return Prop.ForAll(mutation.ToArbitrary(), m =>
        {
            var l = lines.ToList();
            switch (m.op)
            {
                case 0: l.RemoveAt(m.at); break;                      // drop a line
                case 1: l.Insert(m.at, m.junk); break;                // insert junk
                case 2: l[m.at] = m.junk; break;                      // replace a line
                case 3: l[m.at] = l[m.at][..(l[m.at].Length / 2)]; break; // cut a line
                case 4: l = l.Take(m.at).ToList(); break;             // truncate the stream
            }
            var text = string.Join('\n', l);
            return WellFormed(BundleReader.Read(text, "mutated").ToList());
        });
    }

    [Property(MaxTest = 200)]
    public Property Written_sections_read_back_byte_for_byte()
    {
        // Content without a final partial line: the format is line-based, so the reader returns
        // every line LF-terminated; CR before LF is a line end too.
        var content = ArbMap.Default.GeneratorFor<byte[]>()
            .Select(b => b.Where(x => x != (byte)'\r').ToArray())
            .Select(b => b.Length == 0 || b[^1] == (byte)'\n' ? b : [.. b, (byte)'\n']);
        return Prop.ForAll(content.ToArbitrary(), bytes =>
        {
            var ms = new MemoryStream();
            var w = new BundleWriter(ms, "abcdefgh12", []);
            w.Section("p", ProbeOutcome.Ran, 0, bytes);
            w.Close();
            ms.Position = 0;
            var b = BundleReader.Read(ms, "rt").Single().Bundle!;
            var got = b.Sections[0].ContentBytes;
            // A line starting with the delimiter or the magic gets one leading space: strip it back.
            var expectedLines = Encoding.Latin1.GetString(bytes).Split('\n');
            var gotLines = Encoding.Latin1.GetString(got).Split('\n');
            return expectedLines.Length == gotLines.Length
                && expectedLines.Zip(gotLines).All(p => p.First == p.Second || " " + p.First == p.Second);
        });
    }
}
