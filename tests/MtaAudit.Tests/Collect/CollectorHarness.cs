using System.Text;
using MtaAudit.Collect;
using MtaAudit.Evidence;

namespace MtaAudit.Tests.Collect;

/// <summary>
/// The collector tests start real shells and processes; on a shared 2-core machine they run one at
/// a time so their time limits measure the collector, not the neighbours.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CollectorCollection
{
    public const string Name = "collector runs";
}

/// <summary>Runs the embedded collector and reads its bundle; scratch directories for fakes.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class CollectorHarness
{
    /// <summary>Well above a normal run; a run this long means the collector hung.</summary>
    public static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(120);

    public static (CollectorRun Run, EvidenceBundle Bundle) RunCollector(IReadOnlyList<string> command,
        IDictionary<string, string>? env = null, TimeSpan? limit = null)
    {
        var run = LocalCollector.Run(limit ?? RunLimit, command, env: env);
        return (run, ReadBundle(run));
    }

    public static EvidenceBundle ReadBundle(CollectorRun run)
    {
        var results = BundleReader.Read(new MemoryStream(run.Output), "collector").ToList();
        var errors = results.Where(r => r.Error is not null).Select(r => r.Error!.ToString()).ToList();
        Assert.True(errors.Count == 0, "bundle errors: " + string.Join("; ", errors) + "\nstderr: " + run.Stderr);
        var bundle = Assert.Single(results).Bundle!;
        Assert.False(bundle.Truncated, "bundle truncated; stderr: " + run.Stderr + "\noutput tail: " + Tail(run.Output));
        Assert.Empty(bundle.Warnings);
        return bundle;
    }

    public static string Tail(byte[] output) =>
        Encoding.UTF8.GetString(output, Math.Max(0, output.Length - 2000), Math.Min(output.Length, 2000));

    /// <summary>A fresh directory (mode 1777 so a non-root collector can use it as TMPDIR), removed on dispose.</summary>
    public sealed class ScratchDir : IDisposable
    {
        public ScratchDir(string name)
        {
            Path = Directory.CreateTempSubdirectory("mta-audit-test-" + name + "-").FullName;
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute | UnixFileMode.StickyBit);
        }

        public string Path { get; }

        public string Sub(string name)
        {
            var p = System.IO.Path.Combine(Path, name);
            Directory.CreateDirectory(p);
            File.SetUnixFileMode(p, File.GetUnixFileMode(Path));
            return p;
        }

        /// <summary>Writes an executable sh script.</summary>
        public string Script(string dir, string name, string body)
        {
            var p = System.IO.Path.Combine(dir, name);
            File.WriteAllText(p, "#!/bin/sh\n" + body + "\n");
            File.SetUnixFileMode(p, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            return p;
        }

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Pids of live processes whose command line contains <paramref name="marker"/> (Linux /proc).</summary>
    public static List<string> ProcessesMentioning(string marker)
    {
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var name = System.IO.Path.GetFileName(dir);
            if (!name.All(char.IsAsciiDigit)) continue;
            try
            {
                var cmdline = File.ReadAllText(System.IO.Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                var stat = File.ReadAllText(System.IO.Path.Combine(dir, "stat"));
                bool zombie = stat.Contains(") Z ", StringComparison.Ordinal);
                if (!zombie && cmdline.Contains(marker, StringComparison.Ordinal)) found.Add(name + ": " + cmdline);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }

    /// <summary>Full path of a program on PATH, or null.</summary>
    public static string? OnPath(string program)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':'))
        {
            if (dir.Length == 0) continue;
            var p = System.IO.Path.Combine(dir, program);
            if (File.Exists(p)) return p;
        }
        return null;
    }

    /// <summary>One line per section: probe, path and rc, for comparing runs.</summary>
    public static List<string> Outline(EvidenceBundle b) =>
        b.Sections.Select(s => $"{s.Probe} path={s.Path} rc={s.RcText}").ToList();
}
