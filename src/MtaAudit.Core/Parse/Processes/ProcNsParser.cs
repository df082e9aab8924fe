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
        // WHY spans and a builder per pid: a string per line and a record copy per namespace link were most of
        // this parser's cost; a value ("pid:[4026531836]") is shared by most processes, so each is made once.
        int? self = null;
        var slot = new Dictionary<int, int>();
        var places = new List<Place>();
        int Get(int pid)
        {
            if (!slot.TryGetValue(pid, out var k)) { slot[pid] = k = places.Count; places.Add(new Place(pid)); }
            return k;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        string Value(ReadOnlySpan<char> v)
        {
            if (!values.TryGetValue(v, out var str)) values[v] = str = v.ToString();
            return str;
        }
        var containerPids = new HashSet<int>();
        int n = 0;
        var rest = (text ?? "").AsSpan();
        while (rest.Length > 0)
        {
            // TextLines.Split's lines: to each LF, without a CR before it.
            int nl = rest.IndexOf('\n');
            var line = nl < 0 ? rest : rest[..nl];
            rest = nl < 0 ? default : rest[(nl + 1)..];
            if (line.Length > 0 && line[^1] == '\r') line = line[..^1];

            if (++n > 2_000_000) break;
            if (line.StartsWith("self ", StringComparison.Ordinal) && Int(line[5..].Trim()) is { } s) { self = s; continue; }
            if (NsLine(line, out var nsPid, out var kind, out var value) && Int(nsPid) is { } pid)
            {
                var p = places[Get(pid)];
                if (kind == "pid") p.PidNs = Value(value); else p.NetNs = Value(value);
                continue;
            }
            if (CgroupLine(line, out var cgPid, out var cgPath) && Int(cgPid) is { } cpid)
            {
                var p = places[Get(cpid)];
                var path = cgPath.Trim();
                if (path.Length <= 1) continue; // "/": says nothing
                // v1 lists one path per controller: keep the most telling one (a container's, else the longest).
                bool had = containerPids.Contains(cpid);
                bool container = Placement.MayBeContainer(path) && Placement.ContainerOf(path.ToString()) is not null;
                if (p.Cgroup is null || (container && !had) || (!had && path.Length > p.Cgroup.Length))
                {
                    p.Cgroup = path.ToString();
                    if (container) containerPids.Add(cpid);
                }
            }
        }
        var map = new Dictionary<int, ProcessPlacement>(places.Count);
        foreach (var p in places) map[p.Pid] = new ProcessPlacement(p.Pid, p.PidNs, p.NetNs, p.Cgroup);
        return (self, map);
    }

    private sealed class Place(int pid)
    {
        public int Pid { get; } = pid;
        public string? PidNs, NetNs, Cgroup;
    }

    /// <summary>"ns /proc/PID/ns/pid pid:[N]" (or net), trailing blanks allowed: the pid, the link's kind and its value.</summary>
    private static bool NsLine(ReadOnlySpan<char> line, out ReadOnlySpan<char> pid, out string? kind, out ReadOnlySpan<char> value)
    {
        pid = default; kind = null; value = default;
        if (!line.StartsWith(NsPrefix, StringComparison.Ordinal)) return false;
        int i = NsPrefix.Length;
        int digits = Digits(line, i);
        if (digits is < 1 or > 10) return false;
        pid = line.Slice(i, digits);
        i += digits;
        if (!line[i..].StartsWith("/ns/", StringComparison.Ordinal)) return false;
        i += 4;
        kind = Kind(line, i);
        if (kind is null || i + 3 >= line.Length || line[i + 3] != ' ') return false;
        i += 4;
        // The value: (pid|net):[digits], then only white space to the end.
        if (Kind(line, i) is null || i + 4 >= line.Length || line[i + 3] != ':' || line[i + 4] != '[') return false;
        int d = Digits(line, i + 5);
        int close = i + 5 + d;
        if (d < 1 || close >= line.Length || line[close] != ']') return false;
        for (int k = close + 1; k < line.Length; k++)
            if (!char.IsWhiteSpace(line[k])) return false;
        value = line[i..(close + 1)];
        return true;
    }

    /// <summary>"cgroup /proc/PID/cgroup PATH": the pid and the rest of the line.</summary>
    private static bool CgroupLine(ReadOnlySpan<char> line, out ReadOnlySpan<char> pid, out ReadOnlySpan<char> path)
    {
        pid = default; path = default;
        if (!line.StartsWith(CgroupPrefix, StringComparison.Ordinal)) return false;
        int i = CgroupPrefix.Length;
        int digits = Digits(line, i);
        if (digits is < 1 or > 10) return false;
        int after = i + digits;
        if (!line[after..].StartsWith("/cgroup ", StringComparison.Ordinal)) return false;
        path = line[(after + 8)..];
        pid = line.Slice(i, digits);
        return true; // a line holds no LF, so the regex's '.' matched all of it
    }

    private static string? Kind(ReadOnlySpan<char> line, int i) =>
        line[i..].StartsWith("pid", StringComparison.Ordinal) ? "pid" : line[i..].StartsWith("net", StringComparison.Ordinal) ? "net" : null;

    // char.IsDigit is what the regex's \d matches (any Unicode decimal digit); Int() then takes only ASCII ones.
    private static int Digits(ReadOnlySpan<char> line, int i)
    {
        int k = i;
        while (k < line.Length && char.IsDigit(line[k])) k++;
        return k - i;
    }

    private static int? Int(ReadOnlySpan<char> s) =>
        s.Length is > 0 and <= 10 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
}
