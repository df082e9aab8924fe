using System.Globalization;
using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Parse.Processes;

/// <summary>
/// <c>proc.ns</c> (Linux): where each process runs. Lines: "self PID" (the collector's own shell),
/// "ns /proc/PID/ns/pid pid:[4026531836]" and ".../ns/net net:[...]" (ls -l of the namespace links;
/// a normal user sees only its own), and "cgroup /proc/PID/cgroup PATH" (each distinct cgroup path of
/// the process, readable by anyone). <see cref="Placement"/> uses them to set the neighbours apart.
/// </summary>
public sealed partial class ProcNsParser : IProbeParser
{
    public IReadOnlyList<string> Probes { get; } = ["proc.ns"];

    public void Apply(EvidenceSection section, HostFacts facts)
    {
        var (self, places) = Parse(section.Text);
        facts.SelfPid ??= self;
        foreach (var p in places.Values) facts.Placements[p.Pid] = p;
    }

    [GeneratedRegex(@"^ns /proc/(\d{1,10})/ns/(pid|net) ((?:pid|net):\[\d+\])\s*$")]
    private static partial Regex NsLine();

    [GeneratedRegex(@"^cgroup /proc/(\d{1,10})/cgroup (.*)$")]
    private static partial Regex CgroupLine();

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
            var m = NsLine().Match(line);
            if (m.Success && Int(m.Groups[1].Value) is { } pid)
            {
                var p = Get(pid);
                map[pid] = m.Groups[2].Value == "pid" ? p with { PidNs = m.Groups[3].Value } : p with { NetNs = m.Groups[3].Value };
                continue;
            }
            var c = CgroupLine().Match(line);
            if (c.Success && Int(c.Groups[1].Value) is { } cpid)
            {
                var p = Get(cpid);
                var path = c.Groups[2].Value.Trim();
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

    private static int? Int(string s) =>
        s.Length is > 0 and <= 10 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
}
