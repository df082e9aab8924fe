using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Parse.Build;

/// <summary>Build facts from <c>sendmail -d0.1</c> (probe mta.sendmail.version): the "Compiled with:" flags (STARTTLS, SASLv2, LDAPMAP …).</summary>
public sealed class SendmailBuildParser : IProbeParser
{
    public IReadOnlyList<string> Probes { get; } = ["mta.sendmail.version"];

    private static readonly string[] Labels = [BuildFacts.CompiledWith];

    public void Apply(EvidenceSection section, HostFacts facts)
    {
        if (section.Outcome != ProbeOutcome.Ran || section.Attributes.ContainsKey("cut")) return;
        if (Parse(section.Text, section.Path) is { } b) facts.Builds.Add(b);
    }

    public static BuildFacts? Parse(string text, string? path = null)
    {
        var lists = BuildListReader.Read(text, Labels);
        if (!lists.TryGetValue(BuildFacts.CompiledWith, out var flags)) return null;
        return new BuildFacts("sendmail", path, lists, "mta.sendmail.version: Compiled with: " + TerminalText.Clean(string.Join(' ', flags.Take(60))));
    }
}
