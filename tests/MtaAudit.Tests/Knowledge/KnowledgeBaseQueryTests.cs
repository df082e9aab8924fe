using MtaAudit.Knowledge;
using MtaAudit.Versions;

namespace MtaAudit.Tests.Knowledge;

/// <summary>Queries on the real embedded knowledge base; expected ids were read from the reference notes.</summary>
public class KnowledgeBaseQueryTests
{
    private static readonly KnowledgeBase Kb = KnowledgeBaseLoader.LoadEmbedded();
    private static UpstreamVersion V(string s) => UpstreamVersion.Parse(s);

    [Fact]
    public void Postfix_3_7_is_unsupported_and_3_8_is_supported()
    {
        var b37 = Kb.BranchOf("postfix", V("3.7.11"))!;
        Assert.Equal(("3.7", "3.7.22", false), (b37.Branch, b37.LatestPatch, b37.Supported));
        var b38 = Kb.BranchOf("postfix", V("3.8.6"))!;
        Assert.Equal(("3.8", "3.8.21", true), (b38.Branch, b38.LatestPatch, b38.Supported));
        Assert.Equal(["3.10", "3.11", "3.8", "3.9"], Kb.For("postfix")!.Branches.Where(b => b.Supported).Select(b => b.Branch).Order());
    }

    [Fact]
    public void Unknown_series_has_no_branch()
    {
        Assert.Null(Kb.BranchOf("postfix", V("2.10.1")));
        Assert.Null(Kb.BranchOf("exim", V("4.81")));
        Assert.Null(Kb.BranchOf("qmail", V("1.3")));
    }

    [Fact]
    public void Postfix_3_7_11_is_affected_by_the_2026_fixes_it_never_got()
    {
        var ids = Kb.Affecting("postfix", V("3.7.11")).Select(c => c.Id);
        Assert.Equal(["CVE-2026-43964", "POSTFIX-2026-06-TLSA", "POSTFIX-2026-07-QUALYS", "POSTFIX-2026-08-QUALYS-OPENAI", "POSTFIX-2026-09-QUALYS-OPENAI"], ids);
        // 3.11.6 missed only the September 2026 fixes; 3.11.7 has them all.
        Assert.Equal(["POSTFIX-2026-09-QUALYS-OPENAI"], Kb.Affecting("postfix", V("3.11.6")).Select(c => c.Id));
        Assert.Empty(Kb.Affecting("postfix", V("3.11.7")));
    }

    [Fact]
    public void Exim_4_96_is_affected_by_the_cves_listed_for_it()
    {
        var ids = Kb.Affecting("exim", V("4.96")).Select(c => c.Id).ToList();
        Assert.Equal(
            ["CVE-2023-42114", "CVE-2023-42115", "CVE-2023-42116", "CVE-2023-42117", "CVE-2023-42118", "CVE-2023-42119",
             "CVE-2023-51766", "CVE-2024-39929", "CVE-2025-30232",
             "CVE-2026-40684", "CVE-2026-40685", "CVE-2026-40686", "CVE-2026-40687",
             "CVE-2026-48840", "CVE-2026-66140", "CVE-2026-66141",
             "CVE-2026-94054", "CVE-2026-94056", "CVE-2026-94057"],
            ids);
        // 4.98+ only (GnuTLS TLS-on-connect use-after-free).
        Assert.DoesNotContain("CVE-2026-94055", ids);
        // Introduced in 4.97 per NVD: not an upstream 4.96 problem (Debian's backport is a vendor matter).
        Assert.DoesNotContain("CVE-2026-45185", ids);
        var c = Kb.For("exim")!.Cves.Single(x => x.Id == "CVE-2023-42115");
        Assert.Equal("4.96.1", KnowledgeBase.FixedFor(c, V("4.96")));
    }

    [Fact]
    public void Newest_exim_only_carries_the_libspf2_issue_without_upstream_fix()
    {
        Assert.Equal(["CVE-2023-42118"], Kb.Affecting("exim", V("4.100.1")).Select(c => c.Id));
        // 4.99.5 was the newest until 4.100.1 (2026-09-18) fixed four more.
        Assert.Equal(["CVE-2023-42118", "CVE-2026-94054", "CVE-2026-94055", "CVE-2026-94056", "CVE-2026-94057"],
            Kb.Affecting("exim", V("4.99.5")).Select(c => c.Id));
    }

