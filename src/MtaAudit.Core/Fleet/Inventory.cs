namespace MtaAudit.Fleet;

/// <summary>
/// Hosts and their groups, read from a plain list or an Ansible inventory (INI or YAML).
/// Groups hold hosts and child groups; "all" holds everything. Host variables that matter here:
/// ansible_host, ansible_port, ansible_user (group vars are inherited, host vars win).
/// </summary>
public sealed class Inventory
{
    private readonly Dictionary<string, HostEntry> _hosts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public sealed class HostEntry(string name)
    {
        public string Name { get; } = name;
        public Dictionary<string, string> Vars { get; } = new(StringComparer.Ordinal);
    }

    public sealed class Group(string name)
    {
        public string Name { get; } = name;
        public List<string> Hosts { get; } = [];
        public List<string> Children { get; } = [];
        public Dictionary<string, string> Vars { get; } = new(StringComparer.Ordinal);
    }

    public HostEntry AddHost(string name, string? group)
    {
        if (!_hosts.TryGetValue(name, out var h))
        {
            h = new HostEntry(name);
            _hosts[name] = h;
            _order.Add(name);
        }
        if (group is not null)
        {
            var g = GroupOf(group);
            if (!g.Hosts.Contains(name)) g.Hosts.Add(name);
        }
        return h;
    }

    public Group GroupOf(string name)
    {
        if (!_groups.TryGetValue(name, out var g)) _groups[name] = g = new Group(name);
        return g;
    }

    public IReadOnlyCollection<string> HostNames => _order;

    /// <summary>
    /// The targets, in inventory order, limited by Ansible-style patterns (comma or colon separated
    /// group or host names; "all" or none: every host). A pattern that names nothing is an error.
    /// </summary>
    public IReadOnlyList<Target> Targets(string? limit, string source)
    {
        IEnumerable<string> names = _order;
        if (!string.IsNullOrWhiteSpace(limit) && limit.Trim() != "all")
        {
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var raw in limit.Split([',', ':'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (_hosts.ContainsKey(raw)) wanted.Add(raw);
                else if (_groups.ContainsKey(raw)) wanted.UnionWith(HostsOfGroup(raw, []));
                else throw new InventoryException(Glossary.Say("inv.limit-none", ("source", source), ("limit", raw)));
            }
            names = _order.Where(wanted.Contains);
        }
        var result = new List<Target>();
        foreach (var n in names) result.Add(ToTarget(n, source));
        return result;
    }

    private IEnumerable<string> HostsOfGroup(string group, HashSet<string> seen)
    {
        if (!seen.Add(group) || !_groups.TryGetValue(group, out var g)) yield break;
        foreach (var h in g.Hosts) yield return h;
        foreach (var c in g.Children)
            foreach (var h in HostsOfGroup(c, seen)) yield return h;
    }

    /// <summary>The effective variables: "all", then each group from the outermost parent in, then the host's own.</summary>
    private Dictionary<string, string> VarsOf(string host)
    {
        var vars = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_groups.TryGetValue("all", out var all)) Merge(vars, all.Vars);
        foreach (var g in GroupChain(host)) Merge(vars, g.Vars);
        Merge(vars, _hosts[host].Vars);
        return vars;
    }

    /// <summary>Groups holding the host, parents before children (depth order), so a child's vars win as in Ansible.</summary>
    private IEnumerable<Group> GroupChain(string host)
    {
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        int Depth(string g, HashSet<string> seen)
        {
            if (depth.TryGetValue(g, out var d)) return d;
            if (!seen.Add(g)) return 0;
            var parents = _groups.Values.Where(p => p.Children.Contains(g)).ToList();
            d = parents.Count == 0 ? 0 : parents.Max(p => Depth(p.Name, seen)) + 1;
            depth[g] = d;
            return d;
        }
        return _groups.Values
            .Where(g => g.Name != "all" && HostsOfGroup(g.Name, []).Contains(host))
            .OrderBy(g => Depth(g.Name, []))
            .ThenBy(g => g.Name, StringComparer.Ordinal);
    }

    private static void Merge(Dictionary<string, string> into, Dictionary<string, string> from)
    {
        foreach (var (k, v) in from) into[k] = v;
    }

    private Target ToTarget(string name, string source)
    {
        var v = VarsOf(name);
        var address = v.GetValueOrDefault("ansible_host") ?? v.GetValueOrDefault("ansible_ssh_host") ?? name;
        var user = v.GetValueOrDefault("ansible_user") ?? v.GetValueOrDefault("ansible_ssh_user");
        int port = Target.DefaultPort;
        var portText = v.GetValueOrDefault("ansible_port") ?? v.GetValueOrDefault("ansible_ssh_port");
        if (portText is not null && !Target.TryPort(portText, out port))
            throw new InventoryException(Glossary.Say("inv.bad-port", ("source", source), ("name", name), ("port", portText)));
        if (!Target.IsHostName(address))
            throw new InventoryException(Glossary.Say("inv.bad-address", ("source", source), ("name", name), ("address", address)));
        if (user is not null && !Target.IsUserName(user))
            throw new InventoryException(Glossary.Say("inv.bad-user", ("source", source), ("name", name), ("user", user)));
        return new Target(name, address, port, user);
    }

    /// <summary>Reads a file, choosing the format: YAML (.yml/.yaml, or a first line "all:"/"---"), Ansible INI (a [group] line or key=value), else a plain list.</summary>
    public static Inventory Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InventoryException(Glossary.Say("inv.cannot-read", ("path", path), ("cause", TerminalText.Clean(e.Message))));
        }
        return Parse(text, path);
    }

    public static Inventory Parse(string text, string source)
    {
        var ext = Path.GetExtension(source).ToLowerInvariant();
        var firstLine = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#')) ?? "";
        if (ext is ".yml" or ".yaml" || firstLine == "---" || (firstLine.EndsWith(':') && !firstLine.Contains(' ')))
            return YamlInventory.Parse(text, source);
        if (text.Split('\n').Any(l => l.TrimStart().StartsWith('[') && l.TrimEnd().EndsWith(']') && !l.Contains('@')) || text.Contains("ansible_", StringComparison.Ordinal))
            return IniInventory.Parse(text, source);
        return PlainInventory.Parse(text, source);
    }
}
