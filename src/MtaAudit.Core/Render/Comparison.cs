using MtaAudit.Assess;

namespace MtaAudit.Render;

/// <summary>One host as a follow-up check sees it: its verdict and what it runs, nothing more (small).</summary>
public sealed record HostState(string Host, Verdict Verdict, string Versions, string Os, string? CollectedAt)
{
    /// <summary>Which machine it is (its own name, host.id, addresses): how <see cref="HostMatch.Pair"/> pairs runs.</summary>
    public HostIdentity? Identity { get; init; }

    public static HostState Of(HostReport h, HostContext? context = null) => new(h.Host, h.Verdict,
        h.Mtas.Count == 0 ? "-" : string.Join(", ", h.Mtas.Select(m => $"{m.Mta} {m.Version ?? "?"}" + (m.Package is null ? "" : $" ({m.Package.Version})")).Order(StringComparer.Ordinal)),
        Words.Os(h.Os), h.CollectedAt)
    {
        Identity = context?.Identity,
        Cves = h.Mtas.SelectMany(m => m.Cves).Where(c => c.Counts && c.Vendor?.StartsWith("fixed in ", StringComparison.Ordinal) != true)
            .Select(c => c.Id).Distinct().Order(StringComparer.Ordinal).ToList(),
    };

    /// <summary>The CVE ids open on the host: applicable, curable, and not fixed in its vendor package (this run's knowledge).</summary>
    public IReadOnlyList<string> Cves { get; init; } = [];
}

/// <summary>One host's CVEs between the two checks: those gone (resolved) and those that appeared.</summary>
public sealed record CveChange(string Host, IReadOnlyList<string> Resolved, IReadOnlyList<string> New);

/// <summary>
/// 이행점검: an earlier check against this one, host by host: fixed (취약 → 양호), still vulnerable
/// (미조치), newly vulnerable, other verdict changes, versions changed, hosts added and removed, CVEs
/// resolved and new per host, 조치율 and both runs' collection times.
/// </summary>
public sealed class Comparison
{
    public List<(HostState Old, HostState New)> Fixed { get; } = new();
    public List<(HostState Old, HostState New)> StillVulnerable { get; } = new();
    public List<(HostState Old, HostState New)> NewlyVulnerable { get; } = new();
    public List<(HostState Old, HostState New)> VerdictChanged { get; } = new();
    public List<(HostState Old, HostState New)> VersionChanged { get; } = new();
    public List<HostState> Added { get; } = new();
    public List<HostState> Removed { get; } = new();
    /// <summary>Hosts of a name several hosts share in a run, that nothing pairs one to one (old or new side set).</summary>
    public List<(HostState? Old, HostState? New)> Ambiguous { get; } = new();
    public int Unchanged { get; private set; }
    public int OldCount { get; private set; }
    public int NewCount { get; private set; }
    public CollectionPeriod OldPeriod { get; } = new();
    public CollectionPeriod NewPeriod { get; } = new();
    public List<CveChange> CveChanges { get; } = new();
    /// <summary>Hosts vulnerable in the earlier check and present in this one: the 조치율's denominator.</summary>
    public int WereVulnerable { get; private set; }

    /// <summary>조치율 = fixed ÷ hosts vulnerable before (of those in both checks); null when none was.</summary>
    public double? FixRate => WereVulnerable == 0 ? null : 100.0 * Fixed.Count / WereVulnerable;

    public string FixRateText => FixRate is { } r ? r.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "-";