    [Fact]
    public void Sendmail_8_15_2_is_affected_by_smtp_smuggling()
    {
        var ids = Kb.Affecting("sendmail", V("8.15.2")).Select(c => c.Id);
        Assert.Equal(["CVE-2021-3618", "CVE-2023-51765"], ids);
        Assert.Empty(Kb.Affecting("sendmail", V("8.18.1")));
        var b = Kb.BranchOf("sendmail", V("8.15.2"))!;
        Assert.False(b.Supported);
    }

    [Fact]
    public void Opensmtpd_portable_suffix_is_compared()
    {
        Assert.Contains(Kb.Affecting("opensmtpd", V("6.6.1p1")), c => c.Id == "CVE-2020-7247");
        Assert.DoesNotContain(Kb.Affecting("opensmtpd", V("6.6.2p1")), c => c.Id == "CVE-2020-7247");
        Assert.True(Kb.BranchOf("opensmtpd", V("7.9.0p0"))!.Supported);
        Assert.False(Kb.BranchOf("opensmtpd", V("7.8.0p1"))!.Supported); // 7.9.0p0 exists (date unknown)
    }

    [Fact]
    public void Vendor_packages_are_found_by_distro_release_and_mta()
    {
        // The package line of the research, and the fixed versions its advisories name (deb12u7 … deb12u10).
        var deb12 = Kb.VendorPackagesFor("debian", "12", "exim").Single(p => p.Release == "12 bookworm");
        Assert.Equal("4.96-15+deb12u10", deb12.Version);
        Assert.Contains("CVE-2026-45185", deb12.FixedCves);
        Assert.Equal(["4.96-15+deb12u10", "4.96-15+deb12u7", "4.96-15+deb12u8", "4.96-15+deb12u9"],
            Kb.VendorPackagesFor("debian", "12", "exim").Where(p => p.Release == "12").Select(p => p.Version).Order(StringComparer.Ordinal));
        var rocky9 = Kb.VendorPackagesFor("Rocky", "9", "postfix").Single();
        Assert.Equal(("2:3.5.25-3.el9_8", "3.5.25"), (rocky9.Version, rocky9.Upstream));
    }

    // KnowledgeBase.Contains edge cases, on hand-made ranges (the rules, not the data).
    [Theory]
    [InlineData("0", "4.70", null, "1.0", true)]          // introduced "0" = everything earlier
    [InlineData("0", "4.70", null, "4.69.9", true)]
    [InlineData("0", "4.70", null, "4.70", false)]        // fixed is exclusive
    [InlineData("0", "4.70", null, "4.70.0", false)]      // 4.70.0 == 4.70
    [InlineData("4.87", "4.92", "4.91", "4.86", false)]   // before introduced
    [InlineData("4.87", "4.92", "4.91", "4.87", true)]    // introduced is inclusive
    [InlineData("4.87", "4.92", "4.91", "4.91.5", true)]  // fixed wins over lastAffected when both are given
    [InlineData("0", null, "4.97.1", "4.97.1", true)]     // lastAffected is inclusive
    [InlineData("0", null, "4.97.1", "4.97.2", false)]
    [InlineData("0", null, null, "99.0", true)]           // no upstream fix: every version from introduced on
    [InlineData("3.9.0", "3.9.0", null, "3.9.0", false)]  // empty range (fixed in the first release of the series)
    [InlineData("6.4.0", "6.6.2p1", null, "6.6.2", true)] // 6.6.2 (p0) < 6.6.2p1
    [InlineData("bogus", null, null, "1.0", false)]       // an unparseable bound never matches
    [InlineData("0", "bogus", null, "1.0", false)]
    public void Contains_follows_the_range_rules(string introduced, string? fixedIn, string? lastAffected, string version, bool expected) =>
        Assert.Equal(expected, KnowledgeBase.Contains(new AffectedRange(introduced, fixedIn, lastAffected), V(version)));
}
