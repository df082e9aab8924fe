using MtaAudit.Parse.Vendor;

namespace MtaAudit.Tests.Parse.Vendor;

/// <summary>
/// Issue 20, false 양호 from changelogs. The fix lines are copied verbatim from the real changelogs the collector
/// read on the test hosts (Fixtures/testhosts/deb11-postfix, deb12-exim, deb12-sendmail, deb12-opensmtpd .evidence)
/// and from the RPM fixture (Fixtures/linux/rpm-q-changelog-cve-lines-derived-debian12.txt): every one must count.
/// The take-back lines are the shapes of issue 20: none may count, and each takes back an older fix.
/// </summary>
public class ChangelogFixShapeTests
{
    private static readonly string[] RealFix =
    [
        "    - Addresses CVE-2023-51764, requires configuration change",
        "      server SASL handle after authentication failure.  CVE-2011-1720",
        "    - CVE-2009-2930",
        "    - Harden delivery to symlink destinations.  CVE-2008-2936",
        "    (Closes: #1034178, CVE-2023-29323)",
        "    + Closes #978038, CVE-2020-35679",
        "    + Null checking in certificate CN (CVE-2009-4565)",
        "    CVE-2014-3956  (Closes: #750562)",
        "  * Fix CVE-2023-51765 (Closes: #1059386):",
        "  * CVE-2026-66140 EXIM-Security-2026-06-22.1 (GCVE-25-2026-07-45-1)",
        "      CVE-2020-28014, CVE-2021-27216: PID file handling",
        "    \"${sort}\"-expansion. CVE-2019-13917 OVE-20190718-0006",
        "  * 77_01-string.c-do-not-interpret-before-0-CVE-2019-15846.patch - Fix SNI",
        "    related buffer overflow. CVE-2019-15846",
        "    use-after-free in dmarc.c. VDB-211919 / CVE-2022-3620.",
        "  * New upstream bugfix release. (4.92.1 is 4.92 + the fix for CVE-2019-13917,",
        "    +CVE-2025-26794  Possible crash with malicious DNS data when using musl",
        "  * 92_CVE-2016-1238.diff: eximstats: Remove . from @INC [CVE-2016-1238]",
        "  * New upstream version, includes the patch for CVE-2016-1531. (Local root",
        "  * RC3 fixes CVE-2024-39929 Closes: #1075785",
        "    (CVE-2023-42117) and the `dnsdb` lookup subsystem (CVE-2023-42119). It",
        "    (Closes: #1070190). Close a variant of CVE-2023-51765",
        "  Resolves: CVE-2023-51764",
        "- fixed CVE-2021-38371 and cve-2020-12063 in one entry",
        "    - debian/patches/CVE-2023-51764-1.patch: add smtpd_forbid_bare_newline",
        "  * SECURITY UPDATE: SMTP smuggling - CVE-2023-51764",
    ];

    private static readonly string[] TakeBack =
    [
        "  * CVE-2023-51764 will be addressed in a later upload",
        "  * Drop the CVE-2023-51764 patch: it broke TLS",
        "  * CVE-2023-51764 remains open upstream",
        "  * Rolled back CVE-2023-51764 fix",
        "  * Revert fix for CVE-2023-51764",
        "  * CVE-2023-51764 not fixed yet",
        "  * Fix for CVE-2023-51764 is incomplete",
        "  * Drop debian/patches/CVE-2023-51764-1.patch",
        "  * Roll back the CVE-2023-51764 change (regressions in smtpd)",
        "  * Backed out the fix for CVE-2023-51764 pending upstream review",
        "- Mention of the SMTP smuggling issue, no fix yet (CVE-2023-51764)",
    ];

    public static TheoryData<string> RealFixLines() => [.. RealFix];
    public static TheoryData<string> TakeBackLines() => [.. TakeBack];

    private static string Entry(string version, string line) => $"postfix ({version}) bookworm; urgency=medium\n{line}\n";

