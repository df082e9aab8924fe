using MtaAudit.Versions;

namespace MtaAudit.Knowledge;

/// <summary>
/// The embedded, versioned knowledge base: releases, branches, CVEs (upstream ranges) and
/// vendor packages. Read-only queries; loading lives in <see cref="KnowledgeBaseLoader"/>.
/// </summary>
public sealed class KnowledgeBase
{
    public KnowledgeBase(string version, string date, IReadOnlyList<MtaKnowledge> mtas, IReadOnlyList<VendorPackage> vendorPackages,
        IReadOnlyList<OsLifecycleRecord>? osLifecycle = null, IReadOnlyList<SourceDate>? dataThrough = null)
    {
        Version = version;
        Date = date;
        Mtas = mtas.ToDictionary(m => m.Mta, StringComparer.Ordinal);
        VendorPackages = vendorPackages;
        OsLifecycle = osLifecycle ?? [];
        DataThrough = dataThrough ?? [];
    }

    /// <summary>End of standard and extended support per OS release.</summary>
    public IReadOnlyList<OsLifecycleRecord> OsLifecycle { get; }

    /// <summary>How far each source's facts reach; <see cref="DataRunsTo"/> is the newest of them.</summary>
    public IReadOnlyList<SourceDate> DataThrough { get; }

    /// <summary>The date the data runs to (the newest dated fact read), not the date it was packaged; <see cref="Date"/> when unknown.</summary>
    public string DataRunsTo => DataThrough.Count == 0 ? Date : DataThrough.Max(d => d.Through)!;

    /// <summary>Knowledge base version, e.g. 2026.11.1.</summary>
    public string Version { get; }
    /// <summary>Date its facts were last checked (yyyy-MM-dd).</summary>
    public string Date { get; }
    public IReadOnlyDictionary<string, MtaKnowledge> Mtas { get; }
    public IReadOnlyList<VendorPackage> VendorPackages { get; }

    public MtaKnowledge? For(string mta) => Mtas.GetValueOrDefault(mta);

    /// <summary>The branch (release series) a version belongs to, or null when the knowledge base has none for it.</summary>
    public BranchInfo? BranchOf(string mta, UpstreamVersion v) =>
        For(mta)?.Branches.FirstOrDefault(b => b.Branch == v.Branch);

    /// <summary>The CVEs whose upstream ranges contain <paramref name="v"/>.</summary>
    public IReadOnlyList<CveRecord> Affecting(string mta, UpstreamVersion v)
    {
        var k = For(mta);
        if (k is null) return [];
        // WHY cached: a fleet runs a few versions over thousands of hosts, and each answer parses every
        // range's bounds of every CVE of the MTA. The knowledge base does not change once loaded.
        return _affecting.GetOrAdd((mta, v), key => For(key.Mta)!.Cves.Where(c => c.Affected.Any(r => Contains(r, key.V))).ToList().AsReadOnly());
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Mta, UpstreamVersion V), IReadOnlyList<CveRecord>> _affecting = new();

    /// <summary>The first upstream version that fixes <paramref name="cve"/> for someone on <paramref name="v"/>: the fix of the range holding v.</summary>
    public static string? FixedFor(CveRecord cve, UpstreamVersion v) =>
        cve.Affected.FirstOrDefault(r => Contains(r, v))?.Fixed;

    public static bool Contains(AffectedRange r, UpstreamVersion v)
    {
        if (r.Introduced != "0" && (!UpstreamVersion.TryParse(r.Introduced, out var lo) || v < lo)) return false;
        if (r.Fixed is not null)
            return UpstreamVersion.TryParse(r.Fixed, out var hi) && v < hi;
        if (r.LastAffected is not null)
            return UpstreamVersion.TryParse(r.LastAffected, out var last) && v <= last;
        return true; // no fix upstream: every version from Introduced on
    }

    /// <summary>Vendor packages the knowledge base has for a distro release and MTA.</summary>
    public IEnumerable<VendorPackage> VendorPackagesFor(string distro, string release, string mta) =>
        VendorPackages.Where(p => p.Mta == mta
            && string.Equals(p.Distro, distro, StringComparison.OrdinalIgnoreCase)
            && (p.Release == release || p.Release.StartsWith(release + " ", StringComparison.Ordinal) || p.Release.StartsWith(release + ".", StringComparison.Ordinal)));
}
