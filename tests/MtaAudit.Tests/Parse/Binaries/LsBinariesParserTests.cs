using MtaAudit.Parse.Binaries;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Parse.Binaries;

public class LsBinariesParserTests
{
    [Fact]
    public void Gnu_ls_missing_candidates_and_one_symlink()
    {
        var b = LsBinariesParser.Parse(Fixture.Output("debian12-local/ls-l-missing-mta-candidates.txt"));
        Assert.Equal(4, b.Count);
        Assert.Equal([("/usr/sbin/sendmail", false), ("/usr/lib/sendmail", false), ("/usr/sbin/exim4", false)],
            b.Take(3).Select(x => (x.Path, x.Exists)));
        Assert.All(b.Take(3), x => Assert.Null(x.LinkTarget));
        Assert.Equal(("/usr/bin/awk", true, "/etc/alternatives/awk"), (b[3].Path, b[3].Exists, b[3].LinkTarget));
    }

    [Fact]
    public void Exim_package_tree_links_and_plain_file()
    {
        var b = LsBinariesParser.Parse(Fixture.Output("debian12-local/ls-l-exim4-daemon-light-tree.txt")).ToDictionary(x => x.Path);
        Assert.Equal(5, b.Count);
        Assert.False(b["usr/sbin/postconf"].Exists);
        Assert.Equal("../sbin/exim4", b["usr/lib/sendmail"].LinkTarget);
        Assert.Equal("exim4", b["usr/sbin/exim"].LinkTarget);
        Assert.Equal("exim4", b["usr/sbin/sendmail"].LinkTarget);
        Assert.True(b["usr/sbin/exim4"].Exists);
        Assert.Null(b["usr/sbin/exim4"].LinkTarget);
    }

    [Fact]
    public void Old_gnu_ls_unquoted_missing_and_iso_time_style()
    {
        var b = LsBinariesParser.Parse(Fixture.Output("linux/rhel6.8-mta-audit-session-postfix-stopped.txt"));
        Assert.Equal(2, b.Count);
        Assert.Equal(("/usr/bin/mailx", false), (b[0].Path, b[0].Exists));
        Assert.Equal(("/bin/mail", true, "/etc/alternatives/mail"), (b[1].Path, b[1].Exists, b[1].LinkTarget));
    }

    [Theory]
    // Shapes of other systems' ls (no captured fixture): Solaris/AIX/HP-UX long listing with
    // padded columns, and each system's complaint about a missing file.
    [InlineData("lrwxrwxrwx   1 root     root          23 Jan 12  2020 /usr/lib/sendmail -> ../../usr/sbin/sendmail", "/usr/lib/sendmail", true, "../../usr/sbin/sendmail")]
    [InlineData("-r-xr-sr-x   1 root     smmsp     870872 Oct  3 10:15 /usr/lib/sendmail", "/usr/lib/sendmail", true, null)]
    [InlineData("ls: /usr/sbin/exim: No such file or directory", "/usr/sbin/exim", false, null)]
    [InlineData("/usr/sbin/exim: No such file or directory", "/usr/sbin/exim", false, null)]
    [InlineData("ls: 0653-341 The file /usr/sbin/exim does not exist.", "/usr/sbin/exim", false, null)]
    [InlineData("/usr/sbin/exim not found", "/usr/sbin/exim", false, null)]
    public void Other_unix_shapes(string line, string path, bool exists, string? target)
    {
        var b = Assert.Single(LsBinariesParser.Parse(line));
        Assert.Equal((path, exists, target), (b.Path, b.Exists, b.LinkTarget));
    }

    [Fact]
    public void Non_ls_outputs_give_nothing()
    {
        Assert.Empty(LsBinariesParser.Parse(Fixture.Output("linux/ps-aux-postfix-master-centos7.txt")));
        Assert.Empty(LsBinariesParser.Parse(Fixture.Output("linux/sendmail-8.14.4-d0.1-rhel6.8-recipient-names.txt")));
    }
}
