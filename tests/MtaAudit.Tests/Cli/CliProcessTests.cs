using System.Diagnostics;
using System.Text;
using MtaAudit.Tests.Hosts;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Cli;

/// <summary>
/// The built mta-audit as a process (<see cref="CliBinary"/>): exit codes,
/// standard output and standard error, on the real bundles of the test hosts and compose.sh.
/// </summary>
public class CliProcessTests
{
    internal static (int Code, string Stdout, string Stderr) Run(params string[] args) =>
        CliBinary.Run(args, new Dictionary<string, string?>
        {
            ["LANG"] = "C",
            ["MTA_AUDIT_DATA_DIR"] = Path.Combine(Path.GetTempPath(), "mta-audit-cli-test-no-overlay"),
        });

    private static string F(string relative) => Fixture.PathOf(relative);

    private static void OneLineErrors(string stderr)
    {
        Assert.NotEqual("", stderr.Trim());
        foreach (var line in stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.DoesNotMatch(@"^\s+at \S", line);                      // no stack trace
            Assert.True(line.StartsWith("mta-audit: ", StringComparison.Ordinal) || line.StartsWith("Try ", StringComparison.Ordinal), line);
        }
    }

    [Fact]
    public void An_unknown_option_is_an_error_not_a_file_name()
    {
        var (code, stdout, stderr) = Run("analyze", "--bogus", F("testhosts/deb12-none.evidence"));
        Assert.Equal(3, code);
        Assert.Contains("--bogus", stderr);
        OneLineErrors(stderr);
        Assert.DoesNotContain("deb12-none", stdout);
    }

    [Fact]
    public void A_directory_reads_its_evidence_files()
    {
        var dir = F("testhosts");
        var (code, stdout, stderr) = Run("analyze", "--format", "json", dir);
        Assert.True(code is 1 or 2, $"exit {code}: {stderr}");
        foreach (var f in Directory.GetFiles(dir, "*.evidence"))
        {
            var host = File.ReadLines(f).First(l => l.StartsWith("host: ", StringComparison.Ordinal))["host: ".Length..];
            Assert.Contains($"\"{host}\"", stdout);
        }
    }

    [Fact]
    public void A_report_that_cannot_be_written_exits_3_with_one_line()
    {
        var (code, _, stderr) = Run("analyze", "-o", "/proc/mta-audit-no-such-dir/report.txt", F("testhosts/deb12-none.evidence"));
        Assert.Equal(3, code);
        OneLineErrors(stderr);
        Assert.Contains("/proc/mta-audit-no-such-dir/report.txt", stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Vulnerable_wins_over_unreadable_input_which_wins_over_manual()
    {
        var missing = Path.Combine(Path.GetTempPath(), "mta-audit-no-such-file.evidence");
        // rhel7-postfix: Postfix 2.10 running, an unsupported series: VULNERABLE under upstream-branch.
        var vuln = Run("analyze", "--policy", "upstream-branch", F("bundles/rhel7-postfix.evidence"), missing);
        Assert.Equal(1, vuln.Code);
        Assert.Contains(missing, vuln.Stderr);
        OneLineErrors(vuln.Stderr);
        // solaris114-sendmail: no version output, MANUAL.
        Assert.Equal(2, Run("analyze", F("bundles/solaris114-sendmail.evidence")).Code);
        var manual = Run("analyze", F("bundles/solaris114-sendmail.evidence"), missing);
        Assert.Equal(3, manual.Code);
        Assert.Contains("solaris", manual.Stdout, StringComparison.OrdinalIgnoreCase); // the readable host is still reported
    }

    [Fact]
    public void A_bundle_with_a_byte_order_mark_is_read_and_good()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mta-audit-bom-{Guid.NewGuid():N}.evidence");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(F("testhosts/deb12-none.evidence"))]);
        try
        {
            var (code, stdout, stderr) = Run("analyze", "--lang", "en", path);
            Assert.Equal(0, code);
            Assert.Equal("", stderr);
            Assert.Contains("deb12-none", stdout);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void The_thin_bundle_of_issue_10_is_manual_and_says_what_to_check()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mta-audit-thin-{Guid.NewGuid():N}.evidence");
        File.WriteAllText(path, "MTA-AUDIT-EVIDENCE/1\nboundary: thin-boundary-1\nhost: thin\n\n--thin-boundary-1 probe=mta.exim.version rc=absent cmd=exim -bV\n--thin-boundary-1--\n");
        try
        {
            var (code, stdout, _) = Run("analyze", "--lang", "en", path);
            Assert.Equal(2, code);
            Assert.Contains("ps -ef", stdout);
        }
        finally { File.Delete(path); }
    }
}
