using System.Diagnostics;
using System.Text;

namespace MtaAudit.Collect;

/// <summary>
/// Runs the embedded collector on this machine (`shell -s`, the script on standard input) and
/// captures its bundle. Bounded in every direction: a time limit after which the whole process
/// tree is killed, a cap on the bytes kept, and a bounded wait for the pipes after the exit,
/// so a stray grandchild holding a pipe open cannot hang the caller.
/// </summary>
public static class LocalCollector
{
    public const long DefaultMaxBytes = 256L * 1024 * 1024;
    private const int MaxStderrChars = 1024 * 1024;
    private static readonly TimeSpan PipeGrace = TimeSpan.FromSeconds(3);

    public static CollectorRun Run(TimeSpan timeout, long maxBytes = DefaultMaxBytes,
        IDictionary<string, string>? env = null, string shell = "/bin/sh") =>
        Run(timeout, [shell, "-s"], maxBytes, env);

    /// <summary>
    /// Runs the script on the standard input of <paramref name="command"/> (program then arguments),
    /// e.g. <c>["busybox", "sh", "-s"]</c> or a wrapper that changes user before starting the shell.
    /// </summary>
    public static CollectorRun Run(TimeSpan timeout, IReadOnlyList<string> command, long maxBytes = DefaultMaxBytes,
        IDictionary<string, string>? env = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(command.Count, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);

        var psi = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            // No byte-order mark: "#!/bin/sh" must be the first bytes the shell reads.
            StandardInputEncoding = new UTF8Encoding(false),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in command.Skip(1)) psi.ArgumentList.Add(a);
        if (env is not null)
            foreach (var (k, v) in env) psi.Environment[k] = v;

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {command[0]}");

        var stdout = new CappedSink(maxBytes);
        // Blocking pipe work on threads of its own: on the thread pool, two blocked readers use up
        // a 2-core machine's minimum and the writer waits ~0.5 s per injected thread (seen: 1 s of 1.3 s).
        var stdoutTask = Dedicated(() => stdout.Drain(process.StandardOutput.BaseStream));
        var stderrTask = Dedicated(() => ReadCapped(process.StandardError, MaxStderrChars));

        // The script goes in whole, then EOF; on its own task so a shell that stops reading cannot
        // block us, and a shell that dies early does not make this throw.
        var stdinTask = Dedicated(() =>
        {
            try
            {
                process.StandardInput.Write(CollectorScript.Text);
                process.StandardInput.Close();
            }
            catch (IOException) { }
            catch (ObjectDisposedException) { }
        });

        bool timedOut = false;
        while (!process.WaitForExit(TimeSpan.FromMilliseconds(50)))
        {
            if (clock.Elapsed >= timeout) { timedOut = true; Stop(process); break; }
            // A runaway past the cap: nothing it prints now would be kept anyway.
            if (stdout.Cut) { Stop(process); break; }
        }

        // Pipes close when the last holder exits; a leftover child may hold them, so wait a bounded time.
        if (!Task.WaitAll([stdoutTask, stderrTask], PipeGrace))
        {
            KillTree(process);
            Task.WaitAll([stdoutTask, stderrTask], PipeGrace);
        }
        process.WaitForExit(PipeGrace);
        stdinTask.Wait(PipeGrace);

        int? exit = null;
        if (!timedOut && process.HasExited) exit = process.ExitCode;
        string stderr = stderrTask.IsCompletedSuccessfully ? stderrTask.Result : "";
        return new CollectorRun(stdout.ToArray(), exit, stderr, clock.Elapsed, timedOut, stdout.Cut);
    }

    /// <summary>
    /// SIGTERM first: the collector's trap then kills its running probe and removes its temp dir.
    /// Whatever is still there after a short grace is killed with the whole tree.
    /// </summary>
    private static void Stop(Process process)
    {
        if (!OperatingSystem.IsWindows() && SendTerm(process.Id) && process.WaitForExit(TermGrace)) return;
        KillTree(process);
    }

    private static readonly TimeSpan TermGrace = TimeSpan.FromSeconds(2);

    private static Task Dedicated(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static Task<T> Dedicated<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    // The kill(1) program rather than P/Invoke: no libc name to guess (glibc, musl), nothing for AOT.
    private static bool SendTerm(int pid)
    {
        try
        {
            var psi = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
            psi.ArgumentList.Add("-TERM");
            psi.ArgumentList.Add(pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var kill = Process.Start(psi);
            if (kill is null) return false;
            kill.StandardError.ReadToEnd();
            return kill.WaitForExit(TermGrace) && kill.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private static void KillTree(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // already gone
        catch (System.ComponentModel.Win32Exception) { }
    }

    private static string ReadCapped(StreamReader reader, int maxChars)
    {
        var sb = new StringBuilder();
        var buf = new char[8192];
        try
        {
            int n;
            while ((n = reader.Read(buf, 0, buf.Length)) > 0)
                if (sb.Length < maxChars) sb.Append(buf, 0, Math.Min(n, maxChars - sb.Length));
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
        return sb.ToString();
    }

    /// <summary>Keeps the first <c>max</c> bytes and discards the rest (so the writer never blocks).</summary>
    private sealed class CappedSink(long max)
    {
        private readonly MemoryStream _kept = new();
        private volatile bool _cut;
        private readonly object _lock = new();

        public bool Cut => _cut;

        public void Drain(Stream source)
        {
            var buf = new byte[64 * 1024];
            try
            {
                int n;
                while ((n = source.Read(buf, 0, buf.Length)) > 0)
                {
                    lock (_lock)
                    {
                        long room = max - _kept.Length;
                        if (n > room) _cut = true;
                        if (room > 0) _kept.Write(buf, 0, (int)Math.Min(n, room));
                    }
                }
            }
            catch (IOException) { }
            catch (ObjectDisposedException) { }
        }

        public byte[] ToArray()
        {
            lock (_lock) return _kept.ToArray();
        }
    }
}
