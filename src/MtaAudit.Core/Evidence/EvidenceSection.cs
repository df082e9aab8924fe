using System.Text;

namespace MtaAudit.Evidence;

/// <summary>One probe's output inside a bundle: the delimiter's attributes and the raw content.</summary>
public sealed class EvidenceSection
{
    public EvidenceSection(string probe, ProbeOutcome outcome, int? exitCode, string? path, string? command,
        IReadOnlyDictionary<string, string> attributes, byte[] content, int lineNumber)
    {
        Probe = probe;
        Outcome = outcome;
        ExitCode = exitCode;
        Path = path;
        Command = command;
        Attributes = attributes;
        ContentBytes = content;
        LineNumber = lineNumber;
    }

    /// <summary>Probe id, e.g. <c>mta.postfix.version</c>.</summary>
    public string Probe { get; }
    public ProbeOutcome Outcome { get; }
    /// <summary>Exit status when <see cref="Outcome"/> is <see cref="ProbeOutcome.Ran"/>.</summary>
    public int? ExitCode { get; }
    /// <summary>The <c>path=</c> attribute: which binary or file, when a probe can apply to several.</summary>
    public string? Path { get; }
    /// <summary>The <c>cmd=</c> attribute, for people to read.</summary>
    public string? Command { get; }
    /// <summary>Every attribute as written, unknown ones included.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }
    /// <summary>Content bytes exactly as collected (line ends normalised to LF).</summary>
    public byte[] ContentBytes { get; }
    /// <summary>1-based line number of the delimiter in the source stream.</summary>
    public int LineNumber { get; }

    private string? _text;

    /// <summary>Content decoded as UTF-8; invalid bytes (EUC-KR, Latin-1) become U+FFFD, never an exception.</summary>
    public string Text => _text ??= Utf8Lenient.GetString(ContentBytes);

    /// <summary>Content lines, without the line ends.</summary>
    public IEnumerable<string> Lines => TextLines.Split(Text);

    public bool Ran => Outcome == ProbeOutcome.Ran;
    public bool TimedOut => Outcome == ProbeOutcome.Timeout;
    /// <summary>cut=yes or overflow=...: the collector kept only part of the output.</summary>
    public bool Cut => Attributes.ContainsKey("cut") || Attributes.ContainsKey("overflow");
    /// <summary>root=needed: run as a normal user, the output may lack what only root sees.</summary>
    public bool NeedsRoot => Attributes.TryGetValue("root", out var r) && r == "needed";

    private static readonly Encoding Utf8Lenient = new UTF8Encoding(false, false);

    public override string ToString() => $"{Probe}{(Path is null ? "" : " path=" + Path)} rc={RcText}";

    public string RcText => Outcome switch
    {
        ProbeOutcome.Ran => ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?",
        ProbeOutcome.Absent => "absent",
        ProbeOutcome.Timeout => "timeout",
        ProbeOutcome.Skipped => "skipped",
        _ => "?",
    };
}
