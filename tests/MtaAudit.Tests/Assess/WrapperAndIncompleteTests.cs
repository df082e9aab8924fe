using MtaAudit.Assess;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Assess;

/// <summary>
/// The traps that fail other checkers: the sendmail wrapper of Postfix and Exim, warnings in
/// postconf output, probes that time out, bundles cut short. Every output is a real one.
/// </summary>
public class WrapperAndIncompleteTests
{
    private static readonly string PostfixWrapper = Fixture.Output("debian12-local/postfix-3.7.11-sendmail-wrapper-d0.1-bt.txt");
    private static readonly string EximWrapper = Fixture.Output("debian12-local/exim-4.96-sendmail-wrapper-d0.1-bt.txt");
    private static readonly string PostconfWithWarning = Fixture.Output("debian12-local/postfix-3.7.11-postconf-d-mail_version-with-warning.txt");
    private static readonly string PsWithPostfixMaster = Fixture.Between("linux/ps-aux-postfix-master-centos7.txt", "# ps aux", "[root@");
    private static readonly string DebianOsRelease = Fixture.Between("linux/debian12-uname-a-and-os-release-captured.txt", "$ cat /etc/os-release", "$ ");
    private static readonly string PostfixUnitFiles = Fixture.Between("linux/local-debian12-systemctl-list-unit-files-postfix-package.txt", "--no-legend --no-pager", "$ ");

    [Fact]
    public void Postfix_sendmail_wrapper_printing_invalid_option_is_not_taken_for_sendmail()
    {
        var h = Bundles.Judge(Bundles.Of("pf",
            ("probe=os.release rc=0", DebianOsRelease),
            ("probe=mta.sendmail.version path=/usr/sbin/sendmail rc=75", PostfixWrapper),
            ("probe=mta.postfix.version path=/usr/sbin/postconf rc=0", PostconfWithWarning),
            ("probe=proc.list rc=0", PsWithPostfixMaster),
            ("probe=svc.systemd.enabled rc=0", PostfixUnitFiles)));
        var m = Assert.Single(h.Mtas);
        Assert.Equal("postfix", m.Mta);
        Assert.Equal("3.7.11", m.Version);       // the warning line before it is not the version
        Assert.True(m.Running);
        Assert.True(m.Enabled);
        Assert.Equal(Verdict.Vulnerable, m.Verdict); // 3.7 is no longer supported upstream
        Assert.Contains(m.Remediation, r => r.En.Contains("systemctl stop postfix", StringComparison.Ordinal));
    }

    [Fact]
    public void Exim_sendmail_wrapper_printing_malformed_debug_selector_is_not_sendmail()
    {
        var h = Bundles.Judge(Bundles.Of("ex",
            ("probe=mta.sendmail.version path=/usr/sbin/sendmail rc=1", EximWrapper),
            ("probe=mta.exim.version path=/usr/sbin/exim4 rc=0", Fixture.Output("debian12-local/exim-4.96-bV-no-config-file.txt"))));
        Assert.DoesNotContain(h.Mtas, m => m.Mta == "sendmail");
        var m = Assert.Single(h.Mtas);
        Assert.Equal(("exim", "4.96"), (m.Mta, m.Version));
    }

    [Fact]
    public void A_version_probe_that_timed_out_gives_manual_never_good()
    {
        var h = Bundles.Judge(Bundles.Of("slow",
            ("probe=os.release rc=0", DebianOsRelease),
            ("probe=mta.postfix.version path=/usr/sbin/postconf rc=timeout", ""),
            ("probe=proc.list rc=0", PsWithPostfixMaster)));
        Assert.False(h.Complete);
        var m = Assert.Single(h.Mtas);
        Assert.Equal("postfix", m.Mta);
        Assert.Equal(Verdict.Manual, m.Verdict);
        Assert.Contains(m.Reasons, r => r.En.Contains("timed out", StringComparison.Ordinal));
    }

