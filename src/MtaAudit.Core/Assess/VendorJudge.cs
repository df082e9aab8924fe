using System.Globalization;
using MtaAudit.Facts;
using MtaAudit.Knowledge;
using MtaAudit.Versions;

namespace MtaAudit.Assess;

/// <summary>
/// The vendor policy: a packaged MTA is as current as its vendor makes it. Vendors backport fixes
/// without changing the upstream number (Debian 12's exim4 4.96-15+deb12u10 carries fixes of 4.99.x),
/// so upstream ranges alone would flag every patched server. Decided, in order, from:
/// a pending update for the package (VULNERABLE); a newer vendor package in the knowledge base
/// (VULNERABLE); each upstream CVE of the version being fixed per the package changelog or vendor
/// data (else MANUAL, naming the CVEs); fresh package metadata showing nothing pending (else MANUAL).
/// </summary>
public static class VendorJudge
{
    /// <summary>Package metadata older than this cannot prove that no update is pending.</summary>
    public const double MaxRepoAgeDays = 30;

    public static bool Applies(PackageRef? package) => package is { Manager: "dpkg" or "rpm" };

    public static VersionJudgement Judge(HostFacts facts, MtaEvidence e, PackageRef package, UpstreamVersion? upstream, KnowledgeBase kb, DateOnly? today = null)
    {
        // An OS past its support gets no vendor fix: upstream decides (Assess/OsLifecycleJudge.cs).
        var os = OsLifecycleJudge.Of(facts, kb, today ?? DateOnly.FromDateTime(DateTime.UtcNow));
        if (os is { Supported: false }) return OsLifecycleJudge.AgainstUpstream(facts, e.Id, upstream, os, kb);
        var j = JudgeSupported(facts, e, package, upstream, kb);
        if (os is null) return j;
        // An unreadable release level could mean an ended one: it turns a GOOD, nothing else.
        if (os.LevelUnknown && j.Verdict == Verdict.Good) return j with { Verdict = Verdict.Manual, Reasons = [os.Reason, .. j.Reasons] };
        return j with { Reasons = [.. j.Reasons, os.Reason] };
    }

    private static VersionJudgement JudgeSupported(HostFacts facts, MtaEvidence e, PackageRef package, UpstreamVersion? upstream, KnowledgeBase kb)
    {
        var names = e.Packages.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        // 1. The vendor already has something newer for this host.
        var pending = facts.Updates.Where(u => names.Contains(u.Package)).ToList();
        var cves = VendorCves(facts, e, package, upstream, kb);
        if (pending.Count > 0)
        {
            var u = pending[0];
            var list = string.Join(", ", pending.Select(p => $"{p.Package} {p.FromVersion ?? "?"} → {p.ToVersion}"));
            return new(Verdict.Vulnerable, [Glossary.Say("vendor.update-pending", ("list", list))], cves, u.ToVersion);
        }

        // 2. The knowledge base knows a newer vendor package for this release.
        var current = CurrentVendorPackage(facts.Os, e.Id, package, kb);
        if (current is not null && PackageVersionOrder.Compare(package.Manager, package.Version, current.Version) < 0)
            return new(Verdict.Vulnerable, [Glossary.Say("vendor.newer-package", ("os", facts.Os.Name ?? facts.Os.Distro), ("current", current.Version), ("date", kb.Date), ("installed", package.Version))], cves, current.Version);

        var reasons = new List<Localized>();
        // Not applicable here (a build feature shown absent) or curable by no release: listed, never "unknown".
        var unknown = cves.Where(c => c.Vendor == NotKnownFixed && c.Counts).ToList();
        var fixedCount = cves.Count(c => c.Vendor != NotKnownFixed);
        if (cves.Count > 0 && fixedCount > 0)
            reasons.Add(Glossary.Say("vendor.cves-fixed", ("fixed", fixedCount), ("total", cves.Count), ("upstream", upstream)));

        // 3. What the evidence cannot tell.
        // A failed, partial, locked or skipped check is unknown, never "none pending".
        var updates = facts.ProbeFact("pkg.updates");
        bool updatesChecked = updates.IsKnown;
        var age = facts.RepoAgeDays;
        if (unknown.Count > 0)
        {
            var ids = string.Join(", ", unknown.Take(8).Select(c => c.Id)) + (unknown.Count > 8 ? ", …" : "");
            reasons.Insert(0, Glossary.Say("vendor.cves-unknown", ("n", unknown.Count), ("upstream", upstream), ("ids", ids)));
            return new(Verdict.Manual, reasons, cves, null);
        }
        if (!updatesChecked)
        {
            var why = updates.Reason ?? Facts.UnknownReason.NotCollected;
            var how = EvidenceModel.ManualCommand(U45Fact.VendorUpdates, "pkg.updates", facts.Os, e.Id, package.Name);
            reasons.Insert(0, Glossary.Say("vendor.updates-unknown", ("why", why.Words()), ("how", how)));
            return new(Verdict.Manual, reasons, cves, null);
        }
        if (age is null || age > MaxRepoAgeDays)
        {
            var ageText = age is null ? Glossary.Say("vendor.age-unknown")
                : Glossary.Say("vendor.age-days", ("days", string.Create(CultureInfo.InvariantCulture, $"{age:0}")));
            reasons.Insert(0, Glossary.Say("vendor.metadata-old", ("age", ageText), ("max", MaxRepoAgeDays)));
            return new(Verdict.Manual, reasons, cves, null);
        }
        reasons.Insert(0, Glossary.Say("vendor.none-pending", ("name", package.Name), ("version", package.Version),
            ("days", string.Create(CultureInfo.InvariantCulture, $"{age:0.#}"))));
        return new(Verdict.Good, reasons, cves, null);
    }

