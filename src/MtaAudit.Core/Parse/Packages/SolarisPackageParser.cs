using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Parse.Packages;

/// <summary>
/// <c>pkg.solaris</c>: Solaris 11 IPS <c>pkg list [-H]</c> rows
/// ("service/network/smtp/sendmail   8.15.2-11.4.42.0.0.111.0   i--", optionally with
/// "(publisher)" after the name and the "NAME (PUBLISHER) VERSION IFO" header; the older
/// "STATE UFOXI" layout says "installed"), manager <c>ips</c>; and Solaris 10 SVR4
/// <c>pkginfo -l</c> blocks (PKGINST/NAME/ARCH/VERSION/STATUS), manager <c>svr4</c>.
/// An IPS row counts when its I flag is 'i'; a pkginfo block unless its STATUS says it is
/// only partially installed.
/// </summary>
public sealed partial class SolarisPackageParser : IProbeParser
{
    public const string Probe = "pkg.solaris";
    public IReadOnlyList<string> Probes { get; } = [Probe];

    public void Apply(EvidenceSection section, HostFacts facts) => facts.Packages.AddRange(Parse(section.Text));

    // IPS FMRI stems: lower-case path segments, sometimes with a leading pkg:/ or pkg://publisher/.
    [GeneratedRegex(@"^(?:pkg:/(?:/[^/\s]+/)?)?([A-Za-z0-9][A-Za-z0-9_.+/-]*)$")]
    private static partial Regex IpsName();

    // pkginfo -l: "   PKGINST:  SUNWsndmr"
    [GeneratedRegex(@"^\s*([A-Z]+):\s*(.*?)\s*$")]
    private static partial Regex PkginfoField();

    public static List<InstalledPackage> Parse(string text)
    {
        var list = new List<InstalledPackage>();
        var block = new Dictionary<string, string>(StringComparer.Ordinal);
        string? blockStart = null;
        int n = 0;
        foreach (var line in TextLines.Split(text))
        {
            if (++n > Words.MaxLines) break;
            var field = PkginfoField().Match(line);
            if (field.Success)
            {
                string key = field.Groups[1].Value;
                if (key == "PKGINST")
                {
                    FlushPkginfo(list, block, blockStart);
                    block.Clear();
                    blockStart = line;
                }
                if (blockStart is not null) block.TryAdd(key, field.Groups[2].Value);
                continue;
            }
            if (line.Trim().Length == 0) continue;
            AddIpsRow(list, line);
        }
        FlushPkginfo(list, block, blockStart);
        return list;
    }

    private static void AddIpsRow(List<InstalledPackage> list, string line)
    {
        var w = Words.Of(line);
        if (w.Length is < 3 or > 5 || w[0] == "NAME") return;
        // name [(publisher)] version flags   |   name [(publisher)] version installed -----
        int i = 1;
        if (w[1].StartsWith('(') && w[1].EndsWith(')')) i = 2;
        if (w.Length - i < 2) return;
        string version = w[i];
        string flags = w[i + 1];
        bool installed = flags == "installed" || (flags.Length == 3 && flags[0] == 'i' && flags.All(c => c is '-' or 'i' or 'f' or 'o' or 'r' or 'u' or 'x' or 'F' or 'O' or 'R'));
        if (!installed || !char.IsAsciiDigit(version[0])) return;
        var m = IpsName().Match(w[0]);
        if (!m.Success || !m.Groups[1].Value.Any(char.IsAsciiLetter)) return;
        list.Add(new InstalledPackage("ips", m.Groups[1].Value, version, null, Words.Evidence(Probe, line)));
    }

    private static void FlushPkginfo(List<InstalledPackage> list, Dictionary<string, string> block, string? start)
    {
        if (start is null || !block.TryGetValue("PKGINST", out var inst) || inst.Length == 0) return;
        if (!block.TryGetValue("VERSION", out var version) || version.Length == 0) return;
        if (block.TryGetValue("STATUS", out var status) && status.Contains("partially", StringComparison.OrdinalIgnoreCase)) return;
        block.TryGetValue("ARCH", out var arch);
        var evidence = $"{Probe}: PKGINST: {inst} VERSION: {version}" + (status is null ? "" : $" STATUS: {status}");
        list.Add(new InstalledPackage("svr4", inst, version, string.IsNullOrEmpty(arch) ? null : arch, evidence));
    }
}
