using System.Text.Json;
using MtaAudit.Facts;
using MtaAudit.Versions;

namespace MtaAudit.Assess;

/// <summary>
/// An organisation's minimum versions per MTA and OS (<c>--baseline FILE</c>, docs/baseline.md).
/// For a host, the most specific matching minimum wins: os + release, then os by distro id, then os by family,
/// then the MTA alone. A package minimum is compared with the host's package manager rules (dpkg or rpm) and
/// is preferred over an upstream minimum because vendors backport fixes without changing the upstream version.
/// </summary>
public sealed class Baseline
{
    public const string Schema = "mta-audit/baseline/1";

    /// <summary>The MTAs a minimum may name (MtaCatalog ids).</summary>
    public static readonly IReadOnlyList<string> Mtas = ["postfix", "exim", "sendmail", "opensmtpd"];

    private static readonly HashSet<string> Families = ["linux", "solaris", "aix", "hpux", "freebsd", "openbsd", "netbsd", "macos"];
    private static readonly HashSet<string> DpkgDistros = ["debian", "ubuntu"];
    private static readonly HashSet<string> RpmDistros = ["rhel", "centos", "rocky", "almalinux", "alma", "ol", "oracle", "fedora", "sles", "opensuse", "amzn"];

    private Baseline(string name, string source, IReadOnlyList<BaselineMinimum> minimums)
    {
        Name = name;
        Source = source;
        Minimums = minimums;
    }

    /// <summary>The baseline's name, e.g. "ACME 2026-H2" (shown in reasons).</summary>
    public string Name { get; }
    /// <summary>The file it was read from.</summary>
    public string Source { get; }
    public IReadOnlyList<BaselineMinimum> Minimums { get; }

    /// <summary>A baseline lists minimum versions: kilobytes. A bigger file is refused, not parsed into memory.</summary>
    public const long MaxFileBytes = 16L << 20;

    /// <summary>Reads and validates a baseline file; throws <see cref="BaselineException"/> naming the file and JSON path.</summary>
    public static Baseline Load(string path)
    {
        try
        {
            using var s = MtaAudit.Io.BoundedFile.OpenRead(path, MaxFileBytes);
            return Load(s, path);
        }
        catch (MtaAudit.Io.InputTooLargeException) { throw; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BaselineException(path, "$", "cannot read: " + e.Message, e);
        }
    }

