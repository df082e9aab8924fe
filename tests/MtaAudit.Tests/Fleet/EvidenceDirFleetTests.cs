using MtaAudit.Assess;
using MtaAudit.Collect.Ssh;
using MtaAudit.Fleet;
using MtaAudit.Knowledge;
using MtaAudit.Store;

namespace MtaAudit.Tests.Fleet;

/// <summary>
/// --evidence-dir through the real scanner: eight inventory names that the old naming folded onto fewer files
/// (db/1 and db_1, the Hangul names, "../x" and ".") are collected over SSH from the loopback hosts, and each
/// file holds exactly the bundle the store holds for its own host.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class EvidenceDirFleetTests(FaultFleet fleet) : IClassFixture<FaultFleet>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mta-fleet-evdir-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class Quiet : IFleetProgress
    {
        public void Started(Target target) { }
        public void Finished(Target target, HostCollection result, string? verdict) { }
    }

    [Fact]
    public async Task Eight_colliding_names_give_eight_files_each_with_its_own_hosts_bundle()
    {
        string[] names = ["db/1", "db_1", "DB_1", "호스트", "호스트/", "a..b", "../x", "."];
        var targets = names.Select((n, i) => FaultFleet.T(n, 1 + i % 2)).ToList();
        var evidence = Path.Combine(_dir, "evidence");
        var storePath = Path.Combine(_dir, "store.sqlite");
        var store = FleetStore.Open(storePath);
        var run = store.NewRun(targets, "test");
        var collector = new SshCollector(fleet.Settings());
        var scanner = new FleetScanner(collector, store, new AnalysisOptions(KnowledgeStore.Load(), Policy.Vendor, false), new Quiet())
            { Forks = 8, EvidenceDir = evidence };
        await scanner.RunAsync(run, targets, CancellationToken.None);
        await collector.DisposeAsync();

        store.Dispose();
        Assert.Empty(scanner.EvidenceErrors);
        Assert.Equal(names.Length, Directory.GetFiles(evidence).Length);
        // A new connection: the scanning one answers with its judgement instead of the bundle.
        using var reread = FleetStore.Open(storePath);
        foreach (var row in reread.Rows(run))
        {
            Assert.NotNull(row.Bundle);
            Assert.Equal(row.Bundle, File.ReadAllBytes(Path.Combine(evidence, EvidenceFiles.FileName(row.Name))));
        }
        Assert.Equal(["evidence", "store.sqlite", "store.sqlite-shm", "store.sqlite-wal"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
