using MtaAudit.Assess;
using MtaAudit.Fix;
using MtaAudit.Knowledge;
using MtaAudit.Remediation;
using MtaAudit.Tests.Hosts;

namespace MtaAudit.Tests.Fix;

/// <summary>
/// The fix engine for real, inside booted Debian test hosts (the runner's commands go through
/// tests/hosts/exec.sh, i.e. nsenter, with <see cref="PrefixTarget"/>). For each MTA: --apply with the MTA
/// named unused stops and disables every unit (systemctl says so, the rescan says GOOD), a second apply
/// changes nothing, a reboot keeps it off, and --undo brings back the running, enabled service.
/// A reboot must keep changes, so these hosts are booted by tests/hosts/kept.sh (a persistent overlay)
/// instead of the shared volatile boot, and put back to their hosts.tsv state (kept.sh reset + up.sh) after.
/// </summary>
[Collection(TestHostsCollection.Name)]
[Trait("Category", "TestHost")]
public sealed class FixOnTestHostsTests(TestHostsFixture hosts) : IDisposable
{
    private static readonly TimeSpan CollectTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(5);
    private readonly string _dir = Directory.CreateTempSubdirectory("mta-audit-fix-hosts-").FullName;

    public static IEnumerable<object[]> RunningHosts => [["deb12-postfix"], ["deb12-exim"], ["deb13-sendmail"], ["deb13-opensmtpd"]];

    private static readonly AnalysisOptions Options = new(KnowledgeBaseLoader.LoadEmbedded(), Policy.Vendor);

    private static PrefixTarget Target(string host) => new(host, ["bash", Path.Combine(RepoPaths.HostsDir, "exec.sh"), host]);

    private static void Script(params string[] args)
    {
        var r = TestHostsFixture.Run("bash", [Path.Combine(RepoPaths.HostsDir, args[0]), .. args[1..]], null, ScriptTimeout);
        Assert.True(r.Rc == 0, $"{string.Join(' ', args)} failed (rc {r.Rc}):\n{r.Stdout}\n{r.Stderr}");
    }

    private static string Systemctl(ITarget t, string verb, string unit) =>
        t.Run(["systemctl", verb, unit], TimeSpan.FromSeconds(30)).Stdout.Trim();

    private static MtaFinding Finding(Collection c, string mta) => Assert.Single(c.Report.Mtas, m => m.Mta == mta);

    private static string Describe(ApplyOutcome o) =>
        string.Join("; ", o.Steps.Select(s => $"{s.Number} {s.Step.Target} {s.Result} {s.Before}->{s.After} {s.Message}"))
        + " | " + string.Join("; ", o.NotHeld.Select(n => n.En));

    /// <summary>What the host says of the unit, for a failure message.</summary>
    private static string Diagnose(ITarget t, string unit) =>
        "\n" + t.Run(["systemctl", "status", "--no-pager", unit], TimeSpan.FromSeconds(30)).Stdout
        + "\n" + t.Run(["journalctl", "-b", "--no-pager", "-u", unit], TimeSpan.FromSeconds(30)).Stdout
        + "\n" + t.Run(["ps", "-eo", "pid,ppid,lstart,cgroup,args"], TimeSpan.FromSeconds(30)).Stdout;

    /// <summary>systemd's words when this machine's mixed cgroup setup refuses it the kill of a unit's cgroup (EIO).</summary>
    private const string CgroupKillFailed = "Failed to kill control group";

    [Theory, MemberData(nameof(RunningHosts))]
    public void Unused_mta_is_stopped_and_disabled_stays_off_after_a_reboot_and_undo_brings_it_back(string host)
    {
        hosts.EnsureReady(host);
        var spec = TestHostsFixture.Spec(host);
        Assert.True(spec.Running, $"{host} must be a running host in hosts.tsv");
        // Now and then (seen on deb12-opensmtpd only, never by hand) systemd in a test host logs "Failed to kill control
        // group …: Input/output error" on stop and calls the unit inactive with its processes still there: the cgroup quirk
        // of tests/hosts/README.md. The engine must then say so (PIDs and command lines, no kill of its own); the test
        // checks that, boots the host afresh and runs once more, and that second run must pass in full.
        for (int attempt = 1; ; attempt++)
        {
            Script("down.sh", host);
            Script("kept.sh", "up", host);
            try
            {
                if (StopDisableRebootUndo(host, spec)) return;
            }
            finally
            {
                Script("kept.sh", "reset", host);
                Script("up.sh", host);
            }
            Assert.True(attempt < 2, $"{host}: systemd failed to kill the unit's control group twice");
        }
    }

