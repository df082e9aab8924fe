using System.Diagnostics;
using MtaAudit.Assess;
using MtaAudit.Evidence;
using MtaAudit.Knowledge;
using static MtaAudit.Tests.Collect.CollectorHarness;

namespace MtaAudit.Tests.Collect;

/// <summary>
/// The collector on this machine: a candidate MTA program writable by others, or owned by a normal
/// user, is recorded and never run; process arguments that look like secrets never reach the bundle.
/// </summary>
[Collection(CollectorCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class SafeExecutionTests
{
    [Fact]
    public void A_world_writable_or_user_owned_sendmail_is_recorded_not_run()
    {
        Assert.True(Environment.IsPrivilegedProcess, "this test chowns a file and must run as root");
        using var dir = new ScratchDir("unsafe");
        var writable = dir.Sub("writable");
        var owned = dir.Sub("owned");
        var ran = Path.Combine(dir.Path, "ran");
        var a = dir.Script(writable, "sendmail", $"echo ran > {ran}; echo 'Version 8.18.1'");
        File.SetUnixFileMode(a, (UnixFileMode)0b111_111_111); // 0777
        var b = dir.Script(owned, "postconf", $"echo ran > {ran}; echo 'mail_version = 3.11.6'");
        var (chown, _, chownErr) = MtaAudit.Tests.Versions.ExternalTool.Run("chown", ["nobody", b]);
        Assert.True(chown == 0, "chown: " + chownErr);

        var env = new Dictionary<string, string> { ["MTA_AUDIT_EXTRA_PATHS"] = writable + ":" + owned, ["MTA_AUDIT_SKIP"] = "pkg.updates" };
        var (_, bundle) = RunCollector(["/bin/sh", "-s"], env);

        Assert.False(File.Exists(ran), "an unsafe program was run");
        var sm = Assert.Single(bundle.Probe("mta.sendmail.version"), s => s.Path == a);
        Assert.Equal(ProbeOutcome.Absent, sm.Outcome);
        Assert.Equal("writable:" + a, sm.Attributes["unsafe"]);
        var pc = Assert.Single(bundle.Probe("mta.postfix.version"), s => s.Path == b);
        Assert.StartsWith("owner-uid-", pc.Attributes["unsafe"], StringComparison.Ordinal);

        var report = Analyzer.Analyze(bundle, new AnalysisOptions(KnowledgeBaseLoader.LoadEmbedded()));
        Assert.NotEqual(Verdict.Good, report.Verdict);
        Assert.Contains(report.Reasons, r => r.En.Contains($"not run, unsafe: {a}", StringComparison.Ordinal));
        Assert.Contains(report.Reasons, r => r.En.Contains($"not run, unsafe: {b}", StringComparison.Ordinal) && r.En.Contains("not root", StringComparison.Ordinal));
    }

    [Fact]
    public void Secrets_in_process_arguments_are_redacted_in_the_bundle()
    {
        // A real process whose command line carries secrets the way daemons are started by careless scripts.
        var psi = new ProcessStartInfo("bash", ["-c", "exec -a 'mta-audit-secret-probe --password hunter2 --db=postgres://app:s3cr3t@db.invalid/x token=abc123 api_key=k9 --env {\"AWS_SECRET_ACCESS_KEY\": \"wJalrXUtn\"}' sleep 60"])
        { UseShellExecute = false };
        using var p = Process.Start(psi)!;
        try
        {
            Thread.Sleep(300);
            var (_, bundle) = RunCollector(["/bin/sh", "-s"], new Dictionary<string, string> { ["MTA_AUDIT_SKIP"] = "pkg.updates" });
            var ps = bundle.First("proc.list")!.Text;
            var line = Assert.Single(ps.Split('\n'), l => l.Contains("mta-audit-secret-probe", StringComparison.Ordinal));
            foreach (var secret in new[] { "hunter2", "s3cr3t", "abc123", "k9 ", "wJalrXUtn" })
                Assert.DoesNotContain(secret, line + " ");
            Assert.Contains("--password <redacted>", line);
            Assert.Contains("postgres://app:<redacted>@db.invalid/x", line);
            Assert.Contains("token=<redacted>", line);
            Assert.Contains("\"AWS_SECRET_ACCESS_KEY\": \"<redacted>\"", line);
        }
        finally
        {
            p.Kill();
            p.WaitForExit();
        }
    }
}
