using System.CommandLine;

namespace MtaAudit.Cli;

/// <summary>The options of `scan` that make it a fleet scan over SSH (docs/fleet.md). Without --host/--inventory/--resume/--run, scan stays local.</summary>
public sealed class FleetScanOptions
{
    public Option<string[]> Hosts { get; } = new("--host") { Description = "[user@]HOST[:PORT] to scan over SSH (repeatable)", AllowMultipleArgumentsPerToken = false };
    public Option<string?> Inventory { get; } = new("--inventory", "-i") { Description = "hosts to scan: a plain list ([user@]host[:port] a line) or an Ansible inventory (INI or YAML)" };
    public Option<string?> Limit { get; } = new("--limit") { Description = "only these groups or hosts of the inventory (comma-separated, as Ansible's --limit)" };
    public Option<string?> User { get; } = new("--user") { Description = "SSH user when the target names none (default: your user name)" };
    public Option<string[]> Identity { get; } = new("--identity") { Description = "private key file (repeatable; default ~/.ssh/id_ed25519, id_ecdsa, id_rsa); passphrase from MTA_AUDIT_SSH_KEY_PASSPHRASE" };
    public Option<string?> IdentityAgent { get; } = new("--identity-agent") { Description = "ssh-agent socket whose keys are offered (default: SSH_AUTH_SOCK; 'none': no agent)" };
    public Option<bool> PasswordPrompt { get; } = new("--password-prompt") { Description = "ask for the SSH password on the terminal (or set MTA_AUDIT_SSH_PASSWORD; never on the command line)" };
    public Option<string?> KnownHosts { get; } = new("--known-hosts") { Description = "known_hosts file to check host keys against (default ~/.ssh/known_hosts)" };
    public Option<bool> AcceptNew { get; } = new("--accept-new-host-keys") { Description = "accept and record keys of hosts not yet in known_hosts (a changed key is always refused)" };
    public Option<bool> Legacy { get; } = new("--legacy-algorithms") { Description = "also offer SHA-1 key exchange and signatures, ssh-dss and CBC ciphers (old Solaris/AIX/HP-UX sshd)" };
    public Option<string?> Jump { get; } = new("--jump") { Description = "reach every host through this SSH jump host: [user@]HOST[:PORT]" };
    public Option<bool> Sudo { get; } = new("--sudo") { Description = "run the collector with sudo (sudo -n; with --sudo-password-prompt or MTA_AUDIT_SUDO_PASSWORD the password goes over stdin)" };
    public Option<bool> SudoPasswordPrompt { get; } = new("--sudo-password-prompt") { Description = "ask for the sudo password on the terminal" };
    public Option<int> Forks { get; } = new("--forks") { Description = "hosts scanned at once", DefaultValueFactory = _ => DefaultForks };
    public Option<int> ConnectTimeout { get; } = new("--connect-timeout") { Description = "seconds to open and authenticate an SSH connection", DefaultValueFactory = _ => 15 };
    public Option<int> HostTimeout { get; } = new("--host-timeout") { Description = "seconds one host may take in all (default: --timeout + --connect-timeout + 30)" };
    public Option<int> MaxOutput { get; } = new("--max-output") { Description = "MiB of collector output kept per host; past it the output is cut (the host is at best MANUAL)", DefaultValueFactory = _ => 16 };
    public Option<string?> StorePath { get; } = new("--store") { Description = "the results store (SQLite); default ~/.local/state/mta-audit/fleet.sqlite" };
    public Option<bool> Resume { get; } = new("--resume") { Description = "continue the store's last run: hosts already done are skipped" };
    public Option<long?> Run { get; } = new("--run") { Description = "continue (or only report) this run of the store" };
    public Option<bool> RetryFailed { get; } = new("--retry-failed") { Description = "with --resume/--run: also try again the hosts that ended with an error" };
    public Option<string?> EvidenceDir { get; } = new("--evidence-dir") { Description = "also keep one NAME.evidence per host here (NAME: the inventory name)" };

    /// <summary>Waiting on the network, not the CPU: 16 per core, between 16 and 128.</summary>
    public static int DefaultForks => Math.Clamp(Environment.ProcessorCount * 16, 16, 128);

    public void AddTo(Command c)
    {
        foreach (var o in new Option[] { Hosts, Inventory, Limit, User, Identity, IdentityAgent, PasswordPrompt, KnownHosts, AcceptNew, Legacy, Jump, Sudo,
                     SudoPasswordPrompt, Forks, ConnectTimeout, HostTimeout, MaxOutput, StorePath, Resume, Run, RetryFailed, EvidenceDir })
            c.Options.Add(o);
    }

    /// <summary>Only the options that say which hosts and how to reach them (fix --host/--inventory), not the scan's store, forks or resume.</summary>
    public void AddConnectionTo(Command c)
    {
        foreach (var o in new Option[] { Hosts, Inventory, Limit, User, Identity, IdentityAgent, PasswordPrompt, KnownHosts, AcceptNew, Legacy, Jump, Sudo,
                     SudoPasswordPrompt, ConnectTimeout, MaxOutput })
            c.Options.Add(o);
    }

    /// <summary>True when hosts are named (--host or --inventory).</summary>
    public bool NamesHosts(ParseResult r) => (r.GetValue(Hosts) ?? []).Length > 0 || r.GetValue(Inventory) is not null;

    /// <summary>True when the scan goes to other hosts over SSH.</summary>
    public bool Wanted(ParseResult r) =>
        (r.GetValue(Hosts) ?? []).Length > 0 || r.GetValue(Inventory) is not null || r.GetValue(Resume) || r.GetValue(Run) is not null;
}
