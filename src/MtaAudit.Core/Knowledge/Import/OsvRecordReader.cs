using System.Text.Json;
using System.Text.RegularExpressions;
using MtaAudit.Versions;
using static MtaAudit.Knowledge.Import.JsonRead;

namespace MtaAudit.Knowledge.Import;

/// <summary>
/// Maps one OSV record (osv.dev schema) onto the knowledge model:
/// an affected package of a distro ecosystem (Debian:12, Ubuntu:22.04:LTS, Red Hat, AlmaLinux, Rocky Linux…)
/// that is an MTA's package becomes a vendor fix per "fixed" event (<see cref="KbVendorPackage"/>, FixedCves =
/// the record's CVE ids and its own id); an upstream entry (GIT / OSS-Fuzz ecosystem, or an MTA repository)
/// becomes CVE ranges where its events or versions[] are upstream versions (commit hashes are not).
/// </summary>
internal static partial class OsvRecordReader
{
    public static void Read(JsonElement osv, string path, ImportedFile into)
    {
        RequireObject(osv, path);
        var id = ReqString(osv, "id", path);
        OptString(osv, "modified", path);
        var cveIds = new List<string>();
        foreach (var s in new[] { id }.Concat(Strings(osv, "aliases", path)).Concat(Strings(osv, "upstream", path)))
            foreach (Match m in CveInText().Matches(s))
                if (!cveIds.Contains(m.Value)) cveIds.Add(m.Value);
        var summary = OptString(osv, "summary", path) ?? OptString(osv, "details", path)?.Split('\n')[0] ?? "";

        var upstreamRanges = new Dictionary<string, List<KbRange>>(StringComparer.Ordinal);
        int mtaEntries = 0;
        foreach (var (affected, at) in Items(osv, "affected", path))
        {
            RequireObject(affected, at);
            string? ecosystem = null, name = null;
            if (OptObject(affected, "package", at) is { } package)
            {
                var pat = Member(at, "package");
                ecosystem = ReqString(package, "ecosystem", pat);
                name = ReqString(package, "name", pat);
            }
            var ranges = Ranges(affected, at);
            var versions = Strings(affected, "versions", at);

            var distro = ecosystem is null ? null : OsvDistro.Of(ecosystem);
            if (distro is not null)
            {
                var mta = MtaNames.OfPackage(name);
                if (mta is null) continue;
                mtaEntries++;
                VendorFixes(id, cveIds, distro, mta, name!, ranges, into);
            }
            else if (OsvDistro.IsUpstream(ecosystem))
            {
                var mta = MtaNames.OfPackage(name) is { } byName && byName == name?.ToLowerInvariant()
                    ? byName
                    : ranges.Select(r => MtaNames.OfRepository(r.Repo)).FirstOrDefault(m => m is not null);
                if (mta is null) continue;
                mtaEntries++;
                if (!upstreamRanges.TryGetValue(mta, out var list)) upstreamRanges[mta] = list = [];
                UpstreamRanges(id, ranges, versions, list, into);
            }
        }

        foreach (var (mta, list) in upstreamRanges.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (list.Count == 0) continue;
            into.Cves.Add(new LocalCve
            {
                Mta = mta,
                Id = cveIds.FirstOrDefault() ?? id,
                Summary = summary,
                Affected = list,
                Sources = ["OSV: " + into.SourceName + " (" + id + ")"],
            });
        }
        if (mtaEntries == 0) into.Skip(Glossary.Say("import.note.no-mta-osv", ("id", id)));
    }

    private sealed record Range(string Type, string? Repo, List<(string Kind, string Value, string Path)> Events);

    private static List<Range> Ranges(JsonElement affected, string at)
    {
        var list = new List<Range>();
        foreach (var (range, rat) in Items(affected, "ranges", at))
        {
            RequireObject(range, rat);
            var type = ReqString(range, "type", rat);
            if (type is not ("ECOSYSTEM" or "SEMVER" or "GIT"))
                throw Fault(Member(rat, "type"), "not-osv-range", ("type", type));
            var repo = OptString(range, "repo", rat);
            var events = new List<(string, string, string)>();
            foreach (var (ev, eat) in Items(range, "events", rat))
            {
                RequireObject(ev, eat);
                var kinds = new[] { "introduced", "fixed", "last_affected", "limit" }
                    .Select(k => (Kind: k, Value: OptString(ev, k, eat)))
                    .Where(x => x.Value is not null).ToList();
                if (kinds.Count != 1)
                    throw Fault(eat, "event-one");
                events.Add((kinds[0].Kind, kinds[0].Value!, Member(eat, kinds[0].Kind)));
            }
            list.Add(new Range(type, repo, events));
        }
        return list;
    }

