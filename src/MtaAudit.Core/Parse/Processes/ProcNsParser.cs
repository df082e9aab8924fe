using System.Globalization;
using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Parse.Processes;

/// <summary>
/// <c>proc.ns</c> (Linux): where each process runs. Lines: "self PID" (the collector's own shell),
/// "ns /proc/PID/ns/pid pid:[4026531836]" and ".../ns/net net:[...]" (ls -l of the namespace links;
/// a normal user sees only its own), and "cgroup /proc/PID/cgroup PATH" (each distinct cgroup path of
/// the process, readable by anyone). <see cref="Placement"/> uses them to set the neighbours apart.
/// </summary>
public sealed class ProcNsParser : IProbeParser
{
    public IReadOnlyList<string> Probes { get; } = ["proc.ns"];

    public void Apply(EvidenceSection section, HostFacts facts)
    {
        var (self, places) = Parse(section.Text);
        facts.SelfPid ??= self;
        foreach (var p in places.Values) facts.Placements[p.Pid] = p;
    }

    // WHY no regex: proc.ns has a line per process and namespace (thousands on a busy host) and is the
    // largest section of a Linux bundle; these two fixed shapes are read by hand, as the regexes
    // ^ns /proc/(\d{1,10})/ns/(pid|net) ((?:pid|net):\[\d+\])\s*$ and ^cgroup /proc/(\d{1,10})/cgroup (.*)$ would.
    private const string NsPrefix = "ns /proc/";
    private const string CgroupPrefix = "cgroup /proc/";

    public static (int? Self, Dictionary<int, ProcessPlacement> Places) Parse(string text)
    {
        int? self = null;
        var map = new Dictionary<int, ProcessPlacement>();
        ProcessPlacement Get(int pid) => map.TryGetValue(pid, out var p) ? p : map[pid] = new ProcessPlacement(pid, null, null, null);
        var containerPids = new HashSet<int>();
        int n = 0;
        foreach (var line in TextLines.Split(text ?? ""))
        {
            if (++n > 2_000_000) break;
            if (line.StartsWith("self ", StringComparison.Ordinal) && Int(line[5..].Trim()) is { } s) { self = s; continue; }
            if (NsLine(line) is { } ns && Int(ns.Pid) is { } pid)
            {
                var p = Get(pid);
                map[pid] = ns.Kind == "pid" ? p with { PidNs = ns.Value } : p with { NetNs = ns.Value };
                continue;
            }
            if (CgroupLine(line) is { } cg && Int(cg.Pid) is { } cpid)
            {
                var p = Get(cpid);
                var path = cg.Path.Trim();
                if (path.Length <= 1) continue; // "/": says nothing
                // v1 lists one path per controller: keep the most telling one (a container's, else the longest).
                bool container = Placement.ContainerOf(path) is not null;
                bool had = containerPids.Contains(cpid);
                if (p.Cgroup is null || (container && !had) || (!had && path.Length > p.Cgroup.Length))
                {
                    map[cpid] = p with { Cgroup = path };
                    if (container) containerPids.Add(cpid);
                }
            }
        }
        return (self, map);
    }

    /// <summary>"ns /proc/PID/ns/pid pid:[N]" (or net), trailing blanks allowed: the pid, the link's kind and its value.</summary>
    private static (string Pid, string Kind, string Value)? NsLine(string line)
    {
        if (!line.StartsWith(NsPrefix, StringComparison.Ordinal)) return null;
        int i = NsPrefix.Length;
        int digits = Digits(line, i);
        if (digits is < 1 or > 10) return null;
        var pid = line.Substring(i, digits);
        i += digits;
        if (string.CompareOrdinal(line, i, "/ns/", 0, 4) != 0) return null;
        i += 4;
        var kind = Kind(line, i);
        if (kind is null || i + 3 >= line.Length || line[i + 3] != ' ') return null;
        i += 4;
        // The value: (pid|net):[digits], then only white space to the end.
        if (Kind(line, i) is null || i + 4 >= line.Length || line[i + 3] != ':' || line[i + 4] != '[') return null;
        int d = Digits(line, i + 5);
        int close = i + 5 + d;
        if (d < 1 || close >= line.Length || line[close] != ']') return null;
        for (int k = close + 1; k < line.Length; k++)
            if (!char.IsWhiteSpace(line[k])) return null;
        return (pid, kind, line.Substring(i, close + 1 - i));
    }

    /// <summary>"cgroup /proc/PID/cgroup PATH": the pid and the rest of the line.</summary>
    private static (string Pid, string Path)? CgroupLine(string line)
    {
        if (!line.StartsWith(CgroupPrefix, StringComparison.Ordinal)) return null;
        int i = CgroupPrefix.Length;
        int digits = Digits(line, i);
        if (digits is < 1 or > 10) return null;
        int after = i + digits;
        if (string.CompareOrdinal(line, after, "/cgroup ", 0, 8) != 0) return null;
        var path = line[(after + 8)..];
        // '.' of the regex: no line end inside the path.
        if (path.Contains('\n')) return null;
        return (line.Substring(i, digits), path);
    }

    private static string? Kind(string line, int i) =>
        string.CompareOrdinal(line, i, "pid", 0, 3) == 0 ? "pid" : string.CompareOrdinal(line, i, "net", 0, 3) == 0 ? "net" : null;

    // char.IsDigit is what the regex's \d matches (any Unicode decimal digit); Int() then takes only ASCII ones.
    private static int Digits(string line, int i)
    {
        int k = i;
        while (k < line.Length && char.IsDigit(line[k])) k++;
        return k - i;
    }

    private static int? Int(string s) =>
        s.Length is > 0 and <= 10 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
}
