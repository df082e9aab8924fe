using System.Text.RegularExpressions;
using MtaAudit.Facts;

namespace MtaAudit.Parse.Processes;

/// <summary>
/// Sets the neighbours' processes apart from the host's. On a host that runs containers (nspawn
/// machines, Docker, containerd, Kubernetes, LXC, Podman) ps lists the containers' processes too,
/// and their Postfix is not this host's. A process is a neighbour when its PID namespace differs
/// from the collector's own, or when its cgroup path is a container's while PID 1's is not (a
/// container sharing the host's PID namespace). Sockets owned by a neighbour's process go with it.
/// </summary>
public static partial class Placement
{
    public static void Apply(HostFacts facts)
    {
        if (facts.Placements.Count == 0) return;
        string? selfNs = facts.SelfPid is { } s && facts.Placements.TryGetValue(s, out var sp) ? sp.PidNs : null;
        var initCgroup = facts.Placements.TryGetValue(1, out var init) ? init.Cgroup : null;
        var initContainer = initCgroup is null ? null : ContainerOf(initCgroup);

        var foreignPids = new HashSet<int>();
        for (int i = facts.Processes.Count - 1; i >= 0; i--)
        {
            var p = facts.Processes[i];
            if (p.Pid is not { } pid || !facts.Placements.TryGetValue(pid, out var place)) continue;
            string? where = null;
            if (selfNs is not null && place.PidNs is not null && place.PidNs != selfNs)
                where = (place.Cgroup is null ? null : ContainerOf(place.Cgroup)) ?? $"PID namespace {place.PidNs}";
            else if (place.Cgroup is not null && ContainerOf(place.Cgroup) is { } c && c != initContainer)
                where = c;
            if (where is null) continue;
            facts.Processes.RemoveAt(i);
            facts.ForeignProcesses.Insert(0, p with { Container = where });
            foreignPids.Add(pid);
        }
        string? selfNet = facts.SelfPid is { } s2 && facts.Placements.TryGetValue(s2, out var sp2) ? sp2.NetNs : null;
        for (int i = facts.Listening.Count - 1; i >= 0; i--)
        {
            // A socket goes with its process; and a process of another network namespace holds no socket of this host's.
            if (facts.Listening[i].Pid is { } pid && (foreignPids.Contains(pid)
                || (selfNet is not null && facts.Placements.TryGetValue(pid, out var pp) && pp.NetNs is not null && pp.NetNs != selfNet)))
            {
                facts.ForeignSockets.Insert(0, facts.Listening[i]);
                facts.Listening.RemoveAt(i);
            }
        }
    }

    /// <summary>False when <see cref="ContainerOf"/> is surely null: the path has none of the words every container path holds.</summary>
    public static bool MayBeContainer(ReadOnlySpan<char> cgroup) => Hints().IsMatch(cgroup);

    /// <summary>The container a cgroup path belongs to ("docker 3f2a…", "machine deb12-postfix"), or null for the host's own.</summary>
    public static string? ContainerOf(string cgroup)
    {
        // Most paths are the host's own units: one scan for the words every container path holds.
        if (!Hints().IsMatch(cgroup)) return null;
        var m = Machine().Match(cgroup);
        if (m.Success) return "machine " + m.Groups[1].Value.Replace("\\x2d", "-", StringComparison.Ordinal);
        if (cgroup.Contains("kubepods", StringComparison.Ordinal)) return "kubernetes pod" + Id(Long().Match(cgroup));
        if (Docker().Match(cgroup) is { Success: true } d) return "docker" + Id(d);
        if (cgroup.Contains("libpod", StringComparison.Ordinal)) return "podman" + Id(Long().Match(cgroup));
        if (cgroup.Contains("containerd", StringComparison.Ordinal)) return "containerd" + Id(Long().Match(cgroup));
        if (Lxc().Match(cgroup) is { Success: true } l) return "lxc " + l.Groups[1].Value;
        if (cgroup.Contains("machine.slice", StringComparison.Ordinal)) return "machine.slice";
        return null;
    }

    private static string Id(Match m) => m.Success ? " " + m.Groups[1].Value[..Math.Min(12, m.Groups[1].Value.Length)] : "";

    [GeneratedRegex(@"machine\.slice|kubepods|docker|libpod|containerd|lxc")]
    private static partial Regex Hints();

    [GeneratedRegex(@"machine\.slice/machine-(?:qemu-\d+-)?([^/]+?)\.scope")]
    private static partial Regex Machine();

    [GeneratedRegex(@"docker[-/]([0-9a-f]{12,64})")]
    private static partial Regex Docker();

    [GeneratedRegex(@"([0-9a-f]{12,64})")]
    private static partial Regex Long();

    [GeneratedRegex(@"(?:/lxc/|lxc\.payload\.|/lxc\.monitor\.)([^/]+)")]
    private static partial Regex Lxc();
}
