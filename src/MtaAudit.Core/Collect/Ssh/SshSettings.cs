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
}
