using System.Text;
using MtaAudit.Remediation;
using MtaAudit.Services;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Services;

/// <summary>
/// Issue 20, false 양호 on AIX: /etc/rc.tcpip read as the shell runs it. The stock line is the real one of
/// Fixtures/aix/rc.tcpip-sendmail-start-line-commented.txt without its '#' (the fixture's note: "enabled form
/// lacks the leading '#'"); the other shapes wrap that same line as an administrator's rc.tcpip does. The
/// remediation edit must switch off exactly what the parser reads as on, in every shape.
/// </summary>
public class AixRcTcpipShapesTests
{
    private static readonly string Commented = Fixture.Output("aix/rc.tcpip-sendmail-start-line-commented.txt").TrimEnd('\n');
    private static readonly string Stock = Commented[1..];

    public static TheoryData<string> ActiveShapes() =>
    [
        Stock,
        "  \t" + Stock,
        "[ -x /usr/lib/sendmail ] && " + Stock,
        "test -x /usr/lib/sendmail && " + Stock + " # mail",
        "start sendmail \"$src_running\" \"-bd -q${qpi}\"",
        "startsrc -s sendmail -a \"-bd -q30m\"",
        "/usr/bin/startsrc -ssendmail",
        "if [ -x /usr/lib/sendmail ]; then " + Stock + "; fi",
        "if [ -f /etc/mail/sendmail.cf ] ; then startsrc -s sendmail -a \"-bd -q30m\" ; fi",
        "[ -f /etc/mail/sendmail.cf ] || echo no config; " + Stock,
        "/usr/lib/sendmail -bd -q30m &",
    ];

    public static TheoryData<string> OffShapes() =>
    [
        Commented,
        "# " + Stock,
        "  ##" + Stock,
        "#[ -x /usr/lib/sendmail ] && " + Stock,
        "# startsrc -s sendmail -a \"-bd -q30m\"",
        "#if [ -x /usr/lib/sendmail ]; then " + Stock + "; fi",
    ];

    [Theory]
    [MemberData(nameof(ActiveShapes))]
    public void A_line_that_starts_sendmail_reads_as_started_at_boot_and_the_edit_switches_it_off(string line)
    {
        var r = Assert.Single(AixRcTcpipParser.Parse(line + "\n"), x => x.Name == "sendmail");
        Assert.True(r.Enabled, line);
        Assert.Equal("start line active", r.State);

        var before = Encoding.Latin1.GetBytes(line + "\n");
        Assert.False(AixRcTcpipEdit.Instance.IsSatisfied(before));
        var after = AixRcTcpipEdit.Instance.Apply(before);
        Assert.Equal("#" + line + "\n", Encoding.Latin1.GetString(after)); // one byte, so undo is exact
        Assert.False(Assert.Single(AixRcTcpipParser.Parse(Encoding.Latin1.GetString(after)), x => x.Name == "sendmail").Enabled);
        Assert.True(AixRcTcpipEdit.Instance.IsSatisfied(after));
    }

    [Theory]
    [MemberData(nameof(OffShapes))]
    public void A_commented_line_is_off_and_left_alone(string line)
    {
        var r = Assert.Single(AixRcTcpipParser.Parse(line + "\n"), x => x.Name == "sendmail");
        Assert.False(r.Enabled, line);
        Assert.Equal("start line commented out", r.State);
        Assert.True(AixRcTcpipEdit.Instance.IsSatisfied(Encoding.Latin1.GetBytes(line + "\n")));
    }

    [Theory]
    [InlineData("[ -x /usr/lib/sendmail ] && echo sendmail is installed")]
    [InlineData("echo \"start /usr/lib/sendmail\"")]
    [InlineData("# start up the mail daemon")]
    [InlineData("start /usr/sbin/syslogd \"$src_running\"")]
    public void A_line_that_only_mentions_sendmail_starts_nothing_and_the_complete_file_says_not_started(string line)
    {
        var r = Assert.Single(AixRcTcpipParser.Parse(line + "\n"), x => x.Name == "sendmail");
        Assert.False(r.Enabled);
        Assert.Equal("no start line", r.State);
        Assert.True(AixRcTcpipEdit.Instance.IsSatisfied(Encoding.Latin1.GetBytes(line + "\n")));
    }

    [Fact]
    public void One_active_shape_among_commented_ones_is_on_and_only_it_is_edited()
    {
        var text = Commented + "\n" + "[ -x /usr/lib/sendmail ] && " + Stock + "\n" + "# " + Stock + "\n";
        Assert.True(Assert.Single(AixRcTcpipParser.Parse(text), x => x.Name == "sendmail").Enabled);
        var after = Encoding.Latin1.GetString(AixRcTcpipEdit.Instance.Apply(Encoding.Latin1.GetBytes(text)));
        Assert.Equal(Commented + "\n" + "#[ -x /usr/lib/sendmail ] && " + Stock + "\n" + "# " + Stock + "\n", after);
    }
}