    [Fact]
    public void A_superseded_patch_is_vulnerable_under_both_upstream_policies()
    {
        // 3.11.6 was the newest release until 3.11.7 (2026-09-08, postfix-announce via oss-security 2026/09/10/8).
        var superseded = Fixture.Output("generic/postconf-mail_version-samples-multi-os.txt")
            .Split('\n').Single(l => l == "mail_version = 3.11.6") + "\n";
        var sections = new[]
        {
            ("probe=mta.postfix.version path=/usr/sbin/postconf rc=0", superseded),
            ("probe=proc.list rc=0", PsWithPostfixMaster),
            ("probe=svc.systemd.enabled rc=0", PostfixUnitFiles),
        };
        var branch = Assert.Single(Bundles.Judge(Bundles.Of("old", sections)).Mtas);
        Assert.Equal(Verdict.Vulnerable, branch.Verdict);
        Assert.Contains(branch.Reasons, r => r.En.Contains("older than 3.11.7, the newest patch of the supported 3.11 series", StringComparison.Ordinal));
        Assert.Contains(branch.Cves, c => c.Id == "POSTFIX-2026-09-QUALYS-OPENAI" && c.FixedIn == "3.11.7");
        var latest = Assert.Single(Bundles.Judge(Bundles.Of("old", sections), Policy.UpstreamLatest).Mtas);
        Assert.Equal(Verdict.Vulnerable, latest.Verdict);
        Assert.Contains(latest.Reasons, r => r.En.Contains("older than the newest upstream release 3.11.7", StringComparison.Ordinal));
    }

    [Fact]
    public void A_good_host_turns_manual_when_the_evidence_is_cut()
    {
        var whole = File.ReadAllText(Fixture.PathOf("testhosts/deb12-none.evidence"));
        Assert.Equal(Verdict.Good, Bundles.Judge(Bundles.File("testhosts/deb12-none.evidence")).Verdict);

        // The same evidence, but the stream stops before the bundle's closing line.
        var text = whole[..whole.LastIndexOf("\n--", StringComparison.Ordinal)] + "\n";
        var cut = MtaAudit.Evidence.BundleReader.Read(text, "cut").Single().Bundle!;
        Assert.True(cut.Truncated);
        var judged = Bundles.Judge(cut);
        Assert.Equal(Verdict.Manual, judged.Verdict);
        Assert.False(judged.Complete);
    }

    [Fact]
    public void Upstream_latest_policy_flags_what_upstream_branch_accepts()
    {
        var v386 = "mail_version = 3.8.6\n"; // Ubuntu 24.04 line of generic/postconf-mail_version-samples-multi-os.txt
        Assert.Contains("    mail_version = 3.8.6", Fixture.Output("generic/postconf-mail_version-samples-multi-os.txt"), StringComparison.Ordinal);
        var b = Bundles.Of("u2404",
            ("probe=mta.postfix.version rc=0", v386),
            ("probe=proc.list rc=0", PsWithPostfixMaster));
        var branch = Assert.Single(Bundles.Judge(b).Mtas);
        Assert.Equal(Verdict.Vulnerable, branch.Verdict); // 3.8 is supported, but 3.8.6 < 3.8.21
        Assert.Contains(branch.Remediation, r => r.En.Contains("upstream 3.8.21", StringComparison.Ordinal));
        Assert.Contains(branch.Cves, c => c.Id == "CVE-2026-43964" && c.FixedIn == "3.8.16");
        var latest = Assert.Single(Bundles.Judge(b, Policy.UpstreamLatest).Mtas);
        Assert.Contains(latest.Reasons, r => r.En.Contains("older than the newest upstream release 3.11.7", StringComparison.Ordinal));
    }

    [Fact]
    public void A_host_with_no_mta_is_good_only_when_the_evidence_looked_and_was_complete()
    {
        var none = Bundles.Of("none",
            ("probe=os.release rc=0", DebianOsRelease),
            ("probe=pkg.dpkg rc=1", Fixture.Output("debian12-local/dpkg-query-status-abbrev-with-not-installed.txt")),
            ("probe=mta.binaries rc=2", Fixture.Output("debian12-local/ls-l-missing-mta-candidates.txt")));
        var h = Bundles.Judge(none);
        Assert.Empty(h.Mtas);
        // A package list and a binaries check alone cannot show that nothing runs: no process list,
        // no sockets, no version probes. MANUAL, naming each unknown fact and how to check it.
        Assert.Equal(Verdict.Manual, h.Verdict);
        Assert.Contains(h.Reasons, r => r.En.Contains("proc.list: not collected", StringComparison.Ordinal) && r.En.Contains("ps -ef", StringComparison.Ordinal));
        Assert.Contains(h.Reasons, r => r.En.Contains("net.listen", StringComparison.Ordinal));

        // A whole bundle from a test host without an MTA is GOOD.
        var real = Bundles.Judge(Bundles.File("testhosts/deb12-none.evidence"));
        Assert.Empty(real.Mtas);
        Assert.Equal(Verdict.Good, real.Verdict);
        Assert.Contains(real.Reasons, r => r.Ko.Contains("설치되어 있지 않음", StringComparison.Ordinal));

        var nothingLooked = Bundles.Judge(Bundles.Of("blind", ("probe=os.release rc=0", DebianOsRelease)));
        Assert.Equal(Verdict.Manual, nothingLooked.Verdict);
    }
}
