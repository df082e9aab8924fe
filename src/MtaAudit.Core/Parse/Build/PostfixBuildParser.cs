using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Parse.Packages;

namespace MtaAudit.Parse.Build;

/// <summary>
/// <c>mta.postfix.build</c>: "== postconf -m ==" (lookup table types: hash, btree, lmdb, mysql …) then
/// "== postconf -a ==" (SASL server plugins: cyrus, dovecot). A part whose heading is missing is unknown.
/// </summary>
public sealed class PostfixBuildParser : IProbeParser
{
    public const string Probe = "mta.postfix.build";
    public IReadOnlyList<string> Probes { get; } = [Probe];

    public void Apply(EvidenceSection section, HostFacts facts)
    {
        if (section.Outcome != ProbeOutcome.Ran || section.Attributes.ContainsKey("cut")) return;
        if (Parse(section.Text, section.Path) is { } b) facts.Builds.Add(b);
    }

    public static BuildFacts? Parse(string text, string? path = null)
    {
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        int n = 0;
        foreach (var raw in TextLines.Split(text ?? ""))
        {
            if (++n > Words.MaxLines) break;
            var line = raw.Trim();
            if (line == "== postconf -m ==") { lists[BuildFacts.MapTypes] = current = new List<string>(); continue; }
            if (line == "== postconf -a ==") { lists[BuildFacts.Sasl] = current = new List<string>(); continue; }
            // One name a line; "postconf: warning: …" and anything with blanks is not a table type.
            if (current is null || line.Length == 0 || line.Length > 40 || line.Contains(' ') || line.Contains(':')) continue;
            current.Add(line);
        }
        if (lists.Count == 0) return null;
        var evidence = string.Join("; ", lists.Select(kv => $"{kv.Key}: {string.Join(' ', kv.Value.Take(40))}"));
        return new BuildFacts("postfix", path, lists, Probe + ": " + TerminalText.Clean(evidence));
    }
}
