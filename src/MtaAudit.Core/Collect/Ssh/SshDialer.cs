using Renci.SshNet;
using MtaAudit.Fleet;

namespace MtaAudit.Collect.Ssh;

/// <summary>
/// What every SSH use of mta-audit shares (the fleet scan's collector and fix's targets): the keys read once,
/// the connector that checks host keys, and the jump host. <see cref="DialAsync"/> opens one host's connection,
/// through the jump host when there is one.
/// </summary>
internal sealed class SshDialer : IAsyncDisposable
{
    private readonly SshConnector _connector;
    private readonly JumpHost? _jump;

    public SshDialer(SshSettings settings)
    {
        var notes = new List<Localized>();
        _connector = new SshConnector(settings, SshKeys.Load(settings, notes));
        SetupNotes = notes;
        if (settings.Jump is { } j) _jump = new JumpHost(j, _connector);
    }

    /// <summary>One line each: what was left out while reading the keys (a default key file that cannot be used, an unreachable SSH_AUTH_SOCK agent).</summary>
    public IReadOnlyList<Localized> SetupNotes { get; }

    /// <summary>A host's open connection (and the jump host's forward it goes through, to dispose with it).</summary>
    public sealed record Dial(SshClient? Client, JumpHost.Forward? Forward, HostCollection? Failure, bool FailedAtJump);

    /// <summary>Connects to <paramref name="t"/>; on failure nothing is left open. <paramref name="elapsed"/>: time the host already used.</summary>
    public async Task<Dial> DialAsync(Target t, TimeSpan elapsed, CancellationToken ct)
    {
        string host = t.Address;
        int port = t.Port;
        JumpHost.Forward? forward = null;
        if (_jump is not null)
        {
            var (fwd, jumpFailure) = await _jump.OpenAsync(t, ct).ConfigureAwait(false);
            if (jumpFailure is not null) return new(null, null, jumpFailure, true);
            forward = fwd!;
            (host, port) = ("127.0.0.1", forward.Port);
        }
        try
        {
            var (client, failure) = await _connector.ConnectAsync(t, host, port, elapsed, ct).ConfigureAwait(false);
            if (failure is null) return new(client, forward, null, false);
            forward?.Dispose();
            return new(null, null, failure, false);
        }
        catch
        {
            forward?.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_jump is not null) await _jump.DisposeAsync().ConfigureAwait(false);
    }
}
