using System.Text;
using MtaAudit.Remediation;
using MtaAudit.Services;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Remediation;

/// <summary>
/// The rc.tcpip and mailservs edits on the real lines (Fixtures/aix/rc.tcpip-…, Fixtures/hpux/rc.config.d-mailservs-…),
/// checked byte for byte: the live form of the real AIX line (the fixture's header: "enabled form lacks the
/// leading '#'"), files already edited, commented variants, odd spacing, CRLF and a missing last newline.
/// Every edited file is also read back by the parser the collector's evidence goes through.
/// </summary>
public sealed class LineEditTests
{
    private static readonly string AixCommented = Fixture.Output("aix/rc.tcpip-sendmail-start-line-commented.txt");
    private static readonly string AixLive = AixCommented[1..]; // the real line without its '#'
    private static readonly string Mailservs = Fixture.Output("hpux/rc.config.d-mailservs-documented-lines.txt");

    private static byte[] B(string s) => Encoding.Latin1.GetBytes(s);
    private static string S(byte[] b) => Encoding.Latin1.GetString(b);

    [Fact]
    public void Real_aix_line_is_the_commented_form_and_the_live_form_becomes_it_byte_for_byte()
    {
        Assert.StartsWith("#start /usr/lib/sendmail ", AixCommented, StringComparison.Ordinal);
        var edit = AixRcTcpipEdit.Instance;
        Assert.True(edit.IsSatisfied(B(AixCommented)));
        Assert.Equal(B(AixCommented), edit.Apply(B(AixCommented)));   // already edited: same bytes
        Assert.False(edit.IsSatisfied(B(AixLive)));
        Assert.Equal(B(AixCommented), edit.Apply(B(AixLive)));        // the guide's result, exactly
        Assert.Equal(false, Assert.Single(AixRcTcpipParser.Parse(S(edit.Apply(B(AixLive)))), r => r.Name == "sendmail").Enabled);
        Assert.Equal(true, Assert.Single(AixRcTcpipParser.Parse(AixLive), r => r.Name == "sendmail").Enabled);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\t")]
    [InlineData(" \t ")]
    public void Aix_odd_spacing_keeps_every_byte_and_only_adds_the_hash(string lead)
    {
        var live = lead + AixLive.TrimEnd('\n').Replace("start /usr", "start\t  /usr", StringComparison.Ordinal);
        foreach (var (before, expected) in new[]
                 {
                     (live + "\n", "#" + live + "\n"),
                     (live + "\r\n", "#" + live + "\r\n"),
                     (live, "#" + live), // no final newline
                 })
        {
            var after = AixRcTcpipEdit.Instance.Apply(B(before));
            Assert.Equal(expected, S(after));
            Assert.True(AixRcTcpipEdit.Instance.IsSatisfied(after));
            Assert.Equal(after, AixRcTcpipEdit.Instance.Apply(after)); // idempotent
        }
    }

    [Theory]
    [InlineData("# ")]
    [InlineData("##")]
    [InlineData("  #\t")]
    public void Aix_commented_variants_are_left_alone(string hash)
    {
        var text = hash + AixLive;
        Assert.True(AixRcTcpipEdit.Instance.IsSatisfied(B(text)));
        Assert.Equal(B(text), AixRcTcpipEdit.Instance.Apply(B(text)));
    }

    [Fact]
    public void Aix_live_and_commented_lines_together_only_the_live_one_changes()
    {
        var text = AixCommented + AixLive + AixCommented;
        Assert.Equal(AixCommented + "#" + AixLive + AixCommented, S(AixRcTcpipEdit.Instance.Apply(B(text))));
    }

    [Fact]
    public void Real_mailservs_lines_get_zero_in_every_assignment_and_nothing_else_changes()
    {
        Assert.Contains("export SENDMAIL_SERVER=1\n", Mailservs, StringComparison.Ordinal);
        var expected = Mailservs.Replace("export SENDMAIL_SERVER=1\n", "export SENDMAIL_SERVER=0\n", StringComparison.Ordinal)
                                .Replace("\nSENDMAIL_SERVER=1\n", "\nSENDMAIL_SERVER=0\n", StringComparison.Ordinal);
        Assert.Contains("SENDMAIL_SERVER_NAME=\n", expected, StringComparison.Ordinal);
        Assert.Contains("SENDMAIL_FREEZE=1\n", expected, StringComparison.Ordinal);
        var edit = HpuxMailservsEdit.Instance;
        Assert.False(edit.IsSatisfied(B(Mailservs)));
        var after = edit.Apply(B(Mailservs));
        Assert.Equal(expected, S(after));
        Assert.True(edit.IsSatisfied(after));
        Assert.Equal(after, edit.Apply(after)); // already edited: same bytes
        Assert.Equal(true, Assert.Single(HpuxMailservsParser.Parse(Mailservs)).Enabled);
        Assert.Equal(false, Assert.Single(HpuxMailservsParser.Parse(S(after))).Enabled);
    }

    [Theory]
    [InlineData("SENDMAIL_SERVER=\"1\"\n", "SENDMAIL_SERVER=\"0\"\n")]
    [InlineData("SENDMAIL_SERVER='1'\r\n", "SENDMAIL_SERVER='0'\r\n")]
    [InlineData("  export   SENDMAIL_SERVER=1   # start the daemon\n", "  export   SENDMAIL_SERVER=0   # start the daemon\n")]
    [InlineData("\tSENDMAIL_SERVER=1;", "\tSENDMAIL_SERVER=0;")]
    [InlineData("#SENDMAIL_SERVER=1\nSENDMAIL_SERVER=0\n", "#SENDMAIL_SERVER=1\nSENDMAIL_SERVER=0\n")]
    [InlineData("# export SENDMAIL_SERVER=1\n", "# export SENDMAIL_SERVER=1\n")]
    public void Mailservs_spacing_quotes_and_comments_are_kept(string before, string expected)
    {
        var after = HpuxMailservsEdit.Instance.Apply(B(before));
        Assert.Equal(expected, S(after));
        Assert.True(HpuxMailservsEdit.Instance.IsSatisfied(after));
        Assert.NotEqual(true, HpuxMailservsParser.Parse(S(after)).SingleOrDefault()?.Enabled);
    }

    [Fact]
    public void Bytes_outside_ascii_survive_untouched()
    {
        var bytes = B(AixLive).Concat(new byte[] { 0xEB, 0xA9, 0x94, 0xFF, 0x00, (byte)'\n' }).ToArray();
        var after = AixRcTcpipEdit.Instance.Apply(bytes);
        Assert.Equal(new byte[] { (byte)'#' }.Concat(bytes).ToArray(), after);
    }
}
