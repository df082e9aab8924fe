using MtaAudit.Parse.Packages;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Parse.Packages;

public class HpuxSwlistParserTests
{
    [Fact]
    public void Swlist_l_product_documented_shape()
    {
        // No captured HP-UX 'swlist -l product' was available: this follows the layout swlist(1M)
        // documents ('#' comment lines, then indented "tag  revision  title" rows).
        const string text = """
            # Initializing...
            # Contacting target "hpux01"...
            #
            # Target:  hpux01:/
            #

              PHNE_28810            1.0            s700_800 11.00 sendmail(1M) 8.9.3 patch
              Sendmail              B.11.31.05     Sendmail mail transport agent
            """;
        var p = HpuxSwlistParser.Parse(text);
        Assert.Equal(2, p.Count);
        Assert.Equal(("swlist", "Sendmail", "B.11.31.05"), (p[1].Manager, p[1].Name, p[1].Version));
    }

    [Fact]
    public void Other_outputs_give_no_packages()
    {
        Assert.Empty(HpuxSwlistParser.Parse(Fixture.Output("linux/rpm-q-sendmail-not-installed-serverspec.txt")));
        Assert.Empty(HpuxSwlistParser.Parse(Fixture.Output("linux/sendmail-8.14.4-d0.1-rhel6.8-recipient-names.txt")));
    }
}
