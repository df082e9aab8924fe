using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MtaAudit.Knowledge;
using MtaAudit.Versions;

namespace MtaAudit.Tools;

/// <summary>
/// Turns the research notes (shared/reference/mta-knowledge.json) into the compact kb.json format.
/// The notes are honest about what was not checked; this keeps every such item but marks it
/// (Verified=false plus a Confidence text) instead of dropping or silently trusting it.
/// A developer tool (never shipped): its output is committed as src/MtaAudit.Core/Knowledge/kb.json.
/// </summary>
public static partial class KbBuilder
{
    public const string Schema = KbFile.SchemaName;

    /// <summary>The MTAs in the order they appear in kb.json.</summary>
    public static readonly IReadOnlyList<string> MtaNames = ["postfix", "exim", "sendmail", "opensmtpd"];

    public static string BuildJson(Stream referenceJson, string version, string date)
    {
        var file = Build(referenceJson, version, date);
        var json = JsonSerializer.Serialize(file, KbJsonContext.Writer.KbFile);
        return json.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    public static KbFile Build(Stream referenceJson, string version, string date)
    {
        using var doc = JsonDocument.Parse(referenceJson, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = doc.RootElement;
        var meta = root.GetProperty("meta");
        var sources = new List<string>
        {
            $"{Str(meta, "title")} (as of {Str(meta, "as_of")})",
        };
        var mtas = new List<KbMta>();
        foreach (var name in MtaNames)
        {
            if (!root.TryGetProperty(name, out var m)) continue;
            mtas.Add(BuildMta(name, m, sources));
        }
        var knownIds = mtas.SelectMany(m => m.Cves!).Select(c => c.Id!).ToHashSet(StringComparer.Ordinal);
        var packages = new List<KbVendorPackage>();
        if (root.TryGetProperty("os_packages", out var pk))
            foreach (var p in pk.EnumerateArray())
                packages.AddRange(BuildVendorPackages(p, knownIds));
        packages.AddRange(VendorFixPackages(root));
        var lifecycle = root.TryGetProperty("os_lifecycle", out var ol) ? KbOsLifecycleBuilder.Build(ol) : [];
        return new KbFile
        {
            Schema = Schema,
            Version = version,
            Date = date,
            Sources = sources,
            Mtas = mtas,
            VendorPackages = packages,
            DataThrough = DataThrough(mtas, root),
            OsLifecycle = lifecycle,
        };
    }

    /// <summary>
    /// How far each source reaches: per MTA the newest dated release or advisory, and the endoflife.date snapshot
    /// named in the lifecycle notes. This, not the day the file was built, is what "as of" means in reports.
    /// </summary>
    private static List<KbSourceDate> DataThrough(List<KbMta> mtas, JsonElement root)
    {
        var result = new List<KbSourceDate>();
        foreach (var m in mtas)
        {
            var dates = m.Releases!.Select(r => r.Date).Concat(m.Cves!.Select(c => c.Date)).Where(d => d is not null).Select(d => d!).ToList();
            if (dates.Count > 0)
                result.Add(new KbSourceDate { Source = m.Mta, Through = dates.Max(StringComparer.Ordinal), Note = "newest dated release or advisory read" });
        }
        if (root.TryGetProperty("os_lifecycle", out var ol) && Str(ol, "as_of") is { } asOf && SnapshotDate().Match(asOf) is { Success: true } sm)
            result.Add(new KbSourceDate { Source = "os lifecycle", Through = sm.Groups[1].Value, Note = "endoflife.date snapshot" });
        return result;
    }

    [GeneratedRegex(@"snapshot of (\d{4}-\d{2}-\d{2})")]
    private static partial Regex SnapshotDate();

    // ---- MTA ----

    private static KbMta BuildMta(string name, JsonElement m, List<string> sources)
    {
        var newest = m.GetProperty("newest_release");
        AddSource(sources, Str(newest, "source"));

        var releases = m.GetProperty("releases").EnumerateArray().Select(r => new KbRelease
        {
            Version = Str(r, "version"),
            Date = Str(r, "date"),
            // A number inferred from an announcement (postfix 3.8.21) is kept but not trusted like one read verbatim.
            // So is one the latest re-check could not find again ("recheck": {"result": "not found"}).
            Verified = Str(r, "source")?.StartsWith("not verified", StringComparison.OrdinalIgnoreCase) == true
                       || Str(r, "version_basis")?.StartsWith("inferred", StringComparison.OrdinalIgnoreCase) == true
                       || RecheckNotFound(r) ? false : null,
        }).ToList();

        List<KbBranch> branches;
        if (m.TryGetProperty("branches", out var bs))
        {
            branches = [];
            foreach (var b in bs.EnumerateArray())
            {
                // A series number that was skipped (exim 4.81) has no release, hence no branch to report.
                var latest = Str(b, "latest_patch");
                if (latest is null) continue;
                AddSource(sources, Str(b, "source"));
                branches.Add(new KbBranch
                {
                    Branch = Str(b, "branch"),
                    LatestPatch = latest,
                    Date = Str(b, "latest_patch_date"),
                    Supported = b.TryGetProperty("upstream_supported", out var s) && s.ValueKind is JsonValueKind.True or JsonValueKind.False
                        ? s.GetBoolean()
                        : false, // fixed up by the policy below when the notes did not say
                    Note = Join(Str(b, "note"), Str(b, "latest_patch_basis")),
                });
            }
            // Where the notes did not state support, the MTA's policy decides.
            var policy = SupportedByPolicy(name, branches.Select(b => b.Branch!).ToList());
            foreach (var (b, raw) in branches.Zip(bs.EnumerateArray().Where(x => Str(x, "latest_patch") is not null)))
                if (!raw.TryGetProperty("upstream_supported", out var s) || s.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    b.Supported = policy.Contains(b.Branch!);
        }
        else
        {
            branches = DeriveBranches(name, releases);
        }

        return new KbMta
        {
            Mta = name,
            NewestRelease = Str(newest, "version"),
            NewestReleaseDate = Str(newest, "date"),
            SupportPolicy = Str(m, "support_policy"),
            Branches = branches,
            Releases = releases,
            Cves = m.GetProperty("cves").EnumerateArray().Select(c => BuildCve(c, FixingReleaseDates(m))).ToList(),
        };
    }

    /// <summary>
    /// The release series upstream still fixes, by each MTA's published policy: Postfix the four most
    /// recent stable series; Exim, Sendmail and OpenSMTPD only the newest one.
    /// </summary>
    public static IReadOnlySet<string> SupportedByPolicy(string mta, IReadOnlyList<string> branches)
    {
        int keep = mta == "postfix" ? 4 : 1;
        return branches
            .Where(b => UpstreamVersion.TryParse(b, out _))
            .OrderByDescending(b => UpstreamVersion.Parse(b))
            .Take(keep)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Series built from the release list (OpenSMTPD's notes have no branch table).</summary>
    private static List<KbBranch> DeriveBranches(string mta, List<KbRelease> releases)
    {
        var parsed = releases
            .Where(r => UpstreamVersion.TryParse(r.Version, out _))
            .Select(r => (Release: r, V: UpstreamVersion.Parse(r.Version!)))
            .ToList();
        var series = parsed
            .GroupBy(x => x.V.Branch)
            .Select(g => g.OrderByDescending(x => x.V).First())
            .OrderBy(x => x.V)
            .ToList();
        var supported = SupportedByPolicy(mta, series.Select(s => s.V.Branch).ToList());
        return series.Select(s => new KbBranch
        {
            Branch = s.V.Branch,
            LatestPatch = s.Release.Version,
            Date = s.Release.Date,
            Supported = supported.Contains(s.V.Branch),
            Note = "derived from the release list",
        }).ToList();
    }

    // ---- CVE ----

    /// <summary>Advisory/CVE id → date of the first dated release that lists it under "security".</summary>
    private static Dictionary<string, string> FixingReleaseDates(JsonElement m)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in m.GetProperty("releases").EnumerateArray())
        {
            if (Str(r, "date") is not { } date || !r.TryGetProperty("security", out var sec) || sec.ValueKind != JsonValueKind.Array) continue;
            foreach (var id in sec.EnumerateArray().Select(x => x.GetString()).Where(x => x is not null))
                if (!map.TryGetValue(id!, out var old) || string.CompareOrdinal(date, old) < 0) map[id!] = date;
        }
        return map;
    }

    private static KbCve BuildCve(JsonElement c, Dictionary<string, string> fixingDates)
    {
        var id = Str(c, "id")!;
        var doubts = new List<string>();
        if (Str(c, "confidence") is { } conf) doubts.Add(conf);
        if (!id.StartsWith("CVE-", StringComparison.Ordinal)) doubts.Add("no CVE id assigned (synthetic id)");
        if (RecheckNotFound(c)) doubts.Add($"not found again in the {Str(c.GetProperty("recheck"), "date")} re-check");

        var (score, scoreVersion, scoreVerified) = PickCvss(c);
        if (score is not null && !scoreVerified) doubts.Add("CVSS score not verified in NVD JSON");

        var ranges = new List<KbRange>();
        foreach (var r in c.GetProperty("affected").EnumerateArray())
        {
            var introduced = Str(r, "introduced");
            var notes = new List<string>();
            if (introduced is null)
            {
                // Unknown start: assume every earlier version (the safe side for an auditor).
                introduced = "0";
                doubts.Add("introduced version not established");
            }
            else if (introduced != "0" && !UpstreamVersion.TryParse(introduced, out _))
            {
                // e.g. "4.94.x/master": keep the leading dotted number, which can only widen the range.
                var lead = LeadingVersion(introduced) ?? "0";
                notes.Add($"introduced given as '{introduced}'");
                doubts.Add($"introduced '{introduced}' is not a release; widened to {lead}");
                introduced = lead;
            }
            foreach (var key in (string[])["note", "introduced_note", "fix_type"])
                if (Str(r, key) is { } n) notes.Add(n);
            ranges.Add(new KbRange
            {
                Introduced = introduced,
                Fixed = Str(r, "fixed"),
                LastAffected = Str(r, "last_affected"),
                Note = notes.Count == 0 ? null : string.Join("; ", notes),
            });
        }

        bool kev = c.TryGetProperty("kev", out var k) && k.ValueKind == JsonValueKind.Object
                   && k.TryGetProperty("in_kev", out var ik) && ik.ValueKind == JsonValueKind.True;

        var noteParts = new List<string>();
        if (Str(c, "nickname") is { } nick) noteParts.Add(nick);
        if (Str(c, "group") is { } grp) noteParts.Add(grp);
        if (Str(c, "notes") is { } nt) noteParts.Add(nt);

        return new KbCve
        {
            Id = id,
            Summary = Str(c, "summary"),
            Severity = SeverityOf(scoreVersion, score),
            Cvss = score,
            CvssVersion = scoreVersion,
            Kev = kev,
            AttackVector = Str(c, "attack_vector"),
            Affected = ranges,
            Confidence = doubts.Count == 0 ? null : string.Join("; ", doubts.Distinct()),
            Verified = doubts.Count == 0,
            Preconditions = Str(c, "preconditions"),
            Note = noteParts.Count == 0 ? null : string.Join(" | ", noteParts),
            Sources = c.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.Array
                ? s.EnumerateArray().Select(x => x.GetString()!).ToList()
                : [],
            Aliases = c.TryGetProperty("aliases", out var al) && al.ValueKind == JsonValueKind.Array
                ? al.EnumerateArray().Select(x => x.GetString()!).ToList()
                : null,
            Date = Str(c, "disclosed") ?? fixingDates.GetValueOrDefault(id) ?? FixDate(c),
            Requires = Requires(c),
            PreconditionsSource = Str(c, "preconditions_source"),
            Mitigation = Mitigation(c, ranges),
        };
    }

    /// <summary>An advisory without a disclosure date is dated by its fixing release (notes "Release date 2026-07-06").</summary>
    private static string? FixDate(JsonElement c) =>
        Str(c, "notes") is { } n && ReleaseDateNote().Match(n) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"Release date (\d{4}-\d{2}-\d{2})")]
    private static partial Regex ReleaseDateNote();

    /// <summary>The machine-readable precondition hints; null when the notes give none.</summary>
    private static KbRequires? Requires(JsonElement c)
    {
        if (!c.TryGetProperty("precondition_hints", out var h) || h.ValueKind != JsonValueKind.Object) return null;
        return new KbRequires
        {
            BuildFeature = Str(h, "requires_build_feature"),
            Lookup = Str(h, "requires_lookup"),
            Driver = Str(h, "requires_compiled_driver"),
            HintsDb = Str(h, "requires_hints_db"),
            TlsLibrary = Str(h, "requires_tls_library"),
            Libc = Str(h, "requires_libc"),
            Config = Str(h, "requires_config"),
            LocalAccess = h.TryGetProperty("requires_local_access", out var la) && la.ValueKind == JsonValueKind.True ? true : null,
        };
    }

    /// <summary>
    /// The advisory's own mitigation ("Mitigation: narrow or unset hosts_proxy."), else for a record with no
    /// upstream fix what the notes say of avoiding it (the precondition text and the range note).
    /// </summary>
    private static string? Mitigation(JsonElement c, List<KbRange> ranges)
    {
        var pre = Str(c, "preconditions");
        if (pre is not null && MitigationText().Match(pre) is { Success: true } m) return m.Groups[1].Value.Trim();
        if (ranges.All(r => r.Fixed is null && r.LastAffected is null))
        {
            var parts = new List<string>();
            if (pre is not null) parts.Add(pre);
            parts.AddRange(ranges.Where(r => r.Note is not null).Select(r => r.Note!));
            return parts.Count == 0 ? null : string.Join(" ", parts);
        }
        return null;
    }

    [GeneratedRegex(@"Mitigation:\s*([^.]*(?:\.[^.\s][^.]*)*\.?)")]
    private static partial Regex MitigationText();

    /// <summary>
    /// One score per CVE: a v3 score first (severity is defined on v3), preferring one verified in the NVD
    /// JSON, then NVD's own; only without any v3 score the v2 one (then no severity is derived).
    /// </summary>
    private static (double? Score, string? Version, bool Verified) PickCvss(JsonElement c)
    {
        if (!c.TryGetProperty("cvss", out var list) || list.ValueKind != JsonValueKind.Array) return (null, null, true);
        var all = list.EnumerateArray().Select(x => (
            Score: x.GetProperty("score").GetDouble(),
            Version: Str(x, "version") ?? "",
            Verified: x.TryGetProperty("verified_in_nvd_json", out var v) && v.ValueKind == JsonValueKind.True,
            Nvd: Str(x, "source")?.Contains("nvd@nist.gov", StringComparison.Ordinal) == true)).ToList();
        if (all.Count == 0) return (null, null, true);
        var best = all
            .OrderByDescending(x => x.Version.StartsWith('3'))
            .ThenByDescending(x => x.Verified)
            .ThenByDescending(x => x.Nvd)
            .First(); // OrderBy is stable: ties keep the notes' order
        return (best.Score, best.Version, best.Verified);
    }

    /// <summary>CVSS v3 qualitative rating; null for v2-only or no score.</summary>
    public static string? SeverityOf(string? cvssVersion, double? score)
    {
        if (score is not { } s || cvssVersion is null || !cvssVersion.StartsWith('3')) return null;
        return s >= 9.0 ? "critical" : s >= 7.0 ? "high" : s >= 4.0 ? "medium" : s > 0.0 ? "low" : null;
    }

    // ---- vendor packages ----

    /// <summary>
    /// A CVE's vendor_fixes with a fixed version → one vendor package record per (vendor, release, package, version),
    /// listing every CVE that version is known to fix (USN, ALSA, the Debian changelog). Fixes without a version
    /// (a status note only) add nothing: they prove nothing about any package.
    /// </summary>
    private static List<KbVendorPackage> VendorFixPackages(JsonElement root)
    {
        var byKey = new Dictionary<string, KbVendorPackage>(StringComparer.Ordinal);
        foreach (var mta in MtaNames)
        {
            if (!root.TryGetProperty(mta, out var m)) continue;
            foreach (var c in m.GetProperty("cves").EnumerateArray())
            {
                if (!c.TryGetProperty("vendor_fixes", out var fixes) || fixes.ValueKind != JsonValueKind.Array) continue;
                foreach (var f in fixes.EnumerateArray())
                {
                    var version = Str(f, "fixed_version") is { } fv ? Strip(fv) : null; // "2:3.5.8-8.el8 (as recorded …)"
                    var release = Str(f, "release");
                    if (version is null || release is null) continue;
                    // "AlmaLinux (RHEL rebuild)" → AlmaLinux; "20.04 (Pro/ESM)" → 20.04.
                    var vendor = Strip(Str(f, "vendor") ?? "");
                    release = Strip(release);
                    if (vendor.Length == 0 || release.Contains('/') || release.Contains(' ')) continue;
                    var package = Str(f, "package") ?? "";
                    var key = string.Join('\u001f', vendor, release, mta, package, version);
                    if (!byKey.TryGetValue(key, out var p))
                        byKey[key] = p = new KbVendorPackage
                        {
                            Distro = vendor, Release = release, Mta = mta, Package = package, Version = version,
                            FixedCves = [], Verified = true, Source = Str(f, "source"),
                            Note = "a fixed version named by a vendor advisory" + (Str(f, "advisory") is { } a ? $" ({a})" : ""),
                        };
                    var id = Str(c, "id")!;
                    if (!p.FixedCves!.Contains(id)) p.FixedCves.Add(id);
                }
            }
        }
        return byKey.Values.ToList();
    }

    private static string Strip(string s) => s.IndexOf(" (", StringComparison.Ordinal) is > 0 and var i ? s[..i].Trim() : s.Trim();

    private static IEnumerable<KbVendorPackage> BuildVendorPackages(JsonElement p, HashSet<string> knownIds)
    {
        var mtaField = Str(p, "mta") ?? "";
        var osField = Str(p, "os") ?? "";
        var releaseField = Str(p, "release") ?? "";
        var fixedCves = FixedCves(p, knownIds);
        bool verifiedFlag = !(p.TryGetProperty("verified", out var vf) && vf.ValueKind == JsonValueKind.False);
        var upstream = Str(p, "upstream") is { } up ? LeadingVersion(up) : null;
        var baseNote = Str(p, "note");
        if (Str(p, "upstream") is { } upRaw && upstream != upRaw) baseNote = Join(baseNote, $"upstream given as '{upRaw}'");
        if (Str(p, "channel") is { } ch) baseNote = Join(baseNote, $"channel: {ch}");

        // "RHEL/Oracle Linux/Rocky/Alma", "postfix/sendmail" and "8/9" list several targets in one line;
        // one record per target lets a lookup by (distro, release, mta) find it.
        var distros = osField.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var mtas = mtaField.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var releases = SplitReleases(releaseField);
        var versions = SplitVersions(Str(p, "version"));

        foreach (var distro in distros)
            foreach (var release in releases)
                foreach (var mta in mtas)
                    foreach (var (version, vnote) in versions)
                    {
                        bool concrete = version is not null && !version.Contains('?') && !version.Contains(".x", StringComparison.Ordinal);
                        yield return new KbVendorPackage
                        {
                            Distro = distro,
                            Release = release,
                            Mta = mta,
                            Package = Str(p, "package"),
                            Version = version,
                            Upstream = upstream,
                            FixedCves = fixedCves,
                            Verified = verifiedFlag && concrete,
                            Source = Str(p, "source"),
                            Note = Join(vnote, baseNote),
                        };
                    }
    }

    /// <summary>"8/9/10" → three releases, "7.2 TL5, 7.3" → two; anything else stays one release.</summary>
    private static List<string> SplitReleases(string release)
    {
        var comma = release.Split(", ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (comma.Length > 1) return [.. comma];
        var slash = release.Split('/', StringSplitOptions.TrimEntries);
        if (slash.Length > 1 && slash.All(s => s.Length > 0 && s.All(char.IsAsciiDigit))) return [.. slash];
        return [release];
    }

    /// <summary>The entry's latest re-check (meta.conventions.recheck) could not find it again: to be treated as unverified.</summary>
    private static bool RecheckNotFound(JsonElement e) =>
        e.TryGetProperty("recheck", out var r) && r.ValueKind == JsonValueKind.Object && Str(r, "result") == "not found";

    /// <summary>
    /// "a (release) / b (updates)" → both, each with its parenthesised label as note;
    /// "a -> b (USN-1)" and "a -> b -> c" → the last, the package after the updates; null → one record with no version.
    /// </summary>
    private static List<(string? Version, string? Note)> SplitVersions(string? text)
    {
        if (text is null) return [(null, null)];
        var result = new List<(string?, string?)>();
        foreach (var alt in text.Split(" / ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var part = alt;
            string? note = null;
            // "first -> … -> newest": the newest is the package after the updates, whatever the chain's length.
            int first = part.IndexOf(" -> ", StringComparison.Ordinal), last = part.LastIndexOf(" -> ", StringComparison.Ordinal);
            if (first >= 0)
            {
                note = $"updated from {part[..first].Trim()}";
                part = part[(last + 4)..].Trim();
            }
            int paren = part.IndexOf(" (", StringComparison.Ordinal);
            if (paren >= 0 && part.EndsWith(')'))
            {
                note = Join(part[(paren + 2)..^1], note);
                part = part[..paren].Trim();
            }
            result.Add((part, note));
        }
        return result.Count == 0 ? [(null, null)] : result;
    }

    /// <summary>CVE ids named by the package's backport list; "CVE-2026-40684..40687" is expanded.</summary>
    private static List<string> FixedCves(JsonElement p, HashSet<string> knownIds)
    {
        var ids = new List<string>();
        if (!p.TryGetProperty("backports", out var b) || b.ValueKind != JsonValueKind.Object) return ids;
        foreach (var prop in b.EnumerateObject())
        {
            var text = prop.Value.GetString() ?? "";
            var range = CveRange().Match(text);
            if (range.Success && range.Groups[3].Success)
            {
                var year = range.Groups[1].Value;
                var lo = int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture);
                var hi = int.Parse(range.Groups[3].Value, CultureInfo.InvariantCulture);
                for (int n = lo; n <= hi && n - lo < 100; n++) ids.Add($"CVE-{year}-{n}");
                continue;
            }
            if (range.Success) { ids.Add($"CVE-{range.Groups[1].Value}-{range.Groups[2].Value}"); continue; }
            // Synthetic ids (EXIM-Security-2026-05-19.1) only when the knowledge base knows them.
            var first = text.Split(' ', 2)[0];
            if (knownIds.Contains(first)) ids.Add(first);
        }
        return ids.Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"^CVE-(\d{4})-(\d{4,})(?:\.\.(\d{4,}))?")]
    private static partial Regex CveRange();

    [GeneratedRegex(@"^\d+(?:\.\d+)*(?:p\d+)?")]
    private static partial Regex Leading();

    /// <summary>The leading dotted version of a text ("8.17.1.9 (Debian snapshot naming)" → 8.17.1.9), or null.</summary>
    private static string? LeadingVersion(string text)
    {
        var m = Leading().Match(text.Trim());
        return m.Success && UpstreamVersion.TryParse(m.Value, out _) ? m.Value : null;
    }

    // ---- helpers ----

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    private static string? Join(string? a, string? b) =>
        a is null ? b : b is null ? a : $"{a}; {b}";

    private static void AddSource(List<string> sources, string? s)
    {
        if (s is null) return;
        foreach (var part in s.Split(" ; ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            if (!sources.Contains(part)) sources.Add(part);
    }
}
