using System.Text;
using MtaAudit.Knowledge;
using MtaAudit.Tools;

namespace MtaAudit.Tests.Knowledge;

public class KbBuilderTests
{
    private static KbFile BuiltFile()
    {
        using var s = File.OpenRead(ReferenceFiles.ReferencePath);
        return KbBuilder.Build(s, ReferenceFiles.KbVersion, ReferenceFiles.KbDate);
    }

    [Fact]
    public void Committed_kb_json_is_what_the_builder_makes_from_the_reference()
    {
        ReferenceFiles.RequireReference();
        var expected = ReferenceFiles.BuildFromReference();
        if (Environment.GetEnvironmentVariable("MTA_AUDIT_WRITE_KB") == "1")
            File.WriteAllText(ReferenceFiles.CommittedKb, expected, new UTF8Encoding(false));
        var committed = File.ReadAllText(ReferenceFiles.CommittedKb, Encoding.UTF8).Replace("\r\n", "\n");
        Assert.True(expected == committed,
            "src/MtaAudit.Core/Knowledge/kb.json is stale; regenerate it with MTA_AUDIT_WRITE_KB=1 dotnet test --filter KbBuilderTests");
    }

    [Fact]
    public void Building_twice_gives_identical_bytes()
    {
        ReferenceFiles.RequireReference();
        Assert.Equal(ReferenceFiles.BuildFromReference(), ReferenceFiles.BuildFromReference());
    }

    [Theory]
    [InlineData("3.1", 9.8, "critical")]
    [InlineData("3.0", 9.0, "critical")]
    [InlineData("3.1", 8.9, "high")]
    [InlineData("3.x", 7.0, "high")]
    [InlineData("3.1", 4.0, "medium")]
    [InlineData("3.1", 3.9, "low")]
    [InlineData("2.0", 10.0, null)] // severity bands are defined on v3 only
    [InlineData(null, null, null)]
    public void Severity_comes_from_the_v3_score(string? version, double? score, string? severity) =>
        Assert.Equal(severity, KbBuilder.SeverityOf(version, score));

    [Fact]
    public void Opensmtpd_branches_are_derived_from_releases_and_only_the_newest_is_supported()
    {
        ReferenceFiles.RequireReference();
        var smtpd = BuiltFile().Mtas!.Single(m => m.Mta == "opensmtpd");
        Assert.Equal(["6.6", "6.7", "6.8", "7.3", "7.4", "7.5", "7.6", "7.7", "7.8", "7.9"], smtpd.Branches!.Select(b => b.Branch));
        var newest = smtpd.Branches!.Single(b => b.Supported);
        Assert.Equal(("7.9", "7.9.0p0", (string?)null), (newest.Branch, newest.LatestPatch, newest.Date)); // exists, date unknown
        Assert.Equal("6.8.0p2", smtpd.Branches!.Single(b => b.Branch == "6.8").LatestPatch);
    }

    [Fact]
    public void Reference_support_flags_agree_with_each_policy()
    {
        ReferenceFiles.RequireReference();
        foreach (var m in BuiltFile().Mtas!)
        {
            var policy = KbBuilder.SupportedByPolicy(m.Mta!, m.Branches!.Select(b => b.Branch!).ToList());
            Assert.Equal(policy.Order(), m.Branches!.Where(b => b.Supported).Select(b => b.Branch!).Order());
        }
    }

    [Fact]
    public void Exim_series_without_a_release_is_dropped()
    {
        ReferenceFiles.RequireReference();
        var exim = BuiltFile().Mtas!.Single(m => m.Mta == "exim");
        Assert.DoesNotContain(exim.Branches!, b => b.Branch == "4.81");
        Assert.Equal("4.93.0.4", exim.Branches!.Single(b => b.Branch == "4.93").LatestPatch);
        Assert.Equal(["4.100"], exim.Branches!.Where(b => b.Supported).Select(b => b.Branch));
        Assert.Equal(("4.100.1", "2026-09-18"), (exim.Branches!.Single(b => b.Branch == "4.100").LatestPatch, exim.Branches!.Single(b => b.Branch == "4.100").Date));
        Assert.Equal("4.99.5", exim.Branches!.Single(b => b.Branch == "4.99").LatestPatch);
    }

