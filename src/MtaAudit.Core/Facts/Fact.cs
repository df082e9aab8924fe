namespace MtaAudit.Facts;

/// <summary>Whether a fact about a host is established by the evidence.</summary>
public enum FactState
{
    /// <summary>The evidence establishes it (either way: "installed" or "not installed").</summary>
    Known,
    /// <summary>The evidence does not establish it; <see cref="Fact{T}.Reason"/> says why.</summary>
    Unknown,
    /// <summary>It does not apply on this host (rpm on Debian, SMF on Linux): nothing to establish.</summary>
    NotApplicable,
}

/// <summary>Why a fact is unknown. A verdict of GOOD never rests on a fact in any of these states.</summary>
public enum UnknownReason
{
    /// <summary>No section of the probe is in the bundle (an older collector, a hand-made bundle, a cut stream).</summary>
    NotCollected,
    /// <summary>The program that would tell is not on the host, yet the fact still needs it.</summary>
    Absent,
    /// <summary>The probe ran but exited with a status that means it did not answer.</summary>
    Failed,
    /// <summary>rc=timeout: killed at its time limit.</summary>
    TimedOut,
    /// <summary>cut=yes / overflow=killed, or the bundle ended inside it: the output is partial.</summary>
    Cut,
    /// <summary>root=needed: run as a normal user, it could not see everything.</summary>
    NotRoot,
    /// <summary>rc=skipped: left out on purpose (MTA_AUDIT_SKIP).</summary>
    Skipped,
    /// <summary>unsafe=...: the collector would not run the program (not root-owned, or writable by others).</summary>
    Unsafe,
}

/// <summary>
/// One fact with its standing: known (with a value), unknown (with the reason and the probe that
/// would have told), or not applicable. Judgements read <see cref="Value"/> only when <see cref="IsKnown"/>.
/// </summary>
public readonly record struct Fact<T>(FactState State, T? Value, UnknownReason? Reason, string? Probe)
{
    public bool IsKnown => State == FactState.Known;
    public bool IsUnknown => State == FactState.Unknown;

    public static Fact<T> Known(T value, string? probe = null) => new(FactState.Known, value, null, probe);
    public static Fact<T> Unknown(UnknownReason reason, string? probe = null) => new(FactState.Unknown, default, reason, probe);
    public static Fact<T> NotApplicable(string? probe = null) => new(FactState.NotApplicable, default, null, probe);

    public override string ToString() => State switch
    {
        FactState.Known => $"{Probe}: {Value}",
        FactState.Unknown => $"{Probe}: unknown ({Reason})",
        _ => $"{Probe}: n/a",
    };
}

/// <summary>Words for an <see cref="UnknownReason"/> in reports.</summary>
public static class UnknownReasonText
{
    /// <summary>The reason in both languages, from the glossary.</summary>
    public static Localized Words(this UnknownReason r) => Glossary.Say(r switch
    {
        UnknownReason.NotCollected => "why.not-collected",
        UnknownReason.Absent => "why.absent",
        UnknownReason.Failed => "why.failed",
        UnknownReason.TimedOut => "why.timed-out",
        UnknownReason.Cut => "why.cut",
        UnknownReason.NotRoot => "why.not-root",
        UnknownReason.Skipped => "why.skipped",
        UnknownReason.Unsafe => "why.unsafe",
        _ => "why.unknown",
    });

    /// <summary>The reason as a JSON code: "not-collected", "absent", "timed-out"… (the glossary's why.* suffix).</summary>
    public static string Code(this UnknownReason r) => r.Words().Code!["why.".Length..];

    /// <summary>A JSON code back as a reason; a missing or unknown code reads as not collected.</summary>
    public static UnknownReason FromCode(string? code)
    {
        foreach (var r in Enum.GetValues<UnknownReason>())
            if (r.Code() == code) return r;
        return UnknownReason.NotCollected;
    }
}
