using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using MtaAudit.Collect;
using MtaAudit.Evidence;
using static MtaAudit.Tests.Collect.CollectorHarness;

namespace MtaAudit.Tests.Collect;

/// <summary>The collector run for real on this machine (Debian 12, no MTA installed) and against fake MTA programs.</summary>
[Collection(CollectorCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class LocalCollectorTests
{
    private static readonly string[] ProbesEveryHostHas =
    [
        "os.uname", "os.release", "proc.list", "net.listen", "net.addr", "svc.systemd", "svc.systemd.enabled", "svc.sysv",
        "svc.smf", "svc.src", "file.aix.rc.tcpip", "file.hpux.mailservs", "mta.binaries", "mta.sendmail.version",
        "mta.postfix.version", "mta.exim.version", "mta.opensmtpd.version", "pkg.dpkg", "pkg.rpm", "pkg.solaris",
        "pkg.aix", "pkg.hpux", "pkg.updates", "pkg.repo-age", "pkg.changelog",
    ];

    [Fact]
    public void Bundle_of_this_machine_parses_and_has_every_probe()
    {
        var run = LocalCollector.Run(RunLimit);
        var b = ReadBundle(run);

        Assert.Equal(0, run.ExitCode);
        Assert.False(run.TimedOut);
        Assert.Equal("", run.Stderr);
        Assert.Equal("mta-audit-collector " + CollectorScript.Version, b.Collector);
        Assert.Equal(Environment.IsPrivilegedProcess ? "root" : "nonroot", b.Headers["user"]);
        Assert.Equal(Environment.MachineName, b.Host);
        Assert.Matches(new Regex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"), b.CollectedAt);
        Assert.Matches(new Regex(@"^mta-\d{14}-\d+-1$"), b.Boundary);
        foreach (var id in ProbesEveryHostHas) Assert.Contains(b.Sections, s => s.Probe == id);

        // Byte for byte what the programs print here.
        Assert.Equal(Program("uname", "-a"), b.First("os.uname")!.Text);
        var release = Assert.Single(b.Probe("os.release"), s => s.Path == "/etc/os-release");
        Assert.Equal(0, release.ExitCode);
        Assert.Equal(File.ReadAllText("/etc/os-release"), release.Text);

        var ps = b.First("proc.list")!;
        Assert.Equal(0, ps.ExitCode);
        Assert.Matches(new Regex(@"^\s*PID\s+PPID\s+USER\s+COMMAND\n"), ps.Text);
        Assert.Contains(ps.Lines, l => l.Contains("ps -eo pid,ppid,user,args", StringComparison.Ordinal));

        // The host's addresses: ip -o addr show, and this machine's addresses read from it. Test hosts'
        // veth interfaces come and go while other tests run, so the output is compared by what stays.
        var addr = b.First("net.addr")!;
        Assert.Equal(0, addr.ExitCode);
        Assert.Equal("ip -o addr show", addr.Command);
        Assert.Contains("inet 127.0.0.1/8", addr.Text, StringComparison.Ordinal);
        var known = MtaAudit.Parse.Network.AddressParser.FactOf(b.Sections);
        Assert.True(known.IsKnown, known.ToString());
        Assert.DoesNotContain("127.0.0.1", known.Value!);
        var now = MtaAudit.Parse.Network.AddressParser.Parse(Program("ip", "-o", "addr", "show"));
        Assert.Contains(known.Value!, a => now.Contains(a));

        Assert.Equal(0, b.First("pkg.dpkg")!.ExitCode);
        // No MTA is installed on this machine (another helper tests real ones), so every MTA probe is absent.
        Assert.False(File.Exists("/usr/sbin/sendmail"));
        foreach (var id in new[] { "mta.binaries", "mta.sendmail.version", "mta.postfix.version", "mta.exim.version", "mta.opensmtpd.version", "pkg.changelog" })
            Assert.Equal(ProbeOutcome.Absent, Assert.Single(b.Probe(id)).Outcome);
        // Not this OS: checked and absent, with nothing in them.
        foreach (var id in new[] { "svc.smf", "svc.src", "pkg.solaris", "pkg.aix", "pkg.hpux", "file.aix.rc.tcpip" })
        {
            var s = Assert.Single(b.Probe(id));
            Assert.Equal(ProbeOutcome.Absent, s.Outcome);
            Assert.Empty(s.ContentBytes);
        }
        // apt-get -s upgrade: present for apt; on this loaded machine it can pass its (tripled) limit.
        var updates = Assert.Single(b.Probe("pkg.updates"));
        Assert.Equal("apt", updates.Path);
        Assert.True(updates.Outcome is ProbeOutcome.Ran or ProbeOutcome.Timeout, updates.ToString());
        Assert.Matches(new Regex(@"^\d+$"), b.First("pkg.repo-age")!.Attributes["now"]);
    }

    [Fact]
    public void Runs_as_a_saved_file_too()
    {
        // What users do on hosts nobody can reach: `mta-audit collector > collect.sh; sh collect.sh > host.evidence`.
        using var dir = new ScratchDir("file");
        var file = Path.Combine(dir.Path, "collect.sh");
        File.WriteAllText(file, CollectorScript.Text);
        var (run, b) = RunCollector(["/bin/sh", file], new Dictionary<string, string> { ["MTA_AUDIT_SKIP"] = "pkg.updates" });

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Equal(0, b.First("os.uname")!.ExitCode);
        // A skipped probe is not silent: its section says rc=skipped, so its facts read as unknown.
        Assert.Equal(MtaAudit.Evidence.ProbeOutcome.Skipped, Assert.Single(b.Sections, s => s.Probe == "pkg.updates").Outcome);
        Assert.Equal(["collect.sh"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Hanging_sendmail_is_killed_at_the_probe_limit_with_its_children()
    {
        using var dir = new ScratchDir("hang");
        var bin = dir.Sub("bin");
        var tmp = dir.Sub("tmp");
        // The sleeper's command line names the scratch dir, so a survivor can be found.
        File.CreateSymbolicLink(Path.Combine(bin, "sleeper"), OnPath("sleep")!);
        var fake = dir.Script(bin, "sendmail", "echo \"fake sendmail $*\"\n\"$(dirname \"$0\")/sleeper\" 60");

        var env = new Dictionary<string, string>
        {
            ["MTA_AUDIT_EXTRA_PATHS"] = bin, ["MTA_AUDIT_PROBE_TIMEOUT"] = "2", ["TMPDIR"] = tmp,
            ["MTA_AUDIT_SKIP"] = "pkg.updates",
        };
        var clock = Stopwatch.StartNew();
        var (run, b) = RunCollector(["/bin/sh", "-s"], env);
        clock.Stop();

        var s = Assert.Single(b.Probe("mta.sendmail.version"));
        Assert.Equal(fake, s.Path);
        Assert.Equal(ProbeOutcome.Timeout, s.Outcome);
        Assert.Equal("fake sendmail -d0.1 -bt\n", s.Text);
        Assert.Equal(0, run.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"run took {clock.Elapsed}");
        Assert.Empty(ProcessesMentioning(bin));
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp));
    }

    [Fact]
    public void A_host_whose_sendmail_hangs_is_judged_manual_never_good()
    {
        using var dir = new ScratchDir("hang-verdict");
        var bin = dir.Sub("bin");
        File.CreateSymbolicLink(Path.Combine(bin, "sleeper"), OnPath("sleep")!);
        dir.Script(bin, "sendmail", "\"$(dirname \"$0\")/sleeper\" 60");
        var env = new Dictionary<string, string>
        {
            ["MTA_AUDIT_EXTRA_PATHS"] = bin, ["MTA_AUDIT_PROBE_TIMEOUT"] = "2", ["TMPDIR"] = dir.Sub("tmp"),
            ["MTA_AUDIT_SKIP"] = "pkg.updates",
        };
        var (_, b) = RunCollector(["/bin/sh", "-s"], env);
        Assert.Equal(ProbeOutcome.Timeout, Assert.Single(b.Probe("mta.sendmail.version")).Outcome);

        var report = MtaAudit.Assess.Analyzer.Analyze(b, new MtaAudit.Assess.AnalysisOptions(MtaAudit.Knowledge.KnowledgeBaseLoader.LoadEmbedded()));
        Assert.False(report.Complete);
        Assert.Equal(MtaAudit.Assess.Verdict.Manual, report.Verdict);
        Assert.Contains(report.Reasons, r => r.En.Contains("timed out: mta.sendmail.version", StringComparison.Ordinal));
    }

    [Fact]
    public void Sendmail_gets_no_input_and_postfix_wrapper_never_gets_bt()
    {
        using var dir = new ScratchDir("stdin");
        var bin = dir.Sub("bin");
        var other = dir.Sub("other");
        // A sendmail that reads its input: with < /dev/null it sees EOF at once.
        var reader = dir.Script(bin, "sendmail", "n=$(cat | wc -c); echo \"read $n bytes\"");
        // A Postfix-style wrapper, reached through a link named sendmail: running it leaves a mark.
        var mark = Path.Combine(dir.Path, "wrapper-ran");
        dir.Script(other, "sendmail.postfix", $"echo ran > {mark}");
        File.CreateSymbolicLink(Path.Combine(other, "sendmail"), Path.Combine(other, "sendmail.postfix"));
        dir.Script(other, "postconf", "echo 'mail_version = 3.7.11'");

        var env = new Dictionary<string, string>
        {
            ["MTA_AUDIT_EXTRA_PATHS"] = bin + ":" + other, ["MTA_AUDIT_SKIP"] = "pkg.updates",
        };
        var (_, b) = RunCollector(["/bin/sh", "-s"], env);

        var real = Assert.Single(b.Probe("mta.sendmail.version"), x => x.Path == reader);
        Assert.Equal(0, real.ExitCode);
        Assert.Equal("read 0 bytes\n", real.Text);
        Assert.Equal("/dev/null", Regex.Match(real.Command!, @"< (\S+)$").Groups[1].Value);

        var wrapper = Assert.Single(b.Probe("mta.sendmail.version"), x => x.Path == Path.Combine(other, "sendmail"));
        Assert.Equal(ProbeOutcome.Absent, wrapper.Outcome);
        Assert.Equal("postfix", wrapper.Attributes["wrapper"]);
        Assert.False(File.Exists(mark), "the Postfix wrapper was run");

        var postconf = Assert.Single(b.Probe("mta.postfix.version"));
        Assert.Equal("mail_version = 3.7.11\n", postconf.Text);
        var binaries = b.First("mta.binaries")!;
        Assert.Equal(0, binaries.ExitCode);
        Assert.Contains(binaries.Lines, l => l.EndsWith(Path.Combine(other, "sendmail") + " -> " + Path.Combine(other, "sendmail.postfix"), StringComparison.Ordinal));
    }

    [Fact]
    public void Changelog_probe_keeps_every_cve_line_with_its_entry_header()
    {
        // No MTA here: openssl stands in through MTA_AUDIT_EXTRA_PACKAGES; its changelog is this machine's real one.
        const string changelog = "/usr/share/doc/openssl/changelog.Debian.gz";
        Assert.True(File.Exists(changelog), changelog + " is needed (package openssl)");
        var env = new Dictionary<string, string> { ["MTA_AUDIT_EXTRA_PACKAGES"] = "openssl", ["MTA_AUDIT_SKIP"] = "pkg.updates" };
        var (_, b) = RunCollector(["/bin/sh", "-s"], env);

        var version = Program("dpkg-query", "-W", "-f=${Version}", "openssl");
        Assert.Equal($"openssl {version} ii \n", b.First("pkg.dpkg")!.Text);

        var s = Assert.Single(b.Probe("pkg.changelog"));
        Assert.Equal(changelog, s.Path);
        Assert.Equal("openssl", s.Attributes["package"]);
        Assert.Equal(0, s.ExitCode);

        var full = new List<string>();
        using (var gz = new System.IO.Compression.GZipStream(File.OpenRead(changelog), System.IO.Compression.CompressionMode.Decompress))
        using (var r = new StreamReader(gz))
            while (r.ReadLine() is { } line) full.Add(line);
        var cve = new Regex(@"CVE-\d{4}-\d");
        var header = new Regex(@"^openssl \(([^)]+)\) [^;]+; urgency=");
        var lines = s.Lines.ToList();
        Assert.Equal(full.Where(l => cve.IsMatch(l)), lines.Where(l => cve.IsMatch(l)));
        Assert.Matches(header, lines[0]);
        Assert.Equal(version, header.Match(lines[0]).Groups[1].Value);
        Assert.All(lines, l => Assert.True(cve.IsMatch(l) || header.IsMatch(l), l));
        // Each header is the entry the following CVE lines came from, in the file's order.
        var headersInFile = full.Where(l => header.IsMatch(l)).ToList();
        var shown = lines.Where(l => header.IsMatch(l)).ToList();
        Assert.Equal(shown, headersInFile.Where(shown.Contains));
    }

    [Fact]
    public void Probe_output_is_cut_at_the_cap_and_marked()
    {
        using var dir = new ScratchDir("cap");
        var bin = dir.Sub("bin");
        // 150 lines of "mail_version = 3.7.11" (22 bytes each): 3300 bytes, no final newline
        // (under 4 times the cap, where the watchdog would kill it as a runaway).
        dir.Script(bin, "postconf", "i=0; while [ $i -lt 150 ]; do echo 'mail_version = 3.7.11'; i=$((i+1)); done; printf end");
        var env = new Dictionary<string, string>
        {
            ["MTA_AUDIT_EXTRA_PATHS"] = bin, ["MTA_AUDIT_PROBE_MAX_KIB"] = "1", ["MTA_AUDIT_SKIP"] = "pkg.updates",
        };
        var (_, b) = RunCollector(["/bin/sh", "-s"], env);

        var s = Assert.Single(b.Probe("mta.postfix.version"));
        Assert.Equal("yes", s.Attributes["cut"]);
        Assert.Equal(0, s.ExitCode);
        // 1024 bytes kept; the collector adds the line end the cut took away.
        Assert.Equal(1025, s.ContentBytes.Length);
        Assert.StartsWith("mail_version = 3.7.11\n", s.Text, StringComparison.Ordinal);
        Assert.False(b.First("os.uname")!.Attributes.ContainsKey("cut"));
    }

    [Fact]
    public void Runaway_output_is_killed_long_before_the_time_limit()
    {
        using var dir = new ScratchDir("runaway");
        var bin = dir.Sub("bin");
        var tmp = dir.Sub("tmp");
        // Endless, but slow enough that the scratch disk never matters: ~2 KiB a second.
        dir.Script(bin, "postconf", "while :; do echo 'mail_version = 3.7.11'; sleep 0.01; done");
        var env = new Dictionary<string, string>
        {
            ["MTA_AUDIT_EXTRA_PATHS"] = bin, ["MTA_AUDIT_PROBE_MAX_KIB"] = "1", ["MTA_AUDIT_PROBE_TIMEOUT"] = "40",
            ["MTA_AUDIT_SKIP"] = "pkg.updates", ["TMPDIR"] = tmp,
        };
        var (run, b) = RunCollector(["/bin/sh", "-s"], env);

        var s = Assert.Single(b.Probe("mta.postfix.version"));
        Assert.Equal("killed", s.Attributes["overflow"]);
        Assert.Equal("yes", s.Attributes["cut"]);
        Assert.Equal(ProbeOutcome.Ran, s.Outcome);
        // 1024 bytes kept (the cut falls mid-line: 1024 is not a multiple of 22), plus the added line end.
        Assert.Equal(1025, s.ContentBytes.Length);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(30), $"took {run.Elapsed}");
        Assert.Empty(ProcessesMentioning(bin));
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp));
    }

    [Fact]
    public void Writes_nothing_outside_its_temp_dir_and_removes_it()
    {
        using var dir = new ScratchDir("clean");
        var tmp = dir.Sub("tmp");
        var cwd = dir.Sub("cwd");
        var env = new Dictionary<string, string> { ["TMPDIR"] = tmp, ["MTA_AUDIT_SKIP"] = "pkg.updates" };
        var (run, b) = RunCollector(["/bin/sh", "-c", "cd \"$1\" && exec /bin/sh -s", "sh", cwd], env);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(b.Sections, s => s.Probe == "proc.list");
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp));
        Assert.Empty(Directory.EnumerateFileSystemEntries(cwd));
        Assert.Equal(["cwd", "tmp"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Fails_closed_when_it_cannot_make_a_private_temp_dir()
    {
        using var dir = new ScratchDir("closed");
        var notADir = Path.Combine(dir.Path, "file");
        File.WriteAllText(notADir, "");
        var run = LocalCollector.Run(RunLimit, ["/bin/sh", "-s"], env: new Dictionary<string, string> { ["TMPDIR"] = notADir });

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("cannot create a new private directory", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Takes_a_fresh_name_when_another_collector_in_another_PID_namespace_holds_its_own_and_never_enters_it()
    {
        // In a new PID namespace the shell is PID 1: its first-choice name is mta-audit.1.STAMP. Those names are planted
        // for this second and the next ten (as another namespace's collector, or an attacker, would hold them).
        using var dir = new ScratchDir("pidns");
        var tmp = dir.Sub("tmp");
        var now = DateTime.UtcNow;
        var planted = Enumerable.Range(0, 11).Select(s => Path.Combine(tmp, "mta-audit.1." + now.AddSeconds(s).ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture))).ToList();
        foreach (var p in planted)
        {
            Directory.CreateDirectory(p);
            File.WriteAllText(Path.Combine(p, "theirs"), "x");
        }
        var (run, b) = RunCollector(["unshare", "--pid", "--fork", "--mount-proc", "/bin/sh", "-s"],
            new Dictionary<string, string> { ["TMPDIR"] = tmp, ["MTA_AUDIT_SKIP"] = "pkg.updates" });

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.False(b.Truncated);
        // Its own /proc: the namespace's processes only, the shell as PID 1.
        var ps = b.Probe("proc.list").Single().Lines.ToList();
        Assert.Contains(ps, l => Regex.IsMatch(l, @"^\s*1\s+0\s"));
        Assert.True(ps.Count < 40, $"{ps.Count} processes: not the namespace's own /proc");
        foreach (var p in planted) Assert.Equal(["theirs"], Directory.EnumerateFileSystemEntries(p).Select(Path.GetFileName));
        Assert.Equal(planted.Order(StringComparer.Ordinal), Directory.EnumerateDirectories(tmp).Order(StringComparer.Ordinal)); // its own is gone
    }

    [Fact]
    public async Task Thirty_collectors_started_at_once_in_their_own_PID_namespaces_over_one_tmp_all_end_with_a_bundle()
    {
        // Each is PID 1 of its namespace: all want the same first name in the same second (found in the fleet bench).
        using var dir = new ScratchDir("pidns-many");
        var tmp = dir.Sub("tmp");
        var env = new Dictionary<string, string> { ["TMPDIR"] = tmp, ["MTA_AUDIT_SKIP"] = "pkg.updates pkg.changelog proc.ns" };
        var runs = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() =>
            LocalCollector.Run(RunLimit, ["unshare", "--pid", "--fork", "--mount-proc", "/bin/sh", "-s"], env: env))));
        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Stderr));
        Assert.All(runs, r => Assert.False(ReadBundle(r).Truncated));
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp));
    }

    [Fact]
    public void Runs_as_a_normal_user_and_says_which_probes_need_root()
    {
        Assert.True(Environment.IsPrivilegedProcess, "this test changes to user nobody and must start as root");
        Assert.True(OnPath("setpriv") is not null, "setpriv (util-linux) is needed to run the collector as nobody");
        using var dir = new ScratchDir("nonroot");
        var tmp = dir.Sub("tmp");
        var env = new Dictionary<string, string> { ["TMPDIR"] = tmp, ["MTA_AUDIT_SKIP"] = "pkg.updates" };
        var (run, b) = RunCollector(["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "/bin/sh", "-s"], env);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("nonroot", b.Headers["user"]);
        Assert.Equal("needed", b.First("net.listen")!.Attributes["root"]);
        Assert.Equal(0, b.First("proc.list")!.ExitCode);
        Assert.Equal(0, b.First("pkg.dpkg")!.ExitCode);
        Assert.False(b.First("os.uname")!.Attributes.ContainsKey("root"));
        Assert.Equal("needed", b.First("proc.ns")!.Attributes["root"]);
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp));

        // Judged with what it could see, and saying what it could not: skipped pkg.updates is unknown.
        var facts = MtaAudit.Parse.FactsBuilder.Build(b);
        Assert.False(facts.Root);
        Assert.Equal(MtaAudit.Facts.UnknownReason.Skipped, facts.ProbeFact("pkg.updates").Reason);
        var report = MtaAudit.Assess.Analyzer.Analyze(b, new MtaAudit.Assess.AnalysisOptions(MtaAudit.Knowledge.KnowledgeBaseLoader.LoadEmbedded()));
        Assert.Contains(report.Reasons, r => r.En.Contains("collected as a normal user", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_is_bounded_by_its_own_limit_and_kills_the_tree()
    {
        using var dir = new ScratchDir("limit");
        var bin = dir.Sub("bin");
        File.CreateSymbolicLink(Path.Combine(bin, "sleeper"), OnPath("sleep")!);
        dir.Script(bin, "sendmail", "\"$(dirname \"$0\")/sleeper\" 60");
        var tmp = dir.Sub("tmp");
        var env = new Dictionary<string, string>
        {
            ["MTA_AUDIT_EXTRA_PATHS"] = bin, ["MTA_AUDIT_PROBE_TIMEOUT"] = "50", ["TMPDIR"] = tmp,
            ["MTA_AUDIT_SKIP"] = "pkg.updates",
        };

        var run = LocalCollector.Run(TimeSpan.FromSeconds(6), ["/bin/sh", "-s"], env: env);

        Assert.True(run.TimedOut, $"exit {run.ExitCode} after {run.Elapsed}; stderr: {run.Stderr}\n{Tail(run.Output)}");
        Assert.Null(run.ExitCode);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(15), $"took {run.Elapsed}");
        Assert.StartsWith(EvidenceBundle.Magic + "\n", Encoding.ASCII.GetString(run.Output), StringComparison.Ordinal);
        // What came out reads as a truncated bundle, never as a complete one.
        var bundle = Assert.Single(BundleReader.Read(new MemoryStream(run.Output), "cut")).Bundle!;
        Assert.True(bundle.Truncated);
        Thread.Sleep(500);
        Assert.Empty(ProcessesMentioning(bin));
        // Stopped with SIGTERM first, so the collector's trap removed its temp dir.
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp));
    }

    [Fact]
    public void Run_keeps_at_most_max_bytes()
    {
        var run = LocalCollector.Run(RunLimit, ["/bin/sh", "-s"], maxBytes: 100,
            env: new Dictionary<string, string> { ["MTA_AUDIT_SKIP"] = "pkg.updates" });
        Assert.True(run.OutputCut);
        Assert.Equal(100, run.Output.Length);
        Assert.StartsWith(EvidenceBundle.Magic + "\nboundary: mta-", Encoding.ASCII.GetString(run.Output), StringComparison.Ordinal);
    }

    private static string Program(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text;
    }
}
