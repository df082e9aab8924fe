using System.Text;
using MtaAudit.Evidence;

namespace MtaAudit.Tests.Mta;

/// <summary>Builds an evidence section around a real output, as the bundle reader would.</summary>
internal static class Sections
{
    public static EvidenceSection Of(string probe, string content, ProbeOutcome outcome = ProbeOutcome.Ran, int? rc = 0, string? path = null) =>
        new(probe, outcome, outcome == ProbeOutcome.Ran ? rc : null, path, null,
            new Dictionary<string, string>(), Encoding.UTF8.GetBytes(content), 1);
}

/// <summary>
/// Takes the command column out of a real ps line, the way a ps parser would: skip the fixed
/// columns before it. Test-side only; the real ps parser belongs elsewhere.
/// </summary>
internal static class PsLine
{
    public static string Args(string line, int columnsBefore)
    {
        int i = 0;
        for (int col = 0; col < columnsBefore; col++)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
            while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
        }
        return line[i..].Trim();
    }

    /// <summary>The command column of the fixture line containing <paramref name="marker"/>.</summary>
    public static string From(string fixture, string marker, int columnsBefore)
    {
        var line = Support.Fixture.Output(fixture).Split('\n').First(l => l.Contains(marker, StringComparison.Ordinal));
        return Args(line, columnsBefore);
    }
}
