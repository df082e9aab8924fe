using System.Text;
using Renci.SshNet;
using Renci.SshNet.Common;
using MtaAudit.Collect.Ssh;
using MtaAudit.Fleet;

namespace MtaAudit.Fix;

/// <summary>
/// A host reached over one SSH connection of the fleet's transport (host key checked, jump host, sudo),
/// kept open for a whole fix run so the plan, its steps and the check after them see the same machine.
/// SSH carries a command line, not an argument vector: every argument is single-quoted for the remote
/// shell (text from the target is never a word the shell reads), and an argument with a newline or NUL is
/// refused. Every command has its time limit and the output cap of <see cref="SshSettings.MaxOutputBytes"/>;
/// with --sudo it runs under <c>sudo</c> as the fleet scan's collector does.
/// </summary>
public sealed class SshTarget : ITarget, IDisposable
{
    private const int MaxStderrBytes = 256 * 1024;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan FileTimeout = TimeSpan.FromSeconds(60);

    private readonly SshSettings _s;
    private readonly SshClient _client;
    private readonly JumpHost.Forward? _forward;
    private readonly SecretRedactor _secrets;

    internal SshTarget(Target host, SshSettings s, SshClient client, JumpHost.Forward? forward)
    {
        Host = host;
        _s = s;
        _client = client;
        _forward = forward;
        _secrets = SecretRedactor.Of(s);
    }

    /// <summary>The inventory's entry: its name names the journal, its address is where the journal says the fix ran.</summary>
    public Target Host { get; }

    public string Name => Host.Name;

    /// <summary>[user@]address[:port], written into the journal so --undo reaches the same host.</summary>
    public string? Remote => (Host.User is null ? _s.DefaultUser + "@" : "") + Host;

    /// <summary>True when commands run as uid 0 (logged in as root, or through sudo). Set by <see cref="SshTargets.Open"/>.</summary>
    public bool IsRoot { get; internal set; }

    public CommandResult Run(IReadOnlyList<string> argv, TimeSpan timeout, IReadOnlyDictionary<string, string>? env = null, byte[]? stdin = null) =>
        Run(argv, timeout, env, stdin, redactStdout: true);

    /// <summary>
    /// Every result has the tool's secrets taken out of its stderr (messages, the journal) and, but for a file read
    /// to be edited and written back (<see cref="ReadFile"/>: its bytes are the file, never shown), of its stdout.
    /// </summary>
    private CommandResult Run(IReadOnlyList<string> argv, TimeSpan timeout, IReadOnlyDictionary<string, string>? env, byte[]? stdin, bool redactStdout)
    {
        string line;
        try { line = CommandLine(argv, env); }
        catch (ArgumentException e) { return new CommandResult(127, [], _secrets.Redact(e.Message), false); }
        var r = RunAsync(line, timeout, stdin).GetAwaiter().GetResult();
        return _secrets.None ? r : r with { StdoutBytes = redactStdout ? _secrets.Redact(r.StdoutBytes) : r.StdoutBytes, Stderr = _secrets.Redact(r.Stderr) };
    }

