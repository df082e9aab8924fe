using Renci.SshNet;

namespace MtaAudit.Collect.Ssh;

/// <summary>
/// Which algorithms a connection offers. By default nothing that rests on SHA-1 or CBC: old
/// Solaris, AIX and HP-UX sshd that need them are reached with --legacy-algorithms only.
/// Host key algorithms of the key types known_hosts has for the host come first (as OpenSSH
/// orders them), so a host with several keys shows the one we can check.
/// </summary>
internal static class SshAlgorithms
{
    private static readonly string[] LegacyKex = ["diffie-hellman-group-exchange-sha1", "diffie-hellman-group14-sha1", "diffie-hellman-group1-sha1"];
    private static readonly string[] LegacyHostKeys = ["ssh-rsa", "ssh-dss", "ssh-rsa-cert-v01@openssh.com", "ssh-dss-cert-v01@openssh.com"];
    private static readonly string[] LegacyCiphers = ["aes128-cbc", "aes192-cbc", "aes256-cbc", "3des-cbc"];
    private static readonly string[] LegacyMacs = ["hmac-sha1", "hmac-sha1-etm@openssh.com"];

    public static void Apply(ConnectionInfo info, bool legacy, IReadOnlySet<string> knownKeyTypes)
    {
        if (!legacy)
        {
            foreach (var k in LegacyKex) info.KeyExchangeAlgorithms.Remove(k);
            foreach (var k in LegacyHostKeys) info.HostKeyAlgorithms.Remove(k);
            foreach (var k in LegacyCiphers) info.Encryptions.Remove(k);
            foreach (var k in LegacyMacs) info.HmacAlgorithms.Remove(k);
        }
        // Certificates are not checked against known_hosts: never negotiate them.
        foreach (var k in info.HostKeyAlgorithms.Keys.Where(k => k.Contains("-cert-", StringComparison.Ordinal)).ToList())
            info.HostKeyAlgorithms.Remove(k);
        if (knownKeyTypes.Count == 0) return;
        KnownFirst(info.HostKeyAlgorithms, info.HostKeyAlgorithms.Keys.Where(a => knownKeyTypes.Contains(KeyTypeOfAlgorithm(a))).ToList());
    }

    /// <summary>
    /// The known types first, the others after (OpenSSH's order), never left out: a host that no longer has the
    /// type known_hosts holds (ssh-rsa known, an ed25519-only sshd) then shows its key, which is refused as changed
    /// against that line. Leaving them out made it "no common algorithm" with advice (--legacy-algorithms) that
    /// could not help.
    /// </summary>
    private static void KnownFirst<T>(IDictionary<string, T> algorithms, List<string> known)
    {
        if (algorithms is not IOrderedDictionary<string, T> ordered) return;
        for (int i = 0; i < known.Count; i++) ordered.SetPosition(ordered.IndexOf(known[i]), i);
    }

    private static string KeyTypeOfAlgorithm(string a) => a is "rsa-sha2-256" or "rsa-sha2-512" ? "ssh-rsa" : a;
}
