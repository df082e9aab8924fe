using MtaAudit.Services;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Services;

public class SmfParserTests
{
    [Fact]
    public void Reads_sendmail_and_its_client_online_on_solaris_11_4()
    {
        var records = SmfParser.Parse(Fixture.Output("solaris/svcs-sendmail-and-client-online-solaris11.4.txt"));

        // svcs NAME and svcs -x NAME for each of the two services.
        Assert.Equal(4, records.Count);
        Assert.All(records, r => Assert.Equal("smf", r.Manager));
        Assert.All(records, r => Assert.True(r.Running));
        Assert.All(records, r => Assert.True(r.Enabled));
        Assert.Equal(2, records.Count(r => r.Name == "svc:/network/smtp:sendmail"));
        Assert.Equal(2, records.Count(r => r.Name == "svc:/network/sendmail-client:default"));
        Assert.Equal("online         06:46:52        svc:/network/smtp:sendmail", records[0].Evidence);
        Assert.Contains("State: online since January 17, 2024", records[1].Evidence);
    }

    [Fact]
    public void Reads_a_plain_svcs_listing()
    {
        var records = SmfParser.Parse(Fixture.Output("solaris/svcs-listing-with-sendmail.txt"));

        Assert.Equal(8, records.Count); // the header and the author's '...' are not rows
        var sendmail = Assert.Single(records, r => r.Name == "svc:/network/smtp:sendmail");
        Assert.Equal("online", sendmail.State);
        Assert.True(sendmail.Running);
    }

    [Fact]
    public void Reads_a_grepped_row()
    {
        var r = Assert.Single(SmfParser.Parse(Fixture.Output("solaris/svcs-a-grep-smtp-sendmail-perl-comment.txt")));
        Assert.Equal("svc:/network/smtp:sendmail", r.Name);
        Assert.True(r.Enabled);
    }

    [Fact]
    public void Reads_the_long_form()
    {
        var r = Assert.Single(SmfParser.Parse(Fixture.Output("solaris/svcs-l-sendmail-opensolaris2008-whitespace-collapsed.txt")));
        Assert.Equal("svc:/network/smtp:sendmail", r.Name);
        Assert.Equal("online", r.State);
        Assert.True(r.Running);
        Assert.True(r.Enabled);
        Assert.Contains("enabled true", r.Evidence);
    }

    [Fact]
    public void Reads_the_explain_form()
    {
        var r = Assert.Single(SmfParser.Parse(Fixture.Output("solaris/svcs-x-sendmail.txt")));
        Assert.Equal("svc:/network/smtp:sendmail", r.Name);
        Assert.True(r.Running);
    }

    [Theory]
    [InlineData("online", true, true)]
    [InlineData("degraded", true, true)]
    [InlineData("legacy_run", true, null)]
    [InlineData("disabled", false, false)]
    [InlineData("offline", false, true)]
    [InlineData("maintenance", false, true)]
    [InlineData("uninitialized", null, null)]
    [InlineData("offline*", null, null)]
    public void Reads_state_words(string state, bool? running, bool? enabled)
    {
        Assert.Equal((running, enabled), SmfParser.Meaning(state));
    }
}
