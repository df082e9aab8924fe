using System.Text;

namespace MtaAudit.Remediation;

/// <summary>
/// A byte-exact edit of a boot configuration file: only the lines it means to change are touched;
/// every other byte (line ends, odd spacing, trailing text, a missing final newline) is kept. Files are
/// read as Latin-1, which maps each byte to one char and back, so no encoding can alter them.
/// <see cref="Apply"/> on a file that already satisfies the edit returns the same bytes (idempotent).
/// </summary>
public abstract class LineEdit
{
    /// <summary>Short id for JSON and the journal: aix-rc-tcpip-sendmail, hpux-mailservs-sendmail-server.</summary>
    public abstract string Id { get; }
    public abstract string BeforeState { get; }
    public abstract string AfterState { get; }
    public abstract Localized Describe(string path);

    /// <summary>True when no line still needs the edit.</summary>
    public bool IsSatisfied(byte[] file) => Lines(file).All(l => Edit(l) is null);

    /// <summary>The edited file; the same bytes when nothing needed to change.</summary>
    public byte[] Apply(byte[] file)
    {
        var sb = new StringBuilder(file.Length + 16);
        foreach (var line in Lines(file)) sb.Append(Edit(line) ?? line);
        return Encoding.Latin1.GetBytes(sb.ToString());
    }

    /// <summary>The line's new text (its line end included), or null when this line is left alone.</summary>
    protected abstract string? Edit(string line);

    /// <summary>Lines with their own line ends ("\n", or none for the last).</summary>
    protected static IEnumerable<string> Lines(byte[] file)
    {
        var text = Encoding.Latin1.GetString(file);
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            int end = nl < 0 ? text.Length : nl + 1;
            yield return text[start..end];
            start = end;
        }
    }

    /// <summary>The line without its "\n" / "\r\n" end, and that end.</summary>
    protected static (string Body, string End) SplitEnd(string line)
    {
        if (line.EndsWith("\r\n", StringComparison.Ordinal)) return (line[..^2], "\r\n");
        if (line.EndsWith('\n')) return (line[..^1], "\n");
        return (line, "");
    }
}
