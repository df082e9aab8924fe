namespace MtaAudit.Evidence;

/// <summary>One host's evidence: the header and its sections, as read from the v1 text format.</summary>
public sealed class EvidenceBundle
{
    public const string Magic = "MTA-AUDIT-EVIDENCE/1";

    public EvidenceBundle(string source, int startLine, string boundary,
        IReadOnlyDictionary<string, string> headers, IReadOnlyList<EvidenceSection> sections,
        bool truncated, IReadOnlyList<Localized> warnings)
    {
        Source = source;
        StartLine = startLine;
        Boundary = boundary;
        Headers = headers;
        Sections = sections;
        Truncated = truncated;
        Warnings = warnings;
    }

    /// <summary>File name (or "-") the bundle came from, for messages.</summary>
    public string Source { get; }
    /// <summary>1-based line of the magic line in <see cref="Source"/>.</summary>
    public int StartLine { get; }
    public string Boundary { get; }
    public IReadOnlyDictionary<string, string> Headers { get; }
    public IReadOnlyList<EvidenceSection> Sections { get; }
    /// <summary>True when the closing <c>--BOUNDARY--</c> line was never seen.</summary>
    public bool Truncated { get; }
    /// <summary>Problems that did not stop reading (a bad attribute, a dropped partial section).</summary>
    public IReadOnlyList<Localized> Warnings { get; }

    public string? Host => Headers.GetValueOrDefault("host");
    public string? CollectedAt => Headers.GetValueOrDefault("collected-at");
    public string? Collector => Headers.GetValueOrDefault("collector");

    /// <summary>Every section of a probe id, in order.</summary>
    public IEnumerable<EvidenceSection> Probe(string id) => Sections.Where(s => s.Probe == id);

    /// <summary>The first section of a probe id, or null when it was not collected.</summary>
    public EvidenceSection? First(string id) => Sections.FirstOrDefault(s => s.Probe == id);
}
