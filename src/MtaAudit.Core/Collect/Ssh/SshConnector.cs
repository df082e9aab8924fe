using System.Globalization;
using System.Net.Sockets;
using Renci.SshNet;
using Renci.SshNet.Common;
using MtaAudit.Fleet;

namespace MtaAudit.Collect.Ssh;

/// <summary>
/// Opens one authenticated SSH connection with the host key checked against known_hosts, or names
/// why it could not: unreachable, refused, timeout, auth failed, host key unknown or changed.
/// </summary>
internal sealed class SshConnector
{
    private readonly SshSettings _s;
    private readonly IPrivateKeySource[] _keys;

    public SshConnector(SshSettings s, IPrivateKeySource[] keys)
    {
        _s = s;
        _keys = keys;
    }

    /// <summary>
    /// Connects to <paramref name="connectHost"/>:<paramref name="connectPort"/> (the target itself,
    /// or a port forwarded through the jump host) and checks the key under the target's own name.
    /// </summary>
    public async Task<(SshClient? Client, HostCollection? Failure)> ConnectAsync(Target t, string connectHost, int connectPort,
        TimeSpan elapsedSoFar, CancellationToken ct)
    {
        var user = t.User ?? _s.DefaultUser;
        var info = new ConnectionInfo(connectHost, connectPort, user, AuthMethods(user)) { Timeout = _s.ConnectTimeout };
        SshAlgorithms.Apply(info, _s.LegacyAlgorithms, _s.KnownHosts.KeyTypesFor(t.Address, t.Port));
        var client = new SshClient(info);
        HostCollection? keyProblem = null;
        client.HostKeyReceived += (_, e) =>
        {
            var (status, line) = _s.KnownHosts.Check(t.Address, t.Port, e.HostKey);
            var type = KnownHosts.KeyTypeOf(e.HostKey);
            var fp = KnownHosts.Fingerprint(e.HostKey);
            var where = KnownHosts.NameOf(t.Address, t.Port);
            if (status == HostKeyStatus.Unknown && _s.AcceptNewHostKeys)
            {
                _s.KnownHosts.Append(t.Address, t.Port, e.HostKey);
                status = HostKeyStatus.Known;
            }
            e.CanTrust = status == HostKeyStatus.Known;
            keyProblem = status switch
            {
                HostKeyStatus.Unknown => HostCollection.Failed(HostFailure.HostKeyUnknown,
                    Glossary.Say("ssh.fail.key-unknown", ("where", where), ("type", type), ("fp", fp), ("path", _s.KnownHosts.Path)), elapsedSoFar),
                HostKeyStatus.Changed => HostCollection.Failed(HostFailure.HostKeyChanged,
                    Glossary.Say("ssh.fail.key-changed", ("where", where), ("type", type), ("fp", fp), ("path", _s.KnownHosts.Path), ("line", line)), elapsedSoFar),
                HostKeyStatus.Revoked => HostCollection.Failed(HostFailure.HostKeyRevoked,
                    Glossary.Say("ssh.fail.key-revoked", ("where", where), ("type", type), ("fp", fp), ("path", _s.KnownHosts.Path), ("line", line)), elapsedSoFar),
                _ => null,
            };
        };

        using var connectCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        connectCts.CancelAfter(_s.ConnectTimeout);
        try
        {
            await client.ConnectAsync(connectCts.Token).WaitAsync(connectCts.Token).ConfigureAwait(false);
            return (client, null);
        }
        catch (Exception e)
        {
            client.Dispose();
            if (keyProblem is not null) return (null, keyProblem);
            return (null, Classify(e, t, ct));
        }
    }

    private HostCollection Classify(Exception e, Target t, CancellationToken outer)
    {
        string where = t.ToString();
        var msg = TerminalText.Clean(e.Message);
        var zero = TimeSpan.Zero;
        var user = t.User ?? _s.DefaultUser;
        return e switch
        {
            OperationCanceledException when outer.IsCancellationRequested => HostCollection.Failed(HostFailure.Cancelled, Glossary.Say("ssh.fail.cancelled"), zero),
            OperationCanceledException or SshOperationTimeoutException or TimeoutException =>
                HostCollection.Failed(HostFailure.Timeout, Glossary.Say("ssh.fail.connect-timeout", ("where", where), ("seconds", _s.ConnectTimeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture))), zero),
            SshAuthenticationException => HostCollection.Failed(HostFailure.AuthFailed, Glossary.Say("ssh.fail.auth", ("where", where), ("user", user), ("cause", msg), ("more", NothingOffered())), zero),
            SshAgentException => HostCollection.Failed(HostFailure.AuthFailed, Glossary.Say("ssh.fail.auth", ("where", where), ("user", user), ("cause", msg), ("more", Glossary.Same(""))), zero),
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => HostCollection.Failed(HostFailure.Refused, Glossary.Say("ssh.fail.refused", ("where", where), ("port", t.Port)), zero),
            SocketException { SocketErrorCode: SocketError.TimedOut } => HostCollection.Failed(HostFailure.Timeout, Glossary.Say("ssh.fail.tcp-timeout", ("where", where)), zero),
            SocketException se => HostCollection.Failed(HostFailure.Unreachable, Glossary.Say("ssh.fail.socket", ("where", where), ("code", se.SocketErrorCode), ("cause", msg)), zero),
            SshException when e.Message.StartsWith("No matching ", StringComparison.Ordinal) => HostCollection.Failed(HostFailure.NoCommonAlgorithm,
                Glossary.Say("ssh.fail.no-common-algorithm", ("where", where), ("cause", msg), ("hint", _s.LegacyAlgorithms ? Glossary.Same("") : Glossary.Say("ssh.fail.legacy-hint"))), zero),
            SshConnectionException => HostCollection.Failed(HostFailure.Refused, Glossary.Say("ssh.fail.session-ended", ("where", where), ("cause", msg)), zero),
            SshException => HostCollection.Failed(HostFailure.Refused, Glossary.Say("ssh.fail.negotiation", ("where", where), ("cause", msg)), zero),
            _ => HostCollection.Failed(HostFailure.Unreachable, Glossary.Say("ssh.fail.other", ("where", where), ("type", e.GetType().Name), ("cause", msg)), zero),
        };
    }

    /// <summary>Why a failed authentication offered nothing: an empty ssh-agent and no key file or password.</summary>
    private Localized NothingOffered() =>
        _keys.Length == 0 && _s.Password is null ? Glossary.Say("ssh.fail.nothing-offered", ("socket", _s.AgentSocket)) : Glossary.Same("");

    private AuthenticationMethod[] AuthMethods(string user)
    {
        var methods = new List<AuthenticationMethod>();
        if (_keys.Length > 0) methods.Add(new PrivateKeyAuthenticationMethod(user, _keys));
        if (_s.Password is { } pw)
        {
            methods.Add(new PasswordAuthenticationMethod(user, pw));
            var ki = new KeyboardInteractiveAuthenticationMethod(user);
            ki.AuthenticationPrompt += (_, e) =>
            {
                foreach (var p in e.Prompts)
                    if (p.Request.Contains("assword", StringComparison.OrdinalIgnoreCase)) p.Response = pw;
            };
            methods.Add(ki);
        }
        // An agent with no keys: still ask, so the server's refusal names the host (auth-failed), not a setup error.
        if (methods.Count == 0) methods.Add(new NoneAuthenticationMethod(user));
        return methods.ToArray();
    }
}
