using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Parse.Build;

/// <summary>
/// <c>os.libc</c>: the first lines of <c>ldd --version</c> ("ldd (Debian GLIBC 2.36-9+deb12u4) 2.36",
/// "musl libc (x86_64)") and the libc file names found (libc.so.6, ld-musl-x86_64.so.1).
/// </summary>
public sealed partial class LibcParser : IProbeParser
{
    public const string Probe = "os.libc";
    public IReadOnlyList<string> Probes { get; } = [Probe];

    public void Apply(EvidenceSection section, HostFacts facts)
    {
        if (section.Outcome != ProbeOutcome.Ran) return;
        if (Parse(section.Text) is { } libc) facts.Libc = libc;
    }

    /// <summary>"glibc 2.36", "musl 1.2.4", "musl", "glibc", or null.</summary>
    public static string? Parse(string text)
    {
        text ??= "";
        if (text.Contains("musl", StringComparison.OrdinalIgnoreCase))
            return MuslVersion().Match(text) is { Success: true } m ? "musl " + m.Groups[1].Value : "musl";
        if (Glibc().Match(text) is { Success: true } g) return "glibc " + g.Groups[1].Value;
        if (text.Contains("libc.so.6", StringComparison.Ordinal)) return "glibc";
        return null;
    }

    [GeneratedRegex(@"(?im)^Version\s+(\d+\.\d+(?:\.\d+)?)")]
    private static partial Regex MuslVersion();

    [GeneratedRegex(@"(?im)^ldd \((?:GNU libc|.*GLIBC.*|GNU C Library.*)\) (\d+\.\d+)")]
    private static partial Regex Glibc();
}
