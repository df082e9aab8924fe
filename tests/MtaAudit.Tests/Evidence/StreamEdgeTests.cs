using System.Text;
using MtaAudit.Evidence;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Evidence;

/// <summary>Real test-host bundles with a byte-order mark, or glued behind a bundle that was cut mid-line.</summary>
public class StreamEdgeTests
{
    [Fact]
    public void A_bundle_starting_with_a_utf8_bom_is_read()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(File.ReadAllBytes(Fixture.PathOf("testhosts/deb12-none.evidence"))).ToArray();
        var r = Assert.Single(BundleReader.Read(new MemoryStream(bytes), "bom"));
        Assert.Null(r.Error);
        Assert.False(r.Bundle!.Truncated);
        Assert.Equal("deb12-none", r.Bundle.Host);
    }

    [Fact]
    public void A_bundle_after_a_cut_one_is_read_even_without_a_line_end_between()
    {
        var first = File.ReadAllText(Fixture.PathOf("testhosts/deb12-postfix.evidence"));
        var cut = first[..(first.Length / 2)].TrimEnd('\n', ' '); // cut inside a line, after a non-blank byte
        var second = File.ReadAllText(Fixture.PathOf("testhosts/deb12-none.evidence"));
        var all = BundleReader.Read(cut + second, "glued").ToList();
        Assert.Equal(2, all.Count);
        Assert.True(all[0].Bundle!.Truncated);
        Assert.Equal("deb12-none", all[1].Bundle!.Host);
        Assert.False(all[1].Bundle!.Truncated);
    }

    [Fact]
    public void A_defused_content_line_is_not_a_new_bundle()
    {
        var text = "MTA-AUDIT-EVIDENCE/1\nboundary: test-boundary-01\nhost: a\n\n--test-boundary-01 probe=proc.list rc=0\n MTA-AUDIT-EVIDENCE/1\ngrep found MTA-AUDIT-EVIDENCE/1\n--test-boundary-01--\n";
        var r = Assert.Single(BundleReader.Read(text, "x"));
        Assert.Contains("grep found", r.Bundle!.First("proc.list")!.Text, StringComparison.Ordinal);
    }
}
