namespace MtaAudit.Evidence;

/// <summary>A bundle (or part of a stream) that could not be read; names where.</summary>
public sealed record BundleError(string Source, int Line, Localized Said)
{
    /// <summary>The problem in English (logs, tests); <see cref="Said"/> words it in the user's language.</summary>
    public string Message => Said.En;

    public override string ToString() => $"{Source}:{Line}: {Message}";
}

/// <summary>One item read from a stream: a bundle, or an error that stopped one bundle (not the others).</summary>
public sealed record BundleReadResult(EvidenceBundle? Bundle, BundleError? Error);
