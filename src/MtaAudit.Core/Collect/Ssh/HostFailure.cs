namespace MtaAudit.Collect.Ssh;

/// <summary>Why a host has no complete bundle. Each has a stable name (the store, the report, tests).</summary>
public enum HostFailure
{
    Unreachable,
    Refused,
    Timeout,
    AuthFailed,
    HostKeyUnknown,
    HostKeyChanged,
    SudoRefused,
    CollectorFailed,
    OutputCut,
    Cancelled,
    BadTarget,
    /// <summary>No key exchange, host key, cipher or MAC algorithm in common (an old sshd without --legacy-algorithms).</summary>
    NoCommonAlgorithm,
    /// <summary>The host offered a key known_hosts marks @revoked: not a changed key (no reinstall explains it), a key withdrawn on purpose.</summary>
    HostKeyRevoked,
}

public static class HostFailureNames
{
    public static string Name(this HostFailure f) => f switch
    {
        HostFailure.Unreachable => "unreachable",
        HostFailure.Refused => "refused",
        HostFailure.Timeout => "timeout",
        HostFailure.AuthFailed => "auth-failed",
        HostFailure.HostKeyUnknown => "host-key-unknown",
        HostFailure.HostKeyChanged => "host-key-changed",
        HostFailure.SudoRefused => "sudo-refused",
        HostFailure.CollectorFailed => "collector-failed",
        HostFailure.OutputCut => "output-cut",
        HostFailure.Cancelled => "cancelled",
        HostFailure.NoCommonAlgorithm => "no-common-algorithm",
        HostFailure.HostKeyRevoked => "host-key-revoked",
        _ => "bad-target",
    };

    public static HostFailure? Parse(string? name) =>
        Enum.GetValues<HostFailure>().Select(f => (HostFailure?)f).FirstOrDefault(f => f!.Value.Name() == name);
}
