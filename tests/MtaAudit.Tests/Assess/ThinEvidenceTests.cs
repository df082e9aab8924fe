using MtaAudit.Assess;
using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Knowledge;
using MtaAudit.Parse;
using MtaAudit.Parse.Vendor;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Assess;

/// <summary>
/// Issue 10's situations, each on real outputs (test-host bundles, shared fixtures, or outputs captured
/// on this machine, as each fixture's header says): none of them may give GOOD.
/// </summary>
public class ThinEvidenceTests
{
    private static readonly AnalysisOptions Vendor = new(KnowledgeBaseLoader.LoadEmbedded(), Policy.Vendor);

    internal static string Host(string name) => File.ReadAllText(Fixture.PathOf($"testhosts/{name}.evidence"));

    internal static HostReport JudgeText(string text, AnalysisOptions? o = null) =>
        Analyzer.Analyze(BundleReader.Read(text, "t").Single().Bundle!, o ?? Vendor);

    /// <summary>Replaces the delimiter attributes (after the probe id) and, when given, the content of the first section of <paramref name="probe"/>.</summary>
    internal static string Rewrite(string bundle, string probe, Func<string, string> delimiter, string? content = null)
    {
        var lines = bundle.Split('\n').ToList();
        int i = lines.FindIndex(l => l.StartsWith("--", StringComparison.Ordinal) && l.Contains($" probe={probe} ", StringComparison.Ordinal));
        Assert.True(i >= 0, $"no section {probe}");
        lines[i] = delimiter(lines[i]);
        if (content is not null)
        {
            int end = i + 1;
            while (end < lines.Count && !lines[end].StartsWith("--mta-", StringComparison.Ordinal)) end++;
            lines.RemoveRange(i + 1, end - i - 1);
            lines.InsertRange(i + 1, content.TrimEnd('\n').Split('\n'));
        }
        return string.Join('\n', lines);
    }

    private static string AllReasons(HostReport h) =>
        string.Join("\n", h.Reasons.Select(r => r.En).Concat(h.Mtas.SelectMany(m => m.Reasons.Select(r => r.En))));

    [Fact]
    public void A_bundle_whose_only_section_is_an_absent_exim_is_manual_naming_what_is_unknown()
    {
        var h = Bundles.Judge(Bundles.Of("thin", ("probe=mta.exim.version rc=absent", "")), Policy.Vendor);
        Assert.Equal(Verdict.Manual, h.Verdict);
        var all = AllReasons(h);
        Assert.Contains("proc.list", all);
        Assert.Contains("pkg.", all);
    }

    [Fact]
    public void A_failed_dnf_check_is_unknown_never_none_pending()
    {
        var dnf = Fixture.Output("linux/dnf-q-C-check-update-failed-no-cache-captured.txt");
        var failed = Rewrite(Host("deb12-postfix"), "pkg.updates", l => l.Replace("path=apt rc=0", "path=dnf rc=1"), dnf);
        var facts = FactsBuilder.Build(BundleReader.Read(failed, "t").Single().Bundle!);
        Assert.Equal(UnknownReason.Failed, facts.ProbeFact("pkg.updates").Reason);
        Assert.Empty(facts.Updates);
        Assert.Contains(EvidenceModel.Unknowns(facts, [U45Fact.VendorUpdates]), u => u.Probe == "pkg.updates" && u.ManualCommand.En.Length > 0);
        Assert.NotEqual(Verdict.Good, JudgeText(failed).Verdict);
    }

    [Fact]
    public void A_zypper_lock_exit_is_unknown_never_none_pending()
    {
        var zypper = Fixture.Output("linux/zypper-lu-lock-held-captured.txt");
        var locked = Rewrite(Host("deb12-postfix"), "pkg.updates", l => l.Replace("path=apt rc=0", "path=zypper rc=7"), zypper);
        var facts = FactsBuilder.Build(BundleReader.Read(locked, "t").Single().Bundle!);
        Assert.Equal(UnknownReason.Failed, facts.ProbeFact("pkg.updates").Reason);
        Assert.NotEqual(Verdict.Good, JudgeText(locked).Verdict);
    }