    private static string Id(string line) => System.Text.RegularExpressions.Regex.Match(line, @"CVE-\d{4}-\d{4,7}", System.Text.RegularExpressions.RegexOptions.IgnoreCase).Value.ToUpperInvariant();

    [Theory]
    [MemberData(nameof(RealFixLines))]
    public void A_real_fix_line_counts(string line)
    {
        var fix = Assert.Single(ChangelogParser.Parse(Entry("3.7.11-0+deb12u1", line), "postfix"), f => f.CveId == Id(line));
        Assert.Equal("3.7.11-0+deb12u1", fix.FixedInVersion);
    }

    [Theory]
    [MemberData(nameof(TakeBackLines))]
    public void A_take_back_line_counts_for_nothing_and_takes_back_an_older_fix(string line)
    {
        Assert.Empty(ChangelogParser.Parse(Entry("3.7.11-0+deb12u2", line), "postfix"));
        // Newest first: the take-back of deb12u2 wins over the fix of deb12u1.
        var text = Entry("3.7.11-0+deb12u2", line) + Entry("3.7.11-0+deb12u1", "  * Fix CVE-2023-51764 (Closes: #1059386):");
        Assert.Empty(ChangelogParser.Parse(text, "postfix"));
        // Also in the same entry as the fix (but a dropped patch beside its fix is the fix moving upstream: below).
        if (!line.StartsWith("  * Drop debian/", StringComparison.Ordinal))
            Assert.Empty(ChangelogParser.Parse("postfix (3.7.11-0+deb12u2) bookworm; urgency=medium\n  * Fix CVE-2023-51764 (Closes: #1059386):\n" + line + "\n", "postfix"));
    }

    [Fact]
    public void Every_pair_of_a_fix_and_a_take_back_reads_by_which_entry_is_newer()
    {
        foreach (var fixLine in RealFix.Where(l => Id(l) == "CVE-2023-51764"))
            foreach (var back in TakeBack)
            {
                // A later fix after the take-back is the fix (re-applied), at its own entry.
                var refixed = Entry("3.7.11-0+deb12u3", fixLine) + Entry("3.7.11-0+deb12u2", back) + Entry("3.7.11-0+deb12u1", fixLine);
                Assert.Equal("3.7.11-0+deb12u3", Assert.Single(ChangelogParser.Parse(refixed, "postfix")).FixedInVersion);
                var backLast = Entry("3.7.11-0+deb12u3", back) + Entry("3.7.11-0+deb12u2", fixLine);
                Assert.Empty(ChangelogParser.Parse(backLast, "postfix"));
            }
    }

    [Fact]
    public void A_patch_dropped_with_a_new_upstream_release_that_includes_the_fix_stays_fixed()
    {
        // The real deb12-exim entries 4.92.2-1 and 4.92.1-3 (Fixtures/testhosts/deb12-exim.evidence).
        var text = "exim4 (4.92.2-1) experimental; urgency=medium\n" +
                   "    4.92.1 + 77_01-string.c-do-not-interpret-before-0-CVE-2019-15846.patch).\n" +
                   "    + Drop 77_01-string.c-do-not-interpret-before-0-CVE-2019-15846.patch.\n" +
                   "exim4 (4.92.1-3) unstable; urgency=high\n" +
                   "  * 77_01-string.c-do-not-interpret-before-0-CVE-2019-15846.patch - Fix SNI\n" +
                   "    related buffer overflow. CVE-2019-15846\n";
        Assert.Equal("4.92.1-3", Assert.Single(ChangelogParser.Parse(text, "exim4")).FixedInVersion);
    }

    [Fact]
    public void A_mention_that_says_neither_is_no_fix()
    {
        Assert.Empty(ChangelogParser.Parse(Entry("4.96-15", "    + tests/CVE-2019-13917.py is GPLv2 - Add license header."), "exim4"));
    }
}
