using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Parse.Packages;
using MtaAudit.Versions;

namespace MtaAudit.Parse.Vendor;

/// <summary>
/// <c>pkg.updates</c>: updates the vendor already ships for an installed MTA package, read from the
/// host's cached metadata. Shapes (recognised per line, so a bundle written by another tool works too):
/// <list type="bullet">
/// <item><c>apt-cache policy</c> cut to "pkg:", "  Installed:", "  Candidate:" (path=apt): an update when the
/// candidate is newer than the installed version by dpkg's ordering; "(none)" installed = not installed.</item>
/// <item><c>apt-get -s upgrade</c> "Inst postfix [3.7.10-0+deb12u1] (3.7.11-0+deb12u1 Debian-Security:12/stable-security [amd64])".</item>
/// <item><c>dnf</c>/<c>yum check-update</c> rows "postfix.x86_64  2:3.5.8-8.el8_9  baseos" (also wrapped after a
/// long name); rows of a repo starting '@' (yum list's installed rows) give the installed version.</item>
/// <item><c>zypper lu</c> tables "v | repo | postfix | 3.3.1-1 | 3.3.1-2 | x86_64".</item>
/// </list>
/// A section that ran and lists nothing means "checked, none pending": nothing is added.
/// </summary>
public sealed partial class PendingUpdatesParser : IProbeParser
{
    public const string Probe = "pkg.updates";
    public IReadOnlyList<string> Probes { get; } = [Probe];

    public void Apply(EvidenceSection section, HostFacts facts)
    {
        bool rpmCheck = section.Path is "dnf" or "yum";
        // dnf/yum check-update: 100 = updates listed, 0 = none; anything else is a failed check.
        if (rpmCheck && section.ExitCode == 0) return;
        bool failed = section.Ran && section.ExitCode is { } rc && !ExitCodeAnswered(section.Path, rc);
        if (failed)
        {
            // WHY: an empty list after a failed check must not read as "none pending".
            facts.Problems.Add(Glossary.Say("problem.updates-check-failed", ("probe", Probe), ("path", section.Path ?? "?"), ("rc", section.RcText)));
        }
        foreach (var u in Parse(section.Text))
        {
            // check-update does not print the installed version; pkg.rpm (collected before) does.
            var known = u.FromVersion ??
                facts.Packages.FirstOrDefault(p => p.Name == u.Package && p.Manager == u.Manager)?.Version;
            facts.Updates.Add(u with { FromVersion = known });
        }
    }

    /// <summary>Exit statuses of the update check that mean it answered (dnf/yum 100: updates listed; zypper 100-103: information).</summary>
    public static bool ExitCodeAnswered(string? path, int rc) => path switch
    {
        "apt" => rc == 0,
        "dnf" or "yum" => rc is 0 or 100,
        // zypper's 100-103 are information (updates, security updates, reboot or restart needed);
        // 106 means some repositories were skipped, so their updates are missing.
        "zypper" => rc is 0 or (>= 100 and <= 103),
        _ => rc is 0 or 100,
    };

    [GeneratedRegex(@"^Inst (\S+) \[([^\]\s]+)\] \((\S+)(?: ([^\[\)]*?))?(?: \[[^\]]*\])?\)")]
    private static partial Regex AptGetInst();

    [GeneratedRegex(@"^(x86_64|i[3-6]86|athlon|noarch|aarch64|armv[5-8]\w*|ppc|ppc64|ppc64le|ppc64p7|s390|s390x|ia64|riscv64|loongarch64|src)$")]
    private static partial Regex Arch();

    // [epoch:]version[-release], starting with a digit.
    [GeneratedRegex(@"^(\d+:)?[0-9][0-9A-Za-z._+~^-]*$")]
    private static partial Regex VersionShape();

    [GeneratedRegex(@"^[A-Za-z0-9_+][A-Za-z0-9._+-]*$")]
    private static partial Regex NameShape();

    public static List<PendingUpdate> Parse(string text)
    {
        var list = new List<PendingUpdate>();
        var apt = new AptPolicyState();
        var rpm = new RpmRowState();
        ZypperColumns? zypper = null;
        int n = 0;
        foreach (var line in TextLines.Split(text ?? ""))
        {
            if (++n > Words.MaxLines) break;
            if (line.Length > 4000) continue;
            if (apt.Read(line, list)) continue;
            var inst = AptGetInst().Match(line);
            if (inst.Success)
            {
                AddDpkg(list, inst.Groups[1].Value, inst.Groups[2].Value, inst.Groups[3].Value,
                    inst.Groups[4].Success ? inst.Groups[4].Value.Trim() : null, line);
                continue;
            }
            if (line.Contains('|'))
            {
                ReadZypperLine(line, ref zypper, list);
                continue;
            }
            rpm.Read(line, list);
        }
        return list;
    }

    private static void AddDpkg(List<PendingUpdate> list, string name, string from, string to, string? source, string line)
    {
        int colon = name.IndexOf(':'); // "libc6:amd64"
        if (colon > 0) name = name[..colon];
        if (!NameShape().IsMatch(name)) return;
        if (!DebianVersion.TryParse(to, out var t)) return;
        if (DebianVersion.TryParse(from, out var f) && t <= f) return;
        list.Add(new PendingUpdate("dpkg", name, from, to, string.IsNullOrEmpty(source) ? null : source,
            Words.Evidence(Probe, line)));
    }

    /// <summary>"pkg:" then "  Installed: X" and "  Candidate: Y" lines of apt-cache policy.</summary>
    private sealed class AptPolicyState
    {
        private string? _package, _installed, _installedLine;

