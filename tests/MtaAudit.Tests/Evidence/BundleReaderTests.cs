using System.Text;
using MtaAudit.Evidence;

namespace MtaAudit.Tests.Evidence;

public class BundleReaderTests
{
    private const string SpecExample = """
        MTA-AUDIT-EVIDENCE/1
        boundary: 5f1c-1764302400-4242
        host: sol11-db01
        collected-at: 2026-11-28T04:00:00Z
        collector: mta-audit-collector 0.1.0

        --5f1c-1764302400-4242 probe=os.uname rc=0 cmd=uname -a
        SunOS sol11-db01 5.11 11.4.42.111.0 sun4v sparc sun4v
        --5f1c-1764302400-4242 probe=mta.sendmail.version path=/usr/lib/sendmail rc=0 cmd=/usr/lib/sendmail -d0.1 -bt < /dev/null
        Version 8.15.2+Sun
         Compiled with: DNSMAP LDAPMAP LOG MAP_REGEX ...
        --5f1c-1764302400-4242 probe=svc.smf rc=0 cmd=svcs -a
        STATE          STIME    FMRI
        online         Jan_12   svc:/network/smtp:sendmail
        --5f1c-1764302400-4242--

        """;

    private static List<BundleReadResult> Read(string text) => BundleReader.Read(text).ToList();
    private static List<BundleReadResult> Read(byte[] bytes) => BundleReader.Read(new MemoryStream(bytes), "test").ToList();

    [Fact]
    public void Reads_the_spec_example_with_headers_attributes_and_content()
    {
        var b = Assert.Single(Read(SpecExample)).Bundle!;
        Assert.Equal("sol11-db01", b.Host);
        Assert.Equal("2026-11-28T04:00:00Z", b.CollectedAt);
        Assert.Equal("mta-audit-collector 0.1.0", b.Collector);
        Assert.False(b.Truncated);
        Assert.Empty(b.Warnings);
        Assert.Equal(["os.uname", "mta.sendmail.version", "svc.smf"], b.Sections.Select(s => s.Probe));
        var sm = b.Sections[1];
        Assert.Equal("/usr/lib/sendmail", sm.Path);
        Assert.Equal("/usr/lib/sendmail -d0.1 -bt < /dev/null", sm.Command);
        Assert.Equal(ProbeOutcome.Ran, sm.Outcome);
        Assert.Equal("Version 8.15.2+Sun\n Compiled with: DNSMAP LDAPMAP LOG MAP_REGEX ...\n", sm.Text);
        Assert.Equal(9, sm.LineNumber);
    }

    [Fact]
    public void Several_bundles_in_one_stream_are_all_read()
    {
        var two = SpecExample + SpecExample.Replace("sol11-db01", "second");
        var hosts = Read(two).Select(r => r.Bundle!.Host).ToList();
        Assert.Equal(["sol11-db01", "second"], hosts);
    }

