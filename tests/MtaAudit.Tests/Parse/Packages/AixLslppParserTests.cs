using MtaAudit.Parse.Packages;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Parse.Packages;

public class AixLslppParserTests
{
    [Fact]
    public void Lslpp_Lc_filesets_with_levels()
    {
        var p = AixLslppParser.Parse(Fixture.Output("aix/lslpp-Lc-aix7.2-tl4-salt-fixture-excerpt.txt"));
        Assert.Equal(11, p.Count);
        var sendmail = p.Single(x => x.Name == "bos.net.tcp.sendmail");
        Assert.Equal(("lslpp", "7.2.4.1", null), (sendmail.Manager, sendmail.Version, sendmail.Arch));
        Assert.Equal("7.2.0.0", p.Single(x => x.Name == "bos.mh").Version);
        Assert.Equal("7.2.4.0", p.Single(x => x.Name == "bos.rte.SRC").Version);
        Assert.DoesNotContain(p, x => x.Name.StartsWith('#'));
    }

    [Fact]
    public void Other_outputs_give_no_packages()
    {
        Assert.Empty(AixLslppParser.Parse(Fixture.Output("aix/sendmail-AIX7.2-8.14.4-d0-bt-stig.txt")));
        Assert.Empty(AixLslppParser.Parse(Fixture.Output("linux/dpkg-l-exim4-raspbian-stretch-excerpt.txt")));
    }
}