    public static Comparison Of(IEnumerable<HostState> older, IEnumerable<HostState> newer)
    {
        var c = new Comparison();
        var oldList = older.ToList();
        var newList = newer.ToList();
        c.OldCount = oldList.Count;
        c.NewCount = newList.Count;
        foreach (var o in oldList) c.OldPeriod.Add(o.CollectedAt);
        foreach (var n in newList) c.NewPeriod.Add(n.CollectedAt);
        // Which host of one run is which of the other: the same rule as a report's inputs (Render/HostMatch.cs).
        var pairing = HostMatch.Pair(oldList, newList);
        foreach (var (o, n) in pairing.Pairs)
        {
            bool changed = false;
            if (o.Verdict == Verdict.Vulnerable && n.Verdict == Verdict.Good) { c.Fixed.Add((o, n)); changed = true; }
            else if (o.Verdict != Verdict.Vulnerable && n.Verdict == Verdict.Vulnerable) { c.NewlyVulnerable.Add((o, n)); changed = true; }
            else if (o.Verdict != n.Verdict) { c.VerdictChanged.Add((o, n)); changed = true; }
            if (o.Versions != n.Versions) { c.VersionChanged.Add((o, n)); changed = true; }
            if (!changed) c.Unchanged++;
            c.Follow(o, n);
        }
        c.Added.AddRange(pairing.OnlyNew);
        c.Removed.AddRange(pairing.OnlyOld.OrderBy(o => o.Host, StringComparer.Ordinal));
        c.Ambiguous.AddRange(pairing.AmbiguousOld.Select(o => ((HostState?)o, (HostState?)null)));
        c.Ambiguous.AddRange(pairing.AmbiguousNew.Select(n => ((HostState?)null, (HostState?)n)));
        c.Ambiguous.Sort((a, b) => string.CompareOrdinal((a.Old ?? a.New)!.Host, (b.Old ?? b.New)!.Host));
        c.CveChanges.Sort((a, b) => string.CompareOrdinal(a.Host, b.Host));
        foreach (var list in new[] { c.Fixed, c.StillVulnerable, c.NewlyVulnerable, c.VerdictChanged, c.VersionChanged })
            list.Sort((a, b) => string.CompareOrdinal(a.New.Host, b.New.Host));
        c.Added.Sort((a, b) => string.CompareOrdinal(a.Host, b.Host));
        return c;
    }

    /// <summary>What a host present in both checks adds besides its change: 미조치, the 조치율's count, its CVE changes.</summary>
    private void Follow(HostState o, HostState n)
    {
        if (o.Verdict == Verdict.Vulnerable)
        {
            WereVulnerable++;
            if (n.Verdict == Verdict.Vulnerable) StillVulnerable.Add((o, n));
        }
        var resolved = o.Cves.Except(n.Cves, StringComparer.Ordinal).ToList();
        var added = n.Cves.Except(o.Cves, StringComparer.Ordinal).ToList();
        if (resolved.Count == 0 && added.Count == 0) return;
        var change = new CveChange(n.Host, resolved, added);
        CveChanges.Add(change);
        _cveByHost[n.Host] = change;
    }

    /// <summary>The CVE change of a host, if any.</summary>
    public CveChange? CvesOf(string host) => _cveByHost.GetValueOrDefault(host);

    private readonly Dictionary<string, CveChange> _cveByHost = new(StringComparer.Ordinal);

    /// <summary>The sections in print order: glossary code and rows (old may be null for added, new for removed).</summary>
    public IEnumerable<(string Code, List<(HostState? Old, HostState? New)> Rows)> Sections()
    {
        yield return ("cmp.fixed", Fixed.Select(p => ((HostState?)p.Old, (HostState?)p.New)).ToList());
        yield return ("cmp.still-vulnerable", StillVulnerable.Select(p => ((HostState?)p.Old, (HostState?)p.New)).ToList());
        yield return ("cmp.newly-vulnerable", NewlyVulnerable.Select(p => ((HostState?)p.Old, (HostState?)p.New)).ToList());
        yield return ("cmp.verdict-changed", VerdictChanged.Select(p => ((HostState?)p.Old, (HostState?)p.New)).ToList());
        yield return ("cmp.version-changed", VersionChanged.Select(p => ((HostState?)p.Old, (HostState?)p.New)).ToList());
        yield return ("cmp.added", Added.Select(n => ((HostState?)null, (HostState?)n)).ToList());
        yield return ("cmp.removed", Removed.Select(o => ((HostState?)o, (HostState?)null)).ToList());
        // Only when some host could not be paired: a comparison of runs without shared names reads as before.
        if (Ambiguous.Count > 0) yield return ("cmp.ambiguous", Ambiguous);
    }
}
