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
    public static IPrivateKeySource[] Load(SshSettings s, List<Localized> notes)
    {
        var keys = new List<IPrivateKeySource>();
        foreach (var path in s.IdentityFiles)
        {
            var (key, problem) = TryFile(path, s.KeyPassphrase);
            keys.Add(key ?? throw new SshSetupException(problem!));
        }

        Localized? agentProblem = null;
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
                if (s.AgentRequired) throw new SshSetupException(e.Said);
                agentProblem = e.Said;
            }
        }

        foreach (var path in s.DefaultIdentityFiles)
        {
            var (key, problem) = TryFile(path, s.KeyPassphrase);
            if (key is not null) keys.Add(key);
            else notes.Add(Glossary.Say("ssh.key.not-used", ("problem", problem!)));
        }

        bool agentUsable = s.AgentSocket is not null && agentProblem is null;
        if (keys.Count == 0 && s.Password is null && !agentUsable)
            throw new SshSetupException(agentProblem is not null
                ? Glossary.Say("ssh.no-credentials-but-agent", ("problem", agentProblem))
                : Glossary.Say("ssh.no-credentials"));
        if (agentProblem is not null) notes.Add(Glossary.Say("ssh.agent.without", ("problem", agentProblem)));
        return keys.ToArray();
    }

    private static (IPrivateKeySource?, Localized?) TryFile(string path, string? passphrase)
    {
        try
        {
            return (new PrivateKeyFile(path, passphrase), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SshException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return (null, Glossary.Say(e is SshPassPhraseNullOrEmptyException ? "ssh.key.needs-passphrase" : "ssh.key.unusable",
                ("path", path), ("cause", TerminalText.Clean(e.Message))));
        }
    }
}
