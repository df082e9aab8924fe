using System.Reflection;
using System.Text;

namespace MtaAudit.Collect;

/// <summary>
/// The POSIX sh collector (collector.sh) embedded in the binary: `mta-audit scan` runs it here,
/// the SSH scan pipes it to remote hosts, `mta-audit collector` prints it for hosts nobody can reach.
/// </summary>
public static class CollectorScript
{
    /// <summary>The collector's version; it is also the `VERSION=` line of the script and the
    /// `collector:` header of every bundle it writes (a test keeps them in sync).</summary>
    public const string Version = "0.1.0";

    private const string ResourceName = "collector.sh";

    private static readonly Lazy<string> Cached = new(Load);

    /// <summary>The script text, LF line ends, ready for `sh -s` on stdin or to be saved as a file.</summary>
    public static string Text => Cached.Value;

    private static string Load()
    {
        using var stream = typeof(CollectorScript).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource '{ResourceName}' is missing from {typeof(CollectorScript).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, new UTF8Encoding(false, true));
        // A checkout with CRLF line ends would break every shell; the script is ASCII with LF.
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
