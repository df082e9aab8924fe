using MtaAudit.Assess;
using MtaAudit.Facts;
using MtaAudit.Knowledge;
using MtaAudit.Parse;
using MtaAudit.Remediation;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Remediation;

/// <summary>
/// Plans built from bundles of real outputs (Fixtures/bundles, composed by compose.sh; Fixtures/testhosts,
/// captured in the Debian test hosts): the service manager's exact commands and targets per OS.
/// </summary>
public sealed class PlannerTests
{
    private static (HostFacts Facts, HostReport Report) Load(string relative)
    {
        var bundle = Bundles.File(relative);
        var facts = FactsBuilder.Build(bundle);
        return (facts, U45Rule.Judge(facts, new AnalysisOptions(KnowledgeBaseLoader.LoadEmbedded(), Policy.Vendor)));
    }

    private static HostPlan Plan(string relative, params string[] unused)
    {
        var (facts, report) = Load(relative);
        return HostPlanner.Build(facts, report, unused.ToHashSet());
    }

    private static List<RemediationStep> Steps(HostPlan p) => p.Numbered().Select(x => x.Step).ToList();

    [Fact]
    public void Aix_unused_sendmail_is_stopsrc_then_the_rc_tcpip_line()
    {
        var steps = Steps(Plan("bundles/aix72-sendmail.evidence", "sendmail"));
        Assert.Collection(steps,
            s => Assert.Equal(new[] { "stopsrc", "-s", "sendmail" }, Assert.IsType<ServiceStop>(s).StopCommand),
            s =>
            {
                var f = Assert.IsType<FileLineEdit>(s);
                Assert.Equal("/etc/rc.tcpip", f.Path);
                Assert.Same(AixRcTcpipEdit.Instance, f.Edit);
            });
    }

    [Fact]
    public void Hpux_unused_sendmail_is_the_init_script_then_mailservs()
    {
        var steps = Steps(Plan("bundles/hpux1131-sendmail.evidence", "sendmail"));
        Assert.Collection(steps,
            s => Assert.Equal(new[] { "/sbin/init.d/sendmail", "stop" }, Assert.IsType<ServiceStop>(s).StopCommand),
            s => Assert.Equal("/etc/rc.config.d/mailservs", Assert.IsType<FileLineEdit>(s).Path));
    }

    [Fact]
    public void Solaris_unused_sendmail_is_svcadm_disable_of_the_exact_fmri_from_svcs()
    {
        var step = Assert.IsType<ServiceDisable>(Assert.Single(Steps(Plan("bundles/solaris114-sendmail.evidence", "sendmail"))));
        Assert.Equal(("smf", "svc:/network/smtp:sendmail", "online"), (step.Manager, step.Service, step.Before));
        Assert.Equal(new[] { "svcadm", "disable", "svc:/network/smtp:sendmail" }, step.DisableCommand);
    }

    [Fact]
    public void Centos6_sysv_is_chkconfig_off_and_service_stop_removal_only_shown()
    {
        var steps = Steps(Plan("bundles/centos6-postfix.evidence", "postfix"));
        Assert.Equal(new[] { "chkconfig", "postfix", "off" }, Assert.IsType<ServiceDisable>(steps[0]).DisableCommand);
        Assert.Equal(new[] { "service", "postfix", "stop" }, Assert.IsType<ServiceStop>(steps[1]).StopCommand);
        var removal = Assert.IsType<PackageRemoval>(steps[2]);
        Assert.False(removal.Automatic);
        Assert.Equal(new[] { "yum", "remove", "postfix" }, removal.RemoveCommand);
    }

    [Theory]
    [InlineData("testhosts/deb12-postfix.evidence", "postfix", new[] { "postfix.service", "postfix@-.service" })]
    [InlineData("testhosts/deb13-postfix.evidence", "postfix", new[] { "postfix.service", "postfix@-.service" })]
    [InlineData("testhosts/deb12-exim.evidence", "exim", new[] { "exim4.service" })]
    [InlineData("testhosts/deb13-sendmail.evidence", "sendmail", new[] { "sendmail.service" })]
    [InlineData("testhosts/deb12-opensmtpd.evidence", "opensmtpd", new[] { "opensmtpd.service" })]
    public void Systemd_disables_then_stops_every_unit_of_the_mta_and_never_a_template(string bundle, string mta, string[] units)
    {
        var plan = Plan(bundle, mta);
        var steps = Steps(plan).Where(s => s.Automatic).ToList();
        Assert.Equal(units, steps.OfType<ServiceDisable>().Select(s => s.Service));
        Assert.Equal(units, steps.OfType<ServiceStop>().Select(s => s.Service));
        Assert.All(steps.Take(units.Length), s => Assert.IsType<ServiceDisable>(s));
        Assert.DoesNotContain(steps, s => s.Target.Contains("@.", StringComparison.Ordinal));
        Assert.All(steps, s => Assert.Equal("systemctl", s.Command![0]));
    }

    [Fact]
    public void Mask_is_added_only_when_asked()
    {
        var (facts, report) = Load("testhosts/deb12-exim.evidence");
        Assert.DoesNotContain(Steps(HostPlanner.Build(facts, report, new HashSet<string> { "exim" })), s => s is UnitMask);
        var masked = Steps(HostPlanner.Build(facts, report, new HashSet<string> { "exim" }, new PlanSettings(Mask: true)));
        Assert.Equal(new[] { "systemctl", "mask", "exim4.service" }, Assert.IsType<UnitMask>(Assert.Single(masked, s => s is UnitMask)).Command);
    }

