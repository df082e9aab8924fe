using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Parse;
using MtaAudit.Parse.Os;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Parse.Os;

public class OsReleaseParserTests
{
    [Theory]
    [InlineData("linux/release-file-debian_10_etc_os-release.txt", "debian", "10", "Debian GNU/Linux 10 (buster)")]
    [InlineData("linux/release-file-redhat_7.7_etc_os-release.txt", "rhel", "7.7", "Red Hat Enterprise Linux Server 7.7 (Maipo)")]
    [InlineData("linux/release-file-rockylinux_8_3_etc_os-release.txt", "rocky", "8.3", "Rocky Linux 8.3")]
    [InlineData("linux/release-file-sles_15_6_etc_os-release.txt", "sles", "15.6", "SUSE Linux Enterprise Server 15 SP6")]
    [InlineData("linux/release-file-ubuntu_18.04_etc_os-release.txt", "ubuntu", "18.04", "Ubuntu 18.04.3 LTS")]
    public void Os_release_gives_id_version_id_and_pretty_name(string file, string distro, string version, string name)
    {
        var os = OsReleaseParser.Parse(Fixture.Output(file))!;
        Assert.Equal(OsFamily.Linux, os.Family);
        Assert.Equal(distro, os.Distro);
        Assert.Equal(version, os.Version);
        Assert.Equal(name, os.Name);
    }

    [Theory]
    [InlineData("linux/release-file-redhat_7.7_etc_redhat-release.txt", "rhel", "7.7", "7")]
    [InlineData("linux/release-file-centos_6.7_etc_redhat-release.txt", "centos", "6.7", "6")]
    [InlineData("linux/release-file-rockylinux_8_3_etc_redhat-release.txt", "rocky", "8.3", "8")]
    public void Redhat_release_line_alone_is_enough(string file, string distro, string version, string major)
    {
        var os = OsReleaseParser.Parse(Fixture.Output(file))!;
        Assert.Equal(distro, os.Distro);
        Assert.Equal(version, os.Version);
        Assert.Equal(major, os.MajorVersion);
        Assert.Equal(Fixture.Output(file).Trim(), os.Name);
    }

    [Fact]
    public void Redhat_release_in_a_terminal_capture()
    {
        var text = Fixture.Between("linux/rhel6.8-mta-audit-session-postfix-stopped.txt", "cat /etc/redhat-release", "[");
        var os = OsReleaseParser.Parse(text)!;
        Assert.Equal(("rhel", "6.8"), (os.Distro, os.Version));
    }

    [Fact]
    public void Concatenated_files_prefer_os_release_and_ignore_the_other_files_lines()
    {
        // What "cat /etc/os-release /etc/redhat-release /etc/lsb-release" prints on CentOS 6.7 (no os-release)
        // and on RHEL 7.7: the real files, one after the other.
        var centos = Fixture.Output("linux/release-file-centos_6.7_etc_redhat-release.txt")
                     + Fixture.Output("linux/release-file-centos_6.7_etc_lsb-release.txt");
        var c = OsReleaseParser.Parse(centos)!;
        Assert.Equal(("centos", "6.7", "CentOS release 6.7 (Final)"), (c.Distro, c.Version, c.Name));

        var rhel = Fixture.Output("linux/release-file-redhat_7.7_etc_os-release.txt")
                   + Fixture.Output("linux/release-file-redhat_7.7_etc_redhat-release.txt");
        var r = OsReleaseParser.Parse(rhel)!;
        Assert.Equal(("rhel", "7.7", "Red Hat Enterprise Linux Server 7.7 (Maipo)"), (r.Distro, r.Version, r.Name));

        var ubuntu = Fixture.Output("linux/release-file-ubuntu_18.04_etc_lsb-release.txt")
                     + Fixture.Output("linux/release-file-ubuntu_18.04_etc_os-release.txt");
        var u = OsReleaseParser.Parse(ubuntu)!;
        Assert.Equal(("ubuntu", "18.04", "Ubuntu 18.04.3 LTS"), (u.Distro, u.Version, u.Name));
    }

    [Fact]
    public void Lsb_release_file_alone()
    {
        var os = OsReleaseParser.Parse(Fixture.Output("linux/release-file-ubuntu_18.04_etc_lsb-release.txt"))!;
        Assert.Equal(("ubuntu", "18.04", "Ubuntu 18.04.3 LTS"), (os.Distro, os.Version, os.Name));
    }

    [Fact]
    public void Lsb_release_dash_a_output()
    {
        var text = Fixture.Between("linux/exim-4.92-version-debian10-lsb_release.txt", "lsb_release -a", "root@");
        var os = OsReleaseParser.Parse(text)!;
        Assert.Equal(("debian", "10", "Debian GNU/Linux 10 (buster)"), (os.Distro, os.Version, os.Name));
    }

    [Fact]
    public void Centos6_lsb_release_holds_nothing_that_names_the_os()
        => Assert.Null(OsReleaseParser.Parse(Fixture.Output("linux/release-file-centos_6.7_etc_lsb-release.txt")));

