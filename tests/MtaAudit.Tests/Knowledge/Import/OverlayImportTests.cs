using MtaAudit.Knowledge;
using MtaAudit.Knowledge.Import;
using MtaAudit.Versions;
using static MtaAudit.Tests.Knowledge.Import.ImportFixtures;

namespace MtaAudit.Tests.Knowledge.Import;

/// <summary>db import end to end on real records: overlay file, merge, judgement, atomicity, idempotence.</summary>
public class OverlayImportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);
    private static UpstreamVersion V(string s) => UpstreamVersion.Parse(s);

    private static (string Nvd, string Osv) RealCopies(TempDir dir) =>
        (dir.Write("CVE-2019-10149.json", Text(ImportFixtures.Nvd)), dir.Write("USN-6591-1.json", Text(ImportFixtures.Osv)));

    [Fact]
    public void Imported_records_are_what_the_merged_knowledge_base_judges_with()
    {
        using var dir = new TempDir();
        var (nvd, osv) = RealCopies(dir);
        var r = KnowledgeImporter.Import([nvd, osv], dir.Path, Now);
        Assert.Equal((2, 1, 5, 0, true), (r.Files, r.Cves, r.VendorPackages, r.Skipped, r.Changed));
        Assert.Equal(dir.Overlay, r.OverlayPath);

        var kb = KnowledgeStore.Load(dir.Path);
        // The embedded record of CVE-2019-10149 is unverified (score not checked, cvssVersion "3.x");
        // the imported NVD record replaces it.
        var embedded = KnowledgeBaseLoader.LoadEmbedded().For("exim")!.Cves.Single(c => c.Id == "CVE-2019-10149");
        Assert.False(embedded.Verified);
        var merged = kb.For("exim")!.Cves.Single(c => c.Id == "CVE-2019-10149");
        Assert.Equal((true, "3.1", 9.8, true), (merged.Verified, merged.CvssVersion, merged.Cvss!.Value, merged.Kev));
        Assert.Equal(KnowledgeBaseLoader.LoadEmbedded().For("exim")!.Cves.Count, kb.For("exim")!.Cves.Count);
        Assert.Contains(kb.Affecting("exim", V("4.91")), c => c.Id == "CVE-2019-10149");
        Assert.Contains(kb.Affecting("exim", V("4.87")), c => c.Id == "CVE-2019-10149");
        Assert.DoesNotContain(kb.Affecting("exim", V("4.92")), c => c.Id == "CVE-2019-10149");
        Assert.DoesNotContain(kb.Affecting("exim", V("4.86.2")), c => c.Id == "CVE-2019-10149");

        var jammy = kb.VendorPackagesFor("Ubuntu", "22.04", "postfix").ToList();
        var fix = Assert.Single(jammy, p => p.Version == "3.6.4-1ubuntu1.2");
        Assert.Equal(["CVE-2023-51764", "USN-6591-1"], fix.FixedCves);
        Assert.Equal(("USN-6591-1.json", true), (fix.Source, fix.Verified));
        Assert.Contains(jammy, p => p.Version == "3.6.4-1ubuntu1.4"); // the embedded package stays
        Assert.Equal("2026.12.1+local", kb.Version);

        var status = KnowledgeStore.Status(dir.Path);
        Assert.Equal((true, "2026-11-28T06:00:00Z", 1, 5, 1, 0), (status.Exists, status.Updated, status.Cves, status.VendorPackages, status.CvesReplacingEmbedded, status.VendorPackagesReplacingEmbedded));
        Assert.Equal(["CVE-2019-10149.json", "USN-6591-1.json"], status.Imported);
    }

    [Fact]
    public void Two_imports_are_idempotent()
    {
        using var dir = new TempDir();
        var (nvd, osv) = RealCopies(dir);
        KnowledgeImporter.Import([nvd, osv], dir.Path, Now);
        var first = File.ReadAllBytes(dir.Overlay);
        var again = KnowledgeImporter.Import([osv, nvd], dir.Path, Now.AddDays(1));
        Assert.False(again.Changed);
        Assert.Equal((1, 5), (again.OverlayCves, again.OverlayVendorPackages));
        Assert.Equal(first, File.ReadAllBytes(dir.Overlay));
        // Importing one of them alone adds nothing either.
        Assert.False(KnowledgeImporter.Import([osv], dir.Path, Now.AddDays(2)).Changed);
    }

    [Fact]
    public void Corrupted_nvd_record_is_refused_with_its_path_and_the_old_overlay_survives()
    {
        using var dir = new TempDir();
        var (nvd, osv) = RealCopies(dir);
        KnowledgeImporter.Import([nvd], dir.Path, Now);
        var before = File.ReadAllBytes(dir.Overlay);

        var bad = dir.Write("nvd-bad.json", ReplaceOnce(Text(ImportFixtures.Nvd), "cpe:2.3:a:exim:exim:*:*:*:*:*:*:*:*", "exim 4.87 to 4.91"));
        var e = Assert.Throws<KnowledgeImportException>(() => KnowledgeImporter.Import([osv, bad], dir.Path, Now.AddDays(1)));
        var error = Assert.Single(e.Errors);
        Assert.Equal(bad, error.File);
        Assert.Equal("$.configurations[0].nodes[0].cpeMatch[0].criteria", error.JsonPath);
        Assert.Equal("not a CPE 2.3 name", error.Problem.En);
        Assert.Equal("CPE 2.3 이름이 아님", error.Problem.Ko);
        Assert.Equal($"{bad}: $.configurations[0].nodes[0].cpeMatch[0].criteria: not a CPE 2.3 name", e.Message);
        Assert.Equal(before, File.ReadAllBytes(dir.Overlay)); // the good OSV file was not imported either
        Assert.Empty(Directory.GetFiles(dir.Path, ".kb-local.json.*")); // no temp file left behind
    }

    [Fact]
    public void Corrupted_osv_record_is_refused_with_its_path_and_the_old_overlay_survives()
    {
        using var dir = new TempDir();
        var (nvd, osv) = RealCopies(dir);
        KnowledgeImporter.Import([nvd, osv], dir.Path, Now);
        var before = File.ReadAllBytes(dir.Overlay);

        var badVersion = dir.Write("usn-bad.json", ReplaceOnce(Text(ImportFixtures.Osv), "\"fixed\": \"3.6.4-1ubuntu1.2\"", "\"fixed\": \"3.6.4 -1ubuntu1.2\""));
        var truncated = dir.Write("usn-cut.json", Text(ImportFixtures.Osv)[..5000]);
        var wrongType = dir.Write("usn-type.json", ReplaceOnce(Text(ImportFixtures.Osv), "\"upstream\": [\n    \"UBUNTU-CVE-2023-51764\"\n  ]", "\"upstream\": \"UBUNTU-CVE-2023-51764\""));
        var e = Assert.Throws<KnowledgeImportException>(() => KnowledgeImporter.Import([badVersion, truncated, wrongType], dir.Path, Now.AddDays(1)));
        Assert.Equal(
            [
                $"{badVersion}: $.affected[4].ranges[0].events[1].fixed: '3.6.4 -1ubuntu1.2' is not a dpkg version",
                $"{truncated}: $: not valid JSON at line 175, byte 8",
                $"{wrongType}: $.upstream: expected an array, found a string",
            ],
            e.Errors.Select(x => x.ToString()));
        Assert.Equal(before, File.ReadAllBytes(dir.Overlay));
    }

    [Fact]
    public void Neither_osv_nor_nvd_is_an_error()
    {
        using var dir = new TempDir();
        var f = dir.Write("kb.json", "{\"schema\":\"mta-audit/kb/1\"}");
        var e = Assert.Throws<KnowledgeImportException>(() => KnowledgeImporter.Import([f], dir.Path, Now));
        Assert.Equal("$", Assert.Single(e.Errors).JsonPath);
        Assert.False(File.Exists(dir.Overlay));
    }

    [Fact]
    public void No_overlay_means_the_embedded_knowledge_base()
    {
        using var dir = new TempDir();
        Assert.Same(KnowledgeBaseLoader.LoadEmbedded(), KnowledgeStore.Load(dir.Path));
        Assert.False(KnowledgeStore.Status(dir.Path).Exists);
    }

    [Fact]
    public void Damaged_overlay_is_refused_by_name()
    {
        using var dir = new TempDir();
        var (nvd, _) = RealCopies(dir);
        KnowledgeImporter.Import([nvd], dir.Path, Now);
        File.WriteAllText(dir.Overlay, File.ReadAllText(dir.Overlay).Replace("\"lastAffected\": \"4.91\"", "\"lastAffected\": \"four\""));
        var e = Assert.Throws<KnowledgeBaseException>(() => KnowledgeStore.Load(dir.Path));
        Assert.Equal((dir.Overlay, "$.cves[0].affected[0].lastAffected"), (e.File, e.JsonPath));
    }

    [Fact]
    public void Data_dir_comes_from_the_option_then_the_environment_then_the_default()
    {
        Assert.Equal("/srv/x/kb-local.json", KnowledgeStore.OverlayPath("/srv/x"));
        var old = Environment.GetEnvironmentVariable(KnowledgeStore.DataDirVariable);
        try
        {
            Environment.SetEnvironmentVariable(KnowledgeStore.DataDirVariable, "/opt/kb");
            Assert.Equal("/opt/kb", KnowledgeStore.DataDir());
            Environment.SetEnvironmentVariable(KnowledgeStore.DataDirVariable, null);
            Assert.Equal("/var/lib/mta-audit", KnowledgeStore.DataDir());
        }
        finally { Environment.SetEnvironmentVariable(KnowledgeStore.DataDirVariable, old); }
    }
}