    [Fact]
    public void Unverified_facts_are_kept_and_flagged()
    {
        ReferenceFiles.RequireReference();
        var f = BuiltFile();
        var cves = f.Mtas!.SelectMany(m => m.Cves!).ToDictionary(c => c.Id!);

        // verified_in_nvd_json=false score
        var c28007 = cves["CVE-2020-28007"];
        Assert.False(c28007.Verified);
        Assert.Equal((7.8, "3.1", "high"), (c28007.Cvss!.Value, c28007.CvssVersion, c28007.Severity));
        Assert.Contains("CVSS score not verified", c28007.Confidence);

        // fully verified NVD record
        var c16928 = cves["CVE-2019-16928"];
        Assert.True(c16928.Verified);
        Assert.Null(c16928.Confidence);
        Assert.True(c16928.Kev);

        // reference confidence text carried
        Assert.StartsWith("medium", cves["CVE-2008-2936"].Confidence);
        Assert.Null(cves["CVE-2008-2936"].Severity);

        // synthetic id and null 'introduced' (OpenSMTPD LPE fixed in 6.7.0p1)
        var lpe = cves["OPENSMTPD-6.7.0p1-LPE"];
        Assert.False(lpe.Verified);
        Assert.Contains("synthetic id", lpe.Confidence);
        Assert.Contains("introduced version not established", lpe.Confidence);
        Assert.Equal(("0", "6.7.0p1"), (lpe.Affected![0].Introduced, lpe.Affected[0].Fixed));

        // "4.94.x/master" is not a release: widened to 4.94, flagged, original kept in the range note
        var c28016 = cves["CVE-2020-28016"];
        Assert.Equal("4.94", c28016.Affected![0].Introduced);
        Assert.False(c28016.Verified);
        Assert.Contains("4.94.x/master", c28016.Affected[0].Note);

        // two scores: the verified CNA v3.1 score beats an unverified vendor rating
        var c43964 = cves["CVE-2026-43964"];
        Assert.Equal((3.7, "low"), (c43964.Cvss!.Value, c43964.Severity));

        // v2-only score: kept, no severity
        var c0411 = cves["CVE-2011-0411"];
        Assert.Equal((6.8, "2.0", (string?)null), (c0411.Cvss!.Value, c0411.CvssVersion, c0411.Severity));

        // no upstream fix
        Assert.Null(cves["CVE-2023-42118"].Affected![0].Fixed);
    }

    [Fact]
    public void Vendor_packages_are_split_per_target_and_carry_backported_cves()
    {
        ReferenceFiles.RequireReference();
        var pk = BuiltFile().VendorPackages!;

        var deb12exim = pk.Single(p => p.Distro == "Debian" && p.Release == "12 bookworm" && p.Mta == "exim");
        Assert.Equal(("4.96-15+deb12u10", "4.96"), (deb12exim.Version, deb12exim.Upstream));
        Assert.Equal(
            ["CVE-2023-51766", "CVE-2024-39929", "CVE-2025-30232", "CVE-2026-40684", "CVE-2026-40685", "CVE-2026-40686", "CVE-2026-40687", "CVE-2026-45185", "CVE-2026-48840"],
            deb12exim.FixedCves!);

        // "RHEL/Oracle Linux/Rocky/Alma" 8 → one record per distro
        static bool FromAdvisory(KbVendorPackage p) => p.Note?.StartsWith("a fixed version named by a vendor advisory", StringComparison.Ordinal) == true;
        var el8 = pk.Where(p => p.Release == "8" && p.Mta == "postfix" && !FromAdvisory(p)).Select(p => p.Distro).ToList();
        Assert.Equal(["RHEL", "Oracle Linux", "Rocky", "Alma"], el8);
        Assert.All(pk.Where(p => p.Release == "8" && p.Mta == "postfix" && !FromAdvisory(p)), p =>
        {
            Assert.Equal("2:3.5.8-8.el8", p.Version);
            Assert.Equal(["CVE-2026-43964"], p.FixedCves!);
        });

        // "a -> b (USN)" keeps b
        var jammy = pk.Single(p => p.Distro == "Ubuntu" && p.Release == "22.04 jammy" && p.Mta == "postfix");
        Assert.Equal("3.6.4-1ubuntu1.4", jammy.Version);
        Assert.Contains("USN-8253-1", jammy.Note);

        // snapshot naming → leading version
        Assert.Equal("8.17.1.9", pk.Single(p => p.Distro == "Debian" && p.Release == "12 bookworm" && p.Mta == "sendmail").Upstream);

        // not established: kept, unverified, no version
        var trixieSendmail = pk.Single(p => p.Distro == "Debian" && p.Release == "13 trixie" && p.Mta == "sendmail");
        Assert.False(trixieSendmail.Verified);
        Assert.Null(trixieSendmail.Version);

        // A CVE's vendor_fixes with a version: one record per fixed package, its CVEs gathered.
        var usn = pk.Single(p => FromAdvisory(p) && p.Distro == "Ubuntu" && p.Release == "24.04" && p.Version == "4.97-4ubuntu4.7");
        Assert.Equal(("exim", "exim4"), (usn.Mta, usn.Package));
        Assert.Equal(["CVE-2026-66140", "CVE-2026-66141"], usn.FixedCves!);
        Assert.Equal("2:3.5.8-8.el8", pk.Single(p => FromAdvisory(p) && p.Distro == "Oracle Linux").Version); // the aside after the version dropped
        Assert.DoesNotContain(pk, p => FromAdvisory(p) && p.Distro == "Debian" && p.Release!.StartsWith("11", StringComparison.Ordinal)); // no version read

        // AIX "7.2 TL5, 7.3" → two releases
        Assert.Equal(["7.2 TL5", "7.3"], pk.Where(p => p.Distro == "AIX" && p.Version == "8.18.1").Select(p => p.Release));
    }
}
