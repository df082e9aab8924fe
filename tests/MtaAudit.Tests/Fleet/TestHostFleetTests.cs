using MtaAudit.Assess;
using MtaAudit.Collect.Ssh;
using MtaAudit.Fleet;
using MtaAudit.Knowledge;
using MtaAudit.Store;
using MtaAudit.Tests.Hosts;

namespace MtaAudit.Tests.Fleet;

/// <summary>
/// The fleet scan against the booted Debian test hosts' own sshd (10.213.N.2:22): a key put into
/// root's authorized_keys and each host's key into a known_hosts file (both inside the host's
/// volatile overlay, gone at the next boot), then one scan of every host at once. Each report must
/// say what hosts.tsv says the host is. Run with the test-host lock (tests/hosts/README.md).
/// </summary>
[Collection(TestHostsCollection.Name)]
[Trait("Category", "TestHost")]
public sealed class TestHostFleetTests(TestHostsFixture hosts) : IDisposable
{
    private readonly LoopbackKeys _keys = new();

    public void Dispose() => _keys.Dispose();

    /// <summary>Only the client key and the known_hosts file; no sshd of our own.</summary>
    private sealed class LoopbackKeys : IDisposable
    {
        public string Dir { get; } = Directory.CreateTempSubdirectory("mta-fleet-th-").FullName;
        public string Key => Path.Combine(Dir, "client_key");
        public LoopbackKeys()
        {
            var p = System.Diagnostics.Process.Start("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", Key])!;
            p.WaitForExit();
        }
        public void Dispose() => Directory.Delete(Dir, true);
    }

    private sealed class Quiet : IFleetProgress
    {
        public void Started(Target target) { }
        public void Finished(Target target, HostCollection result, string? verdict) { }
    }

    [Fact]
    public async Task Every_test_host_is_scanned_over_its_sshd_and_judged_as_it_is()
    {
        var pub = File.ReadAllText(_keys.Key + ".pub").Trim();
        var knownHosts = Path.Combine(_keys.Dir, "known_hosts");
        var lines = new List<string>();
        foreach (var spec in TestHostsFixture.Hosts)
        {
            var (rc, stdout, stderr) = hosts.Exec(spec.Name,
                $"mkdir -p /root/.ssh && chmod 700 /root/.ssh && echo '{pub}' > /root/.ssh/authorized_keys && cut -d' ' -f1,2 /etc/ssh/ssh_host_ed25519_key.pub",
                TimeSpan.FromMinutes(1));
            Assert.True(rc == 0, $"{spec.Name}: {stderr}");
            lines.Add($"{spec.Address} {stdout.Trim()}");
        }
        File.WriteAllLines(knownHosts, lines);

        var analysis = new AnalysisOptions(KnowledgeStore.Load(), Policy.Vendor, false);
        var settings = new SshSettings
        {
            DefaultUser = "root",
            IdentityFiles = [_keys.Key],
            KnownHosts = KnownHosts.Load(knownHosts),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            CommandTimeout = TimeSpan.FromMinutes(3),
            TotalTimeout = TimeSpan.FromMinutes(4),
        };
        // Inventory names differ from the hosts' own names: the report must key on the inventory's.
        var targets = TestHostsFixture.Hosts.Select(h => new Target("fleet-" + h.Name, h.Address)).ToList();
        var storePath = Path.Combine(_keys.Dir, "store.sqlite");
        using var store = FleetStore.Open(storePath);
        var run = store.NewRun(targets, "test hosts");
        var collector = new SshCollector(settings);
        await new FleetScanner(collector, store, analysis, new Quiet()) { Forks = targets.Count }
            .RunAsync(run, targets, CancellationToken.None);
        await collector.DisposeAsync();

        var entries = FleetReport.Entries(store, run, analysis).ToList();
        Assert.Equal(targets.Select(t => t.Name), entries.Select(e => e.Host.Host));
        foreach (var (spec, (report, context)) in TestHostsFixture.Hosts.Zip(entries))
        {
            Assert.True(report.Errors.Count == 0, $"{spec.Name}: {string.Join(" | ", report.Errors)}");
            Assert.Equal($"ssh {spec.Address}", report.Source);
            Assert.Equal(spec.Name, context.CallsItself);
            Assert.Equal([spec.Address], context.Addresses);
            if (!spec.HasMta)
            {
                Assert.Empty(report.Mtas);
                continue;
            }
            var finding = Assert.Single(report.Mtas);
            Assert.Equal(spec.Mta, finding.Mta);
            Assert.Equal(spec.Running, finding.Running);
            Assert.NotNull(finding.Version);
        }
    }
}
