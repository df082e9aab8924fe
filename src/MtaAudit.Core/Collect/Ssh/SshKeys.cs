using Renci.SshNet;
using Renci.SshNet.Common;

namespace MtaAudit.Collect.Ssh;

/// <summary>
/// The keys a connection offers, in OpenSSH's spirit: the key files asked for (--identity), then the
/// ssh-agent's keys, then the default key files (~/.ssh/id_*) that are usable. Read once, before any host.
/// </summary>
public static class SshKeys
{
    /// <summary>
    /// Loads the keys. A named key file or a named agent (--identity-agent) that cannot be used is a setup error
    /// (<see cref="SshSetupException"/>); a default key file or an SSH_AUTH_SOCK agent that cannot be used is a
    /// note (one line each in <paramref name="notes"/>) when something else is left to authenticate with.
    /// </summary>
    public static IPrivateKeySource[] Load(SshSettings s, List<string> notes)
    {
        var keys = new List<IPrivateKeySource>();
        foreach (var path in s.IdentityFiles)
        {
            var (key, problem) = TryFile(path, s.KeyPassphrase);
            keys.Add(key ?? throw new SshSetupException(problem!));
        }

        string? agentProblem = null;
        if (s.AgentSocket is { } socket)
        {
            try
            {
                var agent = new SshAgent(socket);
                var ids = agent.ListAsync(s.AgentTimeout, CancellationToken.None).GetAwaiter().GetResult();
                keys.AddRange(ids.Where(i => AgentKey.Usable(i, s.LegacyAlgorithms)).Select(i => new AgentKey(agent, i, s.LegacyAlgorithms, s.AgentTimeout)));
            }
            catch (SshAgentException e)
            {
                if (s.AgentRequired) throw new SshSetupException(TerminalText.Clean(e.Message));
                agentProblem = TerminalText.Clean(e.Message);
            }
        }

        foreach (var path in s.DefaultIdentityFiles)
        {
            var (key, problem) = TryFile(path, s.KeyPassphrase);
            if (key is not null) keys.Add(key);
            else notes.Add(problem + "; not used");
        }

        bool agentUsable = s.AgentSocket is not null && agentProblem is null;
        if (keys.Count == 0 && s.Password is null && !agentUsable)
            throw new SshSetupException(agentProblem is not null
                ? $"{agentProblem}; no key file and no password either (give --identity FILE, or --password-prompt / MTA_AUDIT_SSH_PASSWORD)"
                : "no SSH key and no password: give --identity FILE (or have ~/.ssh/id_ed25519, id_ecdsa or id_rsa, or an ssh-agent in SSH_AUTH_SOCK), or --password-prompt / MTA_AUDIT_SSH_PASSWORD");
        if (agentProblem is not null) notes.Add(agentProblem + "; going on without the agent");
        return keys.ToArray();
    }

    private static (IPrivateKeySource?, string?) TryFile(string path, string? passphrase)
    {
        try
        {
            return (new PrivateKeyFile(path, passphrase), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SshException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return (null, $"{path}: cannot use this key: {TerminalText.Clean(e.Message)}" +
                (e is SshPassPhraseNullOrEmptyException ? " (set MTA_AUDIT_SSH_KEY_PASSPHRASE)" : ""));
        }
    }
}
