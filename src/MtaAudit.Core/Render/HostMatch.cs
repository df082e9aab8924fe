using MtaAudit.Evidence;
using MtaAudit.Parse.Os;

namespace MtaAudit.Render;

/// <summary>
/// Which machine a reported host is: the name it is reported by (the bundle's <c>host:</c>, else its
/// <c>uname</c> name), the machine identity of its <c>host.id</c> probe (<c>kind:value</c> sources), and its
/// addresses (<c>net.addr</c>), which are all older bundles have to go on.
/// </summary>
public sealed record HostIdentity(string Name, string? Machine, IReadOnlyList<string> Addresses)
{
    /// <summary>A short tag that tells this machine from others of its name: part of its identity, else an address, else null.</summary>
    public string? Tag => Machine is { Length: > 0 } m ? "id " + Short(m) : Addresses.Count > 0 ? Addresses[0] : null;

    // "dmi-uuid:4c4c4544-… machine-id:3f2a…": the first source's first 8 characters of value.
    private static string Short(string machine)
    {
        var first = machine.Split(' ')[0];
        var value = first[(first.IndexOf(':') + 1)..].Replace("-", "", StringComparison.Ordinal);
        return value.Length > 8 ? value[..8] : value;
    }
}

/// <summary>Whether two hosts are the same machine: shown so, shown not, or nothing tells.</summary>
public enum Sameness { Same, Different, Unknown }

/// <summary>
/// The one rule for "the same host" (report inputs keeping the newest bundle of a host, report --compare
/// pairing hosts): the same name and evidence that it is the same machine. Machine identities decide where
/// both have a source of the same kind; else the host's address sets (equal or not); else nothing tells
/// (<see cref="Sameness.Unknown"/>), and a caller that would drop a host on it must keep both instead.
/// </summary>
public static class HostMatch
{
    /// <summary>The probes a header pass keeps so that <see cref="Of"/> works on what it read.</summary>
    public static readonly IReadOnlySet<string> Probes = new HashSet<string>(StringComparer.Ordinal) { HostIdParser.Probe, "net.addr", "os.uname" };

    /// <summary>The name a bundle reports itself by (its host line, else its uname name), or null when it has neither.</summary>
    public static string? NameOf(EvidenceBundle b)
    {
        if (b.Host is { } h && TerminalText.Clean(h) is { Length: > 0 } clean && clean != "unknown") return clean;
        if (b.First("os.uname") is { } s && UnameParser.Parse(s.Text)?.Hostname is { Length: > 0 } u) return TerminalText.Clean(u);
        return null;
    }

    /// <summary>
    /// A host of a fleet results store: its inventory name is the host, whatever its bundle says (a host rebuilt
    /// from an image between two runs is still that inventory's host), so two store runs pair by name.
    /// </summary>
    public static HostIdentity Inventory(string name) => new(name, "inventory:" + name, []);

    /// <summary>The identity of a bundle, reported as <paramref name="name"/>.</summary>
    public static HostIdentity Of(EvidenceBundle b, string name)
    {
        var machine = HostIdParser.FactOf(b.First(HostIdParser.Probe));
        var addresses = HostContextReader.Addresses(b).Order(StringComparer.Ordinal).ToList();
        return new HostIdentity(name, machine.IsKnown ? machine.Value : null, addresses);
    }

    public static Sameness Compare(HostIdentity a, HostIdentity b)
    {
        if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal)) return Sameness.Different;
        if (a.Machine is { } ma && b.Machine is { } mb)
        {
            var ka = Kinds(ma);
            var kb = Kinds(mb);
            bool shared = false;
            foreach (var (kind, value) in ka)
            {
                if (!kb.TryGetValue(kind, out var other)) continue;
                if (value != other) return Sameness.Different;
                shared = true;
            }
            if (shared) return Sameness.Same;
        }
        if (a.Addresses.Count > 0 && b.Addresses.Count > 0)
            return a.Addresses.Order(StringComparer.Ordinal).SequenceEqual(b.Addresses.Order(StringComparer.Ordinal)) ? Sameness.Same : Sameness.Different;
        return Sameness.Unknown;
    }

    private static Dictionary<string, string> Kinds(string machine)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in machine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = part.IndexOf(':');
            if (colon > 0) d.TryAdd(part[..colon], part[(colon + 1)..]);
        }
        return d;
    }

    /// <summary>
    /// Labels for hosts that share a name but are (or may be) different machines, in the order given: the name
    /// with the tag of its identity, or with where it came from when that tag does not tell them apart.
    /// </summary>
    public static List<string> Labels(IReadOnlyList<(HostIdentity Id, string Origin)> hosts)
    {
        var tags = hosts.Select(h => h.Id.Tag).ToList();
        var labels = new List<string>(hosts.Count);
        for (int k = 0; k < hosts.Count; k++)
        {
            bool unique = tags[k] is not null && tags.Count(t => t == tags[k]) == 1;
            labels.Add($"{hosts[k].Id.Name} ({(unique ? tags[k] : hosts[k].Origin)})");
        }
        return labels;
    }

    /// <summary>
    /// Pairs an earlier run's hosts with this run's: a pair is the same name with a machine shown the same, or
    /// the one host of a name on each side that nothing shows different. The rest are only in one run, or,
    /// where several of one name remain and nothing tells which is which, ambiguous.
    /// </summary>
    public static HostPairing Pair(IEnumerable<HostState> older, IEnumerable<HostState> newer)
    {
        var result = new HostPairing();
        var olds = older.GroupBy(NameOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var news = newer.GroupBy(NameOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var name in olds.Keys.Union(news.Keys).Order(StringComparer.Ordinal))
        {
            var o = olds.GetValueOrDefault(name) ?? [];
            var n = news.GetValueOrDefault(name) ?? [];
            foreach (var nh in n.ToList())
            {
                var same = o.Where(oh => Compare(IdOf(oh), IdOf(nh)) == Sameness.Same).ToList();
                if (same.Count != 1) continue;
                result.Pairs.Add((same[0], nh));
                o.Remove(same[0]);
                n.Remove(nh);
            }
            if (o.Count == 1 && n.Count == 1 && Compare(IdOf(o[0]), IdOf(n[0])) != Sameness.Different)
            {
                result.Pairs.Add((o[0], n[0]));
                continue;
            }
            bool allDifferent = o.All(oh => n.All(nh => Compare(IdOf(oh), IdOf(nh)) == Sameness.Different));
            (allDifferent ? result.OnlyOld : result.AmbiguousOld).AddRange(o);
            (allDifferent ? result.OnlyNew : result.AmbiguousNew).AddRange(n);
        }
        return result;
    }

    private static string NameOf(HostState h) => h.Identity?.Name ?? h.Host;
    private static HostIdentity IdOf(HostState h) => h.Identity ?? new HostIdentity(h.Host, null, []);
}

/// <summary>What <see cref="HostMatch.Pair"/> found: pairs, hosts of one run only, and hosts it could not pair.</summary>
public sealed class HostPairing
{
    public List<(HostState Old, HostState New)> Pairs { get; } = new();
    public List<HostState> OnlyOld { get; } = new();
    public List<HostState> OnlyNew { get; } = new();
    public List<HostState> AmbiguousOld { get; } = new();
    public List<HostState> AmbiguousNew { get; } = new();
}
