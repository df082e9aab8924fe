using MtaAudit.Versions;

namespace MtaAudit.Tests.Versions;

public class RpmVersionTests
{
    // Expected results are what rpm 4.18.0's rpm.vercmp (Lua, via `rpm --eval`) printed for each pair on this machine.
    [Theory]
    [InlineData("2:3.5.8-8.el8", "3.11.0-1.el9", 1)] // epoch first
    [InlineData("0:4.96-15", "4.96-15", 0)]          // missing epoch is 0
    [InlineData("1.0~rc1", "1.0", -1)]
    [InlineData("1.0^git1", "1.0", 1)]               // caret: after the base version...
    [InlineData("1.0^git1", "1.0.1", -1)]            // ...but before the next one
    [InlineData("1.0", "1.0-1", -1)]                 // missing release sorts first
    [InlineData("3.5.25-1.el9", "3.5.25-1.el9_4", -1)]
    [InlineData("8.15.2-19.el8", "8.15.2-19.el8_9", -1)]
    [InlineData("1.0a", "1.0.1", -1)]                // letters lose to numbers
    [InlineData("1.0a", "1.0", 1)]
    [InlineData("1.01", "1.1", 0)]
    [InlineData("1.0", "1..0", 0)]                   // separators only separate
    [InlineData("1.0_1", "1.0.1", 0)]
    [InlineData("a", "b", -1)]
    [InlineData("1.0-1", "1.0-1a", -1)]
    public void Compares_as_rpm(string a, string b, int expected)
    {
        Assert.Equal(expected, RpmVersion.Compare(a, b));
        Assert.Equal(-expected, RpmVersion.Compare(b, a));
    }

    [Fact]
    public void Splits_epoch_version_and_release()
    {
        var v = RpmVersion.Parse("2:3.5.8-8.el8");
        Assert.Equal(("2", "3.5.8", "8.el8"), (v.Epoch, v.Version, v.Release));
        var noEpoch = RpmVersion.Parse("4.96-15");
        Assert.Equal(((string?)null, "4.96", "15"), (noEpoch.Epoch, noEpoch.Version, noEpoch.Release));
        var bare = RpmVersion.Parse("8.18.1");
        Assert.Equal(((string?)null, "8.18.1", (string?)null), (bare.Epoch, bare.Version, bare.Release));
        var hyphens = RpmVersion.Parse("1:2.0-rc1-3.fc40");
        Assert.Equal(("1", "2.0-rc1", "3.fc40"), (hyphens.Epoch, hyphens.Version, hyphens.Release));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1.0 -1")]
    [InlineData("1:-2")] // empty version
    public void Refuses_empty_or_spaced(string? s) => Assert.False(RpmVersion.TryParse(s, out _));
}
