using System.Text;
using MtaAudit.Assess;
using MtaAudit.Facts;
using MtaAudit.Versions;

namespace MtaAudit.Tests.Assess;

/// <summary>
/// --baseline: loading with named errors, most-specific-minimum selection and dpkg/rpm/upstream comparisons.
/// Baseline files are the user's own configuration (not outputs of a system), written here for each case.
/// </summary>
public class BaselineTests
{
    private const string Acme = """
        { "schema": "mta-audit/baseline/1", "name": "ACME 2026-H2", "minimums": [
          {"mta":"postfix", "os":"debian", "release":"12", "package":"3.7.11-0+deb12u1"},
          {"mta":"postfix", "os":"debian", "version":"3.5.25"},
          {"mta":"postfix", "os":"linux", "version":"3.6.0"},
          {"mta":"postfix", "version":"3.8.0"},
          {"mta":"postfix", "os":"rhel", "release":"9", "package":"2:3.5.9-24.el9"},
          {"mta":"sendmail", "os":"aix", "version":"8.14.4"},
          {"mta":"exim", "version":"4.98.2"}
        ] }
        """;

    private static readonly OsInfo Debian12 = new(OsFamily.Linux, "Debian GNU/Linux", "12.7", Distro: "debian");
    private static readonly OsInfo Debian11 = new(OsFamily.Linux, "Debian GNU/Linux", "11.11", Distro: "debian");
    private static readonly OsInfo Ubuntu = new(OsFamily.Linux, "Ubuntu", "22.04", Distro: "ubuntu");
    private static readonly OsInfo Rhel9 = new(OsFamily.Linux, "Red Hat Enterprise Linux", "9.4", Distro: "rhel");
    private static readonly OsInfo Aix = new(OsFamily.Aix, "AIX", "7.2", Distro: "aix");
    private static readonly OsInfo Solaris = new(OsFamily.Solaris, "SunOS", "11.4", Distro: "solaris");