    public static Baseline Load(Stream stream, string sourceName)
    {
        BaselineDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize(stream, BaselineJsonContext.Default.BaselineDocument);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            throw new BaselineException(sourceName, e.Path ?? "$", "not a valid baseline file" + where + ": " + e.Message.Split('\n', 2)[0].Trim(), e);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Text.DecoderFallbackException)
        {
            throw new BaselineException(sourceName, "$", "not a valid baseline file: not UTF-8 text", e);
        }
        if (doc is null) throw new BaselineException(sourceName, "$", "document is null");
        return Validate(sourceName, doc);
    }

    private static Baseline Validate(string file, BaselineDocument doc)
    {
        BaselineException Fail(string at, string problem) => new(file, at, problem);
        if (doc.Schema != Schema)
            throw Fail("$.schema", (doc.Schema is null ? "missing" : $"\"{doc.Schema}\" is not supported") + $"; expected \"{Schema}\"");
        if (string.IsNullOrWhiteSpace(doc.Name)) throw Fail("$.name", "missing");
        if (doc.Minimums is null || doc.Minimums.Count == 0) throw Fail("$.minimums", "missing or empty");

        var list = new List<BaselineMinimum>();
        var seen = new Dictionary<(string, string?, string?), int>();
        for (int i = 0; i < doc.Minimums.Count; i++)
        {
            var at = $"$.minimums[{i}]";
            var m = doc.Minimums[i] ?? throw Fail(at, "null item");
            var mta = m.Mta?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(mta)) throw Fail(at + ".mta", "missing");
            if (!Mtas.Contains(mta)) throw Fail(at + ".mta", $"'{m.Mta}' is not one of {string.Join(", ", Mtas)}");
            var os = Blank(m.Os)?.ToLowerInvariant();
            if (os == "hp-ux") os = "hpux";
            var release = Blank(m.Release);
            if (release is not null && os is null) throw Fail(at + ".release", "needs an os: a release number means nothing without it");
            var package = Blank(m.Package);
            var version = Blank(m.Version);
            if (package is null && version is null) throw Fail(at, "needs a minimum: 'package' (vendor package version) or 'version' (upstream version)");
            if (version is not null)
            {
                if (!UpstreamVersion.TryParse(version, out var v)) throw Fail(at + ".version", $"'{version}' is not an upstream version (digits and dots, e.g. 3.8.6 or 7.8.0p1)");
                version = v.Text;
            }
            if (package is not null)
            {
                bool dpkg = DebianVersion.TryParse(package, out _), rpm = RpmVersion.TryParse(package, out _);
                if (os is not null && DpkgDistros.Contains(os) && !dpkg) throw Fail(at + ".package", $"'{package}' is not a dpkg version");
                if (os is not null && RpmDistros.Contains(os) && !rpm) throw Fail(at + ".package", $"'{package}' is not an rpm version");
                if (!dpkg && !rpm) throw Fail(at + ".package", $"'{package}' is neither a dpkg nor an rpm version");
            }
            if (seen.TryGetValue((mta, os, release), out var first))
                throw Fail(at, $"same mta/os/release as $.minimums[{first}]: which one applies would be ambiguous");
            seen[(mta, os, release)] = i;
            list.Add(new BaselineMinimum(mta, os, release, package, version, Blank(m.Note)));
        }
        return new Baseline(doc.Name.Trim(), file, list);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The most specific minimum for <paramref name="mta"/> on <paramref name="os"/>, or null.</summary>
    public BaselineMinimum? RuleFor(string mta, OsInfo os)
    {
        BaselineMinimum? best = null;
        int bestScore = -1;
        foreach (var m in Minimums)
        {
            if (m.Mta != mta) continue;
            int score = Specificity(m, os);
            if (score > bestScore) (best, bestScore) = (m, score);
        }
        return best;
    }

    /// <summary>-1 when the minimum does not apply; higher is more specific.</summary>
    private static int Specificity(BaselineMinimum m, OsInfo os)
    {
        if (m.Os is null) return 0;
        int score;
        if (os.Distro is not null && string.Equals(m.Os, os.Distro, StringComparison.OrdinalIgnoreCase)) score = 2;
        else if (Families.Contains(m.Os) && m.Os == os.Family.ToString().ToLowerInvariant()) score = 1;
        else return -1;
        if (m.Release is null) return score;
        var v = os.Version;
        if (v is null) return -1;
        bool same = v == m.Release || v.StartsWith(m.Release + ".", StringComparison.Ordinal);
        return same ? score + 2 : -1;
    }

    /// <summary>
    /// Judges one MTA against the baseline. <paramref name="package"/> is the package the MTA came from (its
    /// Manager "dpkg" or "rpm" selects the comparison rules); <paramref name="version"/> its upstream version.
    /// </summary>
    public BaselineJudgement Judge(string mta, OsInfo os, PackageRef? package, UpstreamVersion? version)
    {
        var rule = RuleFor(mta, os);
        if (rule is null)
            return new(Verdict.Manual, Glossary.Say("baseline.no-rule", ("name", Name), ("mta", mta), ("os", Describe(os))), null);

        var scope = Scope(rule);
        if (rule.Package is not null && package is not null && Compare(package, rule.Package) is { } cmp)
        {
            return cmp >= 0
                ? new(Verdict.Good, Glossary.Say("baseline.package-ok", ("package", package.Name), ("version", package.Version), ("name", Name), ("minimum", rule.Package), ("scope", scope)), rule.Package)
                : new(Verdict.Vulnerable, Glossary.Say("baseline.package-below", ("package", package.Name), ("version", package.Version), ("name", Name), ("minimum", rule.Package), ("scope", scope)), rule.Package);
        }
        if (rule.Version is not null && version is not null)
        {
            var min = UpstreamVersion.Parse(rule.Version);
            return version >= min
                ? new(Verdict.Good, Glossary.Say("baseline.version-ok", ("mta", mta), ("version", version), ("name", Name), ("minimum", rule.Version), ("scope", scope)), rule.Version)
                : new(Verdict.Vulnerable, Glossary.Say("baseline.version-below", ("mta", mta), ("version", version), ("name", Name), ("minimum", rule.Version), ("scope", scope)), rule.Version);
        }

        // The rule applies but the value it needs is missing (or in another package format).
        var needed = rule.Package is not null && rule.Version is not null
            ? Glossary.Say("baseline.needs-either", ("package", rule.Package), ("version", rule.Version))
            : rule.Package is not null
                ? Glossary.Say("baseline.needs-package", ("package", rule.Package))
                : Glossary.Say("baseline.needs-version", ("version", rule.Version));
        var why = rule.Package is not null && package is not null && Compare(package, rule.Package) is null
            ? Glossary.Say("baseline.incomparable", ("version", package.Version), ("manager", package.Manager))
            : Glossary.Say("baseline.version-unknown");
        return new(Verdict.Manual, Glossary.Say("baseline.cannot-judge", ("name", Name), ("needed", needed), ("scope", scope), ("why", why)), rule.Package ?? rule.Version);
    }

    /// <summary>dpkg or rpm comparison by the host's package manager; null when it is neither or a version does not parse.</summary>
    private static int? Compare(PackageRef package, string minimum)
    {
        switch (package.Manager)
        {
            case "dpkg":
                return DebianVersion.TryParse(package.Version, out var a) && DebianVersion.TryParse(minimum, out var b)
                    ? DebianVersion.Compare(a, b) : null;
            case "rpm":
                return RpmVersion.TryParse(package.Version, out var c) && RpmVersion.TryParse(minimum, out var d)
                    ? RpmVersion.Compare(c, d) : null;
            default:
                return null;
        }
    }

    private static Localized Scope(BaselineMinimum m)
    {
        var where = m.Os is null ? null : m.Os + (m.Release is null ? "" : " " + m.Release);
        return where is null ? Glossary.Same(m.Mta) : Glossary.Say("baseline.scope", ("mta", m.Mta), ("where", where));
    }

    private static string Describe(OsInfo os) =>
        (os.Distro ?? os.Family.ToString().ToLowerInvariant()) + (os.Version is null ? "" : " " + os.Version);
}
