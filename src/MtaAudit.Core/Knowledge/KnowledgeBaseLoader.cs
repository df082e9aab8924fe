using System.Globalization;
using System.Text.Json;
using MtaAudit.Versions;

namespace MtaAudit.Knowledge;

/// <summary>
/// Loads kb.json (the embedded copy or a file given by the user) with source-generated System.Text.Json,
/// then validates every item before building the read-only <see cref="KnowledgeBase"/>.
/// A bad file is refused as a whole with a <see cref="KnowledgeBaseException"/>: an audit must not run
/// on half a knowledge base.
/// </summary>
public static class KnowledgeBaseLoader
{
    public const string EmbeddedName = "embedded kb.json";

    private static readonly Lazy<KnowledgeBase> Embedded = new(LoadEmbeddedUncached, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The knowledge base compiled into the tool (loaded once, then cached).</summary>
    public static KnowledgeBase LoadEmbedded() => Embedded.Value;

    private static KnowledgeBase LoadEmbeddedUncached()
    {
        using var s = typeof(KnowledgeBaseLoader).Assembly.GetManifestResourceStream("kb.json")
            ?? throw new KnowledgeBaseException(EmbeddedName, "$", "resource kb.json is missing from the assembly");
        return Load(s, EmbeddedName);
    }

    public static KnowledgeBase Load(string path)
    {
        try
        {
            using var s = File.OpenRead(path);
            return Load(s, path);
        }
        catch (IOException e) { throw new KnowledgeBaseException(path, "$", e.Message, e); }
        catch (UnauthorizedAccessException e) { throw new KnowledgeBaseException(path, "$", e.Message, e); }
    }

    /// <param name="sourceName">Names the file in error messages.</param>
    public static KnowledgeBase Load(Stream stream, string sourceName = "kb.json") =>
        ToKnowledgeBase(Read(stream, sourceName));

    /// <summary>The raw file model, validated; for tools that rewrite or diff kb.json.</summary>
    public static KbFile Read(Stream stream, string sourceName = "kb.json")
    {
        KbFile? file;
        try
        {
            file = JsonSerializer.Deserialize(stream, KbJsonContext.Default.KbFile);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            throw new KnowledgeBaseException(sourceName, e.Path ?? "$", "not valid kb.json" + where + ": " + FirstLine(e.Message), e);
        }
        if (file is null) throw new KnowledgeBaseException(sourceName, "$", "document is null");
        new Validator(sourceName).File(file);
        return file;
    }

    private static string FirstLine(string s) => s.Split('\n', 2)[0].Trim();

    private static KnowledgeBase ToKnowledgeBase(KbFile f)
    {
        var mtas = f.Mtas!.Select(m => KnownReleasesCount(new MtaKnowledge(
            m.Mta!,
            m.NewestRelease!,
            m.NewestReleaseDate,
            m.SupportPolicy ?? "",
            m.Branches!.Select(b => new BranchInfo(b.Branch!, b.LatestPatch!, b.Date, b.Supported, b.Note)).ToList(),
            m.Releases!.Select(r => r.Version!).ToList(),
            m.Cves!.Select(c => new CveRecord(
                c.Id!,
                m.Mta!,
                c.Summary ?? "",
                c.Severity,
                c.Cvss,
                c.Kev,
                c.AttackVector,
                c.Affected!.Select(r => new AffectedRange(r.Introduced!, r.Fixed, r.LastAffected, r.Note)).ToList(),
                c.Confidence,
                c.Sources ?? [],
                c.Verified,
                c.CvssVersion,
                c.Preconditions,
                c.Note,
                c.Aliases ?? [],
                c.Date,
                ToRequirements(c.Requires),
                c.Mitigation)).ToList(),
            m.Releases!.Select(r => new ReleaseInfo(r.Version!, r.Date, r.Verified ?? true)).ToList()))).ToList();
        var packages = (f.VendorPackages ?? []).Select(p => new VendorPackage(
            p.Distro!,
            p.Release!,
            p.Mta!,
            p.Package ?? "",
            p.Version ?? "", // not established by the research; Verified is false for these
            p.Upstream,
            p.FixedCves ?? [],
            p.Verified,
            p.Source,
            p.Note)).ToList();
        var lifecycle = (f.OsLifecycle ?? []).Select(o => new OsLifecycleRecord(
            o.Os!,
            o.Release!,
            o.Id!,
            o.VersionId,
            o.NameContains,
            o.TechnologyLevel,
            Day(o.StandardSupportEnd),
            (o.Extended ?? []).Select(e => new ExtendedSupport(e.Program ?? "", Day(e.End), e.Paid, e.Channel, e.Note)).ToList(),
            o.Sources ?? [])).ToList();
        var through = (f.DataThrough ?? []).Select(d => new SourceDate(d.Source!, d.Through!, d.Note)).ToList();
        return new KnowledgeBase(f.Version!, f.Date!, mtas, packages, lifecycle, through);
    }

    internal static CveRequirements? ToRequirements(KbRequires? r) => r is null ? null : new CveRequirements(
        r.BuildFeature, r.Lookup, r.Driver, r.HintsDb, r.TlsLibrary, r.Libc, r.Config, r.LocalAccess == true);

    private static DateOnly? Day(string? d) =>
        d is not null && DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var v) ? v : null;

