using System.Diagnostics;
using System.Text;

namespace MtaAudit.Tests.Hosts;

[CollectionDefinition(Name)]
public sealed class TestHostsCollection : ICollectionFixture<TestHostsFixture>
{
    public const string Name = "TestHosts";
}

/// <summary>
/// Boots every host of tests/hosts/hosts.tsv once per test run (systemd-nspawn, via tests/hosts/up.sh),
/// runs commands inside them, and powers them off at the end. Needs root and the roots built by
/// tests/hosts/build.sh; when either is missing every test of the collection fails saying so.
/// </summary>
public sealed class TestHostsFixture : IDisposable
{
    /// <summary>The host table, readable without booting anything (for theory data).</summary>
    public static IReadOnlyList<HostSpec> Hosts { get; } = HostSpec.ParseTable(File.ReadAllText(RepoPaths.HostsTable));

    public static IEnumerable<object[]> HostNames => Hosts.Select(h => new object[] { h.Name });

    public static HostSpec Spec(string name) => Hosts.Single(h => h.Name == name);

    private static readonly TimeSpan BootTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(2);

    private readonly string? _setupError;
    private readonly Dictionary<string, string> _hostErrors = new();
    private bool _booted;

    public TestHostsFixture()
    {
        _setupError = Setup();
    }

    private string? Setup()
    {
        if (!OperatingSystem.IsLinux()) return "test hosts need Linux (systemd-nspawn)";
        if (Environment.UserName != "root") return "test hosts need root (systemd-nspawn, ip addr); run the tests as root";

        var check = Run("bash", [Script("build.sh"), "--check"], null, TimeSpan.FromMinutes(1));
        if (check.Rc != 0)
            return "test host roots are not built: run `sudo tests/hosts/build.sh` once (about 10 minutes; "
                 + "see tests/hosts/README.md).\n" + check.Stderr;

        _booted = true; // from here on Dispose must power off whatever came up, even after a failed boot
        var up = Run("bash", [Script("up.sh"), .. Hosts.Select(h => h.Name)], null, BootTimeout);
        if (up.Rc != 0)
            return $"tests/hosts/up.sh failed (rc {up.Rc}):\n{up.Stdout}\n{up.Stderr}";
        WaitForListeners();
        return null;
    }

    /// <summary>
    /// systemd says "running" once start jobs are done, but a unit that up.sh restarted after an early
    /// failure (or an init script that forks) may still be binding its port: wait, bounded, until every
    /// running host's SMTP and SSH ports accept connections, so no test races a daemon's start. A port
    /// still closed after a while gets its unit restarted (address first); one that never opens makes
    /// only that host's tests fail, with the unit's status, not every test of the collection.
    /// </summary>
    private void WaitForListeners()
    {
        var start = DateTime.UtcNow;
        var pending = Hosts.SelectMany(h => (h.HasMta && h.Running ? new[] { 25, 22 } : [22]).Select(p => (h, p))).ToList();
        var healed = 0;
        while (pending.Count > 0 && DateTime.UtcNow - start < ListenTimeout)
        {
            pending.RemoveAll(x => Accepts(x.h.Address, x.p));
            if (pending.Count == 0) break;
            if (healed < HealAfter.Length && DateTime.UtcNow - start > HealAfter[healed])
            {
                foreach (var (h, port) in pending) Heal(h, port);
                healed++;
            }
            Thread.Sleep(250);
        }
        foreach (var group in pending.GroupBy(x => x.h))
            _hostErrors[group.Key.Name] = "ports still closed after " + ListenTimeout.TotalSeconds + " s and "
                + healed + " restarts: " + string.Join(", ", group.Select(x => $"{x.h.Name}:{x.p}"))
                + "\n" + Diagnose(group.Key, group.Select(x => x.p));
    }

    private static readonly TimeSpan ListenTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan[] HealAfter = [TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(45)];

    private static string UnitOf(HostSpec h, int port) => port == 22 ? "ssh.service" : h.Unit ?? "ssh.service";

    private static void Heal(HostSpec h, int port)
    {
        var unit = UnitOf(h, port);
        Run("bash", [Script("exec.sh"), h.Name, "sh", "-c",
            $"systemctl reset-failed; systemctl restart mta-audit-net.service; systemctl restart {unit}"],
            null, TimeSpan.FromSeconds(60));
    }

    private static string Diagnose(HostSpec h, IEnumerable<int> ports)
    {
        var units = string.Join(" ", ports.Select(p => UnitOf(h, p)).Distinct());
        var r = Run("bash", [Script("exec.sh"), h.Name, "sh", "-c",
            $"systemctl is-system-running; systemctl --failed --no-legend; ip -br addr; systemctl status --no-pager -n 15 {units}"],
            null, TimeSpan.FromSeconds(30));
        return r.Stdout + r.Stderr;
    }

    private static bool Accepts(string address, int port)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            client.ConnectAsync(System.Net.IPAddress.Parse(address), port, cts.Token).AsTask().GetAwaiter().GetResult();
            return true;
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Fails the calling test with the reason the hosts are not usable, if they are not.</summary>
    public void EnsureReady()
    {
        if (_setupError is not null) throw new InvalidOperationException(_setupError);
        if (_hostErrors.Count > 0) throw new InvalidOperationException(string.Join("\n", _hostErrors.Values));
    }

    /// <summary>Fails the calling test if the hosts, or this one host, are not usable.</summary>
    public void EnsureReady(string host)
    {
        if (_setupError is not null) throw new InvalidOperationException(_setupError);
        if (_hostErrors.TryGetValue(host, out var error)) throw new InvalidOperationException(error);
    }

    /// <summary>Runs <paramref name="stdinScript"/> with sh inside the booted host, as root.</summary>
    public (int Rc, string Stdout, string Stderr) Exec(string host, string stdinScript, TimeSpan timeout)
    {
        EnsureReady(host);
        var r = Run("bash", [Script("exec.sh"), host, "sh", "-s"], stdinScript, timeout);
        return (r.Rc, r.Stdout, r.Stderr);
    }

    public void Dispose()
    {
        if (!_booted) return;
        var down = Run("bash", [Script("down.sh"), .. Hosts.Select(h => h.Name)], null, StopTimeout);
        if (down.Rc != 0)
            Console.Error.WriteLine($"tests/hosts/down.sh failed (rc {down.Rc}); run `tests/hosts/down.sh --all`:\n{down.Stderr}");
    }

    private static string Script(string name) => Path.Combine(RepoPaths.HostsDir, name);

    internal sealed record RunResult(int Rc, string Stdout, string Stderr);

    /// <summary>Runs a process to its end, feeding stdin and collecting both outputs; kills it (and its children) on timeout.</summary>
    internal static RunResult Run(string file, IEnumerable<string> args, string? stdin, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        try
        {
            if (stdin is not null) p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        catch (IOException) { /* the command exited without reading all of stdin: its rc tells */ }

        if (!p.WaitForExit(timeout))
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            p.WaitForExit();
            return new RunResult(-1, stdout.Result, $"timed out after {timeout.TotalSeconds:0} s\n{stderr.Result}");
        }
        p.WaitForExit(); // flushes the async readers
        return new RunResult(p.ExitCode, stdout.Result, stderr.Result);
    }
}
