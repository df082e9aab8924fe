using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MtaAudit.Collect.Ssh;
using MtaAudit.Fleet;
using MtaAudit.Store;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Render;

/// <summary>
/// report --compare and --from on fleet results stores (SQLite), as the CLI process: two stores, and
/// two runs of one store (STORE#N). The stores are written through <see cref="FleetStore"/> as a fleet
/// scan writes them, from the test hosts' real bundles: each inventory name gets the bundle a host
/// really gave at that stage (exim 4.94.2 on Debian 11, then 4.96 after the upgrade to Debian 12; the
/// pending Postfix update before and after it was installed).
/// </summary>
public class CompareStoreTests
{
    private static byte[] Bundle(string name) => File.ReadAllBytes(Fixture.PathOf("testhosts/" + name + ".evidence"));

    private static readonly (string Name, string? Bundle)[] Before =
    [
        ("mail1", "deb11-exim"),                      // VULNERABLE
        ("mail2", "deb12-exim"),                      // GOOD
        ("mail3", "deb12-postfix-update.pending"),    // VULNERABLE, a pending vendor update
        ("retired", "deb11-none"),                    // gone by the follow-up
    ];

    private static readonly (string Name, string? Bundle)[] After =
    [
        ("mail1", "deb12-exim"),                      // upgraded: GOOD
        ("mail2", "deb11-exim"),                      // rebuilt from an old image: VULNERABLE
        ("mail3", "deb12-postfix-update.installed"),  // the update installed: another package version
        ("newhost", "deb13-none"),                    // added
        ("down", null),                               // added, unreachable: not checked
    ];

    private static void Write(FleetStore store, (string Name, string? Bundle)[] hosts)
    {
        var run = store.NewRun(hosts.Select(h => new Target(h.Name, "10.213.9." + (Array.IndexOf(hosts, h) + 2))).ToList(), "test");
        foreach (var (name, bundle) in hosts)
            store.Save(run, name, bundle is null
                ? HostCollection.Failed(HostFailure.Unreachable, Glossary.Say("ssh.fail.refused", ("where", name), ("port", 22)), TimeSpan.FromSeconds(1))
                : new HostCollection(Bundle(bundle), null, null, 0, TimeSpan.FromSeconds(2)), null);
        store.Finish(run);
    }

    private static string Section(string text, string title) =>
        text.Split("\n[").Single(s => s.StartsWith(title + "]", StringComparison.Ordinal));