    [Theory]
    [InlineData("solaris/release-file-solaris_11.4_etc_release.txt", "11.4", "Oracle Solaris 11.4 SPARC")]
    [InlineData("solaris/release-file-solaris_10_etc_release.txt", "10", "Oracle Solaris 10 1/13 s10x_u11wos_24a X86")]
    public void Solaris_etc_release(string file, string version, string name)
    {
        var os = OsReleaseParser.Parse(Fixture.Output(file))!;
        Assert.Equal(OsFamily.Solaris, os.Family);
        Assert.Equal("solaris", os.Distro);
        Assert.Equal(version, os.Version);
        Assert.Equal(name, os.Name);
    }

    [Theory]
    [InlineData("7100-04-04-1717", "7.1", "AIX 7.1 TL04 SP04")]
    [InlineData("6100-04-02-1007", "6.1", "AIX 6.1 TL04 SP02")]
    [InlineData("5300-05-04", "5.3", "AIX 5.3 TL05 SP04")]
    [InlineData("4.3.3.0", "4.3", "AIX 4.3.3.0")]
    public void Aix_oslevel(string sample, string version, string name)
    {
        Assert.Contains(sample, HostFixtureCommands.Lines("aix/oslevel-s-and-uname-a-aix-samples.txt").Select(l => l.Trim()));
        var os = OsReleaseParser.Parse(sample + "\n")!;
        Assert.Equal(OsFamily.Aix, os.Family);
        Assert.Equal("aix", os.Distro);
        Assert.Equal(version, os.Version);
        Assert.Equal(name, os.Name);
    }

    [Fact]
    public void Hpux_uname_r()
    {
        // uname -r prints the third field of uname -a: take it from the real samples.
        var release = HostFixtureCommands.Lines("hpux/uname-a-hpux-11.31-samples.txt")
            .First(l => l.StartsWith("HP-UX ", StringComparison.Ordinal)).Split(' ')[2];
        var os = OsReleaseParser.Parse(release + "\n")!;
        Assert.Equal(("hpux", "11.31", OsFamily.Hpux), (os.Distro, os.Version, os.Family));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("cat: /etc/os-release: No such file or directory")]
    [InlineData("ID=\nVERSION_ID=\"\"")]
    [InlineData("\uFFFD\uFFFD=\uFFFD\n release \n Solaris x")]
    public void Garbage_gives_nothing_and_never_throws(string text) => Assert.Null(OsReleaseParser.Parse(text));

    [Fact]
    public void Uname_and_release_merge_in_either_order_without_losing_fields()
    {
        var uname = HostFixtureCommands.Of("linux/debian12-uname-a-and-os-release-captured.txt", "uname -a");
        var release = HostFixtureCommands.Of("linux/debian12-uname-a-and-os-release-captured.txt", "cat /etc/os-release");

        var a = Build(("os.uname", uname), ("os.release", release));
        var b = Build(("os.release", release), ("os.uname", uname));
        Assert.Equal(a.Os, b.Os);
        Assert.Equal(new OsInfo(OsFamily.Linux, "Debian GNU/Linux 12 (bookworm)", "12", "debian", "6.18.44-fc-v782", "vm", "x86_64"), a.Os);
        Assert.Equal("vm", a.Host); // the bundle had no host: line, uname's nodename is used
    }

    [Fact]
    public void Solaris_release_name_wins_over_uname_but_uname_keeps_the_kernel()
    {
        // An x86 Solaris 10 uname sample (printed without the nodename) with the x86 Solaris 10 /etc/release.
        const string uname = "SunOS 5.10 Generic_147148-26 i86pc i386 i86pc\n";
        Assert.Contains(uname.TrimEnd(), HostFixtureCommands.Lines("solaris/uname-a-solaris-10-and-11-samples.txt"));
        var release = Fixture.Output("solaris/release-file-solaris_10_etc_release.txt");
        var a = Build(("os.uname", uname), ("os.release", release)).Os;
        var b = Build(("os.release", release), ("os.uname", uname)).Os;
        Assert.Equal(a, b);
        Assert.Equal(new OsInfo(OsFamily.Solaris, "Oracle Solaris 10 1/13 s10x_u11wos_24a X86", "10", "solaris", "5.10", null, "i386"), a);
    }

    private static HostFacts Build(params (string Probe, string Content)[] sections)
    {
        const string boundary = "hostparsertest-0001";
        var text = "MTA-AUDIT-EVIDENCE/1\nboundary: " + boundary + "\n\n"
                   + string.Concat(sections.Select(s => $"--{boundary} probe={s.Probe} rc=0 cmd=test\n{s.Content.TrimEnd('\n')}\n"))
                   + $"--{boundary}--\n";
        var bundle = Assert.Single(BundleReader.Read(text)).Bundle!;
        return FactsBuilder.Build(bundle);
    }
}
