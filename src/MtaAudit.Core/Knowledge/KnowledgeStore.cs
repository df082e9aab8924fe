using System.Text.Json;
using MtaAudit.Knowledge.Import;
using MtaAudit.Versions;

namespace MtaAudit.Knowledge;

/// <summary>What the local overlay holds, for <c>db status</c>.</summary>
public sealed record OverlayStatus(
    string Path,
    bool Exists,
    string? Updated,
    int Cves,
    int VendorPackages,
    int CvesReplacingEmbedded,
    int VendorPackagesReplacingEmbedded,
    IReadOnlyList<string> Imported,
    int OsLifecycle = 0,
    int Releases = 0,
    IReadOnlyList<LocalSourceDate>? DataThrough = null,
    IReadOnlyList<KeptEmbedded>? KeptEmbedded = null);

/// <summary>An imported CVE record narrower than the embedded one of the same id: the embedded ranges still count.</summary>
public sealed record KeptEmbedded(string Id, string Source);

/// <summary>
/// The knowledge base the tool judges with: the embedded kb.json merged with the local overlay that
/// <c>db import</c> writes (default /var/lib/mta-audit/kb-local.json; the directory comes from --data-dir,
/// else $MTA_AUDIT_DATA_DIR). A CVE with the same MTA and id widens the embedded one (the union of both records'
/// ranges: an overlay never narrows what the embedded data holds affected); a vendor package with the
/// same distro, release, MTA, package and version replaces the embedded one; an OS lifecycle date replaces the
/// embedded date of the same release; a release adds to the MTA's known releases (so a newer one is the newest).
/// </summary>
public static class KnowledgeStore
{
    public const string DefaultDataDir = "/var/lib/mta-audit";
    public const string DataDirVariable = "MTA_AUDIT_DATA_DIR";
    public const string OverlayFileName = "kb-local.json";

    /// <summary>The data directory: <paramref name="dataDir"/>, else $MTA_AUDIT_DATA_DIR, else /var/lib/mta-audit.</summary>
    public static string DataDir(string? dataDir = null)
    {
        if (!string.IsNullOrEmpty(dataDir)) return dataDir;
        var env = Environment.GetEnvironmentVariable(DataDirVariable);
        return string.IsNullOrEmpty(env) ? DefaultDataDir : env;
    }

    public static string OverlayPath(string? dataDir = null) => Path.Combine(DataDir(dataDir), OverlayFileName);

    /// <summary>
    /// The embedded knowledge base merged with the overlay of <paramref name="dataDir"/> (the embedded one as is
    /// when there is no overlay). Throws <see cref="KnowledgeBaseException"/> naming the overlay file and JSON path
    /// when the overlay exists but cannot be trusted.
    /// </summary>
    public static KnowledgeBase Load(string? dataDir = null)
    {
        var embedded = KnowledgeBaseLoader.LoadEmbedded();
        var path = OverlayPath(dataDir);
        return File.Exists(path) ? Merge(embedded, ReadOverlay(path)) : embedded;
    }