    private async Task<CommandResult> RunAsync(string line, TimeSpan timeout, byte[]? stdin)
    {
        using var limit = new CancellationTokenSource(timeout);
        var output = new CappedBuffer(_s.MaxOutputBytes);
        var stderr = new CappedBuffer(MaxStderrBytes);
        SshCommand cmd;
        Task exec;
        try
        {
            cmd = _client.CreateCommand(line);
            exec = cmd.ExecuteAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is SshException or InvalidOperationException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            return new CommandResult(255, [], $"{Host}: cannot start a command over SSH: {TerminalText.Clean(e.Message)}", false);
        }
        using (cmd)
        {
            _ = exec.ContinueWith(static x => _ = x.Exception, TaskScheduler.Default);
            bool refused = false;
            try
            {
                // Disposing the input stream sends EOF, so a command that reads stdin ends.
                using var input = cmd.CreateInputStream();
                if (_s.Sudo && _s.SudoPassword is not null)
                    refused = !await SudoHandshake.RunAsync(cmd, input, exec, stderr, _s.SudoPassword, limit.Token).ConfigureAwait(false);
                if (!refused && stdin is not null && !exec.IsCompleted) input.Write(stdin);
            }
            catch (Exception e) when (e is SshException or IOException or InvalidOperationException or ObjectDisposedException or OperationCanceledException) { }

            while (true)
            {
                SshCollector.Drain(cmd.OutputStream, output);
                SshCollector.Drain(cmd.ExtendedOutputStream, stderr);
                if (output.Cut || exec.IsCompleted || limit.IsCancellationRequested) break;
                try { await Task.WhenAny(exec, Task.Delay(Poll, limit.Token)).ConfigureAwait(false); }
                catch (OperationCanceledException) { }
            }
            bool finished = exec.IsCompleted && !output.Cut;
            if (finished)
            {
                SshCollector.Drain(cmd.OutputStream, output);
                SshCollector.Drain(cmd.ExtendedOutputStream, stderr);
            }
            else
            {
                // Best effort: a KILL signal request, then the channel is closed.
                try { cmd.CancelAsync(forceKill: true, millisecondsTimeout: 500); }
                catch (Exception e) when (e is SshException or InvalidOperationException or ObjectDisposedException) { }
            }
            var err = Encoding.UTF8.GetString(stderr.ToArray()).Replace(SudoHandshake.Prompt, "", StringComparison.Ordinal).Replace(SudoHandshake.Started + "\n", "", StringComparison.Ordinal);
            if (refused) return new CommandResult(1, output.ToArray(), "sudo refused the password: " + err, false);
            if (output.Cut)
                return new CommandResult(null, output.ToArray(), $"output passed the cap of {_s.MaxOutputBytes / 1024 / 1024} MiB and was cut there", false, Cut: true);
            if (!finished) return new CommandResult(null, output.ToArray(), err, TimedOut: true);
            if (exec.IsFaulted)
                return new CommandResult(255, output.ToArray(), $"{Host}: the SSH channel failed: {TerminalText.Clean(exec.Exception!.GetBaseException().Message)}", false);
            return new CommandResult(cmd.ExitStatus ?? 255, output.ToArray(), err, false);
        }
    }

    /// <summary>The remote command line: sudo (when asked for), env K=V, then the argument vector, each word quoted.</summary>
    internal string CommandLine(IReadOnlyList<string> argv, IReadOnlyDictionary<string, string>? env)
    {
        var words = new List<string>();
        if (env is { Count: > 0 })
        {
            words.Add("env");
            words.AddRange(env.Select(kv => kv.Key + "=" + kv.Value));
        }
        words.AddRange(argv);
        var quoted = string.Join(' ', words.Select(Quote));
        if (!_s.Sudo) return quoted;
        if (_s.SudoPassword is null) return "sudo -n -- " + quoted;
        return $"sudo -S -p '{SudoHandshake.Prompt}' -- sh -c 'echo {SudoHandshake.Started} >&2; exec \"$@\"' sh " + quoted;
    }

    /// <summary>One word for sh, ksh, bash or csh: plain when it has only safe characters, else in single quotes.</summary>
    internal static string Quote(string word)
    {
        if (word.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0)
            throw new ArgumentException($"refused to send an argument with a line break or NUL over SSH: '{TerminalText.Clean(word)}'");
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "_./:=@%+,-".Contains(c))) return word;
        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    public byte[]? ReadFile(string path)
    {
        var r = Run(["sh", "-c", "[ -e \"$1\" ] || exit 3; exec cat -- \"$1\"", "sh", path], FileTimeout, null, null, redactStdout: false);
        if (r.ExitCode == 3) return null;
        if (!r.Ok) throw new IOException($"{Host}:{path}: cannot read: {r.Summary}");
        return r.StdoutBytes;
    }

    /// <summary>
    /// A copy beside the file keeps its mode and owner (cp -p, on every Unix, where GNU's chmod --reference is not),
    /// gets the new bytes, is synced and renamed over the file: a reader sees the old file or the new one, never half.
    /// </summary>
    public void WriteFile(string path, byte[] content)
    {
        const string script = "n=\"$1.mta-audit-new\"; rm -f -- \"$n\" && { [ ! -e \"$1\" ] || cp -p -- \"$1\" \"$n\"; } && cat > \"$n\" && sync && mv -f -- \"$n\" \"$1\" || { rm -f -- \"$n\"; exit 1; }";
        var r = Run(["sh", "-c", script, "sh", path], FileTimeout, null, content);
        if (!r.Ok) throw new IOException($"{Host}:{path}: cannot write: {r.Summary}");
    }

    public void Dispose()
    {
        _client.Dispose();
        _forward?.Dispose();
    }

}
