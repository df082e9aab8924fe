using System.Diagnostics;
using System.Text;
using MtaAudit.Assess;
using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Knowledge;
using MtaAudit.Render;
using MtaAudit.Tests.Hosts;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Render;

/// <summary>Hosts to render: every real fixture bundle, and hostile text in every field a target controls.</summary>
public static class ReportSamples
{
    public static readonly KnowledgeBase Kb = KnowledgeBaseLoader.LoadEmbedded();

    /// <summary>A formula, markup, quotes and an ANSI escape, as a host name, banner or version could carry them.</summary>
    public const string Formula = "=cmd|' /C calc'!A0";
    public const string Markup = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">";
    public const string Ansi = "\u001b[31mred\u001b[0m";

    public static IEnumerable<string> FixtureFiles() =>
        Directory.GetFiles(Fixture.PathOf("bundles"), "*.evidence").Concat(Directory.GetFiles(Fixture.PathOf("testhosts"), "*.evidence"))
            .Order(StringComparer.Ordinal);

    public static List<(HostReport, HostContext)> FixtureHosts(Policy policy = Policy.Vendor) =>
        FixtureFiles().Select(f => BundleReader.ReadFile(f).Single().Bundle!)
            .Select(b => (Bundles.Judge(b, policy), HostContextReader.Of(b))).ToList();

    /// <summary>A judged host whose every target-controlled field is hostile.</summary>
    public static (HostReport, HostContext) Hostile()
    {
        var cve = new CveRef("CVE-2023-51764", "3.8.5", "MEDIUM", 5.3, true, null, "fixed in 3.7.10-0+deb12u1 (changelog)");
        var m = new MtaFinding("postfix", "3.7.11", "3.7.11 " + Markup + Ansi,
            new PackageRef("dpkg", Formula, "+3.7.11-0" + Markup), true, true, Verdict.Vulnerable,
            [Glossary.Say("reason.version-from-package", ("name", Formula), ("version", "3.7.11"))], [cve],
            [Glossary.Say("fix.update-package", ("package", Formula))], ["proc.list"],
            ["proc.list: 1 0 root /usr/lib/postfix/sbin/master " + Markup + " " + Formula + Ansi], "/usr/sbin/" + Markup);
        var host = new HostReport(Formula + Markup + Ansi, new OsInfo(OsFamily.Linux, "@SUM(1+1)" + Markup, "12"), Verdict.Vulnerable, true,
            [m], [], [Glossary.Say("problem.bundle-cut"), Glossary.Same("-2+3 " + Markup)], "evil.evidence", "2026-11-28T05:29:44Z");
        return (host, new HostContext("nonroot", ["10.213.1.2"]));
    }

    public static ReportMeta Meta(Lang lang = Lang.Ko) =>
        new("vendor", Kb.Version, Kb.Date, new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), lang) { Org = "기관 " + Markup, Auditor = "점검자 " + Formula };

    public static byte[] Render(string format, IEnumerable<(HostReport, HostContext)> hosts, ReportMeta? meta = null, IEnumerable<string>? errors = null)
    {
        using var ms = new MemoryStream();
        using (var sink = Sinks.Create(format, ms)) Sinks.Write(sink, hosts, meta ?? Meta(), errors ?? []);
        return ms.ToArray();
    }

    public static string Text(byte[] b) => new UTF8Encoding(false).GetString(b);

    /// <summary>A folder for files a person may want to look at after the run (screenshots, PDFs): .build/test-results/artifacts.</summary>
    public static string ArtifactDir()
    {
        var d = Path.Combine(RepoPaths.Root, ".build", "test-results", "artifacts");
        Directory.CreateDirectory(d);
        return d;
    }

    public static string TempDir()
    {
        var d = Path.Combine(Path.GetTempPath(), "mta-audit-render-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(d);
        return d;
    }

    /// <summary>Runs a program with a time limit; fails the test with an install hint when it is missing.</summary>
    public static (int Code, string Stdout, string Stderr) Run(string file, IEnumerable<string> args, int timeoutSeconds = 120, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + file);
        p.StandardInput.Close();
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"{file} did not finish within {timeoutSeconds} s");
        }
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public static void Require(string tool, string aptPackage) =>
        Assert.True(Run("sh", ["-c", "command -v " + tool]).Code == 0,
            $"'{tool}' is not installed; this test uses the real one. Install it: apt-get install -y {aptPackage} (run-tests does)");

    /// <summary>The CLI built beside the tests (same configuration), run as a process.</summary>
    public static string Cli
    {
        get
        {
            var config = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/CONFIG/net10.0/
            var path = Path.Combine(RepoPaths.Root, "src", "MtaAudit.Cli", "bin", config, "net10.0", "mta-audit");
            Assert.True(File.Exists(path), "the CLI is not built at " + path);
            return path;
        }
    }
}
