using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Parse.Os;

/// <summary>
/// The OS release (probe <c>os.release</c>). The content may be several files one after another
/// (the collector may <c>cat /etc/os-release /etc/redhat-release /etc/lsb-release</c>), or the output
/// of <c>lsb_release -a</c>, Solaris <c>/etc/release</c>, AIX <c>oslevel -s</c>, HP-UX <c>uname -r</c>.
/// Every kind is read; os-release wins over redhat-release, which wins over lsb-release.
/// </summary>
public sealed partial class OsReleaseParser : IProbeParser
{
    public IReadOnlyList<string> Probes { get; } = ["os.release"];

    public void Apply(EvidenceSection section, HostFacts facts)
    {
        var (parsed, rank) = ParseRanked(section.Text);
        if (parsed is null) return;
        // The collector reads each release file in its own section (os-release, then redhat-release, lsb-release):
        // a file of lower rank only fills what a higher one left unknown, whatever the sections' order. Oracle
        // Linux's /etc/redhat-release names Red Hat Enterprise Linux; its os-release says ID=ol.
        facts.Os = rank >= facts.OsReleaseRank ? OsInfoMerge.WithRelease(facts.Os, parsed) : OsInfoMerge.FillRelease(facts.Os, parsed);
        facts.OsReleaseRank = Math.Max(rank, facts.OsReleaseRank);
    }

    /// <summary>How much a release text is trusted for what the OS calls itself: os-release (and the Unix release outputs) over redhat-release over lsb-release.</summary>
    public const int RankOsRelease = 3, RankRedHatRelease = 2, RankLsbRelease = 1;

    /// <summary>What the release text says, or null when nothing in it is recognised.</summary>
    public static OsInfo? Parse(string text) => ParseRanked(text).Os;

    /// <summary>What the release text says and the rank of the kind of file that said it.</summary>
    public static (OsInfo? Os, int Rank) ParseRanked(string text)
    {
        var osRelease = new Dictionary<string, string>(StringComparer.Ordinal);
        var lsb = new Dictionary<string, string>(StringComparer.Ordinal);
        OsInfo? redhat = null, solaris = null, aix = null, hpux = null;

        foreach (var raw in TextLines.Split(text))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;

            if (KeyValue().Match(line) is { Success: true } kv)
            {
                string key = kv.Groups[1].Value, value = Unquote(kv.Groups[2].Value);
                if (key.StartsWith("DISTRIB_", StringComparison.Ordinal)) lsb.TryAdd(key, value);
                else osRelease.TryAdd(key, value);
                continue;
            }
            if (LsbReleaseA().Match(line) is { Success: true } la)
            {
                // lsb_release -a: "Distributor ID:\tDebian", "Release:\t10", "Description:\t..."
                string key = la.Groups[1].Value switch
                {
                    "Distributor ID" => "DISTRIB_ID",
                    "Release" => "DISTRIB_RELEASE",
                    "Description" => "DISTRIB_DESCRIPTION",
                    _ => "DISTRIB_CODENAME",
                };
                lsb.TryAdd(key, la.Groups[2].Value.Trim());
                continue;
            }
            redhat ??= RedHatStyle(line);
            solaris ??= SolarisRelease(line);
            aix ??= AixLevel(line);
            hpux ??= HpuxRelease(line);
        }

