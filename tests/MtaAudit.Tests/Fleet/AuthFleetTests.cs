using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Fleet;

/// <summary>
/// Real sshd on 127.3.0.x:2223 for the ways in: an ssh-agent, a password (environment or prompt), sudo with a
/// password, and an sshd that speaks only SHA-1/CBC. A throwaway user with a password and a sudoers rule for
/// that user alone exists while the fixture lives (this is the real machine: both are removed in Dispose).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class AuthFleet : LoopbackSshd
{
    public const int Port = 2223;
    public const string SudoUser = "mta-audit-sudo";
    private const string SudoersFile = "/etc/sudoers.d/mta-audit-test-sudo";

    /// <summary>Unique per run, so finding it anywhere (argv, output, store) can only be a leak.</summary>
    public string Password { get; } = "Pw-" + Guid.NewGuid().ToString("N");
    public string RsaKey => System.IO.Path.Combine(Dir, "rsa_client_key");
    /// <summary>A HOME without ~/.ssh: no default key file can stand in for the credentials under test.</summary>
    public string EmptyHome { get; }

    public static string Addr(int n) => $"127.3.0.{n}";

    private readonly List<Process> _agents = [];
    private bool _userMade;

    public AuthFleet()
    {
        EmptyHome = Directory.CreateTempSubdirectory("mta-fleet-home-").FullName;
        Keygen(RsaKey, "rsa");
        File.AppendAllText(System.IO.Path.Combine(Dir, "authorized_keys"), File.ReadAllText(RsaKey + ".pub"));
        MakeSudoUser();

        Host("keys", Addr(1), Port);
        Host("password", Addr(2), Port, "PasswordAuthentication yes");
        var legacyHostKey = System.IO.Path.Combine(Dir, "legacy_rsa_host_key");
        Keygen(legacyHostKey, "rsa");
        Host("legacy", Addr(3), Port, $"""
            HostKey {legacyHostKey}
            KexAlgorithms diffie-hellman-group14-sha1
            HostKeyAlgorithms ssh-rsa
            Ciphers aes128-cbc,aes256-cbc
            MACs hmac-sha1
            """);
        var pub = File.ReadAllText(legacyHostKey + ".pub").Split(' ');
        SetKnownKey(Addr(3), Port, pub[0] + " " + pub[1]);

        // A sudo that echoes the password it reads into the bundle (as the host name) and its stderr, and one that
        // echoes it into its refusal: sudo found first on PATH, set for the session by ForceCommand.
        Host("echo-sudo", Addr(4), Port, $"ForceCommand PATH={EchoSudo("echo", refuse: false)}:/usr/sbin:/usr/bin:/sbin:/bin exec sh -c \"$SSH_ORIGINAL_COMMAND\"");
        Host("echo-sudo-refuses", Addr(5), Port, $"ForceCommand PATH={EchoSudo("refuse", refuse: true)}:/usr/sbin:/usr/bin:/sbin:/bin exec sh -c \"$SSH_ORIGINAL_COMMAND\"");
        // Only an RSA host key, signed with SHA-2 (what OpenSSH offers today); known_hosts has it as ssh-rsa.
        var rsaHostKey = System.IO.Path.Combine(Dir, "rsa_only_host_key");
        Keygen(rsaHostKey, "rsa");
        Host("rsa-only", Addr(6), Port, $"HostKey {rsaHostKey}\nHostKeyAlgorithms rsa-sha2-512,rsa-sha2-256");
        var rsaPub = File.ReadAllText(rsaHostKey + ".pub").Split(' ');
        SetKnownKey(Addr(6), Port, rsaPub[0] + " " + rsaPub[1]);
        // An ed25519-only sshd that known_hosts knows only by an RSA key (a reinstalled host).
        Host("rsa-known-ed25519-offered", Addr(8), Port);
        var clientRsa = File.ReadAllText(RsaKey + ".pub").Split(' ');
        SetKnownKey(Addr(8), Port, clientRsa[0] + " " + clientRsa[1]);
        // The host's own key, marked @revoked.
        Host("revoked", Addr(7), Port);
        var lines = File.ReadAllLines(KnownHostsFile).Select(l => l.StartsWith($"[{Addr(7)}]:{Port} ", StringComparison.Ordinal) ? "@revoked " + l : l);
        File.WriteAllLines(KnownHostsFile, lines.ToList());
    }

    /// <summary>A directory holding a fake sudo that prints what it reads: the sudo password, which mta-audit must never keep.</summary>
    private string EchoSudo(string name, bool refuse)
    {
        var dir = System.IO.Path.Combine(Dir, "sudo-" + name);
        Directory.CreateDirectory(dir);
        var script = System.IO.Path.Combine(dir, "sudo");
        var tail = refuse
            ? "printf 'sudo: %s: incorrect password\\n' \"$pw\" >&2\nexit 1\n"
            : "printf 'echo: %s\\n' \"$pw\"\n\"$@\" | sed \"s|^host: .*|host: $pw|\"\n";
        File.WriteAllText(script, "#!/bin/sh\n" +
            "prompt=\nwhile [ $# -gt 0 ]; do\n  case $1 in\n    -S|-n) shift ;;\n    -p) prompt=$2; shift 2 ;;\n    --) shift; break ;;\n    *) break ;;\n  esac\ndone\n" +
            "printf '%s' \"$prompt\" >&2\nIFS= read -r pw\nprintf 'sudo: read %s\\n' \"$pw\" >&2\n" + tail);
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        return dir;
    }

    private static void Keygen(string path, string type)
    {
        var r = Run("ssh-keygen", null, "-q", "-t", type, "-N", "", "-C", "mta-audit-fleet-test", "-f", path);
        if (r != 0) throw new InvalidOperationException("ssh-keygen failed for " + path);
    }

    private void MakeSudoUser()
    {
        if (Run("id", null, SudoUser) != 0)
        {
            if (Run("useradd", null, "--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/bin/sh", SudoUser) != 0)
                throw new InvalidOperationException("useradd " + SudoUser + " failed");
        }
        _userMade = true;
        if (Run("chpasswd", $"{SudoUser}:{Password}\n") != 0) throw new InvalidOperationException("chpasswd failed");
        // This user only, and only while the fixture lives; validated before it is put in place.
        var tmp = System.IO.Path.Combine(Dir, "sudoers");
        File.WriteAllText(tmp, $"{SudoUser} ALL=(root) PASSWD: ALL\n");
        if (Run("visudo", null, "-cqf", tmp) != 0) throw new InvalidOperationException("visudo rejected the test sudoers rule");
        File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        File.Move(tmp, SudoersFile, true);
    }

    /// <summary>A real ssh-agent on its own socket, holding the given key files (none: an empty agent).</summary>
    public string Agent(string name, params string[] keyFiles)
    {
        var sock = System.IO.Path.Combine(Dir, name + ".agent");
        var psi = new ProcessStartInfo("ssh-agent") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-D", "-a", sock }) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        _agents.Add(p);
        _ = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        for (int i = 0; i < 100 && !File.Exists(sock); i++) Thread.Sleep(50);
        Assert.True(File.Exists(sock), "ssh-agent did not create its socket " + sock);
        foreach (var k in keyFiles)
        {
            var psiAdd = new ProcessStartInfo("ssh-add") { RedirectStandardOutput = true, RedirectStandardError = true };
            psiAdd.ArgumentList.Add(k);
            psiAdd.Environment["SSH_AUTH_SOCK"] = sock;
            using var add = Process.Start(psiAdd)!;
            var err = add.StandardError.ReadToEnd();
            add.WaitForExit();
            Assert.True(add.ExitCode == 0, "ssh-add failed: " + err);
        }
        return sock;
    }

    internal static int Run(string file, string? stdin, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode;
    }

    public override void Dispose()
    {
        foreach (var a in _agents)
        {
            try { a.Kill(); a.WaitForExit(); } catch (InvalidOperationException) { }
            a.Dispose();
        }
        File.Delete(SudoersFile);
        base.Dispose(); // the sshd first: the user's sessions end with them
        if (_userMade)
            for (int i = 0; i < 20 && Run("userdel", null, SudoUser) is not (0 or 6); i++) Thread.Sleep(250); // 6: no such user
        try { Directory.Delete(EmptyHome, true); } catch (IOException) { }
    }
}

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class AuthFleetTests(AuthFleet fleet) : IClassFixture<AuthFleet>
{
    private string Store() => Path.Combine(fleet.Dir, $"store-{Guid.NewGuid():N}.sqlite");

    /// <summary>scan's arguments for one host: its own known_hosts and store, a JSON report in English.</summary>
    private string[] ScanArgs(string target, params string[] more) =>
        ["scan", "--host", target, "--known-hosts", fleet.KnownHostsFile, "--store", Store(), "--format", "json", "--lang", "en",
         // This 2-core machine is shared: a slow handshake is not what is tested here.
         "--connect-timeout", "60", .. more];

    /// <summary>No credential but the ones a test names: no default key files, no agent, no password variables.</summary>
    private Dictionary<string, string?> Env(string? agent = null, string? sshPassword = null, string? sudoPassword = null) => new()
    {
        ["HOME"] = fleet.EmptyHome,
        ["SSH_AUTH_SOCK"] = agent,
        ["MTA_AUDIT_SSH_PASSWORD"] = sshPassword,
        ["MTA_AUDIT_SUDO_PASSWORD"] = sudoPassword,
        ["MTA_AUDIT_SSH_KEY_PASSPHRASE"] = null,
    };

    private static JsonElement OnlyHost(string stdout, string stderr)
    {
        using var doc = JsonDocument.Parse(stdout.Length > 0 ? stdout : throw new Xunit.Sdk.XunitException("no report on stdout; stderr: " + stderr));
        var hosts = doc.RootElement.GetProperty("hosts").EnumerateArray().Select(h => h.Clone()).ToList();
        Assert.Single(hosts);
        return hosts[0];
    }

    private static string Errors(JsonElement h) => string.Join(" | ", h.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));

    private static string Reasons(JsonElement h) => h.GetRawText();

    private static void AssertJudged(JsonElement h, string source)
    {
        Assert.True(Errors(h).Length == 0, $"{h.GetProperty("host")}: {Errors(h)}");
        Assert.StartsWith(source, h.GetProperty("source").GetString());
        Assert.NotNull(h.GetProperty("collectedAt").GetString()); // from the host's own bundle
    }

    private static void AssertFailed(JsonElement h, string kind, string? containing = null)
    {
        var errors = Errors(h);
        Assert.True(errors.StartsWith(kind + ":", StringComparison.Ordinal), $"expected '{kind}', got: {errors}");
        if (containing is not null) Assert.Contains(containing, errors);
        Assert.Equal("MANUAL", h.GetProperty("verdict").GetString());
    }

    [Theory]
    [InlineData("ed25519")]
    [InlineData("rsa")] // signed by the agent with its SHA-2 flags (rsa-sha2-512): OpenSSH 9.2 refuses SHA-1 ssh-rsa
    public void A_key_held_only_by_ssh_agent_scans_the_host_without_identity(string type)
    {
        var agent = fleet.Agent("agent-" + type, type == "rsa" ? fleet.RsaKey : fleet.ClientKey);
        Assert.False(Directory.Exists(Path.Combine(fleet.EmptyHome, ".ssh")));
        var (rc, stdout, stderr) = CliBinary.Run(ScanArgs($"root@{AuthFleet.Addr(1)}:{AuthFleet.Port}"), Env(agent: agent), timeout: TimeSpan.FromMinutes(6));
        Assert.True(rc is 0 or 1 or 2, $"rc {rc}: {stderr}");
        AssertJudged(OnlyHost(stdout, stderr), $"ssh root@{AuthFleet.Addr(1)}:{AuthFleet.Port}");
    }

    [Fact]
    public void An_empty_agent_ends_the_host_with_auth_failed()
    {
        var agent = fleet.Agent("agent-empty");
        var (_, stdout, stderr) = CliBinary.Run(ScanArgs($"root@{AuthFleet.Addr(1)}:{AuthFleet.Port}"), Env(agent: agent), timeout: TimeSpan.FromMinutes(3));
        AssertFailed(OnlyHost(stdout, stderr), "auth-failed", "holds none");
    }

    [Fact]
    public void A_missing_or_wrong_agent_socket_is_one_clear_line_not_a_crash()
    {
        var missing = Path.Combine(fleet.Dir, "no-such-agent.sock");
        var (rc, stdout, stderr) = CliBinary.Run(ScanArgs($"root@{AuthFleet.Addr(1)}:{AuthFleet.Port}"), Env(agent: missing));
        Assert.Equal(3, rc); // a usage error: nothing scanned
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"mta-audit: ssh-agent {missing}: cannot connect", line);

        // Named with --identity-agent, a file that is not a socket stops the scan even with a key file to fall back on.
        var notSocket = Path.Combine(fleet.Dir, "authorized_keys");
        (rc, stdout, stderr) = CliBinary.Run(ScanArgs($"root@{AuthFleet.Addr(1)}:{AuthFleet.Port}", "--identity-agent", notSocket, "--identity", fleet.ClientKey), Env());
        Assert.Equal(3, rc); // a usage error: nothing scanned
        Assert.Equal("", stdout);
        line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"mta-audit: ssh-agent {notSocket}: ", line);
        Assert.DoesNotContain("Exception", stderr);

        // From SSH_AUTH_SOCK (not named), a dead agent is a note and the key file is used: the host is tried
        // (nothing listens at .9, so it ends refused at once, which is all this needs).
        (_, stdout, stderr) = CliBinary.Run(ScanArgs($"root@{AuthFleet.Addr(9)}:{AuthFleet.Port}", "--identity", fleet.ClientKey), Env(agent: missing));
        Assert.Contains($"mta-audit: ssh-agent {missing}: cannot connect", stderr);
        Assert.Contains("going on without the agent", stderr);
        AssertFailed(OnlyHost(stdout, stderr), "refused");
    }

    [Fact]
    public void Save_evidence_in_a_fleet_scan_and_evidence_dir_in_a_local_scan_are_usage_errors()
    {
        var (rc, stdout, stderr) = CliBinary.Run(ScanArgs($"root@{AuthFleet.Addr(1)}:{AuthFleet.Port}", "--save-evidence", Path.Combine(fleet.Dir, "x.evidence")), Env());
        Assert.Equal(3, rc);
        Assert.Equal("", stdout);
        Assert.StartsWith("mta-audit: --save-evidence keeps this machine's one bundle", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));

        (rc, stdout, stderr) = CliBinary.Run(["scan", "--evidence-dir", fleet.Dir, "--format", "json"], Env());
        Assert.Equal(3, rc);
        Assert.Equal("", stdout);
        Assert.StartsWith("mta-audit: --evidence-dir is for scans over SSH", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Sudo_with_a_password_from_the_environment_runs_as_root_and_the_password_is_never_in_argv_or_output()
    {
        var store = Store();
        var args = ScanArgs($"{AuthFleet.SudoUser}@{AuthFleet.Addr(2)}:{AuthFleet.Port}", "--sudo", "--evidence-dir", Path.Combine(fleet.Dir, "ev-sudo"));
        args[Array.IndexOf(args, "--store") + 1] = store;
        var psi = new ProcessStartInfo(CliBinary.Path) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in Env(sshPassword: fleet.Password, sudoPassword: fleet.Password))
            if (v is null) psi.Environment.Remove(k); else psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        // Every process on this machine while it runs: ours, sshd's session and the sudo it starts (loopback: the "target" is here too).
        var seen = new List<string>();
        int looks = 0;
        while (!p.HasExited)
        {
            looks++;
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                try
                {
                    var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                    if (cmdline.Contains(fleet.Password, StringComparison.Ordinal)) seen.Add(cmdline.Replace('\0', ' '));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            }
            Thread.Sleep(20);
        }
        await p.WaitForExitAsync();
        var (outText, errText) = (await stdout, await stderr);
        Assert.True(looks > 3, "the scan ended before its process list could be watched");
        Assert.Empty(seen);
        Assert.True(p.ExitCode is 0 or 1 or 2, $"rc {p.ExitCode}: {errText}");
        var h = OnlyHost(outText, errText);
        AssertJudged(h, $"ssh {AuthFleet.SudoUser}@{AuthFleet.Addr(2)}");
        Assert.DoesNotContain("without root", Reasons(h)); // sudo gave root
        var evidence = Assert.Single(Directory.GetFiles(Path.Combine(fleet.Dir, "ev-sudo"), "*.evidence"));
        Assert.Contains("\nuser: root\n", File.ReadAllText(evidence)); // the collector ran as root under sudo
        foreach (var text in new[] { outText, errText, StoreText(store) })
            Assert.DoesNotContain(fleet.Password, text);
    }

    [Fact]
    public void Sudo_without_a_password_for_a_user_whose_rule_needs_one_is_sudo_refused()
    {
        var (_, stdout, stderr) = CliBinary.Run(ScanArgs($"{AuthFleet.SudoUser}@{AuthFleet.Addr(2)}:{AuthFleet.Port}", "--sudo"), Env(sshPassword: fleet.Password),
            timeout: TimeSpan.FromMinutes(3));
        AssertFailed(OnlyHost(stdout, stderr), "sudo-refused", "password");
    }

    [Fact]
    public async Task Passwords_typed_at_the_prompts_log_in_and_sudo_and_are_not_echoed()
    {
        var report = Path.Combine(fleet.Dir, $"prompt-{Guid.NewGuid():N}.json");
        var args = ScanArgs($"{AuthFleet.SudoUser}@{AuthFleet.Addr(2)}:{AuthFleet.Port}", "--sudo", "--password-prompt", "--sudo-password-prompt", "--output", report);
        // A terminal for the prompts: script(1) runs the CLI on a pty; its stdin is what we "type".
        var psi = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in new[] { "-qec", string.Join(' ', new[] { CliBinary.Path }.Concat(args).Select(Quote)), "/dev/null" }) psi.ArgumentList.Add(a);
        foreach (var (k, v) in Env())
            if (v is null) psi.Environment.Remove(k); else psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var screen = new StringBuilder();
        var reader = Task.Run(() =>
        {
            var buf = new char[4096];
            int n;
            while ((n = p.StandardOutput.Read(buf, 0, buf.Length)) > 0) lock (screen) screen.Append(buf, 0, n);
        });
        _ = p.StandardError.ReadToEndAsync();
        Type("SSH password:");
        Type("sudo password:");
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(6)), "the scan did not end: " + Screen());
        await reader.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(fleet.Password, Screen()); // never echoed
        Assert.True(p.ExitCode is 0 or 1 or 2, $"rc {p.ExitCode}: {Screen()}");
        using var doc = JsonDocument.Parse(File.ReadAllText(report));
        var h = Assert.Single(doc.RootElement.GetProperty("hosts").EnumerateArray());
        AssertJudged(h, $"ssh {AuthFleet.SudoUser}@{AuthFleet.Addr(2)}");
        Assert.DoesNotContain("without root", Reasons(h));

        string Screen() { lock (screen) return screen.ToString(); }
        void Type(string prompt)
        {
            var until = DateTime.UtcNow.AddMinutes(1);
            while (!Screen().Contains(prompt, StringComparison.Ordinal) && !p.HasExited && DateTime.UtcNow < until) Thread.Sleep(50);
            Assert.True(Screen().Contains(prompt, StringComparison.Ordinal), $"no '{prompt}' prompt: {Screen()}");
            p.StandardInput.Write(fleet.Password + "\r");
            p.StandardInput.Flush();
        }
    }

    [Fact]
    public void An_sshd_with_only_SHA1_and_CBC_is_refused_by_name_and_scanned_with_legacy_algorithms()
    {
        var target = $"root@{AuthFleet.Addr(3)}:{AuthFleet.Port}";
        var (_, stdout, stderr) = CliBinary.Run(ScanArgs(target, "--identity", fleet.ClientKey), Env(), timeout: TimeSpan.FromMinutes(3));
        AssertFailed(OnlyHost(stdout, stderr), "no-common-algorithm", "--legacy-algorithms");

        (var rc, stdout, stderr) = CliBinary.Run(ScanArgs(target, "--identity", fleet.ClientKey, "--legacy-algorithms"), Env(), timeout: TimeSpan.FromMinutes(6));
        Assert.True(rc is 0 or 1 or 2, $"rc {rc}: {stderr}");
        AssertJudged(OnlyHost(stdout, stderr), "ssh " + target);
    }

    [Fact]
    public void A_sudo_that_echoes_the_password_leaves_it_in_no_store_report_or_stderr()
    {
        var store = Store();
        var evidence = Path.Combine(fleet.Dir, "ev-echo-" + Guid.NewGuid().ToString("N"));
        var echo = $"root@{AuthFleet.Addr(4)}:{AuthFleet.Port}";
        var refuses = $"root@{AuthFleet.Addr(5)}:{AuthFleet.Port}";
        var args = ScanArgs(echo, "--host", refuses, "--identity", fleet.ClientKey, "--sudo", "--evidence-dir", evidence);
        args[Array.IndexOf(args, "--store") + 1] = store;
        var (rc, stdout, stderr) = CliBinary.Run(args, Env(sudoPassword: fleet.Password), timeout: TimeSpan.FromMinutes(6));
        Assert.True(rc is 0 or 1 or 2, $"rc {rc}: {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        var hosts = doc.RootElement.GetProperty("hosts").EnumerateArray().ToDictionary(h => h.GetProperty("host").GetString()!, h => h.Clone());
        AssertJudged(hosts[$"{AuthFleet.Addr(4)}:{AuthFleet.Port}"], "ssh " + echo);
        Assert.Contains("[redacted]", hosts[$"{AuthFleet.Addr(4)}:{AuthFleet.Port}"].GetRawText()); // the echoed host line, taken out
        AssertFailed(hosts[$"{AuthFleet.Addr(5)}:{AuthFleet.Port}"], "sudo-refused", "[redacted]");

        var texts = new List<string> { stdout, stderr, StoreText(store) };
        texts.AddRange(Directory.GetFiles(evidence).Select(File.ReadAllText));
        foreach (var format in new[] { "json", "html", "csv", "text" })
        {
            var (code, report, err) = CliBinary.Run(["report", "--from", store, "--format", format, "--lang", "en"], Env());
            Assert.True(code is 0 or 1 or 2, $"report --format {format}: rc {code}: {err}");
            texts.Add(report);
            texts.Add(err);
        }
        foreach (var text in texts) Assert.DoesNotContain(fleet.Password, text);
    }

    [Fact]
    public void A_host_known_only_by_its_rsa_key_is_scanned_with_sha2_signatures()
    {
        var target = $"root@{AuthFleet.Addr(6)}:{AuthFleet.Port}";
        var (rc, stdout, stderr) = CliBinary.Run(ScanArgs(target, "--identity", fleet.ClientKey), Env(), timeout: TimeSpan.FromMinutes(6));
        Assert.True(rc is 0 or 1 or 2, $"rc {rc}: {stderr}");
        AssertJudged(OnlyHost(stdout, stderr), "ssh " + target);
    }

    [Fact]
    public void A_host_whose_known_rsa_key_it_no_longer_offers_is_a_changed_key_not_legacy_advice()
    {
        var (_, stdout, stderr) = CliBinary.Run(ScanArgs($"root@{AuthFleet.Addr(8)}:{AuthFleet.Port}", "--identity", fleet.ClientKey), Env(),
            timeout: TimeSpan.FromMinutes(3));
        var h = OnlyHost(stdout, stderr);
        AssertFailed(h, "host-key-changed", "ssh-ed25519");
        Assert.DoesNotContain("--legacy-algorithms", Errors(h));
    }

    [Fact]
    public void A_revoked_host_key_is_its_own_failure_not_a_changed_key()
    {
        var (_, stdout, stderr) = CliBinary.Run(ScanArgs($"root@{AuthFleet.Addr(7)}:{AuthFleet.Port}", "--identity", fleet.ClientKey), Env(),
            timeout: TimeSpan.FromMinutes(3));
        AssertFailed(OnlyHost(stdout, stderr), "host-key-revoked", "@revoked");
    }

    [Fact]
    public void One_address_under_two_users_is_two_targets_named_apart()
    {
        var address = $"{AuthFleet.Addr(1)}:{AuthFleet.Port}";
        var (rc, stdout, stderr) = CliBinary.Run(ScanArgs("root@" + address, "--host", $"{AuthFleet.SudoUser}@{address}", "--host", "root@" + address,
            "--identity", fleet.ClientKey), Env(), timeout: TimeSpan.FromMinutes(6));
        using var doc = JsonDocument.Parse(stdout.Length > 0 ? stdout : throw new Xunit.Sdk.XunitException("no report; stderr: " + stderr));
        var names = doc.RootElement.GetProperty("hosts").EnumerateArray().Select(h => h.GetProperty("host").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([$"{AuthFleet.SudoUser}@{address}", "root@" + address], names); // the repeated root@ once, both users reported
        Assert.True(rc is 1 or 2 or 3, $"rc {rc}: {stderr}");
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>The store and its WAL as bytes read as text: a secret written anywhere in them shows.</summary>
    private static string StoreText(string store) =>
        string.Concat(new[] { store, store + "-wal" }.Where(File.Exists).Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f))));
}
