using MtaAudit.Evidence;

namespace MtaAudit.Tests.Evidence;

public class BundleReaderSmokeTests
{
    [Fact]
    public void Reads_the_spec_example()
    {
        const string text = """
            MTA-AUDIT-EVIDENCE/1
            boundary: 5f1c-1764302400-4242
            host: sol11-db01

            --5f1c-1764302400-4242 probe=os.uname rc=0 cmd=uname -a
            SunOS sol11-db01 5.11 11.4.42.111.0 sun4v sparc sun4v
            --5f1c-1764302400-4242--
            """;
        var results = BundleReader.Read(text).ToList();
        var b = Assert.Single(results).Bundle!;
        Assert.Equal("sol11-db01", b.Host);
        var s = Assert.Single(b.Sections);
        Assert.Equal("os.uname", s.Probe);
        Assert.Equal("uname -a", s.Command);
        Assert.Equal(0, s.ExitCode);
        Assert.False(b.Truncated);
    }
}
