using MtaAudit.Knowledge;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Knowledge.Update;

/// <summary>The db update / fetch commands as a process: exit codes, stdout, stderr, the overlay on disk.</summary>
public sealed class DbUpdateCliTests : IDisposable
{
    private readonly LoopbackHttpsServer _server = LoopbackHttpsServer.WithCapturedAnswers();
    private readonly string _dir = Directory.CreateTempSubdirectory("mta-audit-dbcli-").FullName;

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    // The test server's CA is trusted only through --ca-file: a proxy from the caller's environment must not interfere.
    private static (int Rc, string Out, string Err) Run(params string[] args) =>
        CliBinary.Run(args, new Dictionary<string, string?> { ["HTTPS_PROXY"] = null, ["https_proxy"] = null });

    /// <summary>--source for each source the server has a captured answer for.</summary>
    private static string[] Served => [.. LoopbackHttpsServer.ServedSources.SelectMany(s => new[] { "--source", s })];

    [Fact]
    public void Update_with_the_mirror_ca_writes_the_overlay_and_a_corrupted_answer_changes_nothing()
    {
        var ca = Path.Combine(_dir, "ca.pem");
        File.WriteAllText(ca, _server.CaPem());
        var data = Path.Combine(_dir, "data");

        var ok = Run(["db", "update", "--mirror", _server.Origin.ToString(), "--ca-file", ca, "--data-dir", data, "--timeout", "30", .. Served]);
        Assert.True(ok.Rc == 0, ok.Err);
        Assert.Contains("each complete and valid", ok.Out, StringComparison.Ordinal);
        Assert.Contains("written:", ok.Out, StringComparison.Ordinal);
        Assert.Contains("read 6 OS lifecycle cycles and 65 MTA releases", ok.Out, StringComparison.Ordinal);
        // db status names the refreshed sources' data dates.
        var status = Run("db", "status", "--data-dir", data);
        Assert.Contains("refreshed: os lifecycle (endoflife.date rhel) data to 2023-05-16", status.Out, StringComparison.Ordinal);
        Assert.Contains("refreshed: exim releases (release-data exim) data to 2024-07-10", status.Out, StringComparison.Ordinal);
        Assert.Contains("data to 2024-07-10: exim releases (release-data exim) (db update)", status.Out, StringComparison.Ordinal);
        Assert.Contains("6 OS lifecycle cycles, 65 MTA releases", status.Out, StringComparison.Ordinal);
        var before = File.ReadAllBytes(KnowledgeStore.OverlayPath(data));

        _server.Damage = Damage.Corrupt;
        var bad = Run(["db", "update", "--mirror", _server.Origin.ToString(), "--ca-file", ca, "--data-dir", data, "--timeout", "30", .. Served]);
        Assert.Equal(3, bad.Rc);
        Assert.Contains("osv Debian postfix: not a valid answer", bad.Err, StringComparison.Ordinal);
        Assert.Contains("is unchanged", bad.Err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(KnowledgeStore.OverlayPath(data)));

        // Without the CA, the mirror's certificate is not trusted: nothing changes either.
        _server.Damage = Damage.None;
        var untrusted = Run(["db", "update", "--mirror", _server.Origin.ToString(), "--data-dir", data, "--timeout", "30", .. Served]);
        Assert.Equal(3, untrusted.Rc);
        Assert.Equal(before, File.ReadAllBytes(KnowledgeStore.OverlayPath(data)));
    }

    [Fact]
    public void Fetch_to_a_directory_then_update_from_it()
    {
        var ca = Path.Combine(_dir, "ca.pem");
        File.WriteAllText(ca, _server.CaPem());
        var carried = Path.Combine(_dir, "carried");
        var fetch = Run(["db", "fetch", "--to", carried, "--mirror", _server.Origin.ToString(), "--ca-file", ca, .. Served]);
        Assert.True(fetch.Rc == 0, fetch.Err);
        Assert.True(File.Exists(Path.Combine(carried, "MANIFEST.tsv")));
        var update = Run("db", "update", "--from", carried, "--data-dir", Path.Combine(_dir, "inside"));
        Assert.True(update.Rc == 0, update.Err);
        Assert.Contains("written:", update.Out, StringComparison.Ordinal);
        Assert.Contains("read 6 OS lifecycle cycles and 65 MTA releases", update.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_release_list_changes_nothing_and_names_the_source()
    {
        var ca = Path.Combine(_dir, "ca.pem");
        File.WriteAllText(ca, _server.CaPem());
        var data = Path.Combine(_dir, "data");
        var ok = Run(["db", "update", "--mirror", _server.Origin.ToString(), "--ca-file", ca, "--data-dir", data, .. Served]);
        Assert.True(ok.Rc == 0, ok.Err);
        var before = File.ReadAllBytes(KnowledgeStore.OverlayPath(data));

        (_server.Damage, _server.DamageOnly) = (Damage.Cut, LoopbackHttpsServer.EximReleasesPath);
        var cut = Run(["db", "update", "--mirror", _server.Origin.ToString(), "--ca-file", ca, "--data-dir", data, .. Served]);
        Assert.Equal(3, cut.Rc);
        Assert.Contains("mta-audit: release-data exim: ", cut.Err, StringComparison.Ordinal);
        Assert.Contains("is unchanged", cut.Err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(KnowledgeStore.OverlayPath(data)));

        var none = Run("db", "update", "--mirror", _server.Origin.ToString(), "--source", "nothing-of-that-name", "--data-dir", data);
        Assert.Equal(3, none.Rc);
        Assert.Contains("--source nothing-of-that-name: names no source", none.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_names_the_data_date_per_source_and_warns_when_old()
    {
        var s = Run("db", "status", "--data-dir", Path.Combine(_dir, "none"));
        Assert.Contains("data runs to 2026-09-18", s.Out, StringComparison.Ordinal);
        Assert.Contains("data to 2026-08-22: os lifecycle", s.Out, StringComparison.Ordinal);
        // The machine's clock decides the age; past 2026-10-18 the data is more than 30 days old.
        bool old = DateTime.UtcNow > new DateTime(2026, 10, 18, 23, 59, 59, DateTimeKind.Utc);
        Assert.Equal(old ? 2 : 0, s.Rc);
        Assert.Equal(old, s.Out.Contains("WARNING: the knowledge base's data runs to 2026-09-18", StringComparison.Ordinal));
    }
}