    /// <summary>Reads and validates an overlay file.</summary>
    public static LocalOverlayFile ReadOverlay(string path)
    {
        LocalOverlayFile? f;
        try
        {
            using var s = File.OpenRead(path);
            f = JsonSerializer.Deserialize(s, LocalOverlayJsonContext.Default.LocalOverlayFile);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            throw new KnowledgeBaseException(path, e.Path ?? "$", "not a valid local overlay" + where, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KnowledgeBaseException(path, "$", "cannot read: " + e.Message, e);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Text.DecoderFallbackException)
        {
            throw new KnowledgeBaseException(path, "$", "not a valid local overlay: not UTF-8 text", e);
        }
        if (f is null) throw new KnowledgeBaseException(path, "$", "document is null");
        Validate(path, f);
        return f;
    }

    private static void Validate(string path, LocalOverlayFile f)
    {
        KnowledgeBaseException Fail(string at, string problem) => new(path, at, problem);
        if (f.Schema != LocalOverlayFile.SchemaName)
            throw Fail("$.schema", $"{(f.Schema is null ? "missing" : "\"" + f.Schema + "\" is not supported")}; expected \"{LocalOverlayFile.SchemaName}\"");
        var cves = f.Cves ?? [];
        for (int i = 0; i < cves.Count; i++)
        {
            var c = cves[i];
            var at = $"$.cves[{i}]";
            if (c is null) throw Fail(at, "null item");
            if (string.IsNullOrWhiteSpace(c.Mta)) throw Fail(at + ".mta", "missing");
            if (string.IsNullOrWhiteSpace(c.Id)) throw Fail(at + ".id", "missing");
            if (c.Cvss is { } s && (double.IsNaN(s) || s < 0 || s > 10)) throw Fail(at + ".cvss", "not a CVSS score");
            KbRangeRules.Check(path, at, c.Affected, rejectEmpty: true);
        }
        var packages = f.VendorPackages ?? [];
        for (int i = 0; i < packages.Count; i++)
        {
            var p = packages[i];
            var at = $"$.vendorPackages[{i}]";
            if (p is null) throw Fail(at, "null item");
            if (string.IsNullOrWhiteSpace(p.Distro)) throw Fail(at + ".distro", "missing");
            if (string.IsNullOrWhiteSpace(p.Release)) throw Fail(at + ".release", "missing");
            if (string.IsNullOrWhiteSpace(p.Mta)) throw Fail(at + ".mta", "missing");
            if (string.IsNullOrWhiteSpace(p.Version)) throw Fail(at + ".version", "missing");
        }
        var lifecycle = f.OsLifecycle ?? [];
        for (int i = 0; i < lifecycle.Count; i++)
        {
            var l = lifecycle[i];
            var at = $"$.osLifecycle[{i}]";
            if (l is null) throw Fail(at, "null item");
            if (string.IsNullOrWhiteSpace(l.Os)) throw Fail(at + ".os", "missing");
            if (string.IsNullOrWhiteSpace(l.Cycle)) throw Fail(at + ".cycle", "missing");
            foreach (var (name, d) in new[] { ("standardSupportEnd", l.StandardSupportEnd), ("freeExtendedEnd", l.FreeExtendedEnd), ("paidExtendedEnd", l.PaidExtendedEnd) })
                if (d is not null && Day(d) is null) throw Fail(at + "." + name, $"not a yyyy-MM-dd date: {d}");
        }
        var releases = f.Releases ?? [];
        for (int i = 0; i < releases.Count; i++)
        {
            var r = releases[i];
            var at = $"$.releases[{i}]";
            if (r is null) throw Fail(at, "null item");
            if (string.IsNullOrWhiteSpace(r.Mta)) throw Fail(at + ".mta", "missing");
            if (!UpstreamVersion.TryParse(r.Version, out _)) throw Fail(at + ".version", $"not an upstream version: {r.Version}");
            if (r.Date is not null && Day(r.Date) is null) throw Fail(at + ".date", $"not a yyyy-MM-dd date: {r.Date}");
        }
        var through = f.DataThrough ?? [];
        for (int i = 0; i < through.Count; i++)
            if (through[i] is not { Source.Length: > 0 } d || Day(d.Through) is null) throw Fail($"$.dataThrough[{i}]", "needs a source and a yyyy-MM-dd date");
    }

    private static DateOnly? Day(string? d) =>
        d is not null && DateOnly.TryParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var v) ? v : null;

    /// <summary>The key under which an overlay vendor package replaces an embedded one.</summary>
    public static string PackageKey(string distro, string release, string mta, string package, string version) =>
        string.Join('\u001f', distro.ToLowerInvariant(), release, mta, package, version);

    private static string PackageKey(VendorPackage p) => PackageKey(p.Distro, p.Release, p.Mta, p.Package, p.Version);

    /// <summary>The embedded knowledge base with the overlay's records in place of the embedded ones they match.</summary>
    public static KnowledgeBase Merge(KnowledgeBase embedded, LocalOverlayFile overlay)
    {
        var cves = (overlay.Cves ?? []).Select(ToRecord).ToList();
        var mtas = embedded.Mtas.Values.Select(m =>
        {
            var mine = cves.Where(c => c.Mta == m.Mta).ToList();
            if (mine.Count == 0) return m;
            var ids = mine.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            var embeddedById = m.Cves.ToDictionary(c => c.Id, StringComparer.Ordinal);
            mine = mine.Select(c => embeddedById.TryGetValue(c.Id, out var e) ? Widened(e, c) : c).ToList();
            return m with { Cves = [.. m.Cves.Where(c => !ids.Contains(c.Id)), .. mine] };
        }).Select(m => WithReleases(m, overlay.Releases ?? [])).ToList();

        var packages = (overlay.VendorPackages ?? []).Select(ToRecord).ToList();
        var keys = packages.Select(PackageKey).ToHashSet(StringComparer.Ordinal);
        var allPackages = embedded.VendorPackages.Where(p => !keys.Contains(PackageKey(p))).Concat(packages).ToList();

        // Imported data is as fresh as its import: the age check of db status counts from the later date.
        var date = embedded.Date;
        if (overlay.Updated is { Length: >= 10 } u && string.CompareOrdinal(u[..10], date) > 0) date = u[..10];
        return new KnowledgeBase(embedded.Version + "+local", date, mtas.Select(KnowledgeBaseLoader.KnownReleasesCount).ToList(), allPackages,
            embedded.OsLifecycle.Select(r => WithLifecycle(r, overlay.OsLifecycle ?? [])).ToList(), WithDates(embedded.DataThrough, overlay.DataThrough ?? []));
    }

    /// <summary>
    /// An embedded record with an imported one of the same id. The overlay may only add and widen (issue 20: an
    /// OSV record "introduced 0, fixed 0.0" replacing the embedded ranges made every version unaffected): the
    /// affected versions are the union of both records' ranges, the higher score and any KEV listing count, and an
    /// imported record (OSV, NVD) has no preconditions, mitigation or vendor aliases, so the embedded ones stay.
    /// </summary>
    private static CveRecord Widened(CveRecord e, CveRecord c)
    {
        bool higher = (c.Cvss ?? -1) >= (e.Cvss ?? -1);
        return c with
        {
            Affected = [.. e.Affected, .. c.Affected.Where(r => !e.Affected.Any(x => x.Introduced == r.Introduced && x.Fixed == r.Fixed && x.LastAffected == r.LastAffected))],
            Cvss = higher ? c.Cvss : e.Cvss,
            CvssVersion = higher ? c.CvssVersion : e.CvssVersion,
            Severity = higher ? c.Severity ?? e.Severity : e.Severity,
            AttackVector = c.AttackVector ?? e.AttackVector,
            Kev = c.Kev || e.Kev,
            Requires = c.Requires ?? e.Requires, Mitigation = c.Mitigation ?? e.Mitigation, Preconditions = c.Preconditions ?? e.Preconditions,
            Aliases = c.Aliases is { Count: > 0 } ? c.Aliases : e.Aliases, Date = c.Date ?? e.Date,
        };
    }

    /// <summary>True when some version the embedded record holds affected lies outside every imported range: the import would narrow it.</summary>
    internal static bool Narrows(IReadOnlyList<AffectedRange> embedded, IReadOnlyList<AffectedRange> imported) =>
        embedded.Any(e => KbRangeRules.Degenerate(e.Introduced, e.Fixed, e.LastAffected) is null && !imported.Any(o => Covers(o, e)));

    private static bool Covers(AffectedRange outer, AffectedRange inner)
    {
        static UpstreamVersion? V(string? s) => s is null ? null : UpstreamVersion.Parse(s);
        if (outer.Introduced != "0" && (inner.Introduced == "0" || V(outer.Introduced)! > V(inner.Introduced)!)) return false;
        if (outer.Fixed is null && outer.LastAffected is null) return true;
        if (inner.Fixed is null && inner.LastAffected is null) return false;
        // Upper bounds: "fixed F" holds every v < F, "last affected L" every v <= L.
        return (outer.Fixed, outer.LastAffected, inner.Fixed, inner.LastAffected) switch
        {
            ({ } of, _, { } f, _) => V(of)! >= V(f)!,
            ({ } of, _, _, { } l) => V(of)! > V(l)!,
            (_, { } ol, { } f, _) => V(ol)! >= V(f)!,
            (_, { } ol, _, { } l) => V(ol)! >= V(l)!,
            _ => false,
        };
    }

    /// <summary>The MTA's releases plus the release lists' (KnownReleasesCount then makes a newer one the newest).</summary>
    private static MtaKnowledge WithReleases(MtaKnowledge m, List<LocalRelease> releases)
    {
        var known = m.Releases.ToHashSet(StringComparer.Ordinal);
        var added = releases.Where(r => r.Mta == m.Mta && !known.Contains(r.Version!)).ToList();
        if (added.Count == 0) return m;
        return m with
        {
            Releases = [.. m.Releases, .. added.Select(r => r.Version!)],
            ReleaseHistory = [.. m.ReleaseHistory ?? [], .. added.Select(r => new ReleaseInfo(r.Version!, r.Date))],
        };
    }

    /// <summary>
    /// The embedded record with the overlay's dates of the same OS and cycle ("7" is versionId "7" or "7.x"):
    /// standard support, the free extended programs' end, the paid ones' end. A date the overlay lacks stays.
    /// </summary>
    private static OsLifecycleRecord WithLifecycle(OsLifecycleRecord r, List<LocalOsLifecycle> lifecycle)
    {
        var l = lifecycle.LastOrDefault(l => l.Os == r.Os && (r.VersionId == l.Cycle || r.VersionId == l.Cycle + ".x"));
        if (l is null) return r;
        return r with
        {
            StandardSupportEnd = Day(l.StandardSupportEnd) ?? r.StandardSupportEnd,
            Extended = r.Extended.Select(x => (x.Paid ? Day(l.PaidExtendedEnd) : Day(l.FreeExtendedEnd)) is { } end ? x with { End = end } : x).ToList(),
            Sources = [.. r.Sources, l.Source ?? "db update"],
        };
    }

    /// <summary>The embedded data dates, with each refreshed source's date added (or replacing the one of the same name).</summary>
    private static List<SourceDate> WithDates(IReadOnlyList<SourceDate> embedded, List<LocalSourceDate> refreshed)
    {
        var names = refreshed.Select(d => d.Source!).ToHashSet(StringComparer.Ordinal);
        return [.. embedded.Where(d => !names.Contains(d.Source)), .. refreshed.Select(d => new SourceDate(d.Source!, d.Through!, "db update"))];
    }

    /// <summary>What the overlay of <paramref name="dataDir"/> holds and how much of the embedded data it replaces.</summary>
    public static OverlayStatus Status(string? dataDir = null)
    {
        var path = OverlayPath(dataDir);
        if (!File.Exists(path)) return new OverlayStatus(path, false, null, 0, 0, 0, 0, []);
        var f = ReadOverlay(path);
        var embedded = KnowledgeBaseLoader.LoadEmbedded();
        var cves = f.Cves ?? [];
        int replacedCves = cves.Count(c => embedded.For(c.Mta!)?.Cves.Any(e => e.Id == c.Id) == true);
        var embeddedKeys = embedded.VendorPackages.Select(PackageKey).ToHashSet(StringComparer.Ordinal);
        var packages = (f.VendorPackages ?? []).Select(ToRecord).ToList();
        int replacedPackages = packages.Count(p => embeddedKeys.Contains(PackageKey(p)));
        // Where an imported record is narrower than the embedded one, the embedded ranges still count (Widened): say which.
        var kept = cves.Select(c => (Cve: c, Embedded: embedded.For(c.Mta!)?.Cves.FirstOrDefault(e => e.Id == c.Id)))
            .Where(x => x.Embedded is not null && Narrows(x.Embedded.Affected, ToRecord(x.Cve).Affected))
            .Select(x => new KeptEmbedded(x.Cve.Id!, string.Join(", ", x.Cve.Sources ?? []))).ToList();
        return new OverlayStatus(path, true, f.Updated, cves.Count, packages.Count, replacedCves, replacedPackages, f.Imported ?? [],
            f.OsLifecycle?.Count ?? 0, f.Releases?.Count ?? 0, f.DataThrough ?? [], kept);
    }

    // The overlay keeps the embedded data dates: an import's own date says nothing of how far its records reach.

    private static CveRecord ToRecord(LocalCve c) => new(
        c.Id!,
        c.Mta!,
        c.Summary ?? "",
        c.Severity,
        c.Cvss,
        c.Kev,
        c.AttackVector,
        c.Affected!.Select(r => new AffectedRange(r.Introduced!, r.Fixed, r.LastAffected, r.Note)).ToList(),
        Confidence: null,
        Sources: c.Sources ?? [],
        Verified: true,
        CvssVersion: c.CvssVersion,
        Note: c.Note);

    private static VendorPackage ToRecord(KbVendorPackage p) => new(
        p.Distro!,
        p.Release!,
        p.Mta!,
        p.Package ?? "",
        p.Version!,
        p.Upstream,
        p.FixedCves ?? [],
        p.Verified,
        p.Source,
        p.Note);

}
