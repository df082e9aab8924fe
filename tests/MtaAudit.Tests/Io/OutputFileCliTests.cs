using System.Security.Cryptography.X509Certificates;
using MtaAudit.Knowledge.Update;
using MtaAudit.Tests.Knowledge.Update;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Io;

/// <summary>
/// Output files of the CLI as a process and of db fetch: a symlink planted at the report's name or at any
/// name fetch writes is replaced, never written through; the file it points to stays byte for byte.
/// </summary>
public sealed class OutputFileCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mta-audit-output-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Victim(string name)
    {
        var v = Path.Combine(_dir, name);
        File.WriteAllText(v, "root:x:0:0:root:/root:/bin/bash\n");
        return v;
    }

    private static void AssertUntouched(string victim) => Assert.Equal("root:x:0:0:root:/root:/bin/bash\n", File.ReadAllText(victim));

    private static (int Code, string Stdout, string Stderr) Run(params string[] args) =>
        CliBinary.Run(args, new Dictionary<string, string?> { ["MTA_AUDIT_DATA_DIR"] = Path.Combine(Path.GetTempPath(), "mta-audit-cli-test-no-overlay") });

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("html")]
    [InlineData("xlsx")]
    public void A_report_named_by_a_planted_symlink_replaces_the_link_not_its_target(string format)
    {
        var victim = Victim("shadow");
        var report = Path.Combine(_dir, "report." + format);
        File.CreateSymbolicLink(report, victim);

        var (code, _, stderr) = Run("analyze", "--format", format, "-o", report, Fixture.PathOf("testhosts/deb12-none.evidence"));

        Assert.True(code == 0, $"exit {code}: {stderr}");
        AssertUntouched(victim);
        Assert.Null(new FileInfo(report).LinkTarget);
        Assert.True(new FileInfo(report).Length > 100);
        Assert.Equal(2, Directory.GetFiles(_dir).Length); // no temporary left beside it
    }

    [Fact]
    public void A_report_written_twice_is_replaced_whole()
    {
        var report = Path.Combine(_dir, "report.json");
        var first = Run("analyze", "--format", "json", "-o", report, Fixture.PathOf("testhosts/deb12-none.evidence"));
        Assert.Equal(0, first.Code);
        var second = Run("analyze", "--format", "json", "-o", report, Fixture.PathOf("testhosts/deb12-postfix-update.pending.evidence"));
        Assert.Equal(1, second.Code);
        var text = File.ReadAllText(report);
        Assert.Contains("\"vulnerable\"", text, StringComparison.OrdinalIgnoreCase);
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Fact]
    public void A_comparison_report_named_by_a_planted_symlink_leaves_its_target()
    {
        var victim = Victim("passwd");
        var report = Path.Combine(_dir, "compare.txt");
        File.CreateSymbolicLink(report, victim);
        var old = Fixture.PathOf("testhosts/deb12-postfix-update.pending.evidence");
        var now = Fixture.PathOf("testhosts/deb12-postfix-update.installed.evidence");

        var (code, _, stderr) = Run("report", "--compare", old, now, "-o", report);

        Assert.True(code is 0 or 1, $"exit {code}: {stderr}");
        AssertUntouched(victim);
        Assert.Null(new FileInfo(report).LinkTarget);
    }

    [Fact]
    public async Task Db_fetch_never_writes_through_symlinks_at_its_file_names()
    {
        using var server = LoopbackHttpsServer.WithCapturedAnswers();
        using var http = new HttpsDownloader(TimeSpan.FromSeconds(20), new X509Certificate2Collection(server.Ca));
        var carried = Path.Combine(_dir, "carried");
        await KnowledgeUpdater.Fetch(http, server.Sources, carried);
        // Every name fetch writes, now a symlink to a file of someone else's.
        var names = Directory.GetFiles(carried).Select(Path.GetFileName).ToList();
        Assert.Contains(KnowledgeUpdater.ManifestName, names);
        var victims = new List<string>();
        foreach (var n in names)
        {
            var path = Path.Combine(carried, n!);
            File.Delete(path);
            var victim = Victim("victim-" + n);
            File.CreateSymbolicLink(path, victim);
            victims.Add(victim);
        }

        using var again = new HttpsDownloader(TimeSpan.FromSeconds(20), new X509Certificate2Collection(server.Ca));
        await KnowledgeUpdater.Fetch(again, server.Sources, carried);

        foreach (var v in victims) AssertUntouched(v);
        Assert.All(Directory.GetFiles(carried), f => Assert.Null(new FileInfo(f).LinkTarget));
        Assert.True(KnowledgeUpdater.FromDirectory(carried, Path.Combine(_dir, "inside")).Import!.Changed);
    }
}
