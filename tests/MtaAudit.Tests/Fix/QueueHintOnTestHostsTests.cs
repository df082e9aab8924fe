using MtaAudit.Assess;
using MtaAudit.Fix;
using MtaAudit.Knowledge;
using MtaAudit.Remediation;
using MtaAudit.Tests.Hosts;

namespace MtaAudit.Tests.Fix;

/// <summary>
/// The "nothing queued" hint from the collector's mta.queue probe, inside booted test hosts: each running MTA's
/// empty queue is counted (0) and the plan hints it without planning any stop; a message queued in Exim
/// (exim4 -odq, not delivered) is counted (1), the section holds the count only (no address), and a plan that
/// stops Exim warns that it waits. Run under the test-host lock.
/// </summary>
[Collection(TestHostsCollection.Name)]
[Trait("Category", "TestHost")]
public sealed class QueueHintOnTestHostsTests(TestHostsFixture hosts)
{
    private static readonly AnalysisOptions Options = new(KnowledgeBaseLoader.LoadEmbedded(), Policy.Vendor);
    private static readonly TimeSpan CollectTimeout = TimeSpan.FromMinutes(3);

    private static PrefixTarget Target(string host) => new(host, ["bash", Path.Combine(RepoPaths.HostsDir, "exec.sh"), host]);

    [Theory]
    [InlineData("deb12-postfix", "postfix")]
    [InlineData("deb12-exim", "exim")]
    [InlineData("deb13-sendmail", "sendmail")]
    [InlineData("deb13-opensmtpd", "opensmtpd")]
    public void An_empty_queue_is_counted_and_hinted_and_nothing_is_stopped(string host, string mta)
    {
        hosts.EnsureReady(host);
        var c = FixSession.Collect(Target(host), Options, CollectTimeout);
        Assert.Equal(0, c.Facts.QueuedMessages[mta]);
        var plan = HostPlanner.Build(c.Facts, c.Report, new HashSet<string>());
        Assert.Contains(plan.Notes, n => n.En == "hint: nothing is queued (no message waits in its queue)");
        Assert.DoesNotContain(plan.Numbered(), x => x.Step is ServiceStop or ServiceDisable);
    }

    [Fact]
    public void A_queued_message_is_counted_without_its_address_and_stopping_warns_of_it()
    {
        const string host = "deb12-exim";
        hosts.EnsureReady(host);
        var (rc, _, stderr) = hosts.Exec(host, "printf 'Subject: mta-audit queue test\\n\\nhello\\n' | exim4 -odq postmaster@queue-test.invalid", TimeSpan.FromMinutes(1));
        Assert.True(rc == 0, stderr);
        try
        {
            var c = FixSession.Collect(Target(host), Options, CollectTimeout);
            Assert.Equal(1, c.Facts.QueuedMessages["exim"]);
            var section = Assert.Single(c.Bundle.Sections, s => s.Probe == "mta.queue");
            Assert.Equal("exim 1 /usr/sbin/exim4 -bpc", section.Text.Trim());
            Assert.DoesNotContain(c.Bundle.Sections, s => s.Text.Contains("queue-test.invalid", StringComparison.Ordinal));
            Assert.DoesNotContain(HostPlanner.Build(c.Facts, c.Report, new HashSet<string>()).Notes, n => n.En.StartsWith("hint: nothing is queued", StringComparison.Ordinal));
            var stop = HostPlanner.Build(c.Facts, c.Report, new HashSet<string> { "exim" });
            Assert.Contains(stop.Notes, n => n.En == "note: 1 messages wait in its queue: stopped, it will not deliver them; look at them first");
        }
        finally
        {
            hosts.Exec(host, "exiqgrep -i | xargs -r exim4 -Mrm", TimeSpan.FromMinutes(1));
        }
    }
}
