using MtaAudit.Assess;
using MtaAudit.Collect;
using MtaAudit.Evidence;
using MtaAudit.Knowledge;
using MtaAudit.Parse;

namespace MtaAudit.Tests.Hosts;

/// <summary>
/// The host, not its neighbours: with every test host booted (nspawn containers running Postfix, Exim,
/// Sendmail and OpenSMTPD), a scan of THIS machine reports no MTA of its own. And a root-run collector
/// refuses a world-writable sendmail planted inside a booted host, and the report says so.
/// </summary>
[Collection(TestHostsCollection.Name)]
[Trait("Category", "TestHost")]
public sealed class NeighbourAndUnsafeBinaryTests(TestHostsFixture hosts)
{
    private static readonly AnalysisOptions Vendor = new(KnowledgeBaseLoader.LoadEmbedded(), Policy.Vendor);

    [Fact]
    public void A_scan_of_this_machine_does_not_take_the_booted_hosts_mtas_for_its_own()
    {
        hosts.EnsureReady();
        Assert.False(File.Exists("/usr/sbin/postconf") || File.Exists("/usr/sbin/exim4") || File.Exists("/usr/sbin/sendmail"),
            "this machine has an MTA of its own: the test needs one without");
        var run = LocalCollector.Run(TimeSpan.FromMinutes(3));
        Assert.True(run.Succeeded, $"collector: exit {run.ExitCode}, {run.Stderr}");
        var bundle = BundleReader.Read(new MemoryStream(run.Output), "scan").Single().Bundle!;
        var facts = FactsBuilder.Build(bundle);
        // The containers' daemons are visible to ps here, and set apart.
        Assert.Contains(facts.ForeignProcesses, p => p.Args.Contains("postfix/sbin/master", StringComparison.Ordinal));
        Assert.Contains(facts.ForeignProcesses, p => p.Args.Contains("exim4", StringComparison.Ordinal));
        Assert.Contains(facts.ForeignProcesses, p => p.Args.StartsWith("sendmail: MTA", StringComparison.Ordinal));
        Assert.Contains(facts.ForeignProcesses, p => p.Args.Contains("smtpd", StringComparison.Ordinal));
        var report = Analyzer.Analyze(bundle, Vendor);
        Assert.Empty(report.Mtas);
        Assert.Equal(Verdict.Good, report.Verdict);
        Assert.Contains(report.Reasons, r => r.En.Contains("also running in containers", StringComparison.Ordinal)
                                             && r.En.Contains("Postfix", StringComparison.Ordinal));

        // The same through the built command: `mta-audit scan` on this machine.
        var (code, json, stderr) = Cli.CliProcessTests.Run("scan", "--format", "json", "--lang", "en");
        Assert.True(code == 0, $"scan exit {code}: {stderr}\n{json}");
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var host = doc.RootElement.GetProperty("hosts")[0];
        Assert.Equal("GOOD", host.GetProperty("verdict").GetString());
        Assert.Equal(0, host.GetProperty("mtas").GetArrayLength());
        Assert.Contains("also running in containers", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_world_writable_sendmail_planted_in_a_test_root_is_not_run_and_the_report_says_so()
    {
        const string host = "deb12-none";
        var plant = "printf '#!/bin/sh\\necho planted-ran > /run/mta-audit-planted-ran\\necho Version 8.18.1\\n' > /usr/local/sbin/sendmail\n"
                  + "chmod 0777 /usr/local/sbin/sendmail\nrm -f /run/mta-audit-planted-ran\n";
        var (prc, _, perr) = hosts.Exec(host, plant, TimeSpan.FromSeconds(30));
        Assert.True(prc == 0, "planting: " + perr);
        try
        {
            var (rc, stdout, stderr) = hosts.Exec(host, File.ReadAllText(RepoPaths.Collector), TimeSpan.FromMinutes(2));
            Assert.True(rc == 0, $"collector exited {rc}: {stderr}");
            var (_, ran, _) = hosts.Exec(host, "cat /run/mta-audit-planted-ran 2>/dev/null; true", TimeSpan.FromSeconds(30));
            Assert.Equal("", ran.Trim()); // never executed

            var bundle = BundleReader.Read(stdout, host).Single().Bundle!;
            var section = Assert.Single(bundle.Probe("mta.sendmail.version"), s => s.Path == "/usr/local/sbin/sendmail");
            Assert.Equal(ProbeOutcome.Absent, section.Outcome);
            Assert.Equal("writable:/usr/local/sbin/sendmail", section.Attributes["unsafe"]);

            var report = Analyzer.Analyze(bundle, Vendor);
            Assert.Equal(Verdict.Manual, report.Verdict);
            Assert.Contains(report.Reasons, r => r.En.Contains("not run, unsafe: /usr/local/sbin/sendmail", StringComparison.Ordinal)
                                                 && r.En.Contains("writable by group or others", StringComparison.Ordinal));
        }
        finally
        {
            hosts.Exec(host, "rm -f /usr/local/sbin/sendmail /run/mta-audit-planted-ran", TimeSpan.FromSeconds(30));
        }
    }
}
