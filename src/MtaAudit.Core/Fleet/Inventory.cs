namespace MtaAudit.Fleet;

/// <summary>
/// Hosts and their groups, read from a plain list or an Ansible inventory (INI or YAML).
/// Groups hold hosts and child groups; "all" holds everything. Host variables that matter here:
/// ansible_host, ansible_port, ansible_user (group vars are inherited, host vars win).
/// </summary>
public sealed class Inventory(string source = "")
{
    /// <summary>An inventory file larger than this is refused before it is read (100,000 hosts with variables fit in a few MiB).</summary>
    public const long MaxFileBytes = 32L << 20;
    /// <summary>Hosts per inventory, range patterns (h[0:9999][0:9999]) included.</summary>
    public const int MaxHosts = 100_000;
    /// <summary>Levels of group nesting (a :children chain); real inventories have a handful.</summary>
    public const int MaxGroupDepth = 100;

    private readonly Dictionary<string, HostEntry> _hosts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Dictionary<string, List<string>> _directGroups = new(StringComparer.Ordinal);

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

    public string Source => source;

    /// <summary>Adds a host (once) to a group; past <see cref="MaxHosts"/> the inventory is refused, naming <paramref name="line"/>.</summary>
    public HostEntry AddHost(string name, string? group, long line = 0)
    {
        if (!_hosts.TryGetValue(name, out var h))
        {
            if (_hosts.Count >= MaxHosts) throw TooManyHosts(source, line);
            h = new HostEntry(name);
            _hosts[name] = h;
            _order.Add(name);
        }
        if (group is not null)
        {
            var g = GroupOf(group);
            if (!_directGroups.TryGetValue(name, out var mine)) _directGroups[name] = mine = [];
            // The host's own list of groups answers "already in it?" (a group's list can hold 100,000 hosts).
            if (!mine.Contains(group))
            {
                mine.Add(group);
                g.Hosts.Add(name);
            }
        }
        return h;
    }

    public Group GroupOf(string name)
    {
        if (!_groups.TryGetValue(name, out var g)) _groups[name] = g = new Group(name);
        return g;
    }

    public IReadOnlyCollection<string> HostNames => _order;

    internal static InventoryException TooManyHosts(string source, long line) =>
        new(Glossary.Say("inv.at-line", ("source", source), ("line", line), ("problem", Glossary.Say("inv.too-many-hosts", ("limit", MaxHosts)))));

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
                else if (_groups.ContainsKey(raw)) wanted.UnionWith(HostsOfGroup(raw, new HashSet<string>(StringComparer.Ordinal)));
                else throw new InventoryException(Glossary.Say("inv.limit-none", ("source", source), ("limit", raw)));
            }
            names = _order.Where(wanted.Contains);
        }
        var tree = new GroupTree(_groups, source);
        var result = new List<Target>();
        foreach (var n in names) result.Add(ToTarget(n, source, tree));
        return result;
    }

    /// <summary>The hosts of a group and of its children, transitively (iterative: a deep chain is no deep stack).</summary>
    private HashSet<string> HostsOfGroup(string group, HashSet<string> seen)
    {
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        var todo = new Stack<string>([group]);
        while (todo.TryPop(out var name))
        {
            if (!seen.Add(name) || !_groups.TryGetValue(name, out var g)) continue;
            hosts.UnionWith(g.Hosts);
            foreach (var c in g.Children) todo.Push(c);
        }
        return hosts;
    }

    /// <summary>Refuses a :children cycle (a→b→a, as Ansible does) and nesting deeper than <see cref="MaxGroupDepth"/>; called once the file is read.</summary>
    public void CheckGroups() => _ = new GroupTree(_groups, source);

    /// <summary>The effective variables: "all", then each group from the outermost parent in, then the host's own.</summary>
    private Dictionary<string, string> VarsOf(string host, GroupTree tree)
    {
        var vars = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_groups.TryGetValue("all", out var all)) Merge(vars, all.Vars);
        foreach (var g in tree.ChainOf(_directGroups.GetValueOrDefault(host) ?? [])) Merge(vars, _groups[g].Vars);
        Merge(vars, _hosts[host].Vars);
        return vars;
    }

    private static void Merge(Dictionary<string, string> into, Dictionary<string, string> from)
    {
        foreach (var (k, v) in from) into[k] = v;
    }

    private Target ToTarget(string name, string source, GroupTree tree)
    {
        var v = VarsOf(name, tree);
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
        try { text = MtaAudit.Io.BoundedFile.ReadAllText(path, MaxFileBytes); }
        catch (MtaAudit.Io.InputTooLargeException) { throw TooLarge(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InventoryException(Glossary.Say("inv.cannot-read", ("path", path), ("cause", TerminalText.Clean(e.Message))));
        }
        return Parse(text, path);
    }

    private static InventoryException TooLarge(string path) =>
        new(Glossary.Say("inv.too-large", ("path", path), ("limit", MaxFileBytes >> 20)));

    public static Inventory Parse(string text, string source)
    {
        var ext = Path.GetExtension(source).ToLowerInvariant();
        var firstLine = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#')) ?? "";
        Inventory inv;
        if (ext is ".yml" or ".yaml" || firstLine == "---" || (firstLine.EndsWith(':') && !firstLine.Contains(' ')))
            inv = YamlInventory.Parse(text, source);
        else if (text.Split('\n').Any(l => l.TrimStart().StartsWith('[') && l.TrimEnd().EndsWith(']') && !l.Contains('@')) || text.Contains("ansible_", StringComparison.Ordinal))
            inv = IniInventory.Parse(text, source);
        else inv = PlainInventory.Parse(text, source);
        inv.CheckGroups();
        return inv;
    }
}