    /// <summary>The whole cycle on a freshly booted kept host; false when systemd's cgroup kill failed (after checking the report of it).</summary>
    private bool StopDisableRebootUndo(string host, HostSpec spec)
    {
        var unit = spec.Unit!;
        var t = Target(host);
        var before = FixSession.Collect(t, Options, CollectTimeout);
        Assert.Equal((true, true), (Finding(before, spec.Mta).Running, Finding(before, spec.Mta).Enabled));
        var plan = HostPlanner.Build(before.Facts, before.Report, new HashSet<string> { spec.Mta });
        Assert.Contains(plan.Numbered(), x => x.Step is ServiceStop s && s.Service == unit);

        var journal = Path.Combine(_dir, host + ".journal");
        File.Delete(journal);
        var first = new FixRunner(t, StepTimeout).Apply(plan, journal, () => FixSession.Collect(t, Options, CollectTimeout));
        if (!first.Ok && t.Run(["journalctl", "-b", "--no-pager", "-u", unit], TimeSpan.FromSeconds(30)).Stdout.Contains(CgroupKillFailed, StringComparison.Ordinal))
        {
            var leftovers = t.Run(["pgrep", "-f", "-a", "smtpd|master|exim|sendmail"], TimeSpan.FromSeconds(30)).Stdout;
            Assert.Null(first.Failed);
            Assert.Contains(first.NotHeld, n => n.En.Contains("is not under a service manager", StringComparison.Ordinal));
            var pid = leftovers.Split(' ', 2)[0];
            Assert.Contains(first.NotHeld, n => n.En.StartsWith("process " + pid + " (", StringComparison.Ordinal));
            Assert.Contains(Journal.Read(journal).Entries, e => e.Event == "verify" && e.Result == "not-held");
            return false;
        }
        Assert.True(first.Ok, Describe(first) + Diagnose(t, unit));
        Assert.True(first.Changed);
        // "failed" is stopped too: OpenSMTPD 7.6 (Debian 13) exits non-zero on SIGTERM.
        Assert.Contains(Systemctl(t, "is-active", unit), new[] { "inactive", "failed" });
        Assert.Equal("disabled", Systemctl(t, "is-enabled", unit));
        var after = FixSession.Collect(t, Options, CollectTimeout);
        Assert.Equal((false, false, Verdict.Good), (Finding(after, spec.Mta).Running, Finding(after, spec.Mta).Enabled, Finding(after, spec.Mta).Verdict));

        // A second run finds every step done: nothing runs, nothing changes.
        var again = HostPlanner.Build(after.Facts, after.Report, new HashSet<string> { spec.Mta });
        var secondJournal = Path.Combine(_dir, host + ".second.journal");
        File.Delete(secondJournal);
        var second = new FixRunner(t, StepTimeout).Apply(again, secondJournal, null);
        Assert.True(second.Ok, Describe(second));
        Assert.False(second.Changed, Describe(second));

        // Power off and boot again from the same overlay: still off.
        Script("down.sh", host);
        Script("kept.sh", "up", host);
        Assert.Equal("inactive", Systemctl(t, "is-active", unit));
        Assert.Equal("disabled", Systemctl(t, "is-enabled", unit));
        var rebooted = FixSession.Collect(t, Options, CollectTimeout);
        Assert.Equal((false, false, Verdict.Good), (Finding(rebooted, spec.Mta).Running, Finding(rebooted, spec.Mta).Enabled, Finding(rebooted, spec.Mta).Verdict));

        var undone = new FixUndo(t, StepTimeout).Undo(journal, out var problems);
        Assert.Empty(problems);
        Assert.DoesNotContain(undone, u => u.Result == "failed");
        Assert.Contains(undone, u => u.Result == "restored");
        Assert.Equal("active", Systemctl(t, "is-active", unit));
        Assert.Equal("enabled", Systemctl(t, "is-enabled", unit));
        var back = FixSession.Collect(t, Options, CollectTimeout);
        Assert.Equal((true, true), (Finding(back, spec.Mta).Running, Finding(back, spec.Mta).Enabled));
        // Everything is back: a second undo has nothing left to do.
        Assert.DoesNotContain(new FixUndo(t, StepTimeout).Undo(journal, out _), u => u.Result is "restored" or "failed");
        return true;
    }

