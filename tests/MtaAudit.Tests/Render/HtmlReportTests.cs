using System.Text.RegularExpressions;
using MtaAudit.Assess;

namespace MtaAudit.Tests.Render;

/// <summary>The HTML report in Debian's headless Chromium: hosts shown, filtering and sorting work, no console error, inert target text.</summary>
public class HtmlReportTests
{
    private static string Page(IEnumerable<(HostReport, MtaAudit.Render.HostContext)> hosts, string name)
    {
        var path = Path.Combine(ReportSamples.TempDir(), name);
        File.WriteAllBytes(path, ReportSamples.Render("html", hosts));
        return path;
    }

    /// <summary>The rows shown on screen, in order: the script hides the others (class "h off" or "h paged").</summary>
    private static List<string> Rows(string dom) =>
        Regex.Matches(dom, "<tbody class=\"h\" [^>]*><tr class=\"host\" data-host=\"([^\"]*)\"").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [Fact]
    public void Page_shows_every_host_filters_and_sorts_without_console_errors_and_keeps_a_screenshot()
    {
        var hosts = ReportSamples.FixtureHosts();
        var page = Page(hosts, "fleet.html");
        var names = hosts.Select(h => h.Item1.Host).ToList();

        var (dom, console) = Chromium.DumpDom(page);
        Assert.Empty(console);
        Assert.Equal(names, Rows(dom));
        Assert.Contains($"data-count=\"{names.Count}\"", dom, StringComparison.Ordinal);
        Assert.Contains("<svg", dom, StringComparison.Ordinal);
        // The page is whole without its script: every row and detail written server-side, then enhanced.
        Assert.Contains("<html lang=\"ko\" class=\"js\"", dom, StringComparison.Ordinal);

        (dom, console) = Chromium.DumpDom(page, "#q=deb12");
        Assert.Empty(console);
        Assert.Equal(names.Where(n => n.Contains("deb12", StringComparison.Ordinal)).ToList(), Rows(dom));

        (dom, console) = Chromium.DumpDom(page, "#v=vulnerable");
        Assert.Empty(console);
        var vulnerable = hosts.Where(h => h.Item1.Verdict == Verdict.Vulnerable).Select(h => h.Item1.Host).ToList();
        Assert.NotEmpty(vulnerable);
        Assert.Equal(vulnerable, Rows(dom));

        (dom, console) = Chromium.DumpDom(page, "#sort=host&dir=desc");
        Assert.Empty(console);
        var shown = Rows(dom);
        Assert.Equal(names.Count, shown.Count);
        Assert.Equal(shown.OrderByDescending(n => n, StringComparer.OrdinalIgnoreCase).ToList(), shown);
        Assert.NotEqual(names, shown);

        (dom, console) = Chromium.DumpDom(page, "#sort=result");
        Assert.Empty(console);
        Assert.Equal(vulnerable, Rows(dom).Take(vulnerable.Count).ToList());

        var png = Path.Combine(ReportSamples.ArtifactDir(), "html-report-fleet.png");
        File.Delete(png);
        Assert.Empty(Chromium.Screenshot(page, png));
        Assert.True(new FileInfo(png).Length > 10_000, "the screenshot is suspiciously small");
        File.Copy(page, Path.Combine(ReportSamples.ArtifactDir(), "html-report-fleet.html"), overwrite: true);
    }

    [Fact]
    public void The_pages_own_controls_sort_filter_and_open_a_detail()
    {
        var hosts = ReportSamples.FixtureHosts();
        var page = Page(hosts, "clicks.html");
        // A copy of the page with a script run after the page's own: it uses the controls as a user does
        // (click a column heading twice, type in the search box, pick a verdict, open a row).
        var html = File.ReadAllText(page).Replace("</body>", """
            <script>
            document.querySelector('th[data-col=host]').click();
            document.querySelector('th[data-col=host]').click();
            var q=document.getElementById('q'); q.value='DEB1'; q.dispatchEvent(new Event('input'));
            var v=document.getElementById('verdict'); v.value='good'; v.dispatchEvent(new Event('change'));
            document.querySelector('tbody.h:not(.off):not(.paged) tr.host').click();
            </script>
            </body>
            """, StringComparison.Ordinal);
        File.WriteAllText(page, html);
        var (dom, console) = Chromium.DumpDom(page);
        Assert.Empty(console);
        var expected = hosts.Where(h => h.Item1.Verdict == Verdict.Good && h.Item1.Host.Contains("deb1", StringComparison.Ordinal))
            .Select(h => h.Item1.Host).OrderByDescending(n => n, StringComparer.OrdinalIgnoreCase).ToList();
        Assert.True(expected.Count > 3);
        Assert.Equal(expected, Rows(dom));
        Assert.Contains("aria-sort=\"descending\"", dom, StringComparison.Ordinal);
        // The first row's detail is open (its 점검 일시 and 판정 사유), the others stay closed on screen.
        var open = Regex.Matches(dom, "<tbody class=\"h\" [^>]*data-open=\"\"><tr class=\"host\" data-host=\"([^\"]*)\">.*?</tbody>", RegexOptions.Singleline);
        var only = Assert.Single(open);
        Assert.Equal(expected[0], only.Groups[1].Value);
        Assert.Matches(new Regex("<tr class=\"detail\">.*점검 일시.*판정 사유", RegexOptions.Singleline), only.Value);
    }

    [Fact]
    public void The_console_check_does_see_a_script_error()
    {
        // Guards the test above: a page that throws must show up in the console lines.
        var page = Path.Combine(ReportSamples.TempDir(), "bad.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><script>null.x</script></body></html>");
        var (_, console) = Chromium.DumpDom(page);
        Assert.Contains(console, l => l.Contains("Uncaught TypeError", StringComparison.Ordinal));
    }

    [Fact]
    public void Hostile_host_names_banners_and_versions_are_inert_text()
    {
        var hosts = new[] { ReportSamples.Hostile() }.Concat(ReportSamples.FixtureHosts().Take(2)).ToList();
        var page = Page(hosts, "hostile.html");
        var html = File.ReadAllText(page);
        // The data block cannot be closed by target text: '<' only ever appears escaped inside it.
        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("\u001b", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);

        var (dom, console) = Chromium.DumpDom(page, "#expand=1");
        Assert.Empty(console);
        Assert.DoesNotContain("pwned", Regex.Match(dom, "<title>(.*?)</title>").Groups[1].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", dom, StringComparison.OrdinalIgnoreCase);
        Assert.Single(Regex.Matches(dom, "<script", RegexOptions.IgnoreCase));
        // Shown as text: the host row, its detail (evidence line, package) and the header fields.
        Assert.Contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;", dom, StringComparison.Ordinal);
        Assert.Contains(ReportSamples.Formula, System.Net.WebUtility.HtmlDecode(dom), StringComparison.Ordinal);
        Assert.Equal(MtaAudit.TerminalText.Clean(ReportSamples.Hostile().Item1.Host), Rows(dom)[0]); // control characters out
        Assert.Contains("/usr/lib/postfix/sbin/master &lt;script&gt;", dom, StringComparison.Ordinal);
        Assert.Contains("기관 &lt;script&gt;", dom, StringComparison.Ordinal);
    }
}