        public bool Read(string line, List<PendingUpdate> list)
        {
            if (line.Length > 1 && line[0] is not (' ' or '\t') && line.EndsWith(':') && !line.Contains(' '))
            {
                var name = line[..^1];
                int colon = name.IndexOf(':'); // "libc6:i386:"
                if (colon > 0) name = name[..colon];
                _package = NameShape().IsMatch(name) ? name : null;
                _installed = null;
                return true;
            }
            var t = line.Trim();
            if (t.StartsWith("Installed:", StringComparison.Ordinal))
            {
                _installed = t["Installed:".Length..].Trim();
                _installedLine = t;
                return true;
            }
            if (t.StartsWith("Candidate:", StringComparison.Ordinal))
            {
                var candidate = t["Candidate:".Length..].Trim();
                if (_package is not null && _installed is not null && _installed != "(none)" && candidate != "(none)" &&
                    DebianVersion.TryParse(_installed, out var inst) && DebianVersion.TryParse(candidate, out var cand) &&
                    cand > inst)
                {
                    list.Add(new PendingUpdate("dpkg", _package, _installed, candidate, null,
                        Words.Evidence(Probe, $"{_package}: {_installedLine} {t}")));
                }
                _package = null;
                _installed = null;
                return true;
            }
            return false;
        }
    }

    /// <summary>dnf/yum rows "name.arch version repo", a long name.arch alone on its line then "version repo".</summary>
    private sealed class RpmRowState
    {
        private string? _wrapped;
        private bool _obsoleting;
        private readonly Dictionary<string, string> _installed = new(StringComparer.Ordinal);

        public void Read(string line, List<PendingUpdate> list)
        {
            var t = line.Trim();
            // After this heading dnf lists what obsoletes what, not updates.
            if (t.StartsWith("Obsoleting Packages", StringComparison.OrdinalIgnoreCase)) { _obsoleting = true; _wrapped = null; return; }
            if (t.EndsWith(" Packages", StringComparison.OrdinalIgnoreCase)) { _obsoleting = false; _wrapped = null; return; }
            if (_obsoleting) return;
            var w = Words.Of(line);
            if (_wrapped is not null && w.Length == 2 && line.Length > 0 && line[0] is ' ' or '\t')
            {
                AddRow(list, _wrapped, w[0], w[1], _wrapped + " " + t);
                _wrapped = null;
                return;
            }
            _wrapped = null;
            if (w.Length == 1 && SplitNameArch(w[0]).Name is not null) { _wrapped = w[0]; return; }
            if (w.Length == 3) AddRow(list, w[0], w[1], w[2], t);
        }

        private void AddRow(List<PendingUpdate> list, string nameArch, string version, string repo, string line)
        {
            var (name, _) = SplitNameArch(nameArch);
            if (name is null || !VersionShape().IsMatch(version) || repo.Length == 0) return;
            if (repo[0] == '@')
            {
                // yum list: an installed row, the "from" of an available one below it.
                _installed[name] = version;
                return;
            }
            _installed.TryGetValue(name, out var from);
            if (from is not null && RpmVersion.TryParse(from, out var f) && RpmVersion.TryParse(version, out var v) &&
                RpmVersion.Compare(v, f) <= 0) return;
            list.Add(new PendingUpdate("rpm", name, from, version, repo, Words.Evidence(Probe, line)));
        }

        private static (string? Name, string? Arch) SplitNameArch(string word)
        {
            int dot = word.LastIndexOf('.');
            if (dot <= 0 || dot == word.Length - 1) return (null, null);
            var name = word[..dot];
            var arch = word[(dot + 1)..];
            return Arch().IsMatch(arch) && NameShape().IsMatch(name) ? (name, arch) : (null, null);
        }
    }

    /// <summary>Where zypper's table has each column (from its header; the usual order without one).</summary>
    private sealed record ZypperColumns(int Repository, int Name, int Current, int Available);

    private static readonly ZypperColumns ZypperDefault = new(1, 2, 3, 4);

    private static void ReadZypperLine(string line, ref ZypperColumns? columns, List<PendingUpdate> list)
    {
        var cells = line.Split('|').Select(c => c.Trim()).ToArray();
        if (cells.Length < 5) return;
        int name = Array.FindIndex(cells, c => c.Equals("Name", StringComparison.OrdinalIgnoreCase));
        if (name >= 0)
        {
            int repo = Array.FindIndex(cells, c => c.Equals("Repository", StringComparison.OrdinalIgnoreCase));
            int cur = Array.FindIndex(cells, c => c.Equals("Current Version", StringComparison.OrdinalIgnoreCase));
            int avail = Array.FindIndex(cells, c => c.Equals("Available Version", StringComparison.OrdinalIgnoreCase));
            columns = cur >= 0 && avail >= 0 ? new ZypperColumns(repo, name, cur, avail) : null;
            return;
        }
        var col = columns ?? ZypperDefault;
        if (Math.Max(col.Name, Math.Max(col.Current, col.Available)) >= cells.Length) return;
        string pkg = cells[col.Name], from = cells[col.Current], to = cells[col.Available];
        if (!NameShape().IsMatch(pkg) || !VersionShape().IsMatch(to)) return;
        bool hasFrom = VersionShape().IsMatch(from);
        if (hasFrom && RpmVersion.TryParse(from, out var f) && RpmVersion.TryParse(to, out var t) && RpmVersion.Compare(t, f) <= 0)
            return;
        string? repoName = col.Repository >= 0 && col.Repository < cells.Length && cells[col.Repository].Length > 0
            ? cells[col.Repository] : null;
        list.Add(new PendingUpdate("rpm", pkg, hasFrom ? from : null, to, repoName, Words.Evidence(Probe, line)));
    }
}
