using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Parse.Packages;

/// <summary>
/// <c>pkg.aix</c>: <c>lslpp -Lc</c>, colon separated, header
/// "#Package Name:Fileset:Level:State:PTF Id:Fix State:Type:Description:...".
/// Name is the fileset (bos.net.tcp.sendmail) for installp filesets and the package name for
/// RPMs (Type R, whose Fileset field is name-version). Real AIX output leaves the State
/// column blank and puts the state letter under "Fix State" (A applied, C committed,
/// E EFIX locked, O obsolete, ? inconsistent, B broken); either column is read.
/// A, C and E count as installed; B, ? and O do not.
/// </summary>
public sealed class AixLslppParser : IProbeParser
{
    public const string Probe = "pkg.aix";
    public IReadOnlyList<string> Probes { get; } = [Probe];

    public void Apply(EvidenceSection section, HostFacts facts) => facts.Packages.AddRange(Parse(section.Text));

    public static List<InstalledPackage> Parse(string text)
    {
        var list = new List<InstalledPackage>();
        int n = 0;
        foreach (var line in TextLines.Split(text))
        {
            if (++n > Words.MaxLines) break;
            if (line.StartsWith('#')) continue;
            var f = line.Split(':');
            if (f.Length < 7) continue;
            string package = f[0].Trim(), fileset = f[1].Trim(), level = f[2].Trim();
            if (package.Length == 0 || fileset.Length == 0 || level.Length == 0 || !char.IsAsciiDigit(level[0])) continue;
            if (package.Contains(' ') || fileset.Contains(' ')) continue;
            string state = f[3].Trim().Length > 0 ? f[3].Trim() : f[5].Trim();
            if (state is not ("A" or "C" or "E")) continue;
            bool rpm = f[6].Trim() == "R";
            list.Add(new InstalledPackage("lslpp", rpm ? package : fileset, level, null, Words.Evidence(Probe, line)));
        }
        return list;
    }
}
