using MtaAudit.Knowledge;
using MtaAudit.Tests.Support;
using static MtaAudit.Tests.Knowledge.Import.ImportFixtures;

namespace MtaAudit.Tests.Knowledge.Import;

/// <summary><c>db import</c> as a process: a crafted file is refused in one line, and imports at once lose nothing.</summary>
public class DbImportCliTests
{
    [Fact]
    public void A_crafted_zero_fix_exits_3_with_one_line_and_leaves_the_overlay_as_it_was()
    {
        using var dir = new TempDir();
        var good = dir.Write("USN-6591-1.json", Text(ImportFixtures.Osv));
        Assert.Equal(0, CliBinary.Run(["db", "import", good, "--data-dir", dir.Path]).Code);
        var before = File.ReadAllBytes(dir.Overlay);

        var bad = dir.Write("attack.json", CraftedImportTests.UpstreamOsv("CVE-2023-51764", "postfix", ("introduced", "0"), ("fixed", "0.0")));
        var (code, stdout, stderr) = CliBinary.Run(["db", "import", bad, "--data-dir", dir.Path, "--lang", "en"]);
        Assert.Equal(3, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal($"mta-audit: {bad}: $.affected[0].ranges[0].events[1].fixed: CVE-2023-51764: fixed 0.0 is version 0: the range covers no version; nothing imported, the local overlay {dir.Overlay} is unchanged", line);
        Assert.Equal(before, File.ReadAllBytes(dir.Overlay));
    }

    [Fact]
    public async Task An_import_waits_while_another_holds_the_overlay_lock_and_then_writes()
    {
        using var dir = new TempDir();
        var osv = dir.Write("USN-6591-1.json", Text(ImportFixtures.Osv));
        DateTime released;
        Task<(int Code, string Stdout, string Stderr)> run;
        // The lock a running import holds (Knowledge/Import/OverlayLock.cs: an exclusive open of kb-local.json.lock).
        using (new FileStream(dir.Overlay + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            run = Task.Run(() => CliBinary.Run(["db", "import", osv, "--data-dir", dir.Path]));
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.False(run.IsCompleted, "the import did not wait for the lock");
            Assert.False(File.Exists(dir.Overlay));
            released = DateTime.UtcNow;
        }
        var r = await run;
        Assert.Equal((0, ""), (r.Code, r.Stderr));
        Assert.Contains(KnowledgeStore.ReadOverlay(dir.Overlay).VendorPackages!, p => p.Version == "3.6.4-1ubuntu1.2");
        Assert.True(File.GetLastWriteTimeUtc(dir.Overlay) >= released.AddSeconds(-1));
    }

    [Fact]
    public async Task Four_imports_at_once_all_exit_0_and_every_files_records_are_in_the_overlay()
    {
        using var dir = new TempDir();
        string[] ids = ["CVE-2011-0411", "CVE-2011-1720"];
        var files = new List<string>
        {
            dir.Write("CVE-2019-10149.json", Text(ImportFixtures.Nvd)),
            dir.Write("USN-6591-1.json", Text(ImportFixtures.Osv)),
        };
        files.AddRange(ids.Select(id => dir.Write(id + ".json", CraftedImportTests.UpstreamOsv(id, "postfix", ("introduced", "0"), ("fixed", "9.9")))));
        var runs = files.Select(f => Task.Run(() => CliBinary.Run(["db", "import", f, "--data-dir", dir.Path]))).ToArray();
        var results = await Task.WhenAll(runs);
        Assert.All(results, r => Assert.Equal((0, ""), (r.Code, r.Stderr)));

        var overlay = KnowledgeStore.ReadOverlay(dir.Overlay);
        Assert.Equal(files.Select(Path.GetFileName).Order(StringComparer.Ordinal), overlay.Imported);
        Assert.Contains(overlay.Cves!, c => c.Id == "CVE-2019-10149");
        Assert.All(ids, id => Assert.Contains(overlay.Cves!, c => c.Id == id));
        Assert.Contains(overlay.VendorPackages!, p => p.Version == "3.6.4-1ubuntu1.2");
        Assert.Empty(Directory.GetFiles(dir.Path, ".kb-local.json.*"));
    }
}
