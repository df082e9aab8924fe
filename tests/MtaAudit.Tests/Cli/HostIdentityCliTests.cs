using System.Text.Json;
using System.Text.RegularExpressions;
using MtaAudit.Tests.Render;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Cli;

/// <summary>
/// "One host is one host" (issue 15) and the reader's own bundle starts (issue 20), as the CLI process, on the
/// test hosts' real bundles (tests/MtaAudit.Tests/Fixtures/testhosts/). Each test rewrites a copy only where it
/// says: a host line (as two machines both called localhost have), a collected-at, an added process line or a
/// host.id section (the test hosts' bundles predate that probe; its value has the format of a real
/// /etc/machine-id, made up for the test). Each failed before the change (a host vanished or its verdict fell
/// to MANUAL) and passes now.
/// </summary>
public class HostIdentityCliTests
{
    private static string Real(string name) => File.ReadAllText(Fixture.PathOf("testhosts/" + name + ".evidence"));

    private static string Rename(string bundle, string host) =>
        Regex.Replace(bundle, "^host: .*$", "host: " + host, RegexOptions.Multiline);

    /// <summary>Adds a host.id section after the header (the probe's real shape: "machine-id HEX").</summary>
    private static string WithMachineId(string bundle, string id)
    {
        var boundary = Regex.Match(bundle, "^boundary: (.*)$", RegexOptions.Multiline).Groups[1].Value;
        int firstSection = bundle.IndexOf("\n--" + boundary + " ", StringComparison.Ordinal) + 1;
        return bundle[..firstSection] + $"--{boundary} probe=host.id rc=0 cmd=cat /etc/machine-id\nmachine-id {id}\n" + bundle[firstSection..];
    }

    private static string Without(string bundle, string probe)
    {
        var boundary = Regex.Match(bundle, "^boundary: (.*)$", RegexOptions.Multiline).Groups[1].Value;
        var b = Regex.Escape("--" + boundary);
        return Regex.Replace(bundle, $"^{b} probe={Regex.Escape(probe)} .*\\n(?:(?!{b}).*\\n)*", "", RegexOptions.Multiline);
    }

