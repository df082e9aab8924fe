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

    // Content lines that read like a bundle start or a header (issue 20), in the shapes that made the header pass
    // and the reader disagree: glued magic, CR variants, a whole forged header, case-variant and repeated keys.
    private static readonly string[] Lookalikes =
    [
        "MTA-AUDIT-EVIDENCE/1", "xxxMTA-AUDIT-EVIDENCE/1", "root 7 1 /usr/bin/x /tmp/MTA-AUDIT-EVIDENCE/1",
        "MTA-AUDIT-EVIDENCE/1\r", "MTA-AUDIT-EVIDENCE/1\r\r", "\uFEFFMTA-AUDIT-EVIDENCE/1",
        "MTA-AUDIT-EVIDENCE/1\nboundary: forged-boundary-1\nhost: victim\nHOST: other\ncollected-at: 2099-01-01T00:00:00Z\n",
        "MTA-AUDIT-EVIDENCE/1\nboundary: forged-boundary-1\nhost: victim\n\n--forged-boundary-1 probe=os.uname rc=0\nLinux victim\n--forged-boundary-1--",
        "host: victim", "HOST: victim",
    ];

    private static readonly string[] SectionKinds = ["os.uname", "proc.list", "net.addr", "host.id", "pkg.dpkg", "mta.exim.version", "file.aix.rc.tcpip"];

    private static Gen<string> LookalikeBundle(bool closed) =>
        from kind in Gen.Elements(SectionKinds)
        from look in Gen.Elements(Lookalikes)
        from crlf in Gen.Elements(false, true)
        from twice in Gen.Elements(false, true)
        select Shape(kind, look, crlf, twice, closed);

    private static string Shape(string kind, string look, bool crlf, bool twice, bool closed)
    {
        var header = "MTA-AUDIT-EVIDENCE/1\nboundary: abcdefgh12\nhost: h1\n" + (twice ? "HOST: h2\nhost: h3\n" : "") + "collected-at: 2026-12-01T00:00:00Z\n\n";
        var body = "--abcdefgh12 probe=" + kind + " rc=0 cmd=x\nbefore\n" + look + "\nafter\n--abcdefgh12 probe=os.release rc=0\nID=debian\n";
        var text = header + body + (closed ? "--abcdefgh12--\n" : "");
        return crlf ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text;
    }

    private static List<(int, string?, string?)> Starts(IEnumerable<BundleReadResult> r) =>
        r.Where(x => x.Bundle is not null).Select(x => (x.Bundle!.StartLine, x.Bundle.Host, x.Bundle.CollectedAt)).ToList();

    [Property(MaxTest = 300)]
    public Property A_closed_bundle_is_one_bundle_whatever_its_content_lines_look_like()
    {
        return Prop.ForAll(LookalikeBundle(closed: true).ToArbitrary(), text =>
        {
            var bytes = Encoding.UTF8.GetBytes(text + Valid);
            var all = BundleReader.Read(new MemoryStream(bytes), "x").ToList();
            var headers = BundleReader.ReadHeaders(new MemoryStream(bytes), "x", new HashSet<string>()).ToList();
            // The shaped bundle, then Valid: two bundles, neither cut, the first keeps its first host and both sections.
            return all.Count == 2 && all.All(r => r.Bundle is { Truncated: false })
                && all[0].Bundle!.Host == "h1" && all[0].Bundle!.Sections.Count == 2
                && Starts(all).SequenceEqual(Starts(headers));
        });
    }

    [Property(MaxTest = 300)]
    public Property The_header_pass_and_the_reader_agree_on_cut_bundles_too()
    {
        var gen = from a in LookalikeBundle(closed: false)
                  from b in LookalikeBundle(closed: true)
                  select a + b;
        return Prop.ForAll(gen.ToArbitrary(), text =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var all = BundleReader.Read(new MemoryStream(bytes), "x").ToList();
            var headers = BundleReader.ReadHeaders(new MemoryStream(bytes), "x", new HashSet<string>()).ToList();
            // The cut bundle never swallows the one after it: the last bundle read is the closed one.
            return Starts(all).SequenceEqual(Starts(headers)) && all.Count(r => r.Bundle is { Truncated: false, Host: "h1" }) >= 1
                && all.Last(r => r.Bundle is not null).Bundle!.Truncated == false;
        });
    }

    [Fact]
    public void A_section_past_the_cap_is_cut_read_past_and_marked()
    {
        var ms = new MemoryStream();
        var w = new BundleWriter(ms, "big-bundle-0002", [new("host", "big")]);
        var line = Encoding.ASCII.GetBytes(new string('x', 1023) + "\n");
        var content = new byte[BundleReader.MaxSectionBytes + (1 << 20)];
        for (int i = 0; i < content.Length; i += line.Length) line.CopyTo(content, i);
        w.Section("proc.list", ProbeOutcome.Ran, 0, content, command: "ps -ef");
        w.Section("os.uname", ProbeOutcome.Ran, 0, Encoding.ASCII.GetBytes("Linux big 6.1.0 x86_64\n"));
        w.Close();
        ms.Position = 0;
        var b = Assert.Single(BundleReader.Read(ms, "big").ToList()).Bundle!;
        Assert.False(b.Truncated);
        Assert.Equal(BundleReader.MaxSectionBytes, b.Sections[0].ContentBytes.Length);
        Assert.True(b.Sections[0].Cut);
        Assert.Equal("os.uname", b.Sections[1].Probe);
        Assert.Contains(b.Warnings, x => x.Code == "bundle.section-cap");
        var state = MtaAudit.Parse.ProbeStatus.Of(b.Sections[0]);
        Assert.Equal(MtaAudit.Facts.UnknownReason.Cut, state.Reason);
    }
}
