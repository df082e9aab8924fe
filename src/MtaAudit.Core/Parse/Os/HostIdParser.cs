using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Parse.Os;

/// <summary>
/// <c>host.id</c>: which machine the bundle is, one line <c>KIND VALUE</c> per source the collector could read
/// (<c>machine-id</c> from /etc/machine-id, <c>dmi-uuid</c> from /sys/class/dmi/id/product_uuid (root only),
/// <c>hostid</c> on Solaris, <c>uname-u</c> and <c>systemid</c> on AIX, <c>serial</c> and <c>uname-i</c> on
/// HP-UX). Used to tell apart hosts that share a name (<c>localhost</c>, clones), never by the judgement.
/// The fact's value is the sources as <c>kind:value</c>, sorted by kind and separated by spaces.
/// </summary>
public sealed class HostIdParser : IProbeParser
{
    public const string Probe = "host.id";

    public IReadOnlyList<string> Probes { get; } = [Probe];

    public void Apply(EvidenceSection section, HostFacts facts) => facts.Identity = FactOf(section);

    /// <summary>The machine identity a section shows: known when it answered in full with at least one real value.</summary>
    public static Fact<string> FactOf(EvidenceSection? section)
    {
        if (section is null) return Fact<string>.Unknown(UnknownReason.NotCollected, Probe);
        var state = ProbeStatus.Of(section);
        if (!state.IsKnown) return Fact<string>.Unknown(state.Reason ?? UnknownReason.Absent, Probe);
        var text = Text(Parse(section.Text));
        return text.Length == 0 ? Fact<string>.Unknown(UnknownReason.Failed, Probe) : Fact<string>.Known(text, Probe);
    }

    /// <summary>Kind to value (lower case), leaving out placeholders (all zeros or F's, "uninitialized", a DMI table's filler).</summary>
    public static SortedDictionary<string, string> Parse(string text)
    {
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in TextLines.Split(text ?? ""))
        {
            var t = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (t.Length != 2 || t[1].Contains(' ') || !Real(t[1])) continue;
            found.TryAdd(t[0].ToLowerInvariant(), t[1].ToLowerInvariant());
        }
        return found;
    }

    public static string Text(IReadOnlyDictionary<string, string> kinds) =>
        string.Join(' ', kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key + ":" + k.Value));

    private static bool Real(string v)
    {
        var digits = v.Where(char.IsAsciiHexDigit).ToArray();
        if (digits.Length == 0) return !v.Equals("uninitialized", StringComparison.OrdinalIgnoreCase) && v.Length >= 4;
        if (digits.All(c => c == '0') || digits.All(c => c is 'f' or 'F')) return false;
        // Filler many DMI tables carry instead of a UUID (the same on every such board).
        return !v.Equals("03000200-0400-0500-0006-000700080009", StringComparison.OrdinalIgnoreCase);
    }
}