    private static string Write(string dir, string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static List<(string Host, string Verdict)> Hosts(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("hosts").EnumerateArray()
            .Select(h => (h.GetProperty("host").GetString()!, h.GetProperty("verdict").GetString()!)).ToList();
    }

    private static (int Code, List<(string Host, string Verdict)> Hosts, string Stdout) Analyze(params string[] files)
    {
        var (code, stdout, stderr) = CliProcessTests.Run(["analyze", "--format", "json", .. files]);
        Assert.True(code is >= 0 and <= 3, stderr);
        return (code, Hosts(stdout), stdout);
    }

    [Fact]
    public void Two_machines_both_called_localhost_are_both_reported_and_the_vulnerable_one_counts()
    {
        var dir = ReportSamples.TempDir();
        var exim = Write(dir, "a.evidence", Rename(Real("deb11-exim"), "localhost"));      // VULNERABLE
        var postfix = Write(dir, "b.evidence", Rename(Real("deb12-postfix"), "localhost"));
        var (code, hosts, _) = Analyze(exim, postfix);
        Assert.Equal(1, code);
        Assert.Equal(2, hosts.Count);
        Assert.Contains(hosts, h => h.Verdict == "VULNERABLE");
        // Each labelled so a reader tells them apart (their addresses), and a note names the clash.
        Assert.Equal(2, hosts.Select(h => h.Host).Distinct().Count());
        Assert.All(hosts, h => Assert.StartsWith("localhost (", h.Host, StringComparison.Ordinal));

        var (textCode, text, _) = CliProcessTests.Run("analyze", exim, postfix);
        Assert.Equal(1, textCode);
        Assert.Contains("Summary: hosts 2 ", text, StringComparison.Ordinal);
        Assert.Contains("localhost: 2 different machines use this name", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Four_bundles_without_a_host_line_are_four_hosts()
    {
        var dir = ReportSamples.TempDir();
        // No host line and no uname (nothing names them: the 'unknown' of issue 15), nor host.id.
        var files = new[] { "deb11-exim", "deb12-postfix", "deb12-none", "deb13-exim" }
            .Select(n => Write(dir, n + ".evidence", Without(Regex.Replace(Real(n), "^host: .*\\n", "", RegexOptions.Multiline), "os.uname")))
            .ToArray();
        var (code, hosts, _) = Analyze(files);
        Assert.Equal(1, code);
        Assert.Equal(4, hosts.Count);
        Assert.Equal(4, hosts.Select(h => h.Host).Distinct().Count());
        Assert.Contains(hosts, h => h.Host.StartsWith("deb11-exim.evidence", StringComparison.Ordinal) && h.Verdict == "VULNERABLE");
    }

    [Fact]
    public void A_bundle_that_takes_a_vulnerable_hosts_name_with_a_later_date_does_not_replace_it()
    {
        var dir = ReportSamples.TempDir();
        var victim = Write(dir, "victim.evidence", Real("deb11-exim"));
        var taker = Real("deb12-none").Replace("host: deb12-none", "host: deb11-exim", StringComparison.Ordinal);
        taker = Regex.Replace(taker, "^collected-at: .*$", "collected-at: 2099-01-01T00:00:00Z", RegexOptions.Multiline);

        // Different addresses (an old bundle's only identity): two hosts.
        var (code, hosts, _) = Analyze(victim, Write(dir, "taker.evidence", taker));
        Assert.Equal(1, code);
        Assert.Equal(2, hosts.Count);

        // Different machine identities: two hosts, told apart by them.
        var (code2, hosts2, _) = Analyze(Write(dir, "v-id.evidence", WithMachineId(Real("deb11-exim"), "3d1219c7c4c5404aaa1f6d2a48adfda4")),
            Write(dir, "t-id.evidence", WithMachineId(taker, "9b2e41d07a6f4c1e8d53a0c2f7e96b15")));
        Assert.Equal(1, code2);
        Assert.Equal(["deb11-exim (id 3d1219c7)", "deb11-exim (id 9b2e41d0)"], hosts2.Select(h => h.Host).Order(StringComparer.Ordinal).ToArray());

        // Nothing at all to tell (no host.id, no addresses on either side): still two hosts, never one dropped.
        var (code3, hosts3, stdout3) = Analyze(Write(dir, "v-bare.evidence", Without(Real("deb11-exim"), "net.addr")),
            Write(dir, "t-bare.evidence", Without(taker, "net.addr")));
        Assert.Equal(1, code3);
        Assert.Equal(2, hosts3.Count);
        Assert.Contains("nothing (host.id, addresses) shows they are one machine", stdout3, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_machine_twice_keeps_its_newest_bundle()
    {
        var dir = ReportSamples.TempDir();
        const string id = "3d1219c7c4c5404aaa1f6d2a48adfda4";
        var older = Regex.Replace(WithMachineId(Real("deb11-exim"), id), "^collected-at: .*$", "collected-at: 2020-01-01T00:00:00Z", RegexOptions.Multiline);
        // The same machine later: upgraded to Debian 12 and Exim 4.96 (its own real bundle, renamed and with the same host.id).
        var newer = WithMachineId(Rename(Real("deb12-exim"), "deb11-exim"), id);
        var (code, hosts, stdout) = Analyze(Write(dir, "old.evidence", older), Write(dir, "new.evidence", newer));
        Assert.Equal("deb11-exim", Assert.Single(hosts).Host);
        Assert.NotEqual("VULNERABLE", hosts[0].Verdict);
        Assert.NotEqual(1, code);
        Assert.Contains("2 bundles of the same host", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("root 4242 1 /usr/bin/python3 /tmp/x/MTA-AUDIT-EVIDENCE/1")]
    [InlineData("MTA-AUDIT-EVIDENCE/1\r\r")]
    [InlineData("xxxMTA-AUDIT-EVIDENCE/1")]
    [InlineData("MTA-AUDIT-EVIDENCE/1\nboundary: forged-boundary-1\nhost: deb11-exim\ncollected-at: 2099-01-01T00:00:00Z\n\n--forged-boundary-1 probe=os.uname rc=0 cmd=uname -a\nLinux deb11-exim 6.1.0 x86_64\n--forged-boundary-1--")]
    public void A_process_line_that_reads_like_a_bundle_start_does_not_cut_the_bundle(string line)
    {
        var dir = ReportSamples.TempDir();
        var real = Real("deb11-exim");
        int at = real.IndexOf("\n", real.IndexOf("probe=proc.list", StringComparison.Ordinal), StringComparison.Ordinal) + 1;
        var evaded = real[..at] + line + "\n" + real[at..];
        var (code, hosts, stdout) = Analyze(Write(dir, "evaded.evidence", evaded));
        Assert.Equal(1, code);
        Assert.Equal(("deb11-exim", "VULNERABLE"), Assert.Single(hosts));
        Assert.DoesNotContain("bundle.ends-inside", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_host_key_in_another_case_does_not_make_the_passes_disagree()
    {
        var dir = ReportSamples.TempDir();
        // host: then HOST: in a later bundle of another machine: the header pass took the first, the reader the last,
        // so the vulnerable deb11-exim was dropped as "older" and the other reported under its second name.
        var twoKeys = Real("deb12-none").Replace("host: deb12-none\n", "host: deb11-exim\nHOST: deb12-none\n", StringComparison.Ordinal);
        twoKeys = Regex.Replace(twoKeys, "^collected-at: .*$", "collected-at: 2099-01-01T00:00:00Z", RegexOptions.Multiline);
        var (code, hosts, stdout) = Analyze(Write(dir, "a.evidence", Real("deb11-exim")), Write(dir, "b.evidence", twoKeys));
        Assert.Equal(1, code);
        Assert.Equal(2, hosts.Count);
        Assert.All(hosts, h => Assert.StartsWith("deb11-exim (", h.Host, StringComparison.Ordinal));
        Assert.Contains("bundle.duplicate-header", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_with_a_symlink_loop_reads_each_file_once()
    {
        var dir = ReportSamples.TempDir();
        Write(dir, "a.evidence", Real("deb11-exim"));
        Directory.CreateSymbolicLink(Path.Combine(dir, "loop"), dir);
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        File.CreateSymbolicLink(Path.Combine(dir, "sub", "same.evidence"), Path.Combine(dir, "a.evidence"));
        var (code, hosts, _) = Analyze(dir);
        Assert.Equal(1, code);
        Assert.Single(hosts);
    }

    [Fact]
    public void Compare_pairs_hosts_of_one_name_by_their_identity_and_lists_the_ones_it_cannot_pair()
    {
        var dir = ReportSamples.TempDir();
        const string a = "3d1219c7c4c5404aaa1f6d2a48adfda4", b = "9b2e41d07a6f4c1e8d53a0c2f7e96b15";
        // Earlier: machine A (Exim 4.94.2, vulnerable) and machine B (Postfix), both localhost.
        var old = Path.Combine(dir, "old");
        Directory.CreateDirectory(old);
        Write(old, "a.evidence", WithMachineId(Rename(Real("deb11-exim"), "localhost"), a));
        Write(old, "b.evidence", WithMachineId(Rename(Real("deb12-postfix"), "localhost"), b));
        // Now: A upgraded (Exim 4.96), B unchanged.
        var now = Path.Combine(dir, "new");
        Directory.CreateDirectory(now);
        Write(now, "a.evidence", WithMachineId(Rename(Real("deb12-exim"), "localhost"), a));
        Write(now, "b.evidence", WithMachineId(Rename(Real("deb12-postfix"), "localhost"), b));
        var (code, stdout, stderr) = CliProcessTests.Run("report", "--compare", old, now);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Contains("localhost (id 3d1219c7): Vulnerable → Good", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("could not be paired", stdout, StringComparison.Ordinal);

        // Without host.id and addresses nothing tells which localhost is which: both are listed as not paired.
        var bare = Path.Combine(dir, "bare");
        Directory.CreateDirectory(bare);
        Write(bare, "a.evidence", Without(Rename(Real("deb12-exim"), "localhost"), "net.addr"));
        Write(bare, "b.evidence", Without(Rename(Real("deb11-exim"), "localhost"), "net.addr"));
        (code, stdout, stderr) = CliProcessTests.Run("report", "--compare", old, bare);
        Assert.True(code == 1, $"exit {code}: {stderr}"); // a vulnerable host not paired may be newly vulnerable
        Assert.Contains("Hosts that could not be paired", stdout, StringComparison.Ordinal);
    }
}
