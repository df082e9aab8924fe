using MtaAudit.Parse.Vendor;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Parse.Vendor;

public class RepoAgeParserTests
{
    [Fact]
    public void Testhost_deb12_age_from_the_security_inrelease_and_now()
    {
        // now=1796092453; bookworm-security_InRelease at 1796071669 (bookworm_InRelease, older at 1796071563,
        // is no security source). Packages files and partial/ are not Release files.
        var facts = TestHostBundles.Facts("deb12-exim");
        Assert.NotNull(facts.RepoAgeDays);
        Assert.Equal((1796092453 - 1796071669) / 86400.0, facts.RepoAgeDays!.Value, 9);
    }

    [Fact]
    public void Testhost_deb11_age()
    {
        var s = TestHostBundles.Section("deb11-postfix", RepoAgeParser.Probe);
        Assert.Equal("1796092466", s.Attributes["now"]);
        Assert.Equal(1796071668, RepoAgeParser.ReferenceMtime(s.Text, 1796092466, s.Command)); // bullseye-security_InRelease
        Assert.Equal((1796092466 - 1796071668) / 86400.0, RepoAgeParser.Parse(s.Text, 1796092466, s.Command)!.Value, 9);
    }

    [Fact]
    public void Plain_ls_dates_read_when_now_is_known()
    {
        // Newest InRelease "Nov 28 04:30" = 2026-11-28T04:30Z = 1795840200 (the header gives 1795840238 to the second).
        var text = Fixture.Output("linux/ls-l-apt-lists-plain-dates-debian12-captured.txt");
        Assert.Equal(1795840200, RepoAgeParser.NewestMtime(text, 1795844278, "ls -l /var/lib/apt/lists"));
        Assert.Equal((1795844278 - 1795840200) / 86400.0, RepoAgeParser.Parse(text, 1795844278, "ls -l /var/lib/apt/lists")!.Value, 9);
        // A January "now": "Nov 28 04:30" is last year's November.
        long jan2027 = 1800000000; // 2027-01-15
        Assert.Equal(1795840200, RepoAgeParser.NewestMtime(text, jan2027, "ls -l /var/lib/apt/lists"));
    }

    [Fact]
    public void No_clock_no_age_and_never_negative()
    {
        var s = TestHostBundles.Section("deb12-exim", RepoAgeParser.Probe);
        Assert.Null(RepoAgeParser.Parse(s.Text, null, s.Command));
        Assert.Equal(0, RepoAgeParser.Parse(s.Text, 1700000000, s.Command)); // host clock behind the files
        Assert.Null(RepoAgeParser.Parse("total 0\n", 1795843786, s.Command));
    }

    [Fact]
    public void Garbage_does_not_throw()
    {
        foreach (var text in GarbageText.All())
        {
            var age = RepoAgeParser.Parse(text, 1795843786, null);
            Assert.True(age is null or >= 0);
        }
        Assert.Null(RepoAgeParser.Parse("-rw-r--r-- 1 root root 1 Feb 31 12:00 x_InRelease\n-rw-r--r-- 1 a b 1 99999999999999999999 y_Release", 1795843786));
    }
}
