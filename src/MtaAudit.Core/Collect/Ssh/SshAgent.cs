using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace MtaAudit.Collect.Ssh;

/// <summary>
/// A minimal ssh-agent client (draft-miller-ssh-agent): list the agent's keys and ask it to sign.
/// SSH.NET has none. The private keys stay in the agent: we only ever hold public key blobs and the
/// signatures the agent returns. Each request opens its own connection to the agent's Unix socket (as
/// one `ssh` process does), so concurrent hosts never share a stream and need no lock.
/// </summary>
public sealed class SshAgent(string socketPath)
{
    // Message numbers (draft-miller-ssh-agent section 6.1).
    private const byte Failure = 5;
    private const byte RequestIdentities = 11;
    private const byte IdentitiesAnswer = 12;
    private const byte SignRequest = 13;
    private const byte SignResponse = 14;

    /// <summary>Sign flags: which SHA-2 signature an "ssh-rsa" key makes (without them, SHA-1).</summary>
    public const uint RsaSha2_256 = 2;
    public const uint RsaSha2_512 = 4;

    /// <summary>An agent reply is small (keys, one signature); a larger length is a broken or hostile peer.</summary>
    private const int MaxReply = 256 * 1024;

    public string SocketPath { get; } = socketPath;

    /// <summary>
    /// One key the agent holds: its public key blob (string type, then the key's fields), the key type named
    /// first in the blob ("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", ...) and the agent's comment.
    /// </summary>
    public sealed record Identity(byte[] Blob, string KeyType, string Comment);

    /// <summary>The agent's keys (SSH2_AGENTC_REQUEST_IDENTITIES). Throws <see cref="SshAgentException"/> naming the socket.</summary>
    public async Task<IReadOnlyList<Identity>> ListAsync(TimeSpan limit, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(limit);
        byte[] reply;
        try
        {
            using var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await s.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cts.Token).ConfigureAwait(false);
            await s.SendAsync(Frame([RequestIdentities]), SocketFlags.None, cts.Token).ConfigureAwait(false);
            reply = await ReadReplyAsync(s, cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new SshAgentException(Glossary.Say("ssh.agent.no-answer", ("socket", SocketPath), ("seconds", limit.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture))));
        }
        catch (SocketException e)
        {
            throw new SshAgentException(Glossary.Say("ssh.agent.cannot-connect", ("socket", SocketPath), ("cause", e.Message)));
        }
        return ParseIdentities(reply);
    }

    /// <summary>
    /// Signs <paramref name="data"/> with the agent's key <paramref name="blob"/> (SSH2_AGENTC_SIGN_REQUEST) and
    /// returns the signature blob as the agent made it (string algorithm, string signature), which is exactly
    /// what an SSH public-key authentication request carries. Synchronous, bounded by socket timeouts: SSH.NET
    /// calls its signer synchronously on the thread that authenticates, so no pool thread is needed to finish.
    /// </summary>
    public byte[] Sign(byte[] blob, byte[] data, uint flags, TimeSpan limit)
    {
        var body = new List<byte>(blob.Length + data.Length + 16) { SignRequest };
        body.AddRange(Str(blob));
        body.AddRange(Str(data));
        body.AddRange(U32(flags));
        byte[] reply;
        try
        {
            using var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            {
                SendTimeout = (int)limit.TotalMilliseconds,
                ReceiveTimeout = (int)limit.TotalMilliseconds,
            };
            s.Connect(new UnixDomainSocketEndPoint(SocketPath));
            s.Send(Frame(body.ToArray()));
            var len = ReadExactly(s, 4);
            reply = ReadExactly(s, Length(len));
        }
        catch (SocketException e)
        {
            throw new SshAgentException($"ssh-agent {SocketPath}: signing failed: {e.Message}");
        }
        if (reply[0] == SignResponse)
        {
            try { return new Reader(reply, 1).String(); }
            catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
            {
                throw new SshAgentException($"ssh-agent {SocketPath}: a signature that ends early");
            }
        }
        throw reply[0] == Failure
            ? new SshAgentException(Glossary.Say("ssh.agent.refused", ("socket", SocketPath)))
            : new SshAgentException($"ssh-agent {SocketPath}: unexpected reply {reply[0]} to a sign request");
    }

    private IReadOnlyList<Identity> ParseIdentities(byte[] reply)
    {
        if (reply[0] != IdentitiesAnswer)
            throw new SshAgentException($"ssh-agent {SocketPath}: unexpected reply {reply[0]} to a key list request");
        try
        {
            var r = new Reader(reply, 1);
            uint n = r.UInt32();
            var list = new List<Identity>();
            for (uint i = 0; i < n; i++)
            {
                var blob = r.String();
                var comment = Encoding.UTF8.GetString(r.String());
                var type = KnownHosts.KeyTypeOf(blob); // "" for a malformed blob: then never offered
                list.Add(new Identity(blob, type, comment));
            }
            return list;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw new SshAgentException($"ssh-agent {SocketPath}: a key list that ends early");
        }
    }

    private async Task<byte[]> ReadReplyAsync(Socket s, CancellationToken ct)
    {
        var len = new byte[4];
        await ReadExactlyAsync(s, len, ct).ConfigureAwait(false);
        var reply = new byte[Length(len)];
        await ReadExactlyAsync(s, reply, ct).ConfigureAwait(false);
        return reply;
    }

    private async Task ReadExactlyAsync(Socket s, byte[] into, CancellationToken ct)
    {
        for (int got = 0; got < into.Length;)
        {
            int n = await s.ReceiveAsync(into.AsMemory(got), SocketFlags.None, ct).ConfigureAwait(false);
            if (n == 0) throw new SshAgentException($"ssh-agent {SocketPath}: closed the connection mid-reply");
            got += n;
        }
    }

    private byte[] ReadExactly(Socket s, int count)
    {
        var into = new byte[count];
        for (int got = 0; got < count;)
        {
            int n = s.Receive(into, got, count - got, SocketFlags.None);
            if (n == 0) throw new SshAgentException($"ssh-agent {SocketPath}: closed the connection mid-reply");
            got += n;
        }
        return into;
    }

    private int Length(byte[] prefix)
    {
        uint n = BinaryPrimitives.ReadUInt32BigEndian(prefix);
        if (n is 0 or > MaxReply) throw new SshAgentException($"ssh-agent {SocketPath}: a reply of {n} bytes (not an agent?)");
        return (int)n;
    }

    private static byte[] Frame(byte[] body) => [.. U32((uint)body.Length), .. body];

    private static byte[] U32(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, v);
        return b;
    }

    private static byte[] Str(byte[] s) => [.. U32((uint)s.Length), .. s];

    /// <summary>Reads SSH wire types; reading past the end throws ArgumentOutOfRangeException.</summary>
    private sealed class Reader(byte[] buf, int pos = 0)
    {
        public uint UInt32()
        {
            var v = BinaryPrimitives.ReadUInt32BigEndian(buf.AsSpan(pos, 4));
            pos += 4;
            return v;
        }

        public byte[] String()
        {
            int n = checked((int)UInt32());
            var s = buf.AsSpan(pos, n).ToArray();
            pos += n;
            return s;
        }
    }
}

/// <summary>The agent cannot be reached or answered badly: one line naming its socket.</summary>
public sealed class SshAgentException : Exception, ISaid
{
    public SshAgentException(string message) : base(message) => Said = Glossary.Same(message);
    public SshAgentException(Localized said) : base(said.En) => Said = said;
    public Localized Said { get; }
}
