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
    private readonly SshDialer _dialer;

    public SshTargets(SshSettings settings)
    {
        _s = settings;
        _dialer = new SshDialer(settings);
    }

    /// <summary>One line each: what was left out while reading the keys (as <see cref="SshCollector.SetupNotes"/>).</summary>
    public IReadOnlyList<Localized> SetupNotes => _dialer.SetupNotes;

    public SshTarget Open(Target t)
    {
        using var limit = new CancellationTokenSource(_s.ConnectTimeout * 2);
        var dial = _dialer.DialAsync(t, TimeSpan.Zero, limit.Token).GetAwaiter().GetResult();
        if (dial.Failure is { } failure)
            throw new FixException(failure.Message ?? Glossary.Say(dial.FailedAtJump ? "fix.err.jump-failed" : "fix.err.cannot-connect", ("target", t.ToString())));
        var target = new SshTarget(t, _s, dial.Client!, dial.Forward);
        var id = target.Run(["id", "-u"], IdTimeout);
        if (!id.Ok)
        {
            target.Dispose();
            throw new FixException(Glossary.Say("fix.err.cannot-run", ("target", t.ToString()), ("sudo", _s.Sudo ? Glossary.Say("fix.err.through-sudo") : Glossary.Same("")), ("cause", TerminalText.Clean(id.Summary))));
        }
        target.IsRoot = id.Stdout.Trim() == "0";
        return target;
    }

    public void Dispose() => _dialer.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
