using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;

using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Fleet;

/// <summary>50 sshd processes on 127.1.0.1-50:2250 (one per address, each its own host key), scanned by the CLI as a user types it.
/// The port moves up when another run on this machine holds it (fleet-sshd.sh refuses a busy port).</summary>
public sealed class FiftyHosts : LoopbackSshd
{
    public const int Count = 50;
    public string Inventory => Path.Combine(Dir, "hosts.ini");

    public FiftyHosts() => Sh("fleet", Count.ToString(), FreePort("127.1.0.1", 2250).ToString());
}

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FiftyHostTests(FiftyHosts fleet) : IClassFixture<FiftyHosts>
{
    private static Process Start(params string[] args)
    {
        // The built CLI itself (Support/CliBinary): Ctrl-C and SIGKILL reach mta-audit, not a dotnet host in between.
        var psi = new ProcessStartInfo(CliBinary.Path) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("MTA_AUDIT_SSH_PASSWORD");
        return Process.Start(psi)!;
    }

    private static (int Rc, string Stdout, string Stderr) Run(params string[] args)
    {
        using var p = Start(args);
        p.StandardInput.Close();
        var err = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(8)), "mta-audit scan did not end");
        return (p.ExitCode, stdout, err.Result);
    }

    private string[] Common(string store) =>
        ["--identity", fleet.ClientKey, "--known-hosts", fleet.KnownHostsFile, "--store", store, "--format", "json", "--lang", "en",
         // This 2-core machine is shared (load 25 to 40 seen): a slow handshake is not what is tested here.
         "--connect-timeout", "60"];

    private static List<JsonElement> Hosts(string json)
    {
        using var doc = JsonDocument.Parse(json); // one JSON document: stdout has nothing but the report
        return doc.RootElement.GetProperty("hosts").EnumerateArray().Select(h => h.Clone()).ToList();
    }

    private static void AssertEveryHostOnceJudged(List<JsonElement> hosts)
    {
        var names = hosts.Select(h => h.GetProperty("host").GetString()!).ToList();
        Assert.Equal(Enumerable.Range(1, FiftyHosts.Count).Select(i => "h" + i), names); // inventory order, each once
        foreach (var h in hosts)
        {
            // Judged from its own bundle, no collection error (verdict and completeness depend on this machine's load).
            var errors = string.Join(" | ", h.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
            Assert.True(errors.Length == 0, $"{h.GetProperty("host")}: {errors}");
            Assert.StartsWith("ssh root@127.1.0.", h.GetProperty("source").GetString());
            Assert.NotNull(h.GetProperty("collectedAt").GetString()); // from the bundle's header
        }
    }

    [Fact]
    public void Scan_of_an_ini_inventory_with_50_forks_prints_one_report_with_every_host()
    {
        var store = Path.Combine(fleet.Dir, "cli.sqlite");
        var (rc, stdout, stderr) = Run(["scan", "--inventory", fleet.Inventory, "--forks", "50", .. Common(store)]);
        Assert.True(rc is 0 or 1 or 2, $"rc {rc}: {stderr}");
        AssertEveryHostOnceJudged(Hosts(stdout));
        Assert.Contains("mta-audit: run 1 ", stderr);
        // Not a terminal: one plain progress line per host on stderr.
        Assert.Equal(FiftyHosts.Count, stderr.Split('\n').Count(l => l.StartsWith("mta-audit: [", StringComparison.Ordinal)));

        // The scan rendered each host's judgement made as it ended (judged once); a later report judges the stored
        // bundles afresh. Both must say the same of every host.
        var (rrc, again, rerr) = Run(["report", "--from", store, "--format", "json", "--lang", "en"]);
        Assert.True(rrc == rc, $"report rc {rrc}, scan rc {rc}: {rerr}");
        Assert.Equal(HostsText(stdout), HostsText(again));
    }

    private static string HostsText(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("hosts").GetRawText();
    }

    [Fact]
    public void A_scan_killed_with_SIGKILL_and_resumed_ends_with_every_host_exactly_once()
    {
        var store = Path.Combine(fleet.Dir, "killed.sqlite");
        using (var p = Start(["scan", "--inventory", fleet.Inventory, "--forks", "4", .. Common(store)]))
        {
            p.StandardInput.Close();
            _ = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            var deadline = DateTime.UtcNow.AddMinutes(6);
            while (Done(store) < 3 && !p.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(200);
            Assert.False(p.HasExited, "the scan ended before it could be killed");
            p.Kill(); // SIGKILL: no handler runs
            p.WaitForExit();
        }
        int before = Done(store);
        Assert.InRange(before, 3, FiftyHosts.Count - 1);

        var (rc, stdout, stderr) = Run(["scan", "--resume", .. Common(store)]);
        Assert.True(rc is 0 or 1 or 2, $"rc {rc}: {stderr}");
        Assert.Contains($"{FiftyHosts.Count - before} of {FiftyHosts.Count} hosts left", stderr);
        // Only the hosts not done were scanned again.
        Assert.Equal(FiftyHosts.Count - before, stderr.Split('\n').Count(l => l.StartsWith("mta-audit: [", StringComparison.Ordinal)));
        AssertEveryHostOnceJudged(Hosts(stdout));
        Assert.Equal(FiftyHosts.Count, Done(store));
    }

    [Fact]
    public async Task Ctrl_C_stops_cleanly_keeping_what_is_done_and_reporting_the_rest_as_not_scanned()
    {
        var store = Path.Combine(fleet.Dir, "interrupted.sqlite");
        using var p = Start(["scan", "--inventory", fleet.Inventory, "--forks", "4", .. Common(store)]);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddMinutes(6);
        while (Done(store) < 2 && !p.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(200);
        Assert.False(p.HasExited, "the scan ended before it could be interrupted");
        using (var kill = Process.Start("kill", ["-INT", p.Id.ToString()])) kill.WaitForExit();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(1)), "the scan did not stop after SIGINT");

        Assert.True(p.ExitCode == 3, $"exit {p.ExitCode}, not 3 (hosts left unscanned); done {Done(store)}; stderr: {await stderr}");
        int done = Done(store);
        Assert.InRange(done, 2, FiftyHosts.Count - 1);
        var hosts = Hosts(await stdout);
        Assert.Equal(FiftyHosts.Count, hosts.Count);
        var notScanned = hosts.Count(h => h.GetProperty("errors").EnumerateArray().Any(e => e.GetString()!.StartsWith("not-scanned:", StringComparison.Ordinal)));
        Assert.Equal(FiftyHosts.Count - done, notScanned);
        Assert.Contains("--resume", await stderr);
    }

    /// <summary>Results in the store, read as another process would (WAL: readers see every committed row).</summary>
    private static int Done(string store, int tries = 20)
    {
        if (!File.Exists(store)) return 0;
        try
        {
            using var db = new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
            db.Open();
            using var c = db.CreateCommand();
            c.CommandText = "SELECT COUNT(*) FROM results";
            return (int)(long)c.ExecuteScalar()!;
        }
        catch (SqliteException e) when (e.Message.Contains("no such table", StringComparison.Ordinal))
        {
            return 0; // tables not created yet
        }
        catch (SqliteException)
        {
            // Busy or locked for a moment (the scan writes, a checkpoint runs): not "nothing done yet", which
            // let a loaded machine's poll miss the whole scan and interrupt it only once it had ended. Ask again.
            if (tries == 0) throw;
            Thread.Sleep(50);
            return Done(store, tries - 1);
        }
    }
}