        OsInfo? linux = FromOsRelease(osRelease, redhat, lsb);
        int rank = osRelease.ContainsKey("ID") || osRelease.ContainsKey("VERSION_ID") || osRelease.ContainsKey("NAME") ? RankOsRelease
            : redhat is not null ? RankRedHatRelease
            : lsb.Count > 0 ? RankLsbRelease
            : RankOsRelease; // Solaris /etc/release, oslevel -s, uname -r: the only word there is
        return (linux ?? solaris ?? aix ?? hpux, rank);
    }

    private static OsInfo? FromOsRelease(Dictionary<string, string> os, OsInfo? redhat, Dictionary<string, string> lsb)
    {
        string? id = Get(os, "ID")?.ToLowerInvariant();
        string? version = Get(os, "VERSION_ID");
        string? name = Get(os, "PRETTY_NAME") ?? Get(os, "NAME");
        if (id is null && version is null && name is null && redhat is null && lsb.Count == 0) return null;

        string? lsbId = Get(lsb, "DISTRIB_ID");
        // SUPPORT_END (os-release since systemd 252): the vendor's own end of support, read only when it is a date.
        string? supportEnd = Get(os, "SUPPORT_END") is { } se && SupportEndDate().IsMatch(se) ? se : null;
        var result = new OsInfo(
            OsFamily.Linux,
            name ?? redhat?.Name ?? Get(lsb, "DISTRIB_DESCRIPTION"),
            version ?? redhat?.Version ?? Get(lsb, "DISTRIB_RELEASE"),
            id ?? redhat?.Distro ?? (lsbId is null ? null : DistroFromName(lsbId) ?? lsbId.ToLowerInvariant()),
            SupportEnd: supportEnd);
        // CentOS 6's lsb-release holds only LSB_VERSION: nothing that names the OS.
        return result.Name is null && result.Version is null && result.Distro is null ? null : result;
    }

    // "Red Hat Enterprise Linux Server release 7.7 (Maipo)", "CentOS release 6.7 (Final)", "Rocky Linux release 8.3"
    private static OsInfo? RedHatStyle(string line)
    {
        var m = ReleaseLine().Match(line);
        if (!m.Success) return null;
        return new OsInfo(OsFamily.Linux, line, m.Groups[2].Value, DistroFromName(m.Groups[1].Value));
    }

    private static string? DistroFromName(string name)
    {
        var n = name.ToLowerInvariant();
        if (n.Contains("red hat") || n.Contains("redhat") || n.StartsWith("rhel", StringComparison.Ordinal)) return "rhel";
        if (n.Contains("centos")) return "centos";
        if (n.Contains("rocky")) return "rocky";
        if (n.Contains("alma")) return "almalinux";
        if (n.Contains("oracle")) return "ol";
        if (n.Contains("amazon")) return "amzn";
        if (n.Contains("fedora")) return "fedora";
        if (n.Contains("scientific")) return "scientific";
        if (n.Contains("suse")) return n.Contains("enterprise") ? "sles" : "opensuse";
        if (n.Contains("ubuntu")) return "ubuntu";
        if (n.Contains("debian")) return "debian";
        return null;
    }

    // "Oracle Solaris 11.4 SPARC" -> 11.4; "Oracle Solaris 10 1/13 s10x_u11wos_24a X86" -> 10
    private static OsInfo? SolarisRelease(string line)
    {
        if (line.Contains("OpenIndiana", StringComparison.OrdinalIgnoreCase) || line.StartsWith("OmniOS", StringComparison.OrdinalIgnoreCase))
            return new OsInfo(OsFamily.Solaris, line, null, "illumos");
        var m = SolarisLine().Match(line);
        if (!m.Success) return null;
        return new OsInfo(OsFamily.Solaris, line, m.Groups[1].Value, "solaris");
    }

    // oslevel -s "7200-04-02-2016" -> 7.2 TL04 SP02; oslevel -r "7200-04"; plain oslevel "7.2.0.0"
    private static OsInfo? AixLevel(string line)
    {
        var m = OslevelS().Match(line);
        if (m.Success)
        {
            string version = m.Groups[1].Value + "." + m.Groups[2].Value;
            string name = "AIX " + version + " TL" + m.Groups[3].Value
                          + (m.Groups[4].Success ? " SP" + m.Groups[4].Value : "");
            return new OsInfo(OsFamily.Aix, name, version, "aix");
        }
        var p = OslevelPlain().Match(line);
        if (p.Success) return new OsInfo(OsFamily.Aix, "AIX " + line, p.Groups[1].Value, "aix");
        return null;
    }

    // uname -r on HP-UX: "B.11.31" -> 11.31
    private static OsInfo? HpuxRelease(string line)
    {
        var m = HpuxR().Match(line);
        return m.Success ? new OsInfo(OsFamily.Hpux, "HP-UX " + m.Groups[1].Value, m.Groups[1].Value, "hpux", Kernel: line) : null;
    }

    private static string? Get(Dictionary<string, string> d, string key) =>
        d.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

    private static string Unquote(string v)
    {
        v = v.Trim();
        if (v.Length >= 2 && (v[0] == '"' || v[0] == '\'') && v[^1] == v[0]) v = v[1..^1];
        return v.Replace("\\\"", "\"", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^([A-Z][A-Z0-9_]{0,63})=(.*)$")]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"^(Distributor ID|Description|Release|Codename):\s*(.*)$")]
    private static partial Regex LsbReleaseA();

    [GeneratedRegex(@"^(.{1,80}?)\s+release\s+(\d+(?:\.\d+)*)\b")]
    private static partial Regex ReleaseLine();

    [GeneratedRegex(@"\bSolaris\s+(\d{1,2}(?:\.\d{1,2})?)\b")]
    private static partial Regex SolarisLine();

    [GeneratedRegex(@"^(\d)(\d)00-(\d\d)(?:-(\d\d))?(?:-\d{4})?$")]
    private static partial Regex OslevelS();

    [GeneratedRegex(@"^(\d\.\d)\.\d\.\d$")]
    private static partial Regex OslevelPlain();

    [GeneratedRegex(@"^[A-Z]\.(\d{2}\.\d{2})$")]
    private static partial Regex HpuxR();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex SupportEndDate();
}