    [Fact]
    public void Metadata_age_is_the_oldest_security_sources()
    {
        // deb12-postfix-update: a fresh local repository (1796092427, the moment of collection) beside bookworm-security (1796071669).
        var s = Bundles.File("testhosts/deb12-postfix-update.pending.evidence").First(RepoAgeParser.Probe)!;
        Assert.Equal("1796092427", s.Attributes["now"]);
        Assert.Equal(1796071669, RepoAgeParser.ReferenceMtime(s.Text, 1796092427, s.Command));
    }

    [Fact]
    public void A_cut_process_list_cannot_show_that_a_stopped_mta_is_not_running()
    {
        var stopped = Host("deb12-sendmail"); // installed, disabled and stopped: GOOD
        Assert.Equal(Verdict.Good, JudgeText(stopped).Verdict);
        var cut = Rewrite(stopped, "proc.list", l => l.Replace(" rc=0", " cut=yes rc=0"));
        var h = JudgeText(cut);
        Assert.NotEqual(Verdict.Good, h.Verdict);
        Assert.Contains("proc.list", AllReasons(h));
    }

    [Fact]
    public void A_mail_port_listener_without_an_owner_is_never_read_as_nothing_running()
    {
        // A normal user's ss: the listeners without their processes (shared capture, second listing).
        var lines = Fixture.Output("linux/debian12-ss-netstat-listeners-captured.txt").Split('\n');
        var ss = string.Join('\n', lines.SkipWhile(l => l != "$ ss -ltn").Skip(1).TakeWhile(l => !l.StartsWith("$ ", StringComparison.Ordinal))) + "\n";
        Assert.DoesNotContain("users:", ss);
        Assert.Contains("0.0.0.0:25", ss);
        foreach (var name in new[] { "deb12-none", "deb12-sendmail" })
        {
            var text = Rewrite(Host(name), "net.listen", l => l.Replace(" rc=0", " root=needed rc=0"), ss);
            var h = JudgeText(text);
            Assert.Equal(Verdict.Manual, h.Verdict);
            Assert.Contains("listens on a mail port", AllReasons(h));
        }
    }

    [Fact]
    public void A_master_on_imap_ports_is_not_postfix_and_a_users_sendmail_title_is_not_sendmail()
    {
        var ss = Fixture.Between("linux/ss-ps-cyrus-like-master-and-user-sendmail-title-captured.txt", "$ ss -ltnp", "$ ");
        var ps = Fixture.Between("linux/ss-ps-cyrus-like-master-and-user-sendmail-title-captured.txt", "$ ps -eo", "$ ");
        var text = Rewrite(Rewrite(Host("deb12-none"), "net.listen", l => l, ss), "proc.list", l => l,
            ThinEvidenceTestsPs.WithHeader(ps));
        var h = JudgeText(text);
        Assert.Empty(h.Mtas);
        Assert.Equal(Verdict.Manual, h.Verdict); // the "sendmail: accepting connections" of user nobody is reported
        Assert.Contains("unexpected user", AllReasons(h));
    }

    [Fact]
    public void Container_processes_on_this_machine_are_not_its_own()
    {
        // Captured on this machine with test hosts booted: their Postfix and Sendmail run in other PID namespaces.
        var b = Bundles.File("thishost/scan-with-testhosts-booted.evidence");
        var facts = FactsBuilder.Build(b);
        Assert.Contains(facts.ForeignProcesses, p => p.Args.Contains("postfix/sbin/master", StringComparison.Ordinal));
        Assert.DoesNotContain(facts.Processes, p => p.Args.Contains("postfix/sbin/master", StringComparison.Ordinal));
        var h = Analyzer.Analyze(b, Vendor);
        Assert.DoesNotContain(h.Mtas, m => m.Mta is "postfix" or "sendmail");
        Assert.Contains("also running in containers", AllReasons(h));
    }

