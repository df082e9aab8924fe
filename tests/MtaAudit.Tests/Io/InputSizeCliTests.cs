using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Io;

/// <summary>
/// The other files a user hands in are read to a bound: --baseline (16 MiB), db import (64 MiB, the cap of a
/// downloaded answer), --known-hosts (64 MiB). An oversized file, or an endless one (/dev/zero), ends with one
/// line naming the file and the limit (exit 3), in Korean too, within 20 s.
/// </summary>
public sealed class InputSizeCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mta-audit-input-size-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A file of <paramref name="mib"/> MiB plus one byte, sparse: no disk, no time.</summary>
    private string Sparse(string name, long mib)
    {
        var p = Path.Combine(_dir, name);
        using var f = File.Create(p);
        f.SetLength((mib << 20) + 1);
        return p;
    }

    private (int Code, string Stdout, string Stderr) Run(string lang, params string[] args) => BoundsCli.Run(_dir, [.. args, "--lang", lang]);

    public static TheoryData<string, string> Languages => new() { { "en", "larger than the limit of" }, { "ko", "상한" } };

    [Theory]
    [MemberData(nameof(Languages))]
    public void An_oversized_baseline_is_refused_naming_the_limit(string lang, string words)
    {
        var baseline = Sparse("baseline.json", 16);
        var (code, stdout, stderr) = Run(lang, "analyze", "--baseline", baseline, Fixture.PathOf("testhosts/deb12-none.evidence"));
        Assert.Equal(3, code);
        Assert.Equal("", stdout);
        BoundsCli.OneLineNaming(stderr, "baseline.json", "16 MiB", words);
    }

    [Fact]
    public void An_endless_baseline_ends()
    {
        var (code, _, stderr) = Run("en", "analyze", "--baseline", "/dev/zero", Fixture.PathOf("testhosts/deb12-none.evidence"));
        Assert.Equal(3, code);
        Assert.Contains("/dev/zero", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void An_oversized_import_file_changes_nothing_and_names_the_limit(string lang, string words)
    {
        var records = Sparse("osv-records.json", 64);
        var (code, _, stderr) = Run(lang, "db", "import", records, "--data-dir", Path.Combine(_dir, "data"));
        Assert.Equal(3, code);
        Assert.Contains("osv-records.json", stderr, StringComparison.Ordinal);
        Assert.Contains("64 MiB", stderr, StringComparison.Ordinal);
        Assert.Contains(words, stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "data")) && Directory.EnumerateFiles(Path.Combine(_dir, "data")).Any());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void An_oversized_known_hosts_file_stops_the_scan_before_any_host(string lang, string words)
    {
        var known = Sparse("known_hosts", 64);
        var (code, _, stderr) = Run(lang, "scan", "--host", "192.0.2.1", "--known-hosts", known, "--store", Path.Combine(_dir, "store.db"));
        Assert.Equal(3, code);
        BoundsCli.OneLineNaming(stderr, "known_hosts", "64 MiB", words);
    }
}