    private static void VendorFixes(string id, List<string> cveIds, OsvDistro distro, string mta, string package,
        List<Range> ranges, ImportedFile into)
    {
        int before = into.VendorPackages.Count;
        foreach (var range in ranges.Where(r => r.Type != "GIT"))
        {
            string introduced = "0";
            foreach (var (kind, value, at) in range.Events)
            {
                if (kind == "introduced") introduced = value;
                if (kind != "fixed") continue;
                if (!distro.IsValidVersion(value)) throw Fault(at, "not-version", ("value", value), ("syntax", distro.SyntaxName));
                // A fix at version 0, or not after the introduction, would mark every installed package fixed.
                if (distro.CoversNothing(introduced, value))
                    throw Fault(at, "degenerate-range", ("id", id), ("problem", Glossary.Say("kb.range.fixed-not-after", ("fixed", value), ("introduced", introduced))));
                into.VendorPackages.Add(new KbVendorPackage
                {
                    Distro = distro.Distro,
                    Release = distro.Release,
                    Mta = mta,
                    Package = package,
                    Version = value,
                    Upstream = null,
                    FixedCves = [.. cveIds.Append(id).Distinct(StringComparer.Ordinal)],
                    Verified = true,
                    Source = into.SourceName,
                    Note = distro.Note is null ? id : id + "; " + distro.Note,
                });
            }
        }
        if (into.VendorPackages.Count == before)
            into.Note(id, Glossary.Say("import.note.no-fixed", ("distro", distro.Distro), ("release", distro.Release), ("package", package)));
    }

    private static void UpstreamRanges(string id, List<Range> ranges, List<string> versions, List<KbRange> into, ImportedFile file)
    {
        foreach (var range in ranges)
        {
            // Events in order: an introduced opens a range, a fixed / last_affected closes it.
            if (range.Events.Any(e => e.Value != "0" && !UpstreamVersion.TryParse(e.Value, out _)))
            {
                file.Note(id, Glossary.Say("import.note.commit-range", ("type", range.Type)));
                continue;
            }
            string? open = null;
            foreach (var (kind, value, at) in range.Events)
            {
                var v = value == "0" ? "0" : UpstreamVersion.Parse(value).Text;
                switch (kind)
                {
                    case "introduced": open = v; break;
                    case "fixed" when open is not null: Add(into, Checked(id, at, new KbRange { Introduced = open, Fixed = v })); open = null; break;
                    case "last_affected" when open is not null: Add(into, Checked(id, at, new KbRange { Introduced = open, LastAffected = v })); open = null; break;
                }
            }
            if (open is not null) Add(into, new KbRange { Introduced = open });
        }
        if (into.Count == 0)
        {
            foreach (var v in versions)
                if (UpstreamVersion.TryParse(v, out var u)) Add(into, new KbRange { Introduced = u.Text, LastAffected = u.Text });
        }
    }

    /// <summary>The range, or a fault at the event that closes it when it covers no version (issue 20: "introduced 0, fixed 0.0").</summary>
    internal static KbRange Checked(string id, string at, KbRange r) =>
        KbRangeRules.Degenerate(r.Introduced!, r.Fixed, r.LastAffected) is { } bad
            ? throw Fault(at, "degenerate-range", ("id", id), ("problem", bad.Problem))
            : r;

    private static void Add(List<KbRange> list, KbRange r)
    {
        if (!list.Any(x => x.Introduced == r.Introduced && x.Fixed == r.Fixed && x.LastAffected == r.LastAffected)) list.Add(r);
    }

    [GeneratedRegex(@"CVE-\d{4}-\d{4,}")]
    private static partial Regex CveInText();
}
