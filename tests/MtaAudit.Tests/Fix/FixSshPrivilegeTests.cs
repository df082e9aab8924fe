using MtaAudit.Collect.Ssh;
using MtaAudit.Fix;
using MtaAudit.Tests.Fleet;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Fix;

/// <summary>One real sshd on loopback (tests/sshd/fleet-sshd.sh) that root and a user without sudo rights may log in to.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PrivilegeSshd : LoopbackSshd
{
    public const string Address = "127.2.1.1";
    public const int Port = 2223;

    public PrivilegeSshd()
    {
        FaultFleet.EnsureNonRootUser();
        // sshd reads authorized_keys as the logged-in user: the non-root user must reach it.
        File.SetUnixFileMode(Dir, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(Path.Combine(Dir, "authorized_keys"), (UnixFileMode)0b110_100_100);
        Host("privilege", Address, Port);
    }
}

/// <summary>
/// `fix --host` against a real sshd on loopback: every word and environment value arrives as sent, a word with a
/// line break is refused, the time limit holds, stdin arrives whole; a user that is not root gets its plan but
/// `--apply` is refused for that host, nothing changed; `--sudo` where sudo refuses is named.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FixSshPrivilegeTests(PrivilegeSshd sshd) : IClassFixture<PrivilegeSshd>
{
    private string Spec(string user) => $"{user}@{PrivilegeSshd.Address}:{PrivilegeSshd.Port}";

    private (int Rc, string Stdout, string Stderr) Cli(params string[] args) =>
        CliBinary.Run([.. args, "--identity", sshd.ClientKey, "--known-hosts", sshd.KnownHostsFile], timeout: TimeSpan.FromMinutes(5));

    /// <summary>
    /// As the user without root (whose login shell starts at once; root's on this build machine waits a minute on
    /// a pyenv lock in its .bashrc, so root logins are tested on the test hosts' sshd instead, FixOverSshTests).
    /// </summary>
    [Fact]
    public void Every_word_and_environment_value_arrives_as_sent_and_the_time_limit_holds()
    {
        var settings = new SshSettings { DefaultUser = FaultFleet.NonRootUser, IdentityFiles = [sshd.ClientKey], KnownHosts = KnownHosts.Load(sshd.KnownHostsFile) };
        using var targets = new SshTargets(settings);
        using var t = targets.Open(new MtaAudit.Fleet.Target("privilege", PrivilegeSshd.Address, PrivilegeSshd.Port));
        Assert.False(t.IsRoot);
        Assert.Equal(FaultFleet.NonRootUser + "@" + PrivilegeSshd.Address + ":" + PrivilegeSshd.Port, t.Remote);
        const string hostile = "a'b \"c\" $(touch /tmp/mta-audit-never) `id` * ; | & ~ # \\x2d";
        var r = t.Run(["printf", "%s|", hostile, "end"], TimeSpan.FromSeconds(30));
        Assert.True(r.Ok, r.Summary);
        Assert.Equal(hostile + "|end|", r.Stdout);
        Assert.False(File.Exists("/tmp/mta-audit-never"));
        var env = t.Run(["sh", "-c", "printf %s \"$MTA_X\""], TimeSpan.FromSeconds(30), new Dictionary<string, string> { ["MTA_X"] = "v 'w'" });
        Assert.Equal("v 'w'", env.Stdout);
        Assert.Equal(127, t.Run(["printf", "a\nb"], TimeSpan.FromSeconds(30)).ExitCode);
        // A command that would run a minute ends at its limit of 2 s, reported as timed out.
        Assert.True(t.Run(["sleep", "60"], TimeSpan.FromSeconds(2)).TimedOut);
        // stdin reaches the command whole.
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 251)).ToArray();
        Assert.Equal(bytes, t.Run(["cat"], TimeSpan.FromSeconds(30), null, bytes).StdoutBytes);
    }

    [Fact]
    public void A_user_that_is_not_root_gets_the_plan_and_apply_is_refused_and_sudo_refusal_is_named()
    {
        var user = Spec(FaultFleet.NonRootUser);
        var (rc, stdout, stderr) = Cli("fix", "--host", user, "--apply", "--unused", "postfix", "--journal-dir", Path.Combine(sshd.Dir, "journals"), "--lang", "en");
        Assert.True(rc == 3, $"rc {rc}\n{stdout}\n{stderr}");
        Assert.Contains($"host: {PrivilegeSshd.Address}:{PrivilegeSshd.Port}", stdout, StringComparison.Ordinal);
        Assert.Equal($"mta-audit: {user}: not root there: log in as root or give --sudo; nothing was changed", stderr.Trim());
        Assert.False(Directory.Exists(Path.Combine(sshd.Dir, "journals")));

        (rc, stdout, stderr) = Cli("fix", "--host", user, "--sudo", "--unused", "postfix", "--lang", "en");
        Assert.True(rc == 3, $"rc {rc}\n{stdout}\n{stderr}");
        Assert.StartsWith($"mta-audit: {user}: cannot run a command through sudo: exit 1", stderr, StringComparison.Ordinal);
    }
}
