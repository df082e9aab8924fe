using MtaAudit.Assess;

namespace MtaAudit.Render;

/// <summary>One host as a follow-up check sees it: its verdict and what it runs, nothing more (small).</summary>
public sealed record HostState(string Host, Verdict Verdict, string Versions, string Os, string? CollectedAt)
{
    public static HostState Of(HostReport h) => new(h.Host, h.Verdict,
        h.Mtas.Count == 0 ? "-" : string.Join(", ", h.Mtas.Select(m => $"{m.Mta} {m.Version ?? "?"}" + (m.Package is null ? "" : $" ({m.Package.Version})")).Order(StringComparer.Ordinal)),
        Words.Os(h.Os), h.CollectedAt);
}

/// <summary>
/// 이행점검: an earlier check against this one, host by host: fixed (취약 → 양호), newly
/// vulnerable, other verdict changes, versions changed, hosts added and removed.
/// </summary>
public sealed class Comparison
{
    public List<(HostState Old, HostState New)> Fixed { get; } = new();
    public List<(HostState Old, HostState New)> NewlyVulnerable { get; } = new();
    public List<(HostState Old, HostState New)> VerdictChanged { get; } = new();
    public List<(HostState Old, HostState New)> VersionChanged { get; } = new();
    public List<HostState> Added { get; } = new();
    public List<HostState> Removed { get; } = new();
    public int Unchanged { get; private set; }
    public int OldCount { get; private set; }
    public int NewCount { get; private set; }

    public static Comparison Of(IEnumerable<HostState> older, IEnumerable<HostState> newer)
    {
        var c = new Comparison();
        var old = new Dictionary<string, HostState>(StringComparer.Ordinal);
        foreach (var h in older) old[h.Host] = h;
        c.OldCount = old.Count;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in newer)
        {
            if (!seen.Add(n.Host)) continue;
            c.NewCount++;
            if (!old.TryGetValue(n.Host, out var o)) { c.Added.Add(n); continue; }
            bool changed = false;
            if (o.Verdict == Verdict.Vulnerable && n.Verdict == Verdict.Good) { c.Fixed.Add((o, n)); changed = true; }
            else if (o.Verdict != Verdict.Vulnerable && n.Verdict == Verdict.Vulnerable) { c.NewlyVulnerable.Add((o, n)); changed = true; }
            else if (o.Verdict != n.Verdict) { c.VerdictChanged.Add((o, n)); changed = true; }
            if (o.Versions != n.Versions) { c.VersionChanged.Add((o, n)); changed = true; }
            if (!changed) c.Unchanged++;
        }
        c.Removed.AddRange(old.Values.Where(o => !seen.Contains(o.Host)).OrderBy(o => o.Host, StringComparer.Ordinal));
        foreach (var list in new[] { c.Fixed, c.NewlyVulnerable, c.VerdictChanged, c.VersionChanged })
            list.Sort((a, b) => string.CompareOrdinal(a.New.Host, b.New.Host));
        c.Added.Sort((a, b) => string.CompareOrdinal(a.Host, b.Host));
        return c;
    }

    /// <summary>The sections in print order: glossary code and rows (old may be null for added, new for removed).</summary>
    public IEnumerable<(string Code, List<(HostState? Old, HostState? New)> Rows)> Sections()
    {
        yield return ("cmp.fixed", Fixed.Select(p => ((HostState?)p.Old, (HostState?)p.New)).ToList());
        yield return ("cmp.newly-vulnerable", NewlyVulnerable.Select(p => ((HostState?)p.Old, (HostState?)p.New)).ToList());
        yield return ("cmp.verdict-changed", VerdictChanged.Select(p => ((HostState?)p.Old, (HostState?)p.New)).ToList());
        yield return ("cmp.version-changed", VersionChanged.Select(p => ((HostState?)p.Old, (HostState?)p.New)).ToList());
        yield return ("cmp.added", Added.Select(n => ((HostState?)null, (HostState?)n)).ToList());
        yield return ("cmp.removed", Removed.Select(o => ((HostState?)o, (HostState?)null)).ToList());
    }
}
