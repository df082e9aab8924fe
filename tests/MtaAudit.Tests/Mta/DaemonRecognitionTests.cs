using MtaAudit.Facts;
using MtaAudit.Mta;

namespace MtaAudit.Tests.Mta;

/// <summary>IsDaemon on real ps lines: each daemon is claimed by its own MTA and by no other.</summary>
public class DaemonRecognitionTests
{
    private static ProcessInfo Proc(string args) => new(null, null, null, args, "test");

    // (fixture, a marker on the line, columns before the command)
    public static TheoryData<string, string, string, int> Daemons => new()
    {
        { "postfix", "linux/ps-aux-postfix-master-centos7.txt", "/usr/libexec/postfix/master -w", 10 },
        { "postfix", "linux/ps-auxf-postfix-master-amazonlinux2.txt", "postfix/master", 10 },
        { "postfix", "linux/ps-elf-postfix-master-rhel7.txt", "postfix/master -w", 14 },
        { "postfix", "linux/dpkg-l-postfix-and-ps-debian6-squeeze.txt", "/usr/lib/postfix/master", 10 },
        { "postfix", "linux/ps-aux-grep-postfix-sbin-master-htb-writer.txt", "/usr/lib/postfix/sbin/master -w", 10 },
        { "postfix", "linux/ps-faux-postfix-master-and-smtpd-child-ubuntu-forum-2009.txt", "/usr/lib/postfix/master", 10 },
        { "sendmail", "linux/ps-aux-sendmail-centos7-linpeas.txt", "sendmail: accepting connections", 10 },
        // The client queue runner (sm-client) is the Sendmail binary running: Sendmail is in use.
        { "sendmail", "linux/ps-aux-sendmail-centos7-linpeas.txt", "Queue runner@01:00:00", 10 },
        { "sendmail", "linux/ps-auxww-sendmail-rhel5-sysvinit.txt", "sendmail: accepting connections", 10 },
        { "sendmail", "linux/ps-ax-sendmail-on-port-25-linux-2000.txt", "accepting connections on port 25", 4 },
        { "sendmail", "linux/ps-ef-sendmail-redhat-legacy.txt", "sendmail: accepting", 7 },
        { "sendmail", "linux/ps-sendmail-per-recipient-proctitles-rhel5.txt", "alltel.net", 10 },
        { "sendmail", "linux/systemctl-status-sendmail-rhel8-kodekloud-and-rpm-qf.txt", "00:00:00 sendmail: accepting", 7 },
        { "sendmail", "solaris/ps-o-args-sendmail-solaris8-spacewalk-fixture.txt", "/usr/lib/sendmail -bd -q15m", 7 },
        { "sendmail", "generic/ps-irix-sendmail-spacewalk-fixture.txt", "/usr/lib/sendmail -bd -q15m", 6 },
        { "sendmail", "generic/ps-ax-sendmail-accepting-connections-on-port-25-absguide.txt", "sendmail: accepting", 4 },
        { "opensmtpd", "openbsd/ps-ax-opensmtpd-6.7.0-openbsd-poolp-guide.txt", "Ssp", 4 },
        { "opensmtpd", "openbsd/ps-ax-opensmtpd-6.7.0-openbsd-poolp-guide.txt", "smtpd: klondike", 4 },
        { "opensmtpd", "openbsd/ps-ax-opensmtpd-6.7.0-openbsd-poolp-guide.txt", "smtpd: pony express", 4 },
    };

    [Theory]
    [MemberData(nameof(Daemons))]
    public void Real_daemon_lines_belong_to_exactly_one_mta(string mta, string fixture, string marker, int columns)
    {
        var args = PsLine.From(fixture, marker, columns);
        var claimed = MtaCatalog.All.Where(m => m.IsDaemon(Proc(args))).Select(m => m.Id).ToList();
        Assert.Equal([mta], claimed);
    }

