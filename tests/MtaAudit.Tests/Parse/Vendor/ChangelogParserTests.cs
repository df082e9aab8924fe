using MtaAudit.Parse.Vendor;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Parse.Vendor;

public class ChangelogParserTests
{
    [Fact]
    public void Testhost_deb12_exim_cves_with_the_entry_that_fixed_them()
    {
        var facts = TestHostBundles.Facts("deb12-exim");
        var fixes = facts.ChangelogFixes.Where(f => f.Package == "exim4-base").ToDictionary(f => f.CveId);
        Assert.Equal("4.96-15+deb12u8", fixes["CVE-2026-40684"].FixedInVersion);
        Assert.Equal("4.96-15+deb12u7", fixes["CVE-2025-30232"].FixedInVersion);
        Assert.Equal("4.96-15+deb12u5", fixes["CVE-2024-39929"].FixedInVersion);
        Assert.Equal("4.96-15+deb12u4", fixes["CVE-2023-51766"].FixedInVersion);
        Assert.Equal("4.96-15+deb12u3", fixes["CVE-2023-42119"].FixedInVersion);
        Assert.Equal("4.96-15+deb12u2", fixes["CVE-2023-42115"].FixedInVersion);
        Assert.Equal("4.96-7", fixes["CVE-2022-3620"].FixedInVersion);
        Assert.Equal("4.94.2-1", fixes["CVE-2021-27216"].FixedInVersion); // second id on a line
        // Named by 4.92.2-1 and 4.92.1-3: the fix came in the older one.
        Assert.Equal("4.92.1-3", fixes["CVE-2019-15846"].FixedInVersion);
        Assert.Equal("4.92-10", fixes["CVE-2019-13917"].FixedInVersion);
        Assert.DoesNotContain(fixes.Keys, k => k == "CVE-28021"); // a typo in the changelog, not an id
        Assert.Contains("Closes: #1075785", fixes["CVE-2024-39929"].Evidence);
        Assert.Equal(fixes.Count, facts.ChangelogFixes.Count(f => f.Package == "exim4-daemon-light"));
    }

    [Fact]
    public void Testhost_deb11_postfix()
    {
        var s = TestHostBundles.Section("deb11-postfix", ChangelogParser.Probe, "postfix");
        var fixes = ChangelogParser.Parse(s.Text, "postfix");
        Assert.Equal(["CVE-2023-51764", "CVE-2011-1720", "CVE-2009-2930", "CVE-2008-2936"], fixes.Select(f => f.CveId));
        Assert.Equal(["3.5.23-0+deb11u1", "2.8.3-1", "2.6.5-3", "2.5.4-1"], fixes.Select(f => f.FixedInVersion));
        Assert.All(fixes, f => Assert.Equal("postfix", f.Package));
    }

    [Fact]
    public void Debian_package_from_the_header_when_no_attribute()
    {
        var s = TestHostBundles.Section("deb12-exim", ChangelogParser.Probe, "exim4-config");
        var fixes = ChangelogParser.Parse(s.Text);
        Assert.All(fixes, f => Assert.Equal("exim4", f.Package));
        Assert.Contains(fixes, f => f.CveId == "CVE-2023-42114" && f.FixedInVersion == "4.96-15+deb12u2");
    }

    [Fact]
    public void Rpm_changelog_versions_from_entry_headers()
    {
        var text = Fixture.Output("linux/rpm-q-changelog-cve-lines-derived-debian12.txt");
        var fixes = ChangelogParser.Parse(text, "postfix").ToDictionary(f => f.CveId);
        Assert.Equal(4, fixes.Count);
        // -7 only mentions it ("no fix yet"): the fix is -8's "Resolves:" line.
        Assert.Equal("2:3.5.8-8", fixes["CVE-2023-51764"].FixedInVersion);
        Assert.Equal("2:3.5.8-4", fixes["CVE-2021-38371"].FixedInVersion); // header without " - "
        Assert.Equal("2:3.5.8-4", fixes["CVE-2020-12063"].FixedInVersion); // written "cve-" in the line
        Assert.Null(fixes["CVE-2019-10149"].FixedInVersion); // entry header without a version
        Assert.All(fixes.Values, f => Assert.Equal("postfix", f.Package));
        Assert.Empty(ChangelogParser.Parse(text)); // an RPM changelog does not name its package
    }

    [Fact]
    public void Garbage_does_not_throw()
    {
        foreach (var text in GarbageText.All()) ChangelogParser.Parse(text, "x");
        var odd = ChangelogParser.Parse("* Mon Jan 01 2024\nCVE-2024-1234\nx (\uFFFD) y; urgency=low\nCVE-99-1 CVE-2024-12345678\n", "p");
        Assert.Equal(["CVE-2024-1234"], odd.Select(f => f.CveId));
    }
}
