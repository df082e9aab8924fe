using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MtaAudit.Versions;
using static MtaAudit.Knowledge.Import.JsonRead;

namespace MtaAudit.Knowledge.Import;

/// <summary>
/// Maps one NVD CVE API 2.0 "cve" object onto <see cref="LocalCve"/> records, one per MTA whose CPE
/// (cpe:2.3:a:postfix:postfix, exim:exim, sendmail:sendmail, opensmtpd:opensmtpd) is marked vulnerable.
/// Ranges stay in upstream version space: versionStart* -> Introduced, versionEndExcluding -> Fixed,
/// versionEndIncluding -> LastAffected, an exact-version CPE -> a one-version range.
/// </summary>
internal static partial class NvdRecordReader
{
    public static void Read(JsonElement cve, string path, ImportedFile into)
    {
        RequireObject(cve, path);
        var id = ReqString(cve, "id", path);
        if (!CveId().IsMatch(id)) throw Fault(Member(path, "id"), "not-cve-id", ("id", id));

        string summary = "";
        foreach (var (d, at) in Items(cve, "descriptions", path))
        {
            RequireObject(d, at);
            if (OptString(d, "lang", at) == "en") { summary = OptString(d, "value", at) ?? ""; break; }
        }
        var metric = Metrics(cve, path);
        bool kev = OptString(cve, "cisaExploitAdd", path) is not null;

        var ranges = new Dictionary<string, List<KbRange>>(StringComparer.Ordinal);
        var notes = new List<Localized>();
        foreach (var (config, cat) in Items(cve, "configurations", path))
        {
            RequireObject(config, cat);
            foreach (var (node, nat) in Items(config, "nodes", cat))
            {
                RequireObject(node, nat);
                foreach (var (match, mat) in Items(node, "cpeMatch", nat))
                    CpeMatch(id, match, mat, ranges, notes);
            }
        }

        if (ranges.Count == 0)
        {
            into.Skip(Glossary.Say("import.note.no-mta-nvd", ("id", id),
                ("more", notes.Count > 0 ? Glossary.Say("import.note.because", ("notes", Glossary.Join(notes, "; "))) : Glossary.Same(""))));
            return;
        }
        foreach (var n in notes) into.Note(id, n);
        foreach (var (mta, list) in ranges.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            into.Cves.Add(new LocalCve
            {
                Mta = mta,
                Id = id,
                Summary = summary,
                Severity = metric.Severity,
                Cvss = metric.Score,
                CvssVersion = metric.Version,
                Kev = kev,
                AttackVector = metric.AttackVector,
                Affected = list,
                Sources = ["NVD CVE API 2.0 JSON: " + into.SourceName],
            });
        }
    }

    private static void CpeMatch(string id, JsonElement match, string at, Dictionary<string, List<KbRange>> ranges, List<Localized> notes)
    {
        RequireObject(match, at);
        var criteria = ReqString(match, "criteria", at);
        if (!Cpe23.TryParse(criteria, out var cpe)) throw Fault(Member(at, "criteria"), "not-cpe");
        var startIncl = OptString(match, "versionStartIncluding", at);
        var startExcl = OptString(match, "versionStartExcluding", at);
        var endIncl = OptString(match, "versionEndIncluding", at);
        var endExcl = OptString(match, "versionEndExcluding", at);
        if (OptBool(match, "vulnerable", at) == false) return; // a platform the vulnerable product runs on
        var mta = MtaNames.OfCpe(cpe);
        if (mta is null) return;

        KbRange range;
        if (!cpe.AnyVersion)
        {
            if (!UpstreamVersion.TryParse(cpe.Version, out var exact))
            {
                notes.Add(Glossary.Say("import.note.cpe-version", ("criteria", criteria), ("version", cpe.Version)));
                return;
            }
            range = new KbRange { Introduced = exact.Text, LastAffected = exact.Text };
        }
        else
        {
            foreach (var (member, v) in new[] { ("versionStartIncluding", startIncl), ("versionStartExcluding", startExcl), ("versionEndIncluding", endIncl), ("versionEndExcluding", endExcl) })
            {
                if (v is not null && !UpstreamVersion.TryParse(v, out _))
                {
                    notes.Add(Glossary.Say("import.note.range-bound", ("member", Member(at, member)), ("version", v)));
                    return;
                }
            }
            range = new KbRange
            {
                Introduced = Norm(startIncl) ?? Norm(startExcl) ?? "0",
                Fixed = Norm(endExcl),
                LastAffected = endExcl is null ? Norm(endIncl) : null,
                // The model has no exclusive start; counting the start version as affected errs on the safe side.
                Note = startExcl is not null && startIncl is null ? $"NVD: after {startExcl} (excluded)" : null,
            };
            range = OsvRecordReader.Checked(id, Member(at, endExcl is not null ? "versionEndExcluding" : endIncl is not null ? "versionEndIncluding" : "versionStartIncluding"), range);
        }
        if (!ranges.TryGetValue(mta, out var list)) ranges[mta] = list = [];
        if (!list.Any(r => r.Introduced == range.Introduced && r.Fixed == range.Fixed && r.LastAffected == range.LastAffected))
            list.Add(range);
    }

    private static string? Norm(string? v) => v is null ? null : UpstreamVersion.Parse(v).Text;

    private readonly record struct Metric(double? Score, string? Severity, string? Version, string? AttackVector);

    /// <summary>The CVSS v3.1 score (else v3.0, else v2), preferring NVD's Primary entry.</summary>
    private static Metric Metrics(JsonElement cve, string path)
    {
        if (OptObject(cve, "metrics", path) is not { } metrics) return default;
        var mpath = Member(path, "metrics");
        foreach (var (name, version) in new[] { ("cvssMetricV31", "3.1"), ("cvssMetricV30", "3.0"), ("cvssMetricV2", "2.0") })
        {
            var entries = Items(metrics, name, mpath).ToList();
            if (entries.Count == 0) continue;
            foreach (var (e, at) in entries) RequireObject(e, at);
            var (entry, eat) = entries.FirstOrDefault(x => OptString(x.Item, "type", x.Path) == "Primary");
            if (eat is null) (entry, eat) = entries[0];
            var data = OptObject(entry, "cvssData", eat) ?? throw Fault(Member(eat, "cvssData"), "missing");
            var dat = Member(eat, "cvssData");
            var score = OptNumber(data, "baseScore", dat) ?? throw Fault(Member(dat, "baseScore"), "missing");
            if (double.IsNaN(score) || score < 0 || score > 10)
                throw Fault(Member(dat, "baseScore"), "not-cvss", ("score", score));
            bool v3 = version != "2.0";
            // The knowledge model derives severity from v3 scores only.
            var severity = v3 ? OptString(data, "baseSeverity", dat)?.ToLowerInvariant() : null;
            var vector = (v3 ? OptString(data, "attackVector", dat) : OptString(data, "accessVector", dat))?.ToLowerInvariant();
            return new Metric(score, severity, version, vector);
        }
        return default;
    }

    [GeneratedRegex(@"^CVE-\d{4}-\d{4,}$")]
    internal static partial Regex CveId();
}
