using System.Diagnostics;
using System.Globalization;
using System.Text;
using Renci.SshNet;
using Renci.SshNet.Common;
using MtaAudit.Fleet;

namespace MtaAudit.Collect.Ssh;

/// <summary>
/// Runs the embedded collector on one host over one SSH connection: <c>sh -s</c> with the script on
/// standard input, the bundle read back as it arrives (capped). Limits: connect, command and total
/// time, and output bytes. Never throws for a host's fault: every outcome is a <see cref="HostCollection"/>.
/// Async: no thread of ours waits on a host (SSH.NET itself keeps one receive thread per open connection,
/// so at most --forks of them).
/// </summary>
public sealed class SshCollector : IAsyncDisposable
{
    /// <summary>Printed on stderr by the shell sudo starts, so the sudo password is sent only to sudo's prompt, never to sh.</summary>
    private const int MaxStderrBytes = 64 * 1024;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    private readonly SshSettings _s;
    private readonly SshDialer _dialer;
    private readonly SecretRedactor _secrets;
    private readonly byte[] _script = new UTF8Encoding(false).GetBytes(CollectorScript.Text);

    public SshCollector(SshSettings settings)
    {
        _s = settings;
        _dialer = new SshDialer(settings);
        _secrets = SecretRedactor.Of(settings);
    }

    /// <summary>One line each: what was left out while reading the keys (a default key file that cannot be used, an unreachable SSH_AUTH_SOCK agent).</summary>
    public IReadOnlyList<Localized> SetupNotes => _dialer.SetupNotes;

    /// <summary>One host's bundle or failure, with the tool's own secrets taken out of both (<see cref="SecretRedactor"/>): the one door target text comes in by.</summary>
    public async Task<HostCollection> CollectAsync(Target t, CancellationToken ct) =>
        _secrets.Redact(await CollectRawAsync(t, ct).ConfigureAwait(false));

    private async Task<HostCollection> CollectRawAsync(Target t, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var total = CancellationTokenSource.CreateLinkedTokenSource(ct);
        total.CancelAfter(_s.TotalTimeout);
        var dial = await _dialer.DialAsync(t, clock.Elapsed, total.Token).ConfigureAwait(false);
        if (dial.Failure is { } failure)
            return !dial.FailedAtJump && failure.Failure == HostFailure.Timeout && !ct.IsCancellationRequested && total.IsCancellationRequested
                ? failure with { Message = Glossary.Say("ssh.fail.connect-total-timeout", ("where", t.ToString()), ("seconds", Seconds(_s.TotalTimeout))), Elapsed = clock.Elapsed }
                : failure with { Elapsed = clock.Elapsed };
        using (dial.Forward)
        using (dial.Client)
            return await RunAsync(dial.Client!, t, clock, total, ct).ConfigureAwait(false);
    }

