using System.Text.Json;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Fix;

/// <summary>`mta-audit fix` as a process: plan output, exit codes, one clear stderr line for bad input.</summary>
public sealed class FixCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mta-audit-fix-cli-").FullName;

    private static (int Rc, string Stdout, string Stderr) Cli(params string[] args) => CliBinary.Run(args, timeout: TimeSpan.FromSeconds(60));

    private static string Bundle(string name) => Fixture.PathOf("bundles/" + name);

    [Fact]
    public void Plan_from_a_bundle_prints_json_steps_and_changes_nothing()
    {
        var (rc, stdout, stderr) = Cli("fix", "--evidence", Bundle("aix72-sendmail.evidence"), "--unused", "sendmail", "--format", "json");
        Assert.True(rc == 0, stderr);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var steps = doc.RootElement.GetProperty("hosts")[0].GetProperty("steps");
        Assert.Equal(["stopsrc", "-s", "sendmail"], steps[0].GetProperty("command").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("/etc/rc.tcpip", steps[1].GetProperty("target").GetString());
    }

    [Fact]
    public void Plan_text_in_korean_and_the_unused_file_names_the_host()
    {
        var list = Path.Combine(_dir, "no-mta-hosts.txt");
        File.WriteAllText(list, "# hosts that must not run an MTA\nHPUX1131-SENDMAIL   # the HP-UX one\n");
        var (rc, stdout, stderr) = Cli("fix", "--evidence", Bundle("hpux1131-sendmail.evidence"), "--unused-file", list, "--lang", "ko");
        Assert.True(rc == 0, stderr);
        Assert.Contains("/sbin/init.d/sendmail stop", stdout, StringComparison.Ordinal);
        Assert.Contains("/etc/rc.config.d/mailservs 파일에 SENDMAIL_SERVER=0 설정", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_unused_an_mta_in_use_is_never_stopped()
    {
        var (rc, stdout, _) = Cli("fix", "--evidence", Bundle("hpux1131-sendmail.evidence"), "--format", "json");
        Assert.Equal(0, rc);
        using var doc = JsonDocument.Parse(stdout);
        Assert.DoesNotContain(doc.RootElement.GetProperty("hosts")[0].GetProperty("steps").EnumerateArray(),
            s => s.GetProperty("kind").GetString() is "service-stop" or "service-disable" or "file-line-edit");
    }

    [Theory]
    [InlineData("--apply", "--apply works on a live host only")]
    [InlineData("--unused", "nosuchmta")]
    public void Bad_combinations_are_usage_errors(string option, string expected)
    {
        var args = option == "--apply"
            ? new[] { "fix", "--evidence", Bundle("aix72-sendmail.evidence"), "--unused", "sendmail", "--apply" }
            : new[] { "fix", "--evidence", Bundle("aix72-sendmail.evidence"), "--unused", "nosuchmta" };
        var (rc, stdout, stderr) = Cli(args);
        Assert.Equal(3, rc);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Hosts_that_cannot_be_reached_are_each_named_and_the_run_goes_on()
    {
        var key = Path.Combine(_dir, "key");
        using (var p = System.Diagnostics.Process.Start("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key])!) p.WaitForExit();
        var (rc, stdout, stderr) = Cli("fix", "--host", "root@127.0.0.1:1", "--host", "127.0.0.1:2", "--unused", "postfix",
            "--identity", key, "--known-hosts", Path.Combine(_dir, "known_hosts"), "--user", "auditor");
        Assert.Equal(3, rc);
        Assert.Equal(["mta-audit: root@127.0.0.1:1: connection refused (nothing listens on port 1)",
            "mta-audit: 127.0.0.1:2: connection refused (nothing listens on port 2)"], stderr.TrimEnd().Split('\n'));
        Assert.DoesNotContain("postfix", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_hosts_with_one_journal_file_or_with_evidence_are_usage_errors()
    {
        var (rc, stdout, stderr) = Cli("fix", "--host", "a.example", "--host", "b.example", "--apply", "--journal", Path.Combine(_dir, "x.journal"));
        Assert.Equal(3, rc);
        Assert.Equal("", stdout);
        Assert.Equal("mta-audit: --journal names one file: with several hosts use --journal-dir", stderr.Trim());
        (rc, _, stderr) = Cli("fix", "--host", "a.example", "--identity", Bundle("aix72-sendmail.evidence"));
        Assert.Equal(3, rc);
        Assert.Contains("cannot use this key", stderr, StringComparison.Ordinal);
        (rc, _, stderr) = Cli("fix", "--host", "a.example", "--evidence", Bundle("aix72-sendmail.evidence"));
        Assert.Equal(3, rc);
        Assert.Equal("mta-audit: --evidence and --host/--inventory: give one of them", stderr.Trim());
    }

    [Fact]
    public void Missing_inputs_name_the_file()
    {
        var missing = Path.Combine(_dir, "nope.evidence");
        var (rc, _, stderr) = Cli("fix", "--evidence", missing);
        Assert.Equal(3, rc);
        Assert.Contains(missing, stderr, StringComparison.Ordinal);
        (rc, _, stderr) = Cli("fix", "--undo", missing);
        Assert.Equal(3, rc);
        Assert.Equal($"mta-audit: {missing}: no such journal", stderr.Trim());
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
