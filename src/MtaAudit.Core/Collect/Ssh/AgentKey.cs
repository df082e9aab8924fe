using Renci.SshNet;
using Renci.SshNet.Security;

namespace MtaAudit.Collect.Ssh;

/// <summary>
/// One ssh-agent key as SSH.NET's public-key authentication sees it: an <see cref="IPrivateKeySource"/> whose
/// algorithms send the agent's public key blob and sign through the agent. An "ssh-rsa" key offers
/// rsa-sha2-512 and rsa-sha2-256 (the agent's SHA-2 flags), and SHA-1 "ssh-rsa" only with --legacy-algorithms.
/// </summary>
internal sealed class AgentKey : IPrivateKeySource
{
    public AgentKey(SshAgent agent, SshAgent.Identity identity, bool legacy, TimeSpan signLimit)
    {
        var type = identity.KeyType;
        HostKeyAlgorithms = type == "ssh-rsa"
            ? [
                new Signer("rsa-sha2-512", agent, identity.Blob, SshAgent.RsaSha2_512, signLimit),
                new Signer("rsa-sha2-256", agent, identity.Blob, SshAgent.RsaSha2_256, signLimit),
                .. legacy ? new[] { new Signer("ssh-rsa", agent, identity.Blob, 0, signLimit) } : [],
              ]
            : [new Signer(type, agent, identity.Blob, 0, signLimit)];
    }

    public IReadOnlyCollection<HostAlgorithm> HostKeyAlgorithms { get; }

    /// <summary>Whether this agent key can be offered at all: certificates are not (their signature names differ), nor DSA without legacy.</summary>
    public static bool Usable(SshAgent.Identity identity, bool legacy)
    {
        var type = identity.KeyType;
        if (type.Length == 0 || type.Contains("-cert-", StringComparison.Ordinal)) return false;
        return legacy || type != "ssh-dss";
    }

    /// <summary>Signs with the agent; the private key never enters this process.</summary>
    private sealed class Signer(string name, SshAgent agent, byte[] blob, uint flags, TimeSpan limit) : HostAlgorithm(name)
    {
        public override byte[] Data => blob;

        public override byte[] Sign(byte[] data) => agent.Sign(blob, data, flags, limit);

        /// <summary>Only used for a server's host key, which an agent key never is.</summary>
        public override bool VerifySignature(byte[] data, byte[] signature) =>
            throw new NotSupportedException("an ssh-agent key does not verify host key signatures");
    }
}
