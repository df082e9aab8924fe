using System.Diagnostics;
using System.Text;
using MtaAudit.Tests.Hosts;

namespace MtaAudit.Tests.Support;

/// <summary>
/// The mta-audit CLI as a process, for the tests that check what a user sees: exit codes, standard output
/// and standard error. The test project builds the CLI first (a project reference that references no
/// assembly), in the test run's own configuration, so every process test runs the same fresh binary.
/// </summary>
public static class CliBinary
{
    /// <summary>The built apphost: src/MtaAudit.Cli/bin/CONFIGURATION/net10.0/mta-audit.</summary>
    public static string Path
    {
        get
        {
            // AppContext.BaseDirectory is tests/MtaAudit.Tests/bin/CONFIGURATION/TFM/: the CLI is built alike.
            var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            var configuration = tfmDir.Parent!.Name;
            var bin = System.IO.Path.Combine(RepoPaths.Root, "src", "MtaAudit.Cli", "bin", configuration, tfmDir.Name, "mta-audit");
            Assert.True(File.Exists(bin), $"the CLI is not built at {bin} (dotnet test builds it through the test project's reference)");
            return bin;
        }
    }

    /// <summary>Runs the CLI to its end (bounded), feeding <paramref name="stdin"/> when given.</summary>
    public static (int Code, string Stdout, string Stderr) Run(IReadOnlyList<string> args, IDictionary<string, string?>? environment = null,
        string? stdin = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null,
            UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["LANG"] = "C.UTF-8";
        if (environment is not null)
            foreach (var (k, v) in environment)
                if (v is null) psi.Environment.Remove(k); else psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"mta-audit {string.Join(' ', args)} did not finish in time");
        }
        return (p.ExitCode, output.Result, err.Result);
    }
}
