namespace MtaAudit.Collect.Ssh;

/// <summary>
/// How to reach and run the collector on every host of a fleet scan. Secrets (password, sudo
/// password, key passphrase) come from a prompt or the environment, never argv; they are never
/// written to the store, the report or a message.
/// </summary>
public sealed record SshSettings
{
    /// <summary>User when the target names none (ansible_user, user@host): --user, else the local user name.</summary>
    public required string DefaultUser { get; init; }
    public IReadOnlyList<string> IdentityFiles { get; init; } = [];
    public string? KeyPassphrase { get; init; }
    public string? Password { get; init; }
    public required KnownHosts KnownHosts { get; init; }
    public bool AcceptNewHostKeys { get; init; }
    /// <summary>SHA-1 key exchange and signatures, CBC ciphers, ssh-dss: for old Solaris/AIX/HP-UX sshd only.</summary>
    public bool LegacyAlgorithms { get; init; }
    public Fleet.Target? Jump { get; init; }
    public bool Sudo { get; init; }
    public string? SudoPassword { get; init; }
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(300);
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(360);
    public long MaxOutputBytes { get; init; } = 16L * 1024 * 1024;
    public int ProbeTimeoutSeconds { get; init; } = 10;
    /// <summary>Key files tried when none was given (~/.ssh/id_ed25519, ...): one that cannot be used is skipped with a note, not an error.</summary>
    public IReadOnlyList<string> DefaultIdentityFiles { get; init; } = [];
    /// <summary>The ssh-agent's Unix socket (--identity-agent, else SSH_AUTH_SOCK); null: no agent.</summary>
    public string? AgentSocket { get; init; }
    /// <summary>The agent was asked for by name (--identity-agent): one that cannot be reached stops the scan before any host.</summary>
    public bool AgentRequired { get; init; }
    /// <summary>How long the agent may take to list its keys or to make one signature.</summary>
    public TimeSpan AgentTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