    /// <summary>
    /// A unit that refuses to stop (RefuseManualStop=yes, a real systemd setting, in a drop-in): the disable
    /// step is done, the stop fails, the run ends there with a consistent journal, and --undo re-enables it.
    /// </summary>
    [Fact]
    public void A_unit_that_refuses_to_stop_ends_the_run_halfway_and_undo_restores_what_was_done()
    {
        const string host = "deb11-exim";
        hosts.EnsureReady(host);
        var t = Target(host);
        try
        {
            var setup = t.Run(["sh", "-c", "mkdir -p /etc/systemd/system/exim4.service.d && printf '[Unit]\\nRefuseManualStop=yes\\n' > /etc/systemd/system/exim4.service.d/refuse.conf && systemctl daemon-reload"],
                TimeSpan.FromSeconds(60));
            Assert.True(setup.Ok, setup.Summary);
            var c = FixSession.Collect(t, Options, CollectTimeout);
            var plan = HostPlanner.Build(c.Facts, c.Report, new HashSet<string> { "exim" });
            var journal = Path.Combine(_dir, "refuse.journal");
            var outcome = new FixRunner(t, StepTimeout).Apply(plan, journal, null);

            Assert.False(outcome.Ok);
            Assert.Equal(["done", "failed"], outcome.Steps.Select(s => s.Result));
            Assert.IsType<ServiceStop>(outcome.Failed!.Step);
            Assert.Equal("disabled", Systemctl(t, "is-enabled", "exim4.service"));
            Assert.Equal("active", Systemctl(t, "is-active", "exim4.service"));
            var (entries, problems) = Journal.Read(journal);
            Assert.Empty(problems);
            Assert.Equal(["start", "before", "after", "before", "after", "end"], entries.Select(e => e.Event));
            Assert.Equal(("done", "failed", "failed"), (entries[2].Result, entries[4].Result, entries[5].Result));

            var undone = new FixUndo(t, StepTimeout).Undo(journal, out _);
            Assert.Contains(undone, u => u.Step == 1 && u.Result == "restored");
            Assert.Contains(undone, u => u.Step == 2 && u.Result == "already");
            Assert.Equal("enabled", Systemctl(t, "is-enabled", "exim4.service"));
            Assert.Equal("active", Systemctl(t, "is-active", "exim4.service"));
        }
        finally
        {
            t.Run(["sh", "-c", "rm -rf /etc/systemd/system/exim4.service.d && systemctl daemon-reload"], TimeSpan.FromSeconds(60));
            Script("down.sh", host);
            Script("up.sh", host);
        }
    }

    /// <summary>
    /// A socket unit of the MTA (a postfix.socket that starts postfix.service on a connection), which the collector's
    /// service list does not show: the live plan finds it, stops and disables it first, undo brings it back. systemd
    /// refuses to start a socket whose service already runs, so the setup stops postfix.service first: Postfix is then
    /// started on demand only, the way socket activation works.
    /// </summary>
    [Fact]
    public void A_socket_unit_of_the_mta_is_found_live_stopped_first_and_undone()
    {
        const string host = "deb13-postfix";
        hosts.EnsureReady(host);
        var t = Target(host);
        try
        {
            var setup = t.Run(["sh", "-c", "printf '[Socket]\\nListenStream=127.0.0.1:2525\\n\\n[Install]\\nWantedBy=sockets.target\\n' > /etc/systemd/system/postfix.socket && systemctl daemon-reload && systemctl stop postfix.service && systemctl enable --now postfix.socket"],
                TimeSpan.FromSeconds(60));
            Assert.True(setup.Ok, setup.Summary);
            Assert.Equal("active", Systemctl(t, "is-active", "postfix.socket"));
            var c = FixSession.Collect(t, Options, CollectTimeout);
            var plan = HostPlanner.Build(c.Facts, c.Report, new HashSet<string> { "postfix" });
            var stops = plan.Numbered().Select(x => x.Step).OfType<ServiceStop>().Select(s => s.Service).ToList();
            Assert.Equal("postfix.socket", stops[0]);
            Assert.Contains("postfix.service", stops);
            Assert.Contains(plan.Numbered(), x => x.Step is ServiceDisable d && d.Service == "postfix.socket");

            var journal = Path.Combine(_dir, "socket.journal");
            var outcome = new FixRunner(t, StepTimeout).Apply(plan, journal, () => FixSession.Collect(t, Options, CollectTimeout));
            Assert.True(outcome.Ok, Describe(outcome));
            Assert.Equal("inactive", Systemctl(t, "is-active", "postfix.socket"));
            Assert.Equal("disabled", Systemctl(t, "is-enabled", "postfix.socket"));
            // Stopped either way: on a loaded machine postfix's stop can outlast the test hosts' 5 s stop
            // timeout (tests/hosts/configure-host.sh) and systemd ends it, leaving "failed".
            Assert.Contains(Systemctl(t, "is-active", "postfix.service"), new[] { "inactive", "failed" });

            var undone = new FixUndo(t, StepTimeout).Undo(journal, out _);
            Assert.DoesNotContain(undone, u => u.Result == "failed");
            Assert.Equal("active", Systemctl(t, "is-active", "postfix.socket"));
            Assert.Equal("enabled", Systemctl(t, "is-enabled", "postfix.socket"));
            Assert.Equal("enabled", Systemctl(t, "is-enabled", "postfix.service"));
        }
        finally
        {
            Script("down.sh", host);
            Script("up.sh", host);
        }
    }

