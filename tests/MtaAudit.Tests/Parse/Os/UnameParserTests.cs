using MtaAudit.Facts;
using MtaAudit.Parse.Os;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Parse.Os;

public class UnameParserTests
{
    [Fact]
    public void Debian12_linux_gives_kernel_host_and_arch_but_no_os_version()
    {
        // Captured on the helper's Debian 12 machine (see the fixture header).
        var os = UnameParser.Parse(HostFixtureCommands.Of("linux/debian12-uname-a-and-os-release-captured.txt", "uname -a"))!;
        Assert.Equal(OsFamily.Linux, os.Family);
        Assert.Equal("6.18.44-fc-v782", os.Kernel);
        Assert.Equal("vm", os.Hostname);
        Assert.Equal("x86_64", os.Arch);
        Assert.Null(os.Version); // the distro's version comes from os.release, not the kernel
    }

    [Theory]
    [InlineData("SunOS solaris11 5.11 11.4.0.15.0 i86pc i386 i86pc", "solaris11", "5.11", "11.4", "i386")]
    [InlineData("SunOS sol11 5.11 11.4.41.111.0 i86pc i386 i86pc", "sol11", "5.11", "11.4", "i386")]
    [InlineData("SunOS 5.10 Generic_147148-26 i86pc i386 i86pc", null, "5.10", "10", "i386")]
    public void Solaris_version_comes_from_the_release_and_build(string sample, string? host, string kernel, string version, string arch)
    {
        Assert.Contains(sample, HostFixtureCommands.Lines("solaris/uname-a-solaris-10-and-11-samples.txt"));
        var os = UnameParser.Parse(sample)!;
        Assert.Equal(OsFamily.Solaris, os.Family);
        Assert.Equal("solaris", os.Distro);
        Assert.Equal(host, os.Hostname);
        Assert.Equal(kernel, os.Kernel);
        Assert.Equal(version, os.Version);
        Assert.Equal(arch, os.Arch);
    }

    [Fact]
    public void Solaris_fixture_file_reads_its_first_uname_line_past_the_prompt()
    {
        var os = UnameParser.Parse(Fixture.Output("solaris/uname-a-solaris-10-and-11-samples.txt"))!;
        Assert.Equal("solaris11", os.Hostname);
        Assert.Equal("Solaris 11.4", os.Name);
    }

    [Fact]
    public void Aix_version_is_version_dot_release()
    {
        // "AIX mon431 3 4 003729474C00": release 3, version 4 -> AIX 4.3
        var os = UnameParser.Parse(Fixture.Output("aix/oslevel-s-and-uname-a-aix-samples.txt"))!;
        Assert.Equal(OsFamily.Aix, os.Family);
        Assert.Equal("mon431", os.Hostname);
        Assert.Equal("4.3", os.Version);
        Assert.Equal("AIX 4.3", os.Name);
        Assert.Equal("aix", os.Distro);
    }

    [Theory]
    [InlineData("HP-UX deblndw0 B.11.31 U ia64 HP-UX", "deblndw0")]
    [InlineData("HP-UX sstl002 B.11.31 U ia64 0158936019 unlimited-user license", "sstl002")]
    public void Hpux_release_B_11_31_is_version_11_31(string sample, string host)
    {
        Assert.Contains(sample, HostFixtureCommands.Lines("hpux/uname-a-hpux-11.31-samples.txt"));
        var os = UnameParser.Parse(sample)!;
        Assert.Equal(OsFamily.Hpux, os.Family);
        Assert.Equal(host, os.Hostname);
        Assert.Equal("B.11.31", os.Kernel);
        Assert.Equal("11.31", os.Version);
        Assert.Equal("ia64", os.Arch);
        Assert.Equal("hpux", os.Distro);
    }

    [Theory]
    [InlineData("")]
    [InlineData("uname: not found")]
    [InlineData("SunOS")]
    [InlineData("AIX x y")]
    [InlineData("HP-UX host 11.31")]
    [InlineData("\uFFFD\uFFFD\0\u001b[31m Linux")]
    public void Garbage_gives_nothing_and_never_throws(string text) => Assert.Null(UnameParser.Parse(text));
}