    [Fact]
    public void A_docker_cgroup_path_sets_the_daemon_apart_even_in_the_hosts_pid_namespace()
    {
        // The cgroup path is a real one (shared fixture linux/systemctl-status-sendmail-rhel8-kodekloud-and-rpm-qf.txt).
        var docker = "/docker/e96a41431b20c033146c1ef9d5fc3ae9203c7767e9cac1a3450a2bb9f29db4ae/system.slice/sendmail.service";
        Assert.Contains(docker, Fixture.Raw("linux/systemctl-status-sendmail-rhel8-kodekloud-and-rpm-qf.txt"));
        // rhel7-postfix: master (pid 1588) in ps and on port 25 per netstat; here its cgroup is a Docker container's.
        var text = File.ReadAllText(Fixture.PathOf("bundles/rhel7-postfix.evidence"));
        int at = text.IndexOf("--composed-0001-fixture probe=proc.list", StringComparison.Ordinal);
        var ns = "--composed-0001-fixture probe=proc.ns rc=0 cmd=ls -l /proc/*/ns/pid\nself 4242\ncgroup /proc/1/cgroup /init.scope\n"
               + $"cgroup /proc/1588/cgroup {docker}\n";
        var h = JudgeText(text[..at] + ns + text[at..]);
        Assert.DoesNotContain(h.Mtas, m => m.Running == true); // the master and its socket are the container's
        Assert.Contains("docker e96a41431b20", AllReasons(h));
    }

    [Fact]
    public void A_missing_rpm_list_does_not_make_a_rhel_postfix_a_source_build()
    {
        var h = Bundles.Judge(Bundles.File("bundles/rhel7-postfix.evidence"), Policy.Vendor);
        var m = Assert.Single(h.Mtas);
        Assert.Equal(Verdict.Manual, m.Verdict);
        Assert.Contains(m.Reasons, r => r.En.Contains("pkg.rpm", StringComparison.Ordinal) && r.En.Contains("rpm -qa", StringComparison.Ordinal));
        Assert.DoesNotContain(m.Remediation, r => r.En.Contains("postfix.org", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changelog_line_saying_however_is_no_fix()
    {
        var s = Bundles.File("testhosts/deb12-exim.evidence").Probe(ChangelogParser.Probe).First(x => x.Text.Contains("however CVE-2023-42118", StringComparison.Ordinal));
        var fixes = ChangelogParser.Parse(s.Text, "exim4");
        Assert.DoesNotContain(fixes, f => f.CveId == "CVE-2023-42118" && f.Evidence.Contains("however", StringComparison.Ordinal));
        Assert.Contains(fixes, f => f.CveId == "CVE-2023-42114");
        // A patch file named "...do-not-interpret..." is a name, not a negation.
        var deb11 = Bundles.File("testhosts/deb11-exim.evidence").Probe(ChangelogParser.Probe).Select(x => x.Text).Where(t => t.Contains("CVE-2019-15846", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(deb11);
        Assert.Contains(ChangelogParser.Parse(deb11[0], "exim4"), f => f.CveId == "CVE-2019-15846");
    }

    [Fact]
    public void Skipped_probes_and_a_normal_users_run_are_read_as_unknown()
    {
        var text = Rewrite(Host("deb12-none"), "proc.list", l => l.Replace(" rc=0", " rc=skipped"), "").Replace("user: root", "user: nonroot");
        var h = JudgeText(text);
        Assert.Equal(Verdict.Manual, h.Verdict);
        var all = AllReasons(h);
        Assert.Contains("skipped (MTA_AUDIT_SKIP)", all);
        Assert.Contains("normal user", all);
    }
}

internal static class ThinEvidenceTestsPs
{
    /// <summary>The captured lines already carry ps's header; kept as they are.</summary>
    public static string WithHeader(string ps) => ps;
}
