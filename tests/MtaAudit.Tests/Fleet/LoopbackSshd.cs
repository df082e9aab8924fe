using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MtaAudit.Tests.Hosts;

namespace MtaAudit.Tests.Fleet;

/// <summary>
/// Real sshd instances on loopback addresses (tests/sshd/fleet-sshd.sh: own host keys, config and
/// authorized_keys in a temporary directory, `sshd -D -f`). Needs root and openssh-server
/// (./run-tests installs it); without them every test using this fails saying so.
/// </summary>
public class LoopbackSshd : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("mta-fleet-sshd-").FullName;
    public string ClientKey => Path.Combine(Dir, "client_key");
    public string KnownHostsFile => Path.Combine(Dir, "known_hosts");
    public static string Script => Path.Combine(RepoPaths.Root, "tests", "sshd", "fleet-sshd.sh");

    private readonly List<Socket> _silent = [];

    public LoopbackSshd()
    {
        if (!File.Exists("/usr/sbin/sshd")) throw new InvalidOperationException("the fleet tests need sshd: apt-get install openssh-server (./run-tests does)");
        if (Environment.UserName != "root") throw new InvalidOperationException("the fleet tests start sshd on loopback and need root");
        Sh("key");
    }

    /// <summary>Runs fleet-sshd.sh with DIR as its second argument.</summary>
    public string Sh(string cmd, params string[] args)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Script);
        psi.ArgumentList.Add(cmd);
        psi.ArgumentList.Add(Dir);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var errTask = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3))) { p.Kill(true); throw new TimeoutException($"fleet-sshd.sh {cmd} hung"); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"fleet-sshd.sh {cmd} {string.Join(' ', args)} failed: {errTask.Result}");
        return output;
    }

    /// <summary>One sshd; <paramref name="extraConfig"/> lines come first in its sshd_config (first value wins).</summary>
    public void Host(string name, string address, int port, string? extraConfig = null)
    {
        string? file = null;
        if (extraConfig is not null)
        {
            file = Path.Combine(Dir, name + ".extra");
            File.WriteAllText(file, extraConfig + "\n");
        }
        Sh("host", file is null ? [name, address, port.ToString()] : [name, address, port.ToString(), file]);
    }

    /// <summary>The first port from <paramref name="from"/> (ten tried) that <paramref name="address"/> can bind now.</summary>
    public static int FreePort(string address, int from)
    {
        for (int port = from; port < from + 10; port++)
        {
            try
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                probe.Bind(new IPEndPoint(IPAddress.Parse(address), port));
                return port;
            }
            catch (SocketException) { }
        }
        throw new InvalidOperationException($"{address}: ports {from} to {from + 9} are all in use (other test runs?)");
    }

    /// <summary>A real listener that accepts connections and never says a word.</summary>
    public void Silent(string address, int port)
    {
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        s.Bind(new IPEndPoint(IPAddress.Parse(address), port));
        s.Listen(100);
        _silent.Add(s);
        _ = Task.Run(async () =>
        {
            var held = new List<Socket>();
            try { while (true) held.Add(await s.AcceptAsync()); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
            foreach (var h in held) h.Dispose();
        });
    }

    /// <summary>Replaces (or drops, with null) the known_hosts line of [address]:port.</summary>
    public void SetKnownKey(string address, int port, string? keyLine)
    {
        var prefix = $"[{address}]:{port} ";
        var lines = File.ReadAllLines(KnownHostsFile).Where(l => !l.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (keyLine is not null) lines.Add(prefix + keyLine);
        File.WriteAllLines(KnownHostsFile, lines);
    }

    /// <summary>A fresh ed25519 public key "ssh-ed25519 AAAA..." that no host has.</summary>
    public string NewPublicKey(string name)
    {
        var path = Path.Combine(Dir, name);
        var psi = new ProcessStartInfo("ssh-keygen") { RedirectStandardOutput = true };
        foreach (var a in new[] { "-q", "-t", "ed25519", "-N", "", "-f", path }) psi.ArgumentList.Add(a);
        using (var p = Process.Start(psi)!) p.WaitForExit();
        var f = File.ReadAllText(path + ".pub").Split(' ');
        return f[0] + " " + f[1];
    }

    public virtual void Dispose()
    {
        foreach (var s in _silent) s.Dispose();
        try { Sh("down"); } catch (InvalidOperationException) { }
        try { Directory.Delete(Dir, true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