    private static void AssertComparison(string stdout)
    {
        Assert.Contains("mail1: 취약 → 양호", Section(stdout, "조치 완료 (취약 → 양호)"), StringComparison.Ordinal);
        Assert.Contains("mail2: 양호 → 취약", Section(stdout, "신규 취약"), StringComparison.Ordinal);
        var versions = Section(stdout, "버전 변경");
        Assert.Contains("exim 4.94.2 (4.94.2-7+deb11u6) → exim 4.96 (4.96-15+deb12u11)", versions, StringComparison.Ordinal);
        Assert.Contains("postfix 3.7.11 (3.7.11-0+deb12u1) → postfix 3.7.11 (3.7.11-0+deb12u1+mtaaudit1)", versions, StringComparison.Ordinal);
        var added = Section(stdout, "추가된 호스트");
        Assert.Contains("newhost: 양호", added, StringComparison.Ordinal);
        Assert.Contains("down: 수동점검", added, StringComparison.Ordinal);
        Assert.Contains("retired: 양호", Section(stdout, "제외된 호스트"), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_stores_compare_in_text_html_and_xlsx_and_a_store_reports_like_scan()
    {
        var dir = ReportSamples.TempDir();
        var oldStore = Path.Combine(dir, "before.sqlite");
        var newStore = Path.Combine(dir, "after.sqlite");
        using (var s = FleetStore.Open(oldStore)) Write(s, Before);
        using (var s = FleetStore.Open(newStore)) Write(s, After);

        var (code, stdout, stderr) = ReportSamples.Run(ReportSamples.Cli, ["report", "--compare", oldStore, newStore, "--lang", "ko"]);
        Assert.True(code == 1, $"exit {code} (a host is newly vulnerable): {stderr}");
        Assert.Equal("", stderr);
        AssertComparison(stdout);

        var html = Path.Combine(dir, "cmp.html");
        (code, _, stderr) = ReportSamples.Run(ReportSamples.Cli, ["report", "--compare", oldStore, newStore, "--format", "html", "-o", html, "--lang", "ko"]);
        Assert.True(code == 1, stderr);
        var page = File.ReadAllText(html);
        foreach (var h in new[] { "mail1", "mail2", "mail3", "newhost", "down", "retired", "exim 4.94.2 (4.94.2-7+deb11u6)" })
            Assert.Contains(h, page, StringComparison.Ordinal);

        var xlsx = Path.Combine(dir, "cmp.xlsx");
        (code, _, stderr) = ReportSamples.Run(ReportSamples.Cli, ["report", "--compare", oldStore, newStore, "--format", "xlsx", "-o", xlsx, "--lang", "ko"]);
        Assert.True(code == 1, stderr);
        using (var doc = SpreadsheetDocument.Open(xlsx, false))
        {
            var wb = doc.WorkbookPart!;
            var sheet = wb.Workbook.Sheets!.Elements<Sheet>().Single(x => x.Name == "변경 내용");
            var rows = ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>()
                .Select(r => string.Join("|", r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? ""))).ToList();
            // The last column: the host's CVEs resolved and new between the runs.
            Assert.Contains(rows, r => r.StartsWith("조치 완료 (취약 → 양호)|mail1|취약|양호|exim 4.94.2 (4.94.2-7+deb11u6)|exim 4.96 (4.96-15+deb12u11)|해소 CVE-", StringComparison.Ordinal)
                && !r.Contains("신규 CVE", StringComparison.Ordinal));
            Assert.Contains(rows, r => r.StartsWith("신규 취약|mail2|양호|취약|exim 4.96 (4.96-15+deb12u11)|exim 4.94.2 (4.94.2-7+deb11u6)|신규 CVE-", StringComparison.Ordinal));
            Assert.Contains("제외된 호스트|retired|양호|-|-|-|-", rows); // a lone "-" is not a formula: no apostrophe
        }

        // report --from a store: its newest run, judged now, every host in inventory order, with its address.
        (code, stdout, stderr) = ReportSamples.Run(ReportSamples.Cli, ["report", "--from", newStore, "--format", "csv", "--lang", "ko"]);
        Assert.True(code == 1, $"exit {code}: {stderr}");
        var lines = stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["mail1", "mail2", "mail3", "newhost", "down"], lines.Skip(1).Select(l => l.Split(',')[4]).ToArray());
    }

    [Fact]
    public void Two_runs_of_one_store_compare_by_run_number_and_a_missing_run_is_one_clear_line()
    {
        var dir = ReportSamples.TempDir();
        var store = Path.Combine(dir, "fleet.sqlite");
        using (var s = FleetStore.Open(store))
        {
            Write(s, Before);
            Write(s, After);
        }
        var (code, stdout, stderr) = ReportSamples.Run(ReportSamples.Cli, ["report", "--compare", store + "#1", store + "#2"], env: new Dictionary<string, string> { ["LC_ALL"] = "ko_KR.UTF-8" });
        Assert.True(code == 1, stderr);
        AssertComparison(stdout);
        Assert.Contains(store + "#1", stdout, StringComparison.Ordinal);

        // The store alone is its newest run: comparing run 2 with it changes nothing.
        // (mail2 is vulnerable in both: not fixed, so the follow-up check exits 1.)
        (code, stdout, stderr) = ReportSamples.Run(ReportSamples.Cli, ["report", "--compare", store + "#2", store, "--lang", "en"]);
        Assert.True(code == 1, stderr);
        Assert.Contains("Unchanged: 5", stdout, StringComparison.Ordinal);

        (code, stdout, stderr) = ReportSamples.Run(ReportSamples.Cli, ["report", "--compare", store + "#7", store, "--lang", "en"]);
        Assert.Equal(3, code);
        Assert.Equal("", stdout);
        Assert.Contains(store + "#7: the results store has no run 7", stderr, StringComparison.Ordinal);
    }
}
