using MtaAudit.Versions;

namespace MtaAudit.Tests.Versions;

public class DebianVersionTests
{
    // Expected results are what `dpkg --compare-versions` (dpkg 1.21.22, Debian 12) printed for each pair on this machine.
    [Theory]
    [InlineData("1.0~rc1", "1.0", -1)]
    [InlineData("1.0~~", "1.0~", -1)]
    [InlineData("1.0", "1.0-0", 0)]
    [InlineData("1.0a", "1.0+", -1)] // letters sort before non-letters
    [InlineData("1.01", "1.1", 0)]
    [InlineData("1.0.0", "1.0", 1)]
    [InlineData("1:1.0", "1.0", 1)]
    [InlineData("2:3.5.8", "3:1.0", -1)]
    [InlineData("4.96-15+deb12u10", "4.96-15+deb12u9", 1)]
    [InlineData("4.96-15+deb12u4", "4.96-15", 1)]
    [InlineData("3.8.6-1ubuntu0.1", "3.8.6-1build2", 1)]
    [InlineData("3.10.5-1~deb13u1", "3.10.5-1", -1)]
    [InlineData("8.17.1.9-2+deb12u2", "8.17.1.9-2+deb12u1", 1)]
    [InlineData("6.8.0p2-4+b4", "6.8.0p2-4", 1)]
    public void Compares_as_dpkg(string a, string b, int expected)
    {
        Assert.Equal(expected, DebianVersion.Compare(a, b));
        Assert.Equal(-expected, DebianVersion.Compare(b, a));
    }

    [Fact]
    public void Splits_epoch_upstream_and_revision()
    {
        var v = DebianVersion.Parse("1:4.96-15+deb12u10");
        Assert.Equal((1L, "4.96", "15+deb12u10"), (v.Epoch, v.Upstream, v.Revision));
        var hyphens = DebianVersion.Parse("2:1.2-beta-3");
        Assert.Equal((2L, "1.2-beta", "3"), (hyphens.Epoch, hyphens.Upstream, hyphens.Revision)); // last hyphen starts the revision
        var plain = DebianVersion.Parse("8.15.2");
        Assert.Equal((0L, "8.15.2", ""), (plain.Epoch, plain.Upstream, plain.Revision));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a1.0")]          // must start with a digit
    [InlineData("1.0-")]          // empty revision
    [InlineData(":1.0")]          // empty epoch
    [InlineData("1:")]            // nothing after the colon
    [InlineData("x:1.0")]         // epoch not a number
    [InlineData("1.0 beta")]      // embedded space
    [InlineData("1.0_1")]         // '_' is not allowed
    [InlineData("1.0-1_2")]
    [InlineData("99999999999:1")] // epoch too big for dpkg
    [InlineData(null)]
    public void Refuses_what_dpkg_refuses(string? s) =>
        Assert.False(DebianVersion.TryParse(s, out _));
}
