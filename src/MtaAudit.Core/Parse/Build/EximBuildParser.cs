using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Parse.Build;

/// <summary>
/// Build facts from <c>exim -bV</c> (probe mta.exim.version; the collector keeps the whole output):
/// "Support for:" (GnuTLS, OpenSSL, PROXY, SPF, DKIM, Perl, PAM …), "Lookups (built-in|dynamic):",
/// "Authenticators:" and "Hints DB:". Nothing when the output was cut or timed out (unknown, not "none").
/// </summary>
public sealed class EximBuildParser : IProbeParser
{
    public IReadOnlyList<string> Probes { get; } = ["mta.exim.version"];

    private static readonly string[] Labels = [BuildFacts.SupportFor, BuildFacts.Lookups, BuildFacts.Authenticators, BuildFacts.HintsDb];

    public void Apply(EvidenceSection section, HostFacts facts)
    {
        if (section.Outcome != ProbeOutcome.Ran || section.Attributes.ContainsKey("cut")) return;
        if (Parse(section.Text, section.Path) is { } b) facts.Builds.Add(b);
    }

    public static BuildFacts? Parse(string text, string? path = null)
    {
        var lists = BuildListReader.Read(text, Labels);
        if (!lists.ContainsKey(BuildFacts.SupportFor)) return null; // not an exim -bV listing
        var evidence = string.Join(" | ", (text ?? "").Split('\n').Where(l => Labels.Any(x => l.TrimStart().StartsWith(x, StringComparison.Ordinal))).Select(l => l.Trim()));
        return new BuildFacts("exim", path, lists, "mta.exim.version: " + TerminalText.Clean(evidence.Length > 600 ? evidence[..600] + "…" : evidence));
    }
}