    /// <summary>
    /// Every release known to exist counts, dated or not: the newest release and each series' latest patch are
    /// at least the highest listed release (a release list that grew past the newest-release field, or an
    /// overlay that adds one, must not leave an older "newest").
    /// </summary>
    public static MtaKnowledge KnownReleasesCount(MtaKnowledge m)
    {
        var known = m.Releases.Where(r => UpstreamVersion.TryParse(r, out _)).Select(UpstreamVersion.Parse).ToList();
        if (known.Count == 0 || !UpstreamVersion.TryParse(m.NewestRelease, out var newest)) return m;
        var top = known.Max()!;
        var result = m;
        if (top > newest)
            result = result with { NewestRelease = top.Text, NewestReleaseDate = m.ReleaseHistory?.FirstOrDefault(r => r.Version == top.Text)?.Date };
        var branches = m.Branches.Select(b =>
        {
            var inSeries = known.Where(v => v.Branch == b.Branch).ToList();
            if (inSeries.Count == 0 || !UpstreamVersion.TryParse(b.LatestPatch, out var latest)) return b;
            var best = inSeries.Max()!;
            return best > latest
                ? b with { LatestPatch = best.Text, LatestPatchDate = m.ReleaseHistory?.FirstOrDefault(r => r.Version == best.Text)?.Date }
                : b;
        }).ToList();
        return result with { Branches = branches };
    }

    /// <summary>Checks a parsed file item by item; the first fault is reported with its JSON path.</summary>
    private sealed class Validator(string file)
    {
        private KnowledgeBaseException Fail(string path, string problem) => new(file, path, problem);

