using System.Diagnostics;
using MtaAudit.Assess;
using MtaAudit.Collect.Ssh;
using MtaAudit.Fleet;
using MtaAudit.Knowledge;
using MtaAudit.Store;

namespace MtaAudit.Tests.Fleet;

/// <summary>
/// Good hosts and one real listener per fault, on loopback: every good host is judged, every
/// fault ends with its own named error (or a capped, MANUAL result), none delays the others.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FaultFleet : LoopbackSshd
{
    public const int Port = 2222;
    public const string NonRootUser = "mta-audit-test";
    public string OtherUserKey { get; }

    public static string Addr(int n) => $"127.2.0.{n}";

    public FaultFleet()
    {
        EnsureNonRootUser();
        // sshd reads authorized_keys as the logged-in user: the non-root user must reach it.
        File.SetUnixFileMode(Dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(Path.Combine(Dir, "authorized_keys"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        Host("good1", Addr(1), Port);
        Host("good2", Addr(2), Port);
        // Addr(3): nothing listens (closed port).
        Silent(Addr(4), Port);
        OtherUserKey = NewPublicKey("other_user_key");
        File.WriteAllText(Path.Combine(Dir, "other_keys"), OtherUserKey + "\n");
        Host("wrongkey", Addr(5), Port, $"AuthorizedKeysFile {Dir}/other_keys");
        Host("unknown", Addr(6), Port);
        SetKnownKey(Addr(6), Port, null);
        Host("changed", Addr(7), Port);
        SetKnownKey(Addr(7), Port, NewPublicKey("impostor_host_key"));
        Host("hang", Addr(8), Port, "ForceCommand exec sleep 600");
        var big = Path.Combine(Dir, "big.sh");
        // A bundle that starts well, then one probe prints 50 MB.
        File.WriteAllText(big, """
            #!/bin/sh
            cat >/dev/null
            printf 'MTA-AUDIT-EVIDENCE/1\nboundary: mta-big-00000001\nhost: big\nuser: root\n\n--mta-big-00000001 probe=os.uname rc=0 cmd=uname -a\nLinux big 6.1.0 x86_64 GNU/Linux\n--mta-big-00000001 probe=proc.list rc=0 cmd=ps\n'
            yes 'PID PPID USER COMMAND padding padding padding padding padding padding' | head -c 52428800
            """);
        File.SetUnixFileMode(big, (UnixFileMode)0b111_101_101);
        Host("big", Addr(9), Port, $"ForceCommand {big}");
        Host("nonroot", Addr(10), Port);
    }

    internal static void EnsureNonRootUser()
    {
        if (Run("id", NonRootUser) == 0) return;
        // Another fixture (FixSshPrivilegeTests) may add it at the same moment: failing is fine if it is there now.
        if (Run("useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/bin/sh", NonRootUser) != 0 && Run("id", NonRootUser) != 0)
            throw new InvalidOperationException("useradd " + NonRootUser + " failed");
        Run("usermod", "-p", "*", NonRootUser); // no password, but not locked: key logins work without PAM
    }

    private static int Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode;
    }

    public SshSettings Settings(bool sudo = false, string? sudoPassword = null, bool acceptNew = false, Target? jump = null) => new()
    {
        DefaultUser = "root",
        IdentityFiles = [ClientKey],
        KnownHosts = KnownHosts.Load(KnownHostsFile),
        AcceptNewHostKeys = acceptNew,
        Sudo = sudo,
        SudoPassword = sudoPassword,
        Jump = jump,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        // Generous: the good hosts' collectors share this loaded machine (90 s seen at load 70).
        // The hanging collector has its own test with a short limit.
        CommandTimeout = TimeSpan.FromSeconds(300),
        TotalTimeout = TimeSpan.FromSeconds(360),
        MaxOutputBytes = 4L * 1024 * 1024,
        ProbeTimeoutSeconds = 10,
    };

    public static Target T(string name, int n, string? user = null) => new(name, Addr(n), Port, user);
}

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FaultFleetTests(FaultFleet fleet) : IClassFixture<FaultFleet>, IDisposable
{
    private readonly string _storePath = Path.Combine(Path.GetTempPath(), $"mta-fleet-store-{Guid.NewGuid():N}.sqlite");
    private static readonly AnalysisOptions Analysis = new(KnowledgeStore.Load(), Policy.Vendor, false);

    public void Dispose()
    {
        foreach (var f in new[] { _storePath, _storePath + "-wal", _storePath + "-shm" }) File.Delete(f);
    }

    private sealed class Quiet : IFleetProgress
    {
        public void Started(Target target) { }
        public void Finished(Target target, HostCollection result, string? verdict) { }
    }

    private Dictionary<string, HostReport> Scan(SshSettings settings, IReadOnlyList<Target> targets, string? evidenceDir = null)
    {
        using var store = FleetStore.Open(_storePath);
        var run = store.NewRun(targets, "test");
        var collector = new SshCollector(settings);
        var scanner = new FleetScanner(collector, store, Analysis, new Quiet()) { Forks = 16, EvidenceDir = evidenceDir };
        scanner.RunAsync(run, targets, CancellationToken.None).GetAwaiter().GetResult();
        collector.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Assert.Empty(store.Pending(run));
        return FleetReport.Hosts(store, run, Analysis).ToDictionary(h => h.Host);
    }

    /// <summary>
    /// Judged from the bundle it sent, with no collection error. (Not "GOOD", nor even "complete": the
    /// loopback hosts are this machine, whose process list also shows the booted test hosts' MTAs, and
    /// whose probes may time out when the machine is loaded; the verdict depends on what else runs.)
    /// </summary>
    internal static void AssertJudged(HostReport h) =>
        Assert.True(h.Errors.Count == 0 && !h.Reasons.Any(r => r.En.StartsWith("not checked", StringComparison.Ordinal)) && h.CollectedAt is not null,
            $"{h.Host}: {h.Verdict}: {string.Join(" | ", h.Errors)}");

    private static void AssertFailed(HostReport h, string kind)
    {
        Assert.Equal(Verdict.Manual, h.Verdict);
        Assert.False(h.Complete);
        Assert.True(h.Errors.Any(e => e.En.StartsWith(kind + ":", StringComparison.Ordinal) && e.Ko.StartsWith($"'{kind}': ", StringComparison.Ordinal)), $"{h.Host}: expected '{kind}', got: {string.Join(" | ", h.Errors)}");
    }

    [Fact]
    public void Every_fault_has_its_named_error_and_every_good_host_its_verdict()
    {
        var evidence = Directory.CreateTempSubdirectory("mta-fleet-ev-").FullName;
        var targets = new List<Target>
        {
            FaultFleet.T("good1", 1), FaultFleet.T("closed", 3), FaultFleet.T("silent", 4), FaultFleet.T("wrongkey", 5),
            FaultFleet.T("unknown", 6), FaultFleet.T("changed", 7), FaultFleet.T("big", 9),
            FaultFleet.T("nonroot", 10, FaultFleet.NonRootUser), FaultFleet.T("good2", 2),
        };
        var clock = Stopwatch.StartNew();
        var hosts = Scan(fleet.Settings(), targets, evidence);
        clock.Stop();

        Assert.Equal(targets.Select(t => t.Name).Order(), hosts.Keys.Order());
        foreach (var good in new[] { "good1", "good2" })
        {
            var h = hosts[good];
            AssertJudged(h);
            Assert.StartsWith($"ssh {FaultFleet.Addr(good == "good1" ? 1 : 2)}:2222", h.Source);
            Assert.StartsWith("MTA-AUDIT-EVIDENCE/1\n", File.ReadAllText(Path.Combine(evidence, good + ".evidence")));
        }
        AssertFailed(hosts["closed"], "refused");
        AssertFailed(hosts["silent"], "timeout");
        AssertFailed(hosts["wrongkey"], "auth-failed");
        AssertFailed(hosts["unknown"], "host-key-unknown");
        AssertFailed(hosts["changed"], "host-key-changed");
        Assert.Contains("SHA256:", hosts["changed"].Errors[0].Ko);

        // 50 MB: cut at the 4 MiB cap, the partial bundle judged, never GOOD.
        var big = hosts["big"];
        Assert.Equal(Verdict.Manual, big.Verdict);
        Assert.False(big.Complete);
        Assert.Contains(big.Errors, e => e.En.StartsWith("output-cut:", StringComparison.Ordinal));
        var bigFile = new FileInfo(Path.Combine(evidence, "big.evidence"));
        Assert.InRange(bigFile.Length, 4L * 1024 * 1024 - 1, 4L * 1024 * 1024);

        // A non-root login is judged and the report says so.
        var nonroot = hosts["nonroot"];
        Assert.Contains(nonroot.Reasons, r => r.En.Contains("without root", StringComparison.Ordinal));
        Assert.DoesNotContain(new DirectoryInfo(evidence).GetFiles(), f => f.Name.StartsWith("closed", StringComparison.Ordinal));
        Directory.Delete(evidence, true);
    }

    [Fact]
    public void A_collector_that_hangs_ends_with_timeout_at_its_limit_and_the_others_go_on()
    {
        var settings = fleet.Settings() with { CommandTimeout = TimeSpan.FromSeconds(5), TotalTimeout = TimeSpan.FromSeconds(300) };
        var hosts = Scan(settings, [FaultFleet.T("hang", 8), FaultFleet.T("closed", 3)]);
        AssertFailed(hosts["hang"], "timeout");
        Assert.Contains("command time limit of 5 s", hosts["hang"].Errors[0].En);
        Assert.Contains("명령 제한 시간 5초", hosts["hang"].Errors[0].Ko);
        AssertFailed(hosts["closed"], "refused");
    }

    [Fact]
    public void Sudo_runs_as_root_where_allowed_and_is_named_where_refused()
    {
        var hosts = Scan(fleet.Settings(sudo: true), [FaultFleet.T("good1", 1), FaultFleet.T("nonroot", 10, FaultFleet.NonRootUser)]);
        AssertJudged(hosts["good1"]);
        AssertFailed(hosts["nonroot"], "sudo-refused");
    }

    [Fact]
    public void A_wrong_sudo_password_is_refused_and_never_stored_or_reported()
    {
        const string secret = "Wr0ng-sudo-Pa55word";
        var hosts = Scan(fleet.Settings(sudo: true, sudoPassword: secret), [FaultFleet.T("nonroot", 10, FaultFleet.NonRootUser)]);
        AssertFailed(hosts["nonroot"], "sudo-refused");
        Assert.DoesNotContain(secret, string.Join("\n", hosts["nonroot"].Errors));
        Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(_storePath)) + (File.Exists(_storePath + "-wal") ? System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(_storePath + "-wal")) : ""));
    }

    [Fact]
    public void Accept_new_records_an_unknown_key_and_a_jump_host_reaches_a_target()
    {
        var kh = Path.Combine(fleet.Dir, "accept_known_hosts");
        File.Copy(fleet.KnownHostsFile, kh, true);
        var settings = fleet.Settings(acceptNew: true) with { KnownHosts = KnownHosts.Load(kh) };
        var hosts = Scan(settings, [FaultFleet.T("unknown", 6), FaultFleet.T("changed", 7)]);
        AssertJudged(hosts["unknown"]);
        AssertFailed(hosts["changed"], "host-key-changed"); // never accepted, even with the option
        Assert.Contains($"[{FaultFleet.Addr(6)}]:2222 ssh-ed25519 ", File.ReadAllText(kh));

        var viaJump = Scan(fleet.Settings(jump: FaultFleet.T("jump", 1, "root")), [FaultFleet.T("good2", 2), FaultFleet.T("closed", 3)]);
        AssertJudged(viaJump["good2"]);
        AssertFailed(viaJump["closed"], "refused"); // the jump host could not open the forward: the session ends at once
    }
}
