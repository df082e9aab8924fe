using MtaAudit.Parse.Queue;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Parse;

/// <summary>mta.queue sections captured in the test hosts (Fixtures/testhosts/mta-queue-sections.txt): counts per MTA, nothing else.</summary>
public sealed class MailQueueParserTests
{
    private static Dictionary<string, string> Blocks()
    {
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        foreach (var line in Fixture.Output("testhosts/mta-queue-sections.txt").Split('\n'))
        {
            if (line.StartsWith("== ", StringComparison.Ordinal)) { name = line[3..]; blocks[name] = ""; }
            else if (name is not null && line.Length > 0) blocks[name] += line + "\n";
        }
        return blocks;
    }

    [Theory]
    [InlineData("deb12-postfix", "postfix", 0)]
    [InlineData("deb11-postfix", "postfix", 0)]
    [InlineData("deb12-exim", "exim", 0)]
    [InlineData("deb13-sendmail", "sendmail", 0)]
    [InlineData("deb13-opensmtpd", "opensmtpd", 0)]
    [InlineData("deb12-sendmail", "sendmail", 0)]
    [InlineData("deb12-exim queued", "exim", 1)]
    [InlineData("deb11-postfix maildrop", "postfix", 1)]
    public void Each_real_section_gives_its_mta_and_count(string block, string mta, int count)
    {
        Assert.Equal([(mta, count)], MailQueueParser.Parse(Blocks()[block]));
    }

    [Theory]
    [InlineData("postfix unknown postqueue -j (exit 69)")]
    [InlineData("exim unknown /usr/sbin/exim4 -bpc")]
    [InlineData("postfix -1 postqueue -j")]
    [InlineData("postfix 1e3 postqueue -j")]
    [InlineData("qmail 3 qmail-qstat")]
    [InlineData("")]
    public void What_is_not_a_count_of_a_known_mta_gives_none(string line)
    {
        Assert.Empty(MailQueueParser.Parse(line));
    }
}
