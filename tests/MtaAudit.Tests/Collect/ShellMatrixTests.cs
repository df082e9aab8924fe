using MtaAudit.Evidence;
using static MtaAudit.Tests.Collect.CollectorHarness;

namespace MtaAudit.Tests.Collect;

/// <summary>
/// The same script under every shell a target may have as /bin/sh (Debian packages: dash, bash, ksh
/// (ksh93u+m), mksh, posh, yash, busybox) gives the same sections and, for probes whose output does
/// not change from one second to the next, the same bytes. The reference run is dash's.
/// </summary>
[Collection(CollectorCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class ShellMatrixTests(ShellMatrixTests.Fakes fakes) : IClassFixture<ShellMatrixTests.Fakes>
{
    /// <summary>Probes whose content is the same in two runs a few seconds apart (not ps, not sockets).</summary>
    private static readonly string[] StableProbes =
    [
        "os.uname", "os.release", "svc.sysv", "mta.binaries", "mta.sendmail.version", "mta.postfix.version",
        "pkg.dpkg", "pkg.rpm", "pkg.repo-age", "pkg.changelog",
    ];

    /// <summary>A Postfix-like setup (wrapper link and postconf) so link resolution runs in every shell.</summary>
    public sealed class Fakes : IDisposable
    {
        public Fakes()
        {
            Dir = new ScratchDir("matrix");
            var bin = Dir.Sub("bin");
            Dir.Script(bin, "sendmail.postfix", "echo 'sendmail: invalid option -- d'; exit 64");
            File.CreateSymbolicLink(Path.Combine(bin, "sendmail"), "sendmail.postfix");
            Dir.Script(bin, "postconf", "echo 'mail_version = 3.7.11'");
            // A hanging exim: the watchdog must work in every shell.
            File.CreateSymbolicLink(Path.Combine(bin, "sleeper"), OnPath("sleep")!);
            Dir.Script(bin, "exim4", "echo 'Exim version 4.96 #2 built 01-Jan-2024'\n\"$(dirname \"$0\")/sleeper\" 60");
            Bin = bin;
            Env = new Dictionary<string, string>
            {
                ["MTA_AUDIT_EXTRA_PATHS"] = bin, ["MTA_AUDIT_SKIP"] = "pkg.updates", ["MTA_AUDIT_PROBE_TIMEOUT"] = "2",
            };
            Reference = RunCollector(["dash"], Env).Bundle;
        }

        internal ScratchDir Dir { get; }
        public string Bin { get; }
        public Dictionary<string, string> Env { get; }
        public EvidenceBundle Reference { get; }

        public void Dispose() => Dir.Dispose();
    }

    [Theory]
    [InlineData("bash")]
    [InlineData("ksh")]
    [InlineData("mksh")]
    [InlineData("posh")]
    [InlineData("yash")]
    [InlineData("busybox", "sh")]
    [InlineData("dash")]
    public void Same_sections_and_stable_content_as_under_dash(string shell, string? subcommand = null)
    {
        Assert.True(OnPath("dash") is not null, "dash is missing: apt-get install -y dash");
        Assert.True(OnPath(shell) is not null, $"shell '{shell}' is missing: apt-get install -y {(shell == "ksh" ? "ksh" : shell)}");
        var reference = fakes.Reference;

        // posh rejects -s; with no operands every sh reads the script from stdin anyway (POSIX).
        string[] command = subcommand is null ? [shell] : [shell, subcommand];
        var (run, b) = RunCollector(command, fakes.Env);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Equal(Outline(reference), Outline(b));
        foreach (var id in StableProbes)
        {
            var want = reference.Probe(id).ToList();
            var got = b.Probe(id).ToList();
            for (int i = 0; i < want.Count; i++)
                Assert.True(want[i].ContentBytes.AsSpan().SequenceEqual(got[i].ContentBytes),
                    $"{id} differs under {shell}:\n--- dash\n{want[i].Text}\n--- {shell}\n{got[i].Text}");
        }
        // The Postfix wrapper is recognised through the link in every shell.
        var wrapper = Assert.Single(b.Probe("mta.sendmail.version"));
        Assert.Equal("postfix", wrapper.Attributes["wrapper"]);
        Assert.Equal("mail_version = 3.7.11\n", b.First("mta.postfix.version")!.Text);
        var exim = Assert.Single(b.Probe("mta.exim.version"));
        Assert.Equal(ProbeOutcome.Timeout, exim.Outcome);
        Assert.Equal("Exim version 4.96 #2 built 01-Jan-2024\n", exim.Text);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(40), $"took {run.Elapsed}");
        Assert.Empty(ProcessesMentioning(fakes.Bin));
    }
}
