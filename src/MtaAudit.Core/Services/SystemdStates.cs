namespace MtaAudit.Services;

/// <summary>
/// What systemd's state words say about "running now" and "started at boot". Shared by the
/// list-units, list-unit-files, is-enabled and status parsers so they can never disagree.
/// </summary>
public static class SystemdStates
{
    /// <summary>
    /// Running from the ACTIVE and SUB columns (<c>active (running)</c> in status text).
    /// <c>active (exited)</c> is null: a oneshot unit such as Debian 11+'s postfix.service stays
    /// "active (exited)" while the daemon runs in postfix@-.service, or after it died, so it proves nothing.
    /// activating/deactivating are null: the unit is between states (an auto-restart loop, a slow start).
    /// </summary>
    public static bool? Running(string active, string? sub)
    {
        sub ??= "";
        if (sub == "running") return true;
        switch (active)
        {
            case "active" or "reloading" or "refreshing":
                return sub is "exited" or "" ? null : sub is "dead" or "failed" ? false : true;
            case "inactive" or "failed" or "maintenance":
                return false;
            default:
                return null;
        }
    }

    /// <summary>
    /// Enabled from a unit-file state (list-unit-files STATE, is-enabled, the "Loaded:" line of status).
    /// <list type="bullet">
    /// <item>enabled, enabled-runtime, linked, linked-runtime: install links exist (runtime ones until the next boot) → true.</item>
    /// <item>indirect: the unit has no links of its own but may be started through others (a template and
    /// its instances, a unit named in another's Also=) → null. Debian's postfix@.service stays "indirect"
    /// when postfix.service is disabled (seen on the deb11-postfix test host), so only the unit that
    /// pulls it in can tell.</item>
    /// <item>disabled, masked, masked-runtime → false (masked cannot be started at all).</item>
    /// <item>static (no [Install] section: starts only when another unit pulls it), generated (made at boot
    /// from an init script: the rc?.d links decide, read by svc.sysv), transient (made at run time by a
    /// program), alias (the real unit's row tells), bad (unreadable unit file) → null: the word does not tell.</item>
    /// </list>
    /// </summary>
    public static bool? Enabled(string unitFileState) => unitFileState switch
    {
        "enabled" or "enabled-runtime" or "linked" or "linked-runtime" => true,
        "disabled" or "masked" or "masked-runtime" => false,
        _ => null,
    };

    /// <summary>Every word list-unit-files and is-enabled print in the STATE column.</summary>
    public static bool IsUnitFileState(string word) => word is
        "enabled" or "enabled-runtime" or "linked" or "linked-runtime" or "alias" or "masked" or "masked-runtime"
        or "static" or "indirect" or "disabled" or "generated" or "transient" or "bad";

    /// <summary>The LOAD column of list-units.</summary>
    public static bool IsLoadState(string word) => LoadState(word) is not null;

    /// <summary>The LOAD word <paramref name="word"/> spells, or null when it is none (<see cref="IsLoadState"/>).</summary>
    public static string? LoadState(ReadOnlySpan<char> word)
    {
        foreach (var s in LoadStates)
            if (word.SequenceEqual(s)) return s;
        return null;
    }

    private static readonly string[] LoadStates = ["loaded", "not-found", "masked", "error", "bad-setting", "merged", "stub"];

    /// <summary>The ACTIVE column of list-units.</summary>
    public static bool IsActiveState(string word) => ActiveState(word) is not null;

    /// <summary>The ACTIVE word <paramref name="word"/> spells, or null when it is none (<see cref="IsActiveState"/>).</summary>
    public static string? ActiveState(ReadOnlySpan<char> word)
    {
        foreach (var s in ActiveStates)
            if (word.SequenceEqual(s)) return s;
        return null;
    }

    private static readonly string[] ActiveStates =
        ["active", "inactive", "failed", "activating", "deactivating", "reloading", "maintenance", "refreshing"];
}