    /// <summary>The pending vendor update of deb12-postfix-update (tests/hosts/local-update.sh) applied by the plan.</summary>
    [Fact]
    public void Pending_vendor_update_is_applied_and_the_rescan_shows_the_new_package()
    {
        const string host = "deb12-postfix-update";
        hosts.EnsureReady(host);
        var t = Target(host);
        try
        {
            var (rc, stdout, stderr) = hosts.Exec(host, File.ReadAllText(Path.Combine(RepoPaths.HostsDir, "local-update.sh")), TimeSpan.FromMinutes(2));
            Assert.True(rc == 0, $"local-update.sh failed (rc {rc}): {stderr}");
            var newer = stdout.Trim();
            var c = FixSession.Collect(t, Options, CollectTimeout);
            var plan = HostPlanner.Build(c.Facts, c.Report, new HashSet<string>());
            var step = Assert.IsType<PackageUpdate>(Assert.Single(plan.Numbered()).Step);
            Assert.Equal(("postfix", newer), (step.Package, step.ToVersion));

            var journal = Path.Combine(_dir, "update.journal");
            var outcome = new FixRunner(t, StepTimeout).Apply(plan, journal, () => FixSession.Collect(t, Options, CollectTimeout));
            Assert.True(outcome.Ok, Describe(outcome));
            // The journal says how to go back, to the version read on the host before; --undo names it and runs nothing.
            var entries = Journal.Read(journal).Entries;
            var was = entries.Single(e => e.Event == "before" && e.Step == 1).Observed;
            Assert.Equal(step.FromVersion, was);
            Assert.Equal(["apt-get", "install", "-y", "--allow-downgrades", "postfix=" + was], entries.Single(e => e.Event == "after" && e.Step == 1).Downgrade);
            var undo = Assert.Single(new FixUndo(t, StepTimeout).Undo(journal, out _));
            Assert.Equal("manual", undo.Result);
            Assert.Contains("apt-get install -y --allow-downgrades postfix=" + was, undo.Message!.En, StringComparison.Ordinal);
            Assert.Contains("apt-get install -y --allow-downgrades postfix=" + was, undo.Message.Ko, StringComparison.Ordinal);
            Assert.Equal(newer, t.Run(["dpkg-query", "-W", "-f=${Version}", "postfix"], TimeSpan.FromSeconds(30)).Stdout.Trim());
            var after = FixSession.Collect(t, Options, CollectTimeout);
            Assert.Equal(newer, Finding(after, "postfix").Package!.Version);
            Assert.Empty(after.Facts.Updates);

            var second = new FixRunner(t, StepTimeout).Apply(plan, Path.Combine(_dir, "update.second.journal"), null);
            Assert.True(second.Ok, Describe(second));
            Assert.False(second.Changed);
        }
        finally
        {
            Script("down.sh", host);
            Script("up.sh", host);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
