using System.Text.Json;
using System.Text.RegularExpressions;
using MtaAudit.Knowledge;

namespace MtaAudit.Tools;

/// <summary>
/// The reference's os_lifecycle section → kb.json records: how a host is recognised (os-release ID and
/// VERSION_ID), when standard support ends, and which extended programs exist with the package-source
/// channel that shows a host uses one (a paid program counts only where the host shows its channel).
/// </summary>
public static partial class KbOsLifecycleBuilder
{
    public static List<KbOsRelease> Build(JsonElement section)
    {
        var result = new List<KbOsRelease>();
        if (!section.TryGetProperty("releases", out var releases) || releases.ValueKind != JsonValueKind.Array) return result;
        foreach (var r in releases.EnumerateArray())
        {
            var os = Str(r, "os") ?? "";
            var release = Str(r, "release") ?? "";
            var id = IdOf(os);
            if (id is null) continue;
            var detect = r.TryGetProperty("detect", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
            result.Add(new KbOsRelease
            {
                Os = os,
                Release = release,
                Id = id,
                VersionId = VersionIdOf(id, release, detect),
                NameContains = detect.ValueKind == JsonValueKind.Object && Str(detect, "NAME") is { } name ? name : null,
                TechnologyLevel = Tl().Match(release) is { Success: true } tl && id == "aix" && !release.Contains('(') ? tl.Groups[1].Value : null,
                Codename = Str(r, "codename"),
                StandardSupportEnd = DateOrNull(Str(r, "standard_support_end")),
                Extended = r.TryGetProperty("extended_support", out var ext) && ext.ValueKind == JsonValueKind.Array
                    ? ext.EnumerateArray().Select(e => Extended(id, e)).Where(e => e is not null).Select(e => e!).ToList()
                    : [],
                Sources = r.TryGetProperty("source", out var src) && src.ValueKind == JsonValueKind.Array
                    ? src.EnumerateArray().Select(x => x.GetString()!).ToList()
                    : [],
            });
        }
        return result;
    }

    private static KbExtendedSupport? Extended(string id, JsonElement e)
    {
        var program = Str(e, "program") ?? "";
        // "none from the CentOS project", "vendor paid extended support: not established": nothing a host can use.
        if (program.StartsWith("none", StringComparison.OrdinalIgnoreCase) || program.Contains("not establ", StringComparison.OrdinalIgnoreCase)) return null;
        bool paid = !(e.TryGetProperty("paid", out var p) && p.ValueKind == JsonValueKind.False);
        return new KbExtendedSupport
        {
            Program = program,
            End = DateOrNull(Str(e, "end")),
            Paid = paid,
            Channel = ChannelOf(id, program),
            Note = Str(e, "note"),
        };
    }

    /// <summary>The package-source channel a program's updates come through (see Parse/Vendor/PackageSourcesParser).</summary>
    public static string? ChannelOf(string id, string program)
    {
        var p = program.ToLowerInvariant();
        if (id == "ubuntu" && (p.Contains("esm") || p.Contains("ubuntu pro"))) return "ubuntu-esm";
        if (id == "debian" && p.Contains("extended lts")) return "debian-elts";
        if (id == "rhel" && p.Contains("els")) return "rhel-els";
        if (id == "sles" && p.Contains("ltss")) return "sles-ltss";
        return null;
    }

    private static string? IdOf(string os) => os switch
    {
        "Debian" => "debian",
        "Ubuntu" => "ubuntu",
        "Red Hat Enterprise Linux" => "rhel",
        "CentOS Linux" or "CentOS Stream" => "centos",
        "Rocky Linux" => "rocky",
        "AlmaLinux" => "almalinux",
        "Oracle Linux" => "ol",
        "SUSE Linux Enterprise Server" => "sles",
        "Amazon Linux" => "amzn",
        "Oracle Solaris" => "solaris",
        "IBM AIX" => "aix",
        "HPE HP-UX" => "hpux",
        "FreeBSD" => "freebsd",
        _ => null,
    };

    private static string? VersionIdOf(string id, string release, JsonElement detect)
    {
        if (detect.ValueKind == JsonValueKind.Object)
        {
            if (Str(detect, "VERSION_ID") is { } v) return v;
            if (Str(detect, "DISTRIB_RELEASE") is { } l) return l;
            if (id == "hpux" && Str(detect, "uname_r") is { } hr) return hr.StartsWith("B.", StringComparison.Ordinal) ? hr[2..] : hr;
        }
        // "5", "11.4", "7.2 (TL5)", "7.3 TL2", "13 (stable/13 branch)": the leading number.
        var m = Leading().Match(release);
        return m.Success ? m.Value : null;
    }

    private static string? DateOrNull(string? s) => s is not null && IsoDate().IsMatch(s) ? s : null;

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [GeneratedRegex(@"^\d+(?:\.\d+)?")]
    private static partial Regex Leading();

    [GeneratedRegex(@"TL(\d+)")]
    private static partial Regex Tl();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();
}
