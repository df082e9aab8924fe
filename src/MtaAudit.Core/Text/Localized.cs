namespace MtaAudit;

public enum Lang { Ko, En }

/// <summary>
/// A sentence in both output languages. Everything shown to people is built from these.
/// A sentence made by <see cref="Glossary.Say"/> also carries its glossary <see cref="Code"/> and
/// named <see cref="Args"/>, so renderers (and JSON consumers) can word it again from the glossary.
/// </summary>
public sealed record Localized(string En, string Ko)
{
    /// <summary>The glossary code, e.g. <c>reason.not-in-use</c>; null for text made before the glossary.</summary>
    public string? Code { get; init; }

    /// <summary>The code's named parameters, in the order given; null without a code.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Args { get; init; }

    /// <summary>The worded parameters (and joined parts) it was made from, for walking a sentence down to its codes; not serialized.</summary>
    public IReadOnlyList<Localized>? Parts { get; init; }

    /// <summary>The sentence in one language (a coded one was worded from the glossary when it was made).</summary>
    public string Get(Lang lang) => lang == Lang.Ko ? Ko : En;

    // WHY: Args is a list (compared by reference); two sayings of the same sentence are the same finding.
    public bool Equals(Localized? other) => other is not null && En == other.En && Ko == other.Ko && Code == other.Code;
    public override int GetHashCode() => HashCode.Combine(En, Ko, Code);
    public override string ToString() => En;
}