    private static Baseline Load(string json) => Baseline.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "acme.json");
    private static readonly Baseline B = Load(Acme);
    private static PackageRef Deb(string v) => new("dpkg", "postfix", v);
    private static PackageRef Rpm(string v) => new("rpm", "postfix", v);
    private static UpstreamVersion V(string s) => UpstreamVersion.Parse(s);

    [Fact]
    public void Loads_name_and_minimums()
    {
        Assert.Equal("ACME 2026-H2", B.Name);
        Assert.Equal(7, B.Minimums.Count);
        Assert.Equal(new BaselineMinimum("postfix", "debian", "12", "3.7.11-0+deb12u1", null), B.Minimums[0]);
    }

    [Theory]
    [InlineData("3.7.11-0+deb12u1", Verdict.Good)]        // equal
    [InlineData("3.7.20-0+deb12u1", Verdict.Good)]
    [InlineData("3.7.10-0+deb12u1", Verdict.Vulnerable)]
    [InlineData("3.7.9-0+deb12u1", Verdict.Vulnerable)]   // 9 < 11 numerically, though "9" > "1" as text
    [InlineData("3.7.11~rc1-1", Verdict.Vulnerable)]      // ~ sorts before the release
    [InlineData("3.7.11-0+deb12u1~bpo1", Verdict.Vulnerable)] // ~ in the revision: before +deb12u1 itself
    [InlineData("3.7.11-0+deb12u1+b1", Verdict.Good)]     // binNMU after the source upload
    [InlineData("1:3.5.0-1", Verdict.Good)]               // epoch 1 beats any epoch-0 version
    public void Debian_package_minimum_uses_dpkg_ordering(string installed, Verdict expected)
    {
        var j = B.Judge("postfix", Debian12, Deb(installed), V("3.7.11"));
        Assert.Equal((expected, "3.7.11-0+deb12u1"), (j.Verdict, j.Minimum));
    }

    [Theory]
    [InlineData("2:3.5.9-24.el9", Verdict.Good)]
    [InlineData("2:3.5.9-24.el9_4.1", Verdict.Good)]  // more release segments sort later
    [InlineData("2:3.5.9-19.el9", Verdict.Vulnerable)]
    [InlineData("3.5.25-1.el9", Verdict.Vulnerable)]  // no epoch is epoch 0 < 2, whatever the version
    public void Rpm_package_minimum_uses_rpm_ordering(string installed, Verdict expected) =>
        Assert.Equal(expected, B.Judge("postfix", Rhel9, Rpm(installed), V("3.5.9")).Verdict);

    [Fact]
    public void Most_specific_minimum_wins()
    {
        Assert.Equal("3.7.11-0+deb12u1", B.RuleFor("postfix", Debian12)!.Package);   // os + release
        Assert.Equal("3.5.25", B.RuleFor("postfix", Debian11)!.Version);             // os by distro
        Assert.Equal("3.6.0", B.RuleFor("postfix", Ubuntu)!.Version);                // os by family
        Assert.Equal("3.8.0", B.RuleFor("postfix", Solaris)!.Version);               // mta alone
        Assert.Equal("3.5.25", B.RuleFor("postfix", Debian11 with { Version = null })!.Version); // release unknown: not the release rule

        // Debian 11 judged by its upstream version against 3.5.25, not by the Debian 12 package minimum.
        Assert.Equal(Verdict.Good, B.Judge("postfix", Debian11, Deb("3.5.25-1~deb11u1"), V("3.5.25")).Verdict);
        Assert.Equal(Verdict.Vulnerable, B.Judge("postfix", Debian11, Deb("3.5.18-0+deb11u1"), V("3.5.18")).Verdict);
        Assert.Equal(Verdict.Vulnerable, B.Judge("postfix", Ubuntu, Deb("3.5.6-1"), V("3.5.6")).Verdict);
        Assert.Equal(Verdict.Good, B.Judge("postfix", Solaris, null, V("3.10.1")).Verdict);
    }

    [Theory]
    [InlineData("8.14.4", Verdict.Good)]
    [InlineData("8.18.1", Verdict.Good)]
    [InlineData("8.13.8", Verdict.Vulnerable)]
    [InlineData("8.9.3", Verdict.Vulnerable)]
    public void Upstream_minimum_compares_numerically(string installed, Verdict expected)
    {
        var j = B.Judge("sendmail", Aix, new PackageRef("lslpp", "bos.net.tcp.client", "7.2.5.0"), V(installed));
        Assert.Equal((expected, "8.14.4"), (j.Verdict, j.Minimum));
        // A host whose distro is unknown still matches "aix" by family.
        Assert.Equal(expected, B.Judge("sendmail", new OsInfo(OsFamily.Aix, "AIX", "7.3"), null, V(installed)).Verdict);
    }

    [Fact]
    public void Exim_minimum_applies_everywhere()
    {
        Assert.Equal(Verdict.Vulnerable, B.Judge("exim", Debian12, new PackageRef("dpkg", "exim4-daemon-light", "4.96-15+deb12u7"), V("4.96")).Verdict);
        Assert.Equal(Verdict.Good, B.Judge("exim", Rhel9, null, V("4.98.2")).Verdict);
        Assert.Equal(Verdict.Vulnerable, B.Judge("exim", Rhel9, null, V("4.98.1")).Verdict);
        Assert.Equal(Verdict.Good, B.Judge("exim", Rhel9, null, V("4.99")).Verdict);
    }

    [Fact]
    public void Manual_when_no_minimum_applies_or_the_needed_version_is_unknown()
    {
        var none = B.Judge("opensmtpd", Debian12, null, V("7.8.0p1"));
        Assert.Equal((Verdict.Manual, (string?)null), (none.Verdict, none.Minimum));
        Assert.Contains("sets no minimum for opensmtpd", none.Reason.En);
        Assert.Contains("기준선 'ACME 2026-H2'", none.Reason.Ko);

        var unknown = B.Judge("exim", Debian12, null, null);
        Assert.Equal((Verdict.Manual, "4.98.2"), (unknown.Verdict, unknown.Minimum));
        Assert.Contains("the installed version is unknown", unknown.Reason.En);
        Assert.Contains("설치된 버전을 알 수 없음", unknown.Reason.Ko);

        // A Debian 12 package minimum, a host whose postfix is a source build: no package to compare.
        Assert.Equal(Verdict.Manual, B.Judge("postfix", Debian12, null, V("3.9.1")).Verdict);
        // Same minimum, a package of another manager: not comparable with dpkg rules.
        var other = B.Judge("postfix", Debian12, new PackageRef("pkgsrc", "postfix", "3.7.11nb1"), V("3.7.11"));
        Assert.Equal(Verdict.Manual, other.Verdict);
        Assert.Contains("cannot be compared", other.Reason.En);
    }

    [Fact]
    public void Reasons_are_in_both_languages()
    {
        var j = B.Judge("postfix", Debian12, Deb("3.7.10-0+deb12u1"), V("3.7.10"));
        Assert.Equal("Package postfix 3.7.10-0+deb12u1 is below the baseline 'ACME 2026-H2' minimum 3.7.11-0+deb12u1 for postfix on debian 12.", j.Reason.En);
        Assert.Equal("패키지 postfix 3.7.10-0+deb12u1은(는) 기준선 'ACME 2026-H2'의 debian 12의 postfix 최소 버전 3.7.11-0+deb12u1보다 낮음", j.Reason.Ko);
    }

    [Theory]
    [InlineData("""{"schema":"mta-audit/baseline/2","name":"x","minimums":[{"mta":"exim","version":"4.98"}]}""", "$.schema", "\"mta-audit/baseline/2\" is not supported")]
    [InlineData("""{"schema":"mta-audit/baseline/1","minimums":[{"mta":"exim","version":"4.98"}]}""", "$.name", "missing")]
    [InlineData("""{"schema":"mta-audit/baseline/1","name":"x","minimums":[]}""", "$.minimums", "missing or empty")]
    [InlineData("""{"schema":"mta-audit/baseline/1","name":"x","minimums":[{"mta":"qmail","version":"1.03"}]}""", "$.minimums[0].mta", "'qmail' is not one of")]
    [InlineData("""{"schema":"mta-audit/baseline/1","name":"x","minimums":[{"mta":"exim","version":"4.98"},{"mta":"postfix","os":"debian","package":"3.7.11 -0+deb12u1"}]}""", "$.minimums[1].package", "'3.7.11 -0+deb12u1' is not a dpkg version")]
    [InlineData("""{"schema":"mta-audit/baseline/1","name":"x","minimums":[{"mta":"exim","version":"4.98-2"}]}""", "$.minimums[0].version", "'4.98-2' is not an upstream version")]
    [InlineData("""{"schema":"mta-audit/baseline/1","name":"x","minimums":[{"mta":"exim","release":"12","version":"4.98"}]}""", "$.minimums[0].release", "needs an os")]
    [InlineData("""{"schema":"mta-audit/baseline/1","name":"x","minimums":[{"mta":"exim","os":"debian"}]}""", "$.minimums[0]", "needs a minimum")]
    [InlineData("""{"schema":"mta-audit/baseline/1","name":"x","minimums":[{"mta":"exim","version":"4.98"},{"mta":"Exim","version":"4.99"}]}""", "$.minimums[1]", "same mta/os/release as $.minimums[0]")]
    [InlineData("""{"schema":"mta-audit/baseline/1","name":"x","minimums":[{"mta":"exim","verison":"4.98"}]}""", "$.minimums[0].verison", "not a valid baseline file")]
    [InlineData("""{"schema":"mta-audit/baseline/1","name":"x","minimums":[{"mta":"exim","version":4.98}]}""", "$.minimums[0].version", "not a valid baseline file")]
    public void Bad_files_are_refused_with_the_path_at_fault(string json, string path, string problem)
    {
        var e = Assert.Throws<BaselineException>(() => Load(json));
        Assert.Equal(("acme.json", path), (e.File, e.JsonPath));
        Assert.Contains(problem, e.Problem);
        Assert.StartsWith($"baseline 'acme.json': {path}: ", e.Message);
    }

    [Fact]
    public void Missing_file_is_a_named_error()
    {
        var e = Assert.Throws<BaselineException>(() => Baseline.Load("/nonexistent/baseline.json"));
        Assert.Equal(("/nonexistent/baseline.json", "$"), (e.File, e.JsonPath));
    }

    [Fact]
    public void Invalid_utf8_is_a_named_error()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"schema":"mta-audit/baseline/1","name":"AC\u0000ME","minimums":[{"mta":"exim","version":"4.98"}]}""");
        bytes[Array.IndexOf(bytes, (byte)'C')] = 0xC3; // a lead byte followed by ASCII
        var e = Assert.Throws<BaselineException>(() => Baseline.Load(new MemoryStream(bytes), "acme.json"));
        Assert.Equal(("acme.json", true), (e.File, e.Problem.StartsWith("not a valid baseline file", StringComparison.Ordinal)));
    }
}