        public void File(KbFile f)
        {
            if (f.Schema != KbFile.SchemaName)
                throw Fail("$.schema", f.Schema is null ? $"missing; expected \"{KbFile.SchemaName}\"" : $"\"{f.Schema}\" is not supported; expected \"{KbFile.SchemaName}\"");
            if (string.IsNullOrWhiteSpace(f.Version)) throw Fail("$.version", "missing");
            Date("$.date", f.Date, required: true);
            if (f.Mtas is null || f.Mtas.Count == 0) throw Fail("$.mtas", "missing or empty");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < f.Mtas.Count; i++)
            {
                var m = f.Mtas[i];
                var at = $"$.mtas[{i}]";
                if (m is null) throw Fail(at, "null item");
                if (string.IsNullOrWhiteSpace(m.Mta)) throw Fail(at + ".mta", "missing");
                if (!seen.Add(m.Mta)) throw Fail(at + ".mta", $"duplicate MTA '{m.Mta}'");
                at = $"$.mtas[{i}] ({m.Mta})";
                Version(at + ".newestRelease", m.NewestRelease, required: true);
                Date(at + ".newestReleaseDate", m.NewestReleaseDate, required: false);
                Mta(at, m);
            }
            var packages = f.VendorPackages ?? [];
            for (int i = 0; i < packages.Count; i++)
            {
                var p = packages[i];
                var at = $"$.vendorPackages[{i}]";
                if (p is null) throw Fail(at, "null item");
                if (string.IsNullOrWhiteSpace(p.Distro)) throw Fail(at + ".distro", "missing");
                if (p.Release is null) throw Fail(at + ".release", "missing");
                if (string.IsNullOrWhiteSpace(p.Mta)) throw Fail(at + ".mta", "missing");
                Version(at + ".upstream", p.Upstream, required: false);
                if (p.FixedCves?.Any(string.IsNullOrWhiteSpace) == true) throw Fail(at + ".fixedCves", "empty id");
            }
            var lifecycle = f.OsLifecycle ?? [];
            for (int i = 0; i < lifecycle.Count; i++)
            {
                var o = lifecycle[i];
                var at = $"$.osLifecycle[{i}]";
                if (o is null) throw Fail(at, "null item");
                if (string.IsNullOrWhiteSpace(o.Os)) throw Fail(at + ".os", "missing");
                if (string.IsNullOrWhiteSpace(o.Release)) throw Fail(at + ".release", "missing");
                if (string.IsNullOrWhiteSpace(o.Id)) throw Fail(at + ".id", "missing");
                Date(at + ".standardSupportEnd", o.StandardSupportEnd, required: false);
                var ext = o.Extended ?? [];
                for (int j = 0; j < ext.Count; j++)
                {
                    if (ext[j] is null) throw Fail($"{at}.extended[{j}]", "null item");
                    Date($"{at}.extended[{j}].end", ext[j].End, required: false);
                }
            }
            var through = f.DataThrough ?? [];
            for (int i = 0; i < through.Count; i++)
            {
                var d = through[i];
                if (d is null) throw Fail($"$.dataThrough[{i}]", "null item");
                if (string.IsNullOrWhiteSpace(d.Source)) throw Fail($"$.dataThrough[{i}].source", "missing");
                Date($"$.dataThrough[{i}].through", d.Through, required: true);
            }
        }

        private void Mta(string at, KbMta m)
        {
            if (m.Branches is null) throw Fail(at + ".branches", "missing");
            for (int i = 0; i < m.Branches.Count; i++)
            {
                var b = m.Branches[i];
                var bat = $"{at}.branches[{i}]";
                if (b is null) throw Fail(bat, "null item");
                if (string.IsNullOrWhiteSpace(b.Branch)) throw Fail(bat + ".branch", "missing");
                Version(bat + ".latestPatch", b.LatestPatch, required: true);
                Date(bat + ".date", b.Date, required: false);
            }
            if (m.Releases is null) throw Fail(at + ".releases", "missing");
            for (int i = 0; i < m.Releases.Count; i++)
            {
                var r = m.Releases[i];
                if (r is null) throw Fail($"{at}.releases[{i}]", "null item");
                Version($"{at}.releases[{i}].version", r.Version, required: true);
                Date($"{at}.releases[{i}].date", r.Date, required: false);
            }
            if (m.Cves is null) throw Fail(at + ".cves", "missing");
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < m.Cves.Count; i++)
            {
                var c = m.Cves[i];
                var cat = $"{at}.cves[{i}]";
                if (c is null) throw Fail(cat, "null item");
                if (string.IsNullOrWhiteSpace(c.Id)) throw Fail(cat + ".id", "missing");
                if (!ids.Add(c.Id)) throw Fail(cat + ".id", $"duplicate id {c.Id}");
                cat = $"{at}.cves[{i}] ({c.Id})";
                KbRangeRules.Check(file, cat, c.Affected);
                if (c.Cvss is { } s && (double.IsNaN(s) || s < 0 || s > 10)) throw Fail(cat + ".cvss", $"{s} is not a CVSS score");
                Date(cat + ".date", c.Date, required: false);
            }
        }

        private void Version(string at, string? v, bool required)
        {
            if (v is null)
            {
                if (required) throw Fail(at, "missing");
                return;
            }
            if (!UpstreamVersion.TryParse(v, out _)) throw Fail(at, $"'{v}' is not an upstream version");
        }

        private void Date(string at, string? d, bool required)
        {
            if (d is null)
            {
                if (required) throw Fail(at, "missing");
                return;
            }
            if (!DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                throw Fail(at, $"'{d}' is not a yyyy-MM-dd date");
        }
    }
}