    private async Task<HostCollection> RunAsync(SshClient client, Target t, Stopwatch clock, CancellationTokenSource total, CancellationToken outer)
    {
        using var cmdCts = CancellationTokenSource.CreateLinkedTokenSource(total.Token);
        cmdCts.CancelAfter(_s.CommandTimeout);
        var output = new CappedBuffer(_s.MaxOutputBytes);
        var stderr = new CappedBuffer(MaxStderrBytes);
        using var cmd = client.CreateCommand(CommandLine());
        Task exec;
        try
        {
            exec = cmd.ExecuteAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is SshException or InvalidOperationException or ObjectDisposedException)
        {
            return HostCollection.Failed(HostFailure.CollectorFailed, Glossary.Say("ssh.fail.cannot-start", ("where", t.ToString()), ("cause", TerminalText.Clean(e.Message))), clock.Elapsed);
        }
        _ = exec.ContinueWith(static x => _ = x.Exception, TaskScheduler.Default); // observed here; judged below
        bool stdinSent = false;
        bool sudoRefused = false;
        try
        {
            using var input = cmd.CreateInputStream();
            // With a sudo password: wait for sudo's prompt (send the password) or the shell's start line.
            if (_s.Sudo && _s.SudoPassword is not null)
                sudoRefused = !await SudoHandshake.RunAsync(cmd, input, exec, stderr, _s.SudoPassword, cmdCts.Token).ConfigureAwait(false);
            if (!sudoRefused && !exec.IsCompleted)
            {
                input.Write(_script);
                stdinSent = true;
            }
            // Disposing the stream sends EOF: the shell reads the whole script, then ends.
        }
        catch (Exception e) when (e is SshException or IOException or InvalidOperationException or ObjectDisposedException or OperationCanceledException)
        {
            // The channel died while sending; whatever came back is judged below.
        }

        // Read as it arrives until the command ends, a limit passes or the cap is reached.
        while (true)
        {
            Drain(cmd.OutputStream, output);
            Drain(cmd.ExtendedOutputStream, stderr);
            if (output.Cut || exec.IsCompleted || cmdCts.IsCancellationRequested) break;
            try { await Task.WhenAny(exec, Task.Delay(Poll, cmdCts.Token)).ConfigureAwait(false); }
            catch (OperationCanceledException) { }
        }
        // Decided before cancelling: cancelling closes the channel, which completes the command.
        bool finished = exec.IsCompleted && !output.Cut;
        if (finished)
        {
            Drain(cmd.OutputStream, output);
            Drain(cmd.ExtendedOutputStream, stderr);
        }
        else
        {
            // Cut, timed out or stopped: end the remote command and the connection, keep what came.
            try { cmd.CancelAsync(forceKill: true, millisecondsTimeout: 200); } catch (Exception e) when (e is SshException or InvalidOperationException or ObjectDisposedException) { }
        }

        var bytes = output.ToArray();
        int? exit = finished && exec.IsCompletedSuccessfully ? cmd.ExitStatus : null;
        var errText = FirstLines(stderr.ToArray());
        var result = new HostCollection(bytes, null, null, exit, clock.Elapsed);
        if (output.Cut)
            return result with { Failure = HostFailure.OutputCut, Message = Glossary.Say("ssh.fail.output-cut", ("where", t.ToString()), ("mib", _s.MaxOutputBytes / 1024 / 1024)) };
        if (outer.IsCancellationRequested)
            return result with { Failure = HostFailure.Cancelled, Message = Glossary.Say("ssh.fail.interrupted", ("where", t.ToString()), ("seconds", Seconds(clock.Elapsed))) };
        if (!finished)
        {
            var which = total.IsCancellationRequested
                ? Glossary.Say("ssh.fail.total-limit", ("seconds", Seconds(_s.TotalTimeout)))
                : Glossary.Say("ssh.fail.command-limit", ("seconds", Seconds(_s.CommandTimeout)));
            return result with { Failure = HostFailure.Timeout, Message = Glossary.Say("ssh.fail.collector-timeout", ("where", t.ToString()), ("which", which)) };
        }
        if (result.HasBundle) return result;
        if (_s.Sudo && (sudoRefused || errText.Contains("sudo", StringComparison.Ordinal)))
            return result with { Failure = HostFailure.SudoRefused, Message = Glossary.Say("ssh.fail.sudo-refused", ("where", t.ToString()), ("user", t.User ?? _s.DefaultUser), ("stderr", errText)) };
        var why = exec.IsFaulted ? Glossary.Say("quote", ("text", TerminalText.Clean(exec.Exception!.GetBaseException().Message)))
            : exit is { } rc ? Glossary.Say("ssh.fail.exit-status", ("rc", rc)) : Glossary.Say("ssh.fail.exit-unknown");
        return result with { Failure = HostFailure.CollectorFailed, Message = Glossary.Say("ssh.fail.no-bundle", ("where", t.ToString()), ("why", why),
            ("stderr", errText.Length > 0 ? Glossary.Say("ssh.fail.stderr", ("text", errText)) : Glossary.Same("")),
            ("sent", stdinSent ? Glossary.Same("") : Glossary.Say("ssh.fail.not-sent"))) };
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>The remote command. POSIX words only, valid under sh, ksh, bash and csh login shells.</summary>
    private string CommandLine()
    {
        var env = $"env MTA_AUDIT_PROBE_TIMEOUT={_s.ProbeTimeoutSeconds.ToString(CultureInfo.InvariantCulture)} sh -s";
        if (!_s.Sudo) return env;
        if (_s.SudoPassword is null) return "sudo -n " + env;
        return $"sudo -S -p '{SudoHandshake.Prompt}' sh -c 'echo {SudoHandshake.Started} >&2; exec {env}'";
    }

    internal static void Drain(Stream pipe, CappedBuffer into)
    {
        // SSH.NET's PipeStream.Length is the bytes ready now, so these reads never block.
        Span<byte> buf = stackalloc byte[16 * 1024];
        while (pipe.Length > 0 && !into.Cut)
        {
            int n = pipe.Read(buf);
            if (n <= 0) break;
            into.Write(buf[..n]);
        }
    }

    private static string FirstLines(byte[] stderr)
    {
        var s = TerminalText.Clean(Encoding.UTF8.GetString(stderr).Replace(SudoHandshake.Prompt, "", StringComparison.Ordinal).Trim().Replace('\n', ' '));
        return s.Length > 300 ? s[..300] + "…" : s;
    }

    public ValueTask DisposeAsync() => _dialer.DisposeAsync();

}

/// <summary>A setup problem (a key file that cannot be used, no credentials): reported once, before any host.</summary>
public sealed class SshSetupException(Localized said) : Exception(said.En), ISaid
{
    public Localized Said => said;
}
