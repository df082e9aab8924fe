using System.Diagnostics;

namespace MtaAudit.Tests.Versions;

/// <summary>Runs the real dpkg / rpm as an oracle: one process per batch, so a thousand pairs take seconds.</summary>
internal static class ExternalTool
{
    /// <summary>Fails the test with an install hint when <paramref name="tool"/> is not on PATH.</summary>
    public static void Require(string tool, string aptPackage)
    {
        var (code, _, _) = Run("sh", ["-c", $"command -v {tool}"]);
        Assert.True(code == 0,
            $"'{tool}' is not installed, but this test compares against the real {tool}. Install it: apt-get install -y {aptPackage}");
    }

    public static (int Code, string Stdout, string Stderr) Run(string file, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["LC_ALL"] = "C";
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout, stderr.Result);
    }

    /// <summary>Writes the pairs one per line, tab-separated, into a fresh temporary file.</summary>
    public static string WritePairs(IEnumerable<(string A, string B)> pairs)
    {
        var path = Path.Combine(Path.GetTempPath(), "mta-audit-pairs-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllLines(path, pairs.Select(p => p.A + "\t" + p.B));
        return path;
    }

    /// <summary>Results of the oracle as -1/0/1, in pair order.</summary>
    public static int[] Signs(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s switch { "lt" => -1, "eq" => 0, "gt" => 1, _ => Math.Sign(int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)) })
            .ToArray();
}
