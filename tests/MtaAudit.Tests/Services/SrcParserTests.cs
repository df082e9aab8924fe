using MtaAudit.Services;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Services;

public class SrcParserTests
{
    [Fact]
    public void Reads_lssrc_a_with_blank_group_and_blank_pid_columns()
    {
        var records = SrcParser.Parse(Fixture.Output("aix/lssrc-a-ansible-service_facts-fixture.txt"));

        Assert.Equal(75, records.Count);
        Assert.All(records, r => Assert.Equal("src", r.Manager));
        Assert.All(records, r => Assert.Null(r.Enabled));
        var sendmail = records[0];
        Assert.Equal("sendmail", sendmail.Name);
        Assert.True(sendmail.Running);
        Assert.Equal("active (pid 5243302)", sendmail.State);
        var aso = records.Single(r => r.Name == "aso"); // no group
        Assert.True(aso.Running);
        var lpd = records.Single(r => r.Name == "lpd"); // blank PID
        Assert.False(lpd.Running);
        Assert.Equal("inoperative", lpd.State);
        var gsclvmd = records.Single(r => r.Name == "gsclvmd"); // neither group nor PID
        Assert.False(gsclvmd.Running);
    }

    [Fact]
    public void Reads_an_indented_listing()
    {
        var records = SrcParser.Parse(Fixture.Output("aix/lssrc-a-oshi-comment.txt"));

        Assert.Equal(8, records.Count);
        Assert.True(records.Single(r => r.Name == "sendmail").Running);
        Assert.False(records.Single(r => r.Name == "lpd").Running);
    }

    [Fact]
    public void Reads_lssrc_s_and_skips_subserver_tables_and_messages()
    {
        var records = SrcParser.Parse(Fixture.Output("aix/lssrc-s-active-and-inoperative-format-sshd-inetd-chinese-blog.txt"));

        Assert.Equal(2, records.Count); // the telnet rows belong to lssrc -t
        Assert.Equal("inetd", records[0].Name);
        Assert.True(records[0].Running);
        Assert.Equal("sshd", records[1].Name);
        Assert.False(records[1].Running);
    }

    [Fact]
    public void Reads_the_stig_row_with_odd_spacing()
    {
        var r = Assert.Single(SrcParser.Parse(Fixture.Output("aix/lssrc-s-sshd-disa-stig-aix7.txt")));
        Assert.Equal("sshd", r.Name);
        Assert.True(r.Running);
    }

    [Theory]
    [InlineData("aix/startsrc-boot-0513-059-sendmail-started-aix7.2-tl4.txt")]
    [InlineData("aix/startsrc-sendmail-already-active-message-ibm-docs.txt")]
    public void Startsrc_messages_are_not_rows(string fixture)
    {
        Assert.Empty(SrcParser.Parse(Fixture.Output(fixture)));
    }
}