    [Fact]
    public void A_daemon_outside_any_service_manager_is_named_with_its_pid_and_never_killed_by_name()
    {
        var steps = Steps(Plan("bundles/rhel7-postfix.evidence", "postfix"));
        var manual = Assert.Single(steps.OfType<ManualStep>(), s => s.Target == "pid 1588");
        Assert.Contains("/usr/libexec/postfix/master -w", manual.Text.En, StringComparison.Ordinal);
        Assert.Contains("kill 1588", manual.Text.En, StringComparison.Ordinal);
        foreach (var s in Steps(Plan("bundles/rhel7-postfix.evidence", "postfix")).Concat(Steps(Plan("testhosts/deb12-postfix.evidence", "postfix"))))
        {
            Assert.DoesNotContain("-9", StepText.Action(s).En, StringComparison.Ordinal);
            Assert.True(s.Command is null || s.Command[0] is not ("kill" or "pkill" or "killall"), s.Target);
        }
    }

    [Fact]
    public void Nothing_is_stopped_unless_the_user_says_unused()
    {
        foreach (var bundle in new[] { "testhosts/deb12-postfix.evidence", "bundles/aix72-sendmail.evidence", "bundles/hpux1131-sendmail.evidence" })
        {
            var plan = Plan(bundle);
            Assert.DoesNotContain(Steps(plan), s => s.Kind is StepKind.ServiceStop or StepKind.ServiceDisable or StepKind.FileLineEdit);
        }
    }

    [Fact]
    public void Pending_vendor_update_is_only_that_package_with_the_version_after_it()
    {
        var plan = Plan("testhosts/deb12-postfix-update.pending.evidence");
        var (facts, _) = Load("testhosts/deb12-postfix-update.pending.evidence");
        var pending = Assert.Single(facts.Updates, u => u.Package == "postfix");
        var step = Assert.IsType<PackageUpdate>(Assert.Single(Steps(plan)));
        Assert.Equal(new[] { "apt-get", "install", "-y", "--only-upgrade", "postfix" }, step.UpdateCommand);
        Assert.Equal("noninteractive", step.Environment!["DEBIAN_FRONTEND"]);
        Assert.Equal((pending.FromVersion, pending.ToVersion), (step.FromVersion, step.ToVersion));
    }

    [Fact]
    public void The_way_back_from_an_update_names_the_previous_version_for_each_package_manager()
    {
        var step = Assert.IsType<PackageUpdate>(Assert.Single(Steps(Plan("testhosts/deb12-postfix-update.pending.evidence"))));
        Assert.Equal(["apt-get", "install", "-y", "--allow-downgrades", "postfix=" + step.FromVersion], MtaAudit.Fix.PackageDowngrade.Command(step, step.FromVersion));
        PackageUpdate Rpm(string tool) => new("rpm", "postfix", "2.10.1-9.el7", null, [tool, "-y", "upgrade", "postfix"]);
        Assert.Equal(["dnf", "-y", "downgrade", "postfix-2.10.1-9.el7"], MtaAudit.Fix.PackageDowngrade.Command(Rpm("dnf"), "2.10.1-9.el7"));
        Assert.Equal(["yum", "-y", "downgrade", "postfix-2.10.1-9.el7"], MtaAudit.Fix.PackageDowngrade.Command(Rpm("yum"), "2.10.1-9.el7"));
        Assert.Equal(["zypper", "--non-interactive", "install", "--oldpackage", "postfix-2.10.1-9.el7"], MtaAudit.Fix.PackageDowngrade.Command(Rpm("zypper"), "2.10.1-9.el7"));
        Assert.Null(MtaAudit.Fix.PackageDowngrade.Command(step, "not installed"));
    }

    [Fact]
    public void Report_remediation_lines_are_rendered_from_the_steps()
    {
        var (facts, report) = Load("testhosts/deb12-postfix.evidence");
        var finding = Assert.Single(report.Mtas);
        var e = MtaEvidence.Gather(facts).Single(x => x.Id == "postfix");
        var stopLine = Assert.Single(finding.Remediation, r => r.En.StartsWith("If the mail service is not needed", StringComparison.Ordinal));
        foreach (var s in RemediationPlanner.Unused(facts, e).Steps.Where(s => s.Automatic))
            Assert.Contains(StepText.Action(s).En, stopLine.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_json_carries_kind_target_states_and_argv()
    {
        var json = PlanJson.Render([Plan("bundles/aix72-sendmail.evidence", "sendmail")], Lang.En, []);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(PlanJson.Schema, doc.RootElement.GetProperty("schema").GetString());
        var steps = doc.RootElement.GetProperty("hosts")[0].GetProperty("steps");
        Assert.Equal("service-stop", steps[0].GetProperty("kind").GetString());
        Assert.Equal("stopsrc", steps[0].GetProperty("command")[0].GetString());
        Assert.Equal("file-line-edit", steps[1].GetProperty("kind").GetString());
        Assert.Equal("aix-rc-tcpip-sendmail", steps[1].GetProperty("edit").GetString());
        Assert.Equal("start line commented out", steps[1].GetProperty("after").GetString());
        var ko = PlanText.Render([Plan("bundles/aix72-sendmail.evidence", "sendmail")], Lang.Ko);
        Assert.Contains("/etc/rc.tcpip 파일의 시작 줄 주석 처리", ko, StringComparison.Ordinal);
    }
}