    [Theory]
    // The cgroup lines of systemctl status show the daemon's command line after the PID.
    [InlineData("linux/systemctl-status-exim4-lsb-debian9.txt", "810 ")]
    [InlineData("linux/yum-list-exim-and-systemctl-status-exim-centos7-epel.txt", "1890 ")]
    public void Exim_daemon_from_cgroup_lines(string fixture, string pidMarker)
    {
        var line = Support.Fixture.Output(fixture).Split('\n').First(l => l.Contains("└─" + pidMarker, StringComparison.Ordinal));
        var args = line[(line.IndexOf(pidMarker, StringComparison.Ordinal) + pidMarker.Length)..].Trim();
        Assert.StartsWith("/usr/sbin/exim", args);
        Assert.Equal(["exim"], MtaCatalog.All.Where(m => m.IsDaemon(Proc(args))).Select(m => m.Id));
    }

    [Fact]
    public void Sendmail_daemon_argv_recorded_in_its_pid_file()
    {
        var args = Support.Fixture.Output("linux/service-sendmail-status-sysv-rhel6.txt").Split('\n').First(l => l.StartsWith("/usr/sbin/sendmail", StringComparison.Ordinal));
        Assert.True(new SendmailDefinition().IsDaemon(Proc(args)));
    }

    public static TheoryData<string, string, int> NotDaemons => new()
    {
        // Postfix's own smtpd child is not OpenSMTPD, and not the Postfix daemon either (master is).
        { "linux/ps-faux-postfix-master-and-smtpd-child-ubuntu-forum-2009.txt", "smtpd -n smtp -t inet", 10 },
        { "linux/ps-faux-postfix-master-and-smtpd-child-ubuntu-forum-2009.txt", "qmgr -l -t fifo", 10 },
        { "linux/ps-aux-postfix-master-centos7.txt", "pickup -l -t unix -u", 10 },
        // A grep for postfix is not Postfix.
        { "linux/ps-aux-grep-postfix-sbin-master-htb-writer.txt", "grep --color=auto postfix", 10 },
        // Cron's sendmail submission is a client run (and may be another MTA's wrapper).
        { "linux/ps-o-args-linux-2.2-sendmail-cron-child-spacewalk-fixture.txt", "-FCronDaemon", 6 },
        { "linux/ps-aux-sendmail-centos7-linpeas.txt", "/usr/sbin/sshd -D", 10 },
        { "linux/ps-elf-postfix-master-rhel7.txt", "qmgr -l -t unix -u", 14 },
        { "solaris/ps-o-args-sendmail-solaris8-spacewalk-fixture.txt", "/bin/ps -o", 7 },
    };

    [Theory]
    [MemberData(nameof(NotDaemons))]
    public void Real_non_daemon_lines_belong_to_no_mta(string fixture, string marker, int columns)
    {
        var args = PsLine.From(fixture, marker, columns);
        Assert.Empty(MtaCatalog.All.Where(m => m.IsDaemon(Proc(args))).Select(m => m.Id));
    }

    [Fact]
    public void Postfix_smtpd_child_is_explicitly_not_opensmtpd()
    {
        var args = PsLine.From("linux/ps-faux-postfix-master-and-smtpd-child-ubuntu-forum-2009.txt", "smtpd -n smtp", 10);
        Assert.Equal(@"\_ smtpd -n smtp -t inet -u -c -o stress", args);
        Assert.False(new OpenSmtpdDefinition().IsDaemon(Proc(args)));
        Assert.False(new OpenSmtpdDefinition().IsDaemon(Proc("smtpd -n smtp -t inet -u -c -o stress")));
    }

    [Fact]
    public void Cyrus_master_is_not_postfix()
    {
        // Cyrus IMAP's process manager is also called "master", under its own directory.
        Assert.False(new PostfixDefinition().IsDaemon(Proc("/usr/lib/cyrus/bin/master -d")));
    }
}
