using MtaAudit.Collect.Ssh;
using MtaAudit.Fleet;

namespace MtaAudit.Fix;

/// <summary>
/// Opens <see cref="SshTarget"/>s with the fleet scan's settings: keys read once (a bad key file is an
/// <see cref="SshSetupException"/> before any host), host keys checked against known_hosts, one shared
/// jump host. A host that cannot be reached is a <see cref="FixException"/> naming it and why.
/// </summary>
public sealed class SshTargets : IDisposable
{
    private static readonly TimeSpan IdTimeout = TimeSpan.FromSeconds(30);
    private readonly SshSettings _s;
    private readonly SshConnector _connector;
    private readonly JumpHost? _jump;

    public SshTargets(SshSettings settings)
    {
        _s = settings;
        var notes = new List<Localized>();
        _connector = new SshConnector(settings, SshKeys.Load(settings, notes));
        SetupNotes = notes;
        if (settings.Jump is { } j) _jump = new JumpHost(j, _connector);
    }

    /// <summary>One line each: what was left out while reading the keys (as <see cref="SshCollector.SetupNotes"/>).</summary>
    public IReadOnlyList<Localized> SetupNotes { get; }

    public SshTarget Open(Target t)
    {
        using var limit = new CancellationTokenSource(_s.ConnectTimeout * 2);
        JumpHost.Forward? forward = null;
        string host = t.Address;
        int port = t.Port;
        if (_jump is not null)
        {
            var (fwd, failure) = _jump.OpenAsync(t, limit.Token).GetAwaiter().GetResult();
            if (failure is not null) throw new FixException(failure.Message ?? $"{t}: the jump host failed");
            forward = fwd!;
            (host, port) = ("127.0.0.1", forward.Port);
        }
        var (client, problem) = _connector.ConnectAsync(t, host, port, TimeSpan.Zero, limit.Token).GetAwaiter().GetResult();
        if (problem is not null)
        {
            forward?.Dispose();
            throw new FixException(problem.Message ?? $"{t}: cannot connect");
        }
        var target = new SshTarget(t, _s, client!, forward);
        var id = target.Run(["id", "-u"], IdTimeout);
        if (!id.Ok)
        {
            target.Dispose();
            throw new FixException($"{t}: cannot run a command{(_s.Sudo ? " through sudo" : "")}: {id.Summary}");
        }
        target.IsRoot = id.Stdout.Trim() == "0";
        return target;
    }

    public void Dispose() => _jump?.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
