using System.Text;
using MtaAudit.Knowledge.Import;
using MtaAudit.Tests.Support;
using static MtaAudit.Tests.Knowledge.Import.ImportFixtures;

namespace MtaAudit.Tests.Knowledge.Import;

/// <summary>How real NVD and OSV records map onto the knowledge model.</summary>
public class RecordMappingTests
{
    private static ImportedFile Parse(string name, string text) => KnowledgeImporter.ParseFile(name, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Nvd_record_becomes_an_exim_cve_with_its_range_score_and_kev()
    {
        var f = Parse("CVE-2019-10149.json", Text(Nvd));
        var c = Assert.Single(f.Cves);
        Assert.Equal(("exim", "CVE-2019-10149"), (c.Mta, c.Id));
        var r = Assert.Single(c.Affected!);
        Assert.Equal(("4.87", (string?)null, "4.91"), (r.Introduced, r.Fixed, r.LastAffected));
        // v3.1 Primary (nvd@nist.gov) wins over the v3.0 Secondary 9.0 and the v2 10.0.
        Assert.Equal((9.8, "3.1", "critical", "network"), (c.Cvss!.Value, c.CvssVersion, c.Severity, c.AttackVector));
        Assert.True(c.Kev); // cisaExploitAdd 2022-01-10
        Assert.StartsWith("A flaw was found in Exim versions 4.87 to 4.91", c.Summary);
        Assert.Empty(f.VendorPackages);
        Assert.Equal(0, f.Skipped);
    }

    [Fact]
    public void Nvd_api_response_wrapper_gives_the_same_record()
    {
        var wrapped = "{\"resultsPerPage\":1,\"vulnerabilities\":[{\"cve\":" + Text(Nvd) + "}]}";
        var c = Assert.Single(Parse("api.json", wrapped).Cves);
        Assert.Equal(("exim", "CVE-2019-10149", 9.8), (c.Mta, c.Id, c.Cvss!.Value));
        var single = "{\"cve\":" + Text(Nvd) + "}";
        Assert.Equal("4.91", Assert.Single(Assert.Single(Parse("one.json", single).Cves).Affected!).LastAffected);
    }

    [Fact]
    public void Exact_version_cpe_becomes_a_one_version_range_and_excluding_end_a_fix()
    {
        // The real record with its range criteria rewritten: an exact-version CPE, then an excluding end.
        var exact = ReplaceOnce(Text(Nvd), "cpe:2.3:a:exim:exim:*:*:*:*:*:*:*:*", "cpe:2.3:a:exim:exim:4.90.1:*:*:*:*:*:*:*");
        exact = ReplaceOnce(exact, "\"versionStartIncluding\": \"4.87\",", "");
        exact = ReplaceOnce(exact, "\"versionEndIncluding\": \"4.91\",", "");
        var r = Assert.Single(Assert.Single(Parse("x.json", exact).Cves).Affected!);
        Assert.Equal(("4.90.1", (string?)null, "4.90.1"), (r.Introduced, r.Fixed, r.LastAffected));

        var excl = ReplaceOnce(Text(Nvd), "\"versionEndIncluding\": \"4.91\"", "\"versionEndExcluding\": \"4.92\"");
        var r2 = Assert.Single(Assert.Single(Parse("y.json", excl).Cves).Affected!);
        Assert.Equal(("4.87", "4.92", (string?)null), (r2.Introduced, r2.Fixed, r2.LastAffected));
    }

    [Fact]
    public void Nvd_record_of_another_product_is_skipped_with_a_note()
    {
        var other = ReplaceOnce(Text(Nvd), "cpe:2.3:a:exim:exim:", "cpe:2.3:a:example:mailer:");
        var f = Parse("other.json", other);
        Assert.Empty(f.Cves);
        Assert.Equal(1, f.Skipped);
        Assert.Contains("CVE-2019-10149: no vulnerable CPE names an MTA", Assert.Single(f.Notes).En);
    }

    [Fact]
    public void Osv_usn_becomes_vendor_fixes_per_ubuntu_release()
    {
        var f = Parse("USN-6591-1.json", Text(Osv));
        Assert.Empty(f.Cves);
        Assert.Equal(
            ["14.04 2.11.0-1ubuntu1.2+esm2", "16.04 3.1.0-3ubuntu0.4+esm2", "18.04 3.3.0-1ubuntu0.4+esm2", "20.04 3.4.13-0ubuntu1.3", "22.04 3.6.4-1ubuntu1.2"],
            f.VendorPackages.Select(p => p.Release + " " + p.Version));
        var jammy = f.VendorPackages.Single(p => p.Release == "22.04");
        Assert.Equal(("Ubuntu", "postfix", "postfix", (string?)null, true, "USN-6591-1.json"),
            (jammy.Distro, jammy.Mta, jammy.Package, jammy.Upstream, jammy.Verified, jammy.Source));
        // aliases is empty: the CVE comes from "upstream": ["UBUNTU-CVE-2023-51764"].
        Assert.Equal(["CVE-2023-51764", "USN-6591-1"], jammy.FixedCves!);
        Assert.Equal("USN-6591-1", jammy.Note);
        Assert.Equal("USN-6591-1; Ubuntu Pro", f.VendorPackages.Single(p => p.Release == "16.04").Note);
    }

    [Theory]
    [InlineData("Debian:12", "Debian", "12", PackageVersionSyntax.Dpkg)]
    [InlineData("Ubuntu:22.04:LTS", "Ubuntu", "22.04", PackageVersionSyntax.Dpkg)]
    [InlineData("Ubuntu:Pro:FIPS-updates:22.04:LTS", "Ubuntu", "22.04", PackageVersionSyntax.Dpkg)]
    [InlineData("Red Hat:enterprise_linux:9::appstream", "RHEL", "9", PackageVersionSyntax.Rpm)]
    [InlineData("AlmaLinux:8", "Alma", "8", PackageVersionSyntax.Rpm)]
    [InlineData("Rocky Linux:9", "Rocky", "9", PackageVersionSyntax.Rpm)]
    [InlineData("Alpine:v3.19", "Alpine", "v3.19", PackageVersionSyntax.Other)]
    [InlineData("SUSE:Linux Enterprise Server 15 SP5", "SLES", "15 SP5", PackageVersionSyntax.Rpm)]
    public void Osv_ecosystems_name_a_distro_release(string ecosystem, string distro, string release, PackageVersionSyntax syntax)
    {
        var d = OsvDistro.Of(ecosystem)!;
        Assert.Equal((distro, release, syntax), (d.Distro, d.Release, d.Syntax));
    }

    [Theory]
    [InlineData("npm")]
    [InlineData("Ubuntu")]
    [InlineData("Debian")]
    [InlineData("Mageia:9")]
    public void Other_ecosystems_are_not_distros(string ecosystem) => Assert.Null(OsvDistro.Of(ecosystem));

    [Theory]
    [InlineData("cpe:2.3:a:postfix:postfix:3.8.4:*:*:*:*:*:*:*", "postfix", "3.8.4")]
    [InlineData("cpe:2.3:a:sendmail:sendmail:8.12.9:*:*:*:*:*:*:*", "sendmail", "8.12.9")]
    [InlineData("cpe:2.3:a:opensmtpd:opensmtpd:*:*:*:*:*:*:*:*", "opensmtpd", "*")]
    [InlineData("cpe:2.3:o:debian:debian_linux:9.0:*:*:*:*:*:*:*", null, "9.0")]
    [InlineData("cpe:2.3:a:foo\\:bar:baz:1.0:*:*:*:*:*:*:*", null, "1.0")]
    public void Cpe_names_map_to_mtas(string cpe, string? mta, string version)
    {
        Assert.True(Cpe23.TryParse(cpe, out var c));
        Assert.Equal((mta, version), (MtaNames.OfCpe(c), c.Version));
    }

    [Theory]
    [InlineData("cpe:/a:exim:exim:4.91")]
    [InlineData("cpe:2.3:a:exim:exim:4.91")]
    [InlineData("cpe:2.3:a:exim:exim:4.91:*:*:*:*:*:*:*:*")]
    [InlineData("cpe:2.3:x:exim:exim:4.91:*:*:*:*:*:*:*")]
    [InlineData("")]
    public void Malformed_cpe_names_are_refused(string cpe) => Assert.False(Cpe23.TryParse(cpe, out _));

    [Theory]
    [InlineData("postfix", "postfix")]
    [InlineData("postfix-mysql", "postfix")]
    [InlineData("exim4-daemon-heavy", "exim")]
    [InlineData("exim", "exim")]
    [InlineData("sendmail-bin", "sendmail")]
    [InlineData("opensmtpd", "opensmtpd")]
    [InlineData("postfixadmin2", null)]
    [InlineData("libmilter1.0.1", null)]
    public void Package_names_map_to_mtas(string name, string? mta) => Assert.Equal(mta, MtaNames.OfPackage(name));

    [Fact]
    public void Osv_upstream_entry_becomes_cve_ranges_where_events_are_versions()
    {
        // Constructed to exercise the mapping (no real upstream-ecosystem OSV record of an MTA was found):
        // a SEMVER range with two intervals, a GIT range of commits (left out), and the real USN's CVE id.
        const string json = """
            {"schema_version":"1.7.0","id":"EXAMPLE-2023-0001","aliases":["CVE-2023-51764"],"summary":"smuggling",
             "affected":[
               {"package":{"ecosystem":"GIT","name":"postfix"},
                "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"3.5.23"},{"introduced":"3.6.0"},{"last_affected":"3.6.12"}]},
                          {"type":"GIT","repo":"https://github.com/vdukhovni/postfix","events":[{"introduced":"0"},{"fixed":"7f1e1b9a0c"}]}]},
               {"package":{"ecosystem":"Debian:12","name":"libmilter1.0.1"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"8.17.1.9-2+deb12u1"}]}]}
             ]}
            """;
        var f = Parse("example.json", json);
        var c = Assert.Single(f.Cves);
        Assert.Equal(("postfix", "CVE-2023-51764"), (c.Mta, c.Id));
        Assert.Equal(["0..3.5.23..", "3.6.0....3.6.12"], c.Affected!.Select(r => $"{r.Introduced}..{r.Fixed}..{r.LastAffected}"));
        Assert.Null(c.Cvss);
        Assert.Contains(f.Notes, n => n.En.Contains("GIT range events are not upstream versions", StringComparison.Ordinal) && n.Ko.Contains("GIT 범위의 이벤트가 업스트림 버전이 아니어서", StringComparison.Ordinal));
        Assert.Empty(f.VendorPackages); // libmilter is not an MTA package
    }
}
