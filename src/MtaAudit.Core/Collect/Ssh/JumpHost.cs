using Renci.SshNet;
using Renci.SshNet.Common;
using MtaAudit.Fleet;

namespace MtaAudit.Collect.Ssh;

/// <summary>
/// --jump: one SSH connection to the jump host, opened on first use and shared; each target is
/// reached through its own local forwarded port (127.0.0.1:ephemeral → target:port), and its host
/// key is still checked under the target's own name.
/// </summary>
internal sealed class JumpHost(Target jump, SshConnector connector) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SshClient? _client;
    private HostCollection? _failure;

    public sealed class Forward(SshClient client, ForwardedPortLocal port) : IDisposable
    {
        public int Port => (int)port.BoundPort;

        public void Dispose()
        {
            try
            {
                port.Stop();
                client.RemoveForwardedPort(port);
            }
            catch (Exception e) when (e is SshException or InvalidOperationException or ObjectDisposedException) { }
            port.Dispose();
        }
    }

    public async Task<(Forward?, HostCollection?)> OpenAsync(Target t, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_client is null && _failure is null)
            {
                var (client, failure) = await connector.ConnectAsync(jump, jump.Address, jump.Port, TimeSpan.Zero, ct).ConfigureAwait(false);
                _client = client;
                // A jump host that timed out because of this one host's stop is retried by the next host.
                if (failure is not null && failure.Failure != HostFailure.Cancelled) _failure = failure;
                else if (failure is not null) return (null, failure);
            }
            if (_failure is not null)
                return (null, _failure with { Message = Glossary.Say("ssh.fail.jump", ("jump", jump.ToString()), ("problem", _failure.Message ?? Glossary.Same(""))) });
            var port = new ForwardedPortLocal("127.0.0.1", 0, t.Address, (uint)t.Port);
            _client!.AddForwardedPort(port);
            port.Start();
            return (new Forward(_client, port), null);
        }
        catch (Exception e) when (e is SshException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            return (null, HostCollection.Failed(HostFailure.Unreachable, Glossary.Say("ssh.fail.jump-forward", ("jump", jump.ToString()), ("where", t.ToString()), ("cause", TerminalText.Clean(e.Message))), TimeSpan.Zero));
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
