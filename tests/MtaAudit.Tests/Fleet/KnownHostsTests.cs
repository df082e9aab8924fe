using System.Diagnostics;
using MtaAudit.Collect.Ssh;

namespace MtaAudit.Tests.Fleet;

/// <summary>known_hosts as OpenSSH writes it: keys made by ssh-keygen, hashed by `ssh-keygen -H`.</summary>
public class KnownHostsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mta-fleet-kh-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private (string Line, byte[] Blob) NewKey(string name)
    {
        var path = Path.Combine(_dir, name);
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path);
        var pub = File.ReadAllText(path + ".pub").Split(' ');
        return (pub[0] + " " + pub[1], Convert.FromBase64String(pub[1]));
    }

    private static void Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{file} failed: {err}");
    }

    [Fact]
    public void Plain_hashed_and_port_forms_match_and_a_different_key_is_changed()
    {
        var a = NewKey("a");
        var b = NewKey("b");
        var c = NewKey("c");
        var file = Path.Combine(_dir, "known_hosts");
        File.WriteAllText(file, $"""
            # comment
            mx1.example,192.0.2.1 {a.Line}
            [mx2.example]:2222 {b.Line}
            *.lab.example {c.Line}
            """ + "\n");
        Run("ssh-keygen", "-H", "-f", file); // hashes every host name, as HashKnownHosts does
        File.AppendAllText(file, "garbage line\n@cert-authority *.example " + c.Line + "\n");
        Assert.Contains("|1|", File.ReadAllText(file));
        Assert.DoesNotContain("mx1.example", File.ReadAllText(file));

        var kh = KnownHosts.Load(file);
        Assert.Equal(HostKeyStatus.Known, kh.Check("mx1.example", 22, a.Blob).Status);
        Assert.Equal(HostKeyStatus.Known, kh.Check("192.0.2.1", 22, a.Blob).Status);
        Assert.Equal(HostKeyStatus.Known, kh.Check("mx2.example", 2222, b.Blob).Status);
        Assert.Equal(HostKeyStatus.Unknown, kh.Check("mx2.example", 22, b.Blob).Status);   // port 22 is another entry
        Assert.Equal(HostKeyStatus.Changed, kh.Check("mx1.example", 22, b.Blob).Status);
        Assert.Equal(HostKeyStatus.Unknown, kh.Check("mx9.example", 22, a.Blob).Status);
        Assert.Equal(["ssh-ed25519"], kh.KeyTypesFor("mx2.example", 2222));
    }

    [Fact]
    public void Wildcards_negation_revoked_and_append()
    {
        var a = NewKey("a");
        var b = NewKey("b");
        var file = Path.Combine(_dir, "kh");
        File.WriteAllText(file, $"*.lab.example,!bad.lab.example {a.Line}\n@revoked * {b.Line}\n");
        var kh = KnownHosts.Load(file);
        Assert.Equal(HostKeyStatus.Known, kh.Check("web.lab.example", 22, a.Blob).Status);
        Assert.Equal(HostKeyStatus.Unknown, kh.Check("bad.lab.example", 22, a.Blob).Status);
        Assert.Equal(HostKeyStatus.Revoked, kh.Check("any.example", 22, b.Blob).Status);

        kh.Append("new.example", 2200, a.Blob);
        Assert.Equal(HostKeyStatus.Known, kh.Check("new.example", 2200, a.Blob).Status);
        Assert.Equal(HostKeyStatus.Known, KnownHosts.Load(file).Check("new.example", 2200, a.Blob).Status);
        Assert.EndsWith($"[new.example]:2200 {a.Line}\n", File.ReadAllText(file));
    }
}