    [Fact]
    public void A_bundle_without_its_closing_line_is_truncated_and_its_last_section_partial()
    {
        var cut = SpecExample[..SpecExample.IndexOf("online", StringComparison.Ordinal)];
        var b = Assert.Single(Read(cut)).Bundle!;
        Assert.True(b.Truncated);
        Assert.Equal(3, b.Sections.Count);
        Assert.Equal(ProbeOutcome.Timeout, b.Sections[2].Outcome);
        Assert.Contains(b.Warnings, w => w.Code == "bundle.ends-inside" && w.En.Contains("partial", StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_bundle_starting_before_the_previous_closed_marks_the_previous_truncated()
    {
        var cut = SpecExample[..SpecExample.IndexOf("--5f1c-1764302400-4242--", StringComparison.Ordinal)];
        var results = Read(cut + SpecExample);
        Assert.Equal(2, results.Count);
        Assert.True(results[0].Bundle!.Truncated);
        Assert.False(results[1].Bundle!.Truncated);
    }

    [Fact]
    public void Crlf_line_ends_are_accepted()
    {
        var b = Assert.Single(Read(SpecExample.Replace("\n", "\r\n"))).Bundle!;
        Assert.Equal("sol11-db01", b.Host);
        Assert.Equal("Version 8.15.2+Sun\n Compiled with: DNSMAP LDAPMAP LOG MAP_REGEX ...\n", b.Sections[1].Text);
        Assert.False(b.Truncated);
    }

    [Fact]
    public void Content_that_is_not_utf8_is_kept_as_bytes_and_shown_with_replacement_characters()
    {
        // "메일" in EUC-KR, as an old Korean Solaris box would print it.
        byte[] eucKr = [0xB8, 0xDE, 0xC0, 0xCF];
        var head = Encoding.ASCII.GetBytes("MTA-AUDIT-EVIDENCE/1\nboundary: abcdefgh12\n\n--abcdefgh12 probe=os.release rc=0\n");
        var tail = Encoding.ASCII.GetBytes("\n--abcdefgh12--\n");
        var b = Assert.Single(Read([.. head, .. eucKr, .. tail])).Bundle!;
        Assert.Equal([.. eucKr, (byte)'\n'], b.Sections[0].ContentBytes);
        Assert.Contains('\uFFFD', b.Sections[0].Text);
    }

    [Fact]
    public void Unknown_probes_attributes_and_headers_are_kept()
    {
        var text = "MTA-AUDIT-EVIDENCE/1\nboundary: abcdefgh12\nsite: seoul-dc2\n\n--abcdefgh12 probe=custom.thing rc=0 shard=7 cmd=echo a=b c\nx\n--abcdefgh12--\n";
        var b = Assert.Single(Read(text)).Bundle!;
        Assert.Equal("seoul-dc2", b.Headers["site"]);
        var s = Assert.Single(b.Sections);
        Assert.Equal("custom.thing", s.Probe);
        Assert.Equal("7", s.Attributes["shard"]);
        Assert.Equal("echo a=b c", s.Command);
    }

    [Theory]
    [InlineData("absent", ProbeOutcome.Absent, null)]
    [InlineData("timeout", ProbeOutcome.Timeout, null)]
    [InlineData("127", ProbeOutcome.Ran, 127)]
    [InlineData("-1", ProbeOutcome.Ran, -1)]
    [InlineData("lots", ProbeOutcome.Unknown, null)]
    public void Rc_values(string rc, ProbeOutcome outcome, int? code)
    {
        var b = Assert.Single(Read($"MTA-AUDIT-EVIDENCE/1\nboundary: abcdefgh12\n\n--abcdefgh12 probe=p rc={rc}\n--abcdefgh12--\n")).Bundle!;
        Assert.Equal(outcome, b.Sections[0].Outcome);
        Assert.Equal(code, b.Sections[0].ExitCode);
    }

    [Fact]
    public void A_missing_boundary_is_an_error_naming_the_line_and_the_next_bundle_still_counts()
    {
        var bad = "MTA-AUDIT-EVIDENCE/1\nhost: broken\n\n--x probe=os.uname rc=0\nLinux\n--x--\n";
        var results = Read(bad + SpecExample);
        var err = results[0].Error!;
        Assert.Equal(1, err.Line);
        Assert.Contains("boundary", err.Message, StringComparison.Ordinal);
        Assert.Equal("sol11-db01", results.Last().Bundle!.Host);
        Assert.Equal(2, results.Count);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has space in it")]
    [InlineData("bad/char/here")]
    public void An_invalid_boundary_is_an_error(string boundary)
    {
        var r = Assert.Single(Read($"MTA-AUDIT-EVIDENCE/1\nboundary: {boundary}\n\n--{boundary}--\n"), x => x.Error is not null);
        Assert.Contains("boundary", r.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_before_the_first_bundle_is_an_error_on_its_line()
    {
        var results = Read("garbage line\n" + SpecExample);
        Assert.Equal(1, results[0].Error!.Line);
        Assert.Contains("expected 'MTA-AUDIT-EVIDENCE/1'", results[0].Error!.Message, StringComparison.Ordinal);
        Assert.NotNull(results[1].Bundle);
    }

    [Fact]
    public void A_header_line_without_a_colon_is_an_error_on_its_line()
    {
        var r = Read("MTA-AUDIT-EVIDENCE/1\nboundary: abcdefgh12\nnot a header\n\n--abcdefgh12--\n");
        Assert.Equal(3, r[0].Error!.Line);
    }

    [Fact]
    public void Empty_input_gives_nothing()
    {
        Assert.Empty(Read(""));
        Assert.Empty(Read("\n\n"));
    }

    [Fact]
    public void A_64_MiB_bundle_is_read_whole()
    {
        const int lines = 1 << 20;
        var line = new string('x', 63) + "\n"; // 64 bytes a line, 64 MiB of content
        var ms = new MemoryStream();
        var w = new BundleWriter(ms, "big-bundle-0001", [new("host", "big")]);
        var content = new byte[lines * 64];
        var one = Encoding.ASCII.GetBytes(line);
        for (int i = 0; i < lines; i++) one.CopyTo(content, i * 64);
        w.Section("proc.list", ProbeOutcome.Ran, 0, content, command: "ps -ef");
        w.Close();
        ms.Position = 0;
        var b = Assert.Single(BundleReader.Read(ms, "big").ToList()).Bundle!;
        Assert.Equal(64 << 20, b.Sections[0].ContentBytes.Length);
        Assert.False(b.Truncated);
    }

    [Fact]
    public void Writer_output_reads_back_the_same()
    {
        var original = Assert.Single(Read(SpecExample)).Bundle!;
        var ms = new MemoryStream();
        BundleWriter.Write(ms, original);
        ms.Position = 0;
        var again = Assert.Single(BundleReader.Read(ms, "again").ToList()).Bundle!;
        Assert.Equal(original.Headers, again.Headers);
        Assert.Equal(original.Sections.Select(s => (s.Probe, s.Path, s.Outcome, s.ExitCode, s.Command, s.Text)),
                     again.Sections.Select(s => (s.Probe, s.Path, s.Outcome, s.ExitCode, s.Command, s.Text)));
    }

    [Fact]
    public void Writer_defuses_content_lines_that_look_like_delimiters_or_a_new_bundle()
    {
        var ms = new MemoryStream();
        var w = new BundleWriter(ms, "abcdefgh12", []);
        w.Section("x", ProbeOutcome.Ran, 0, Encoding.ASCII.GetBytes("--abcdefgh12--\nMTA-AUDIT-EVIDENCE/1\nok\n"));
        w.Close();
        ms.Position = 0;
        var b = Assert.Single(BundleReader.Read(ms, "w").ToList()).Bundle!;
        Assert.False(b.Truncated);
        Assert.Equal(" --abcdefgh12--\n MTA-AUDIT-EVIDENCE/1\nok\n", b.Sections[0].Text);
    }
}
