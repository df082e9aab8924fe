using System.Diagnostics;

namespace MtaAudit.Fix;

/// <summary>
/// Runs one program with an argument vector (no shell), a time limit after which its process tree is
/// killed, and capped output, on this machine.
/// </summary>
public static class ProcessRunner
{
    private const int MaxBytes = 64 * 1024 * 1024;
    private const int MaxStderr = 256 * 1024;

    public static CommandResult Run(IReadOnlyList<string> argv, TimeSpan timeout, IReadOnlyDictionary<string, string>? env = null, byte[]? stdin = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(argv.Count, 1);
        var psi = new ProcessStartInfo(argv[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in argv.Skip(1)) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        Process p;
        try
        {
            p = Process.Start(psi) ?? throw new InvalidOperationException("no process");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new CommandResult(127, [], $"cannot run {argv[0]}: {e.Message}", false);
        }
        using (p)
        {
            var stdout = Task.Factory.StartNew(() => ReadCapped(p.StandardOutput.BaseStream, MaxBytes), TaskCreationOptions.LongRunning);
            var stderr = Task.Factory.StartNew(() => ReadCapped(p.StandardError.BaseStream, MaxStderr), TaskCreationOptions.LongRunning);
            var feed = Task.Factory.StartNew(() =>
            {
                try
                {
                    if (stdin is not null) p.StandardInput.BaseStream.Write(stdin);
                    p.StandardInput.Close();
                }
                catch (IOException) { }
                catch (ObjectDisposedException) { }
            }, TaskCreationOptions.LongRunning);
            bool timedOut = !p.WaitForExit(timeout);
            if (timedOut)
            {
                try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            }
            // A grandchild may hold the pipes open: wait for them a bounded time only.
            Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(5));
            feed.Wait(TimeSpan.FromSeconds(1));
            p.WaitForExit(TimeSpan.FromSeconds(5));
            var err = stderr.IsCompletedSuccessfully ? System.Text.Encoding.UTF8.GetString(stderr.Result) : "";
            return new CommandResult(timedOut || !p.HasExited ? null : p.ExitCode,
                stdout.IsCompletedSuccessfully ? stdout.Result : [], err, timedOut);
        }
    }

    private static byte[] ReadCapped(Stream s, int max)
    {
        var ms = new MemoryStream();
        var buf = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = s.Read(buf, 0, buf.Length)) > 0)
                if (ms.Length < max) ms.Write(buf, 0, (int)Math.Min(n, max - ms.Length));
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
        return ms.ToArray();
    }
}
