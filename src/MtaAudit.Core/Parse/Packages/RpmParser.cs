using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Parse.Packages;

/// <summary>
/// <c>pkg.rpm</c>, three shapes:
/// the collector's <c>rpm -qa --qf '%{NAME} %{EPOCHNUM}:%{VERSION}-%{RELEASE} %{ARCH}\n'</c>
/// ("postfix 2:3.5.8-8.el8 x86_64"; Version kept as printed, epoch 0 included);
/// plain <c>rpm -q</c> NVRA words ("postfix-2.6.6-6.el6_7.1.x86_64", also NVR without the arch from
/// old rpm); and <c>yum list installed</c> rows ("exim.x86_64  4.72-5.el6  @epel/6").
/// "package X is not installed" and prompts, warnings and yum chatter are ignored;
/// rows under yum's "Available Packages" are not installed.
/// </summary>
public sealed partial class RpmParser : IProbeParser
{
    public const string Probe = "pkg.rpm";
    public IReadOnlyList<string> Probes { get; } = [Probe];

    public void Apply(EvidenceSection section, HostFacts facts) => facts.Packages.AddRange(Parse(section.Text));

    [GeneratedRegex(@"^(x86_64|i[3-6]86|athlon|noarch|aarch64|armv[5-8]\w*|ppc|ppc64|ppc64le|ppc64p7|s390|s390x|ia64|alpha\w*|sparc\w*|riscv64|loongarch64|mips\w*|(none))$")]
    private static partial Regex Arch();

    // [epoch:]version-release, version starting with a digit.
    [GeneratedRegex(@"^(\d+:)?[0-9][0-9A-Za-z._+~^]*-[0-9A-Za-z._+~^]+$")]
    private static partial Regex EvrShape();

    [GeneratedRegex(@"^[A-Za-z0-9_+][A-Za-z0-9._+-]*$")]
    private static partial Regex NameShape();

    private enum YumBlock { None, Installed, Other }

    public static List<InstalledPackage> Parse(string text)
    {
        var list = new List<InstalledPackage>();
        var block = YumBlock.None;
        string? pendingYumName = null; // yum wraps a long name.arch onto its own line
        int n = 0;
        foreach (var line in TextLines.Split(text))
        {
            if (++n > Words.MaxLines) break;
            var trimmed = line.Trim();
            if (trimmed is "Installed Packages" or "Installed packages") { block = YumBlock.Installed; pendingYumName = null; continue; }
            if (trimmed.EndsWith(" Packages", StringComparison.Ordinal) || trimmed.EndsWith(" packages", StringComparison.Ordinal))
            {
                block = YumBlock.Other; pendingYumName = null; continue;
            }
            var w = Words.Of(line);
            if (w.Length == 0) continue;

            if (pendingYumName is not null && w.Length == 2)
            {
                AddYum(list, block, pendingYumName, w[0], w[1], pendingYumName + " " + trimmed);
                pendingYumName = null;
                continue;
            }
            pendingYumName = null;

            if (w.Length == 1)
            {
                if (block != YumBlock.None && IsYumNameArch(w[0])) { pendingYumName = w[0]; continue; }
                AddNvra(list, w[0], line);
            }
            else if (w.Length == 3)
            {
                if (block != YumBlock.None || w[2].StartsWith('@') || w[2] == "installed")
                    AddYum(list, block, w[0], w[1], w[2], line);
                else
                    AddQueryFormat(list, w, line);
            }
        }
        return list;
    }

    // "postfix 2:3.5.8-8.el8 x86_64"
    private static void AddQueryFormat(List<InstalledPackage> list, string[] w, string line)
    {
        if (!NameShape().IsMatch(w[0]) || !EvrShape().IsMatch(w[1]) || !Arch().IsMatch(w[2])) return;
        list.Add(new InstalledPackage("rpm", w[0], w[1], w[2] == "(none)" ? null : w[2], Words.Evidence(Probe, line)));
    }

    // "postfix-2.6.6-6.el6_7.1.x86_64": the arch after the last dot, the release after the last
    // dash, the version after the one before; the name keeps its own dashes (sendmail-cf).
    private static void AddNvra(List<InstalledPackage> list, string word, string line)
    {
        string? arch = null;
        string rest = word;
        int dot = word.LastIndexOf('.');
        if (dot > 0 && Arch().IsMatch(word[(dot + 1)..]))
        {
            arch = word[(dot + 1)..];
            rest = word[..dot];
        }
        int relDash = rest.LastIndexOf('-');
        if (relDash <= 0) return;
        int verDash = rest.LastIndexOf('-', relDash - 1);
        if (verDash <= 0) return;
        string name = rest[..verDash];
        string evr = rest[(verDash + 1)..];
        // A name needs a letter: a bare date or number ("2016-06-09") is not a package.
        if (!NameShape().IsMatch(name) || !name.Any(char.IsAsciiLetter) || !EvrShape().IsMatch(evr)) return;
        list.Add(new InstalledPackage("rpm", name, evr, arch, Words.Evidence(Probe, line)));
    }

    // "exim.x86_64   4.72-5.el6   @epel/6"
    private static void AddYum(List<InstalledPackage> list, YumBlock block, string nameArch, string evr, string repo, string line)
    {
        bool installed = block == YumBlock.Installed || (block == YumBlock.None && (repo.StartsWith('@') || repo == "installed"));
        if (!installed || !IsYumNameArch(nameArch) || !EvrShape().IsMatch(evr)) return;
        int dot = nameArch.LastIndexOf('.');
        list.Add(new InstalledPackage("rpm", nameArch[..dot], evr, nameArch[(dot + 1)..], Words.Evidence(Probe, line)));
    }

    private static bool IsYumNameArch(string word)
    {
        int dot = word.LastIndexOf('.');
        return dot > 0 && Arch().IsMatch(word[(dot + 1)..]) && NameShape().IsMatch(word[..dot]);
    }
}
