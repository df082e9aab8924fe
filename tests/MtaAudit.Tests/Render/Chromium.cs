namespace MtaAudit.Tests.Render;

/// <summary>
/// Debian's headless Chromium, run once per page: --dump-dom gives the DOM after the page's script
/// ran (the view is chosen by the URL fragment, which the page reads like a user's clicks set it),
/// --enable-logging=stderr puts every console message (and uncaught error) on stderr as "CONSOLE".
/// </summary>
public static class Chromium
{
    public static string[] Flags(string profile) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
    ];

    public static (string Dom, List<string> Console) DumpDom(string file, string fragment = "")
    {
        ReportSamples.Require("chromium", "chromium");
        var profile = ReportSamples.TempDir();
        try
        {
            var (code, stdout, stderr) = ReportSamples.Run("chromium", [.. Flags(profile), "--dump-dom", new Uri(file).AbsoluteUri + fragment]);
            Assert.True(code == 0, "chromium failed: " + stderr);
            return (stdout, ConsoleLines(stderr));
        }
        finally { Directory.Delete(profile, true); }
    }

    public static List<string> Screenshot(string file, string png, string fragment = "")
    {
        var profile = ReportSamples.TempDir();
        try
        {
            var (code, _, stderr) = ReportSamples.Run("chromium", [.. Flags(profile), "--screenshot=" + png, "--window-size=1400,1800", new Uri(file).AbsoluteUri + fragment]);
            Assert.True(code == 0 && File.Exists(png), "chromium screenshot failed: " + stderr);
            return ConsoleLines(stderr);
        }
        finally { Directory.Delete(profile, true); }
    }

    public static List<string> ConsoleLines(string stderr) =>
        stderr.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();
}