    public const string NotKnownFixed = "not known to be fixed";

    /// <summary>The upstream CVEs of the version, each with what the vendor's evidence says of it.</summary>
    private static List<CveRef> VendorCves(HostFacts facts, MtaEvidence e, PackageRef package, UpstreamVersion? upstream, KnowledgeBase kb)
    {
        if (upstream is null) return [];
        var names = e.Packages.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var changelog = facts.ChangelogFixes.Where(f => names.Contains(f.Package)).ToList();
        var vendor = VendorRecords(facts.Os, e.Id, kb)
            .Where(v => v.Version.Length > 0 && PackageVersionOrder.Compare(package.Manager, v.Version, package.Version) <= 0)
            .ToList();
        // The first changelog fix and the first vendor record naming each CVE, as a scan of each list per CVE
        // would find them (an exim changelog names a hundred CVEs, the version has dozens).
        var logById = new Dictionary<string, ChangelogFix>(StringComparer.Ordinal);
        foreach (var f in changelog) logById.TryAdd(f.CveId, f);
        var kbById = new Dictionary<string, VendorPackage>(StringComparer.Ordinal);
        foreach (var v in vendor)
            foreach (var id in v.FixedCves) kbById.TryAdd(id, v);
        return kb.Affecting(e.Id, upstream)
            .Select(c =>
            {
                var byLog = logById.GetValueOrDefault(c.Id);
                var byKb = kbById.GetValueOrDefault(c.Id);
                var status = byLog is not null ? $"fixed in {byLog.FixedInVersion ?? "this package"} (changelog)"
                    : byKb is not null ? $"fixed in {byKb.Version} (vendor data)"
                    : NotKnownFixed;
                return CveRef.Of(c, KnowledgeBase.FixedFor(c, upstream), CvePreconditions.Of(c, e.Id, facts), status);
            })
            .OrderBy(c => c.NotApplicable).ThenBy(c => c.Vendor == NotKnownFixed ? 0 : 1).ThenByDescending(c => c.Kev).ThenByDescending(c => c.Cvss ?? 0)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<VendorPackage> VendorRecords(OsInfo os, string mta, KnowledgeBase kb) =>
        os.Distro is { } d && os.Version is { } v
            ? kb.VendorPackagesFor(d, v, mta).Concat(v.Contains('.') ? kb.VendorPackagesFor(d, v.Split('.')[0], mta) : [])
            : [];

    /// <summary>The newest verified vendor package of this MTA for the host's release, where the knowledge base has one.</summary>
    private static VendorPackage? CurrentVendorPackage(OsInfo os, string mta, PackageRef package, KnowledgeBase kb) =>
        VendorRecords(os, mta, kb)
            .Where(v => v.Verified && v.Version.Length > 0 && PackageVersionOrder.Compare(package.Manager, v.Version, v.Version) is not null)
            .OrderByDescending(v => v.Version, Comparer<string>.Create((a, b) => PackageVersionOrder.Compare(package.Manager, a, b) ?? 0))
            .FirstOrDefault();
}
