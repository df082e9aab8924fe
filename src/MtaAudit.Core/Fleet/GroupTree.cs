namespace MtaAudit.Fleet;

/// <summary>
/// The <c>:children</c> graph of an inventory, checked once, without recursion (a 100,000-deep chain is
/// no deep stack): a cycle (a→b→a) is refused as Ansible refuses it, and so is nesting deeper than
/// <see cref="Inventory.MaxGroupDepth"/>. A group's depth (the longest chain of parents above it) orders
/// the variables: parents first, so a child's vars win.
/// </summary>
internal sealed class GroupTree
{
    private readonly Dictionary<string, List<string>> _parents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _depth = new(StringComparer.Ordinal);
    // Hosts of one group share one chain: keyed by the host's own groups.
    private readonly Dictionary<string, string[]> _chains = new(StringComparer.Ordinal);

    public GroupTree(IReadOnlyDictionary<string, Inventory.Group> groups, string source)
    {
        var waiting = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in groups.Values)
        {
            waiting.TryAdd(g.Name, 0);
            foreach (var c in g.Children)
            {
                if (!_parents.TryGetValue(c, out var ps)) _parents[c] = ps = [];
                ps.Add(g.Name);
                waiting[c] = waiting.GetValueOrDefault(c) + 1;
            }
        }
        // Kahn's order: a group is placed once all its parents are, so its depth is final then.
        var ready = new Queue<string>(waiting.Where(kv => kv.Value == 0).Select(kv => kv.Key));
        foreach (var r in ready) _depth[r] = 0;
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ready.TryDequeue(out var name))
        {
            placed.Add(name);
            if (!groups.TryGetValue(name, out var g)) continue;
            foreach (var c in g.Children)
            {
                var d = Math.Max(_depth.GetValueOrDefault(c), _depth[name] + 1);
                if (d > Inventory.MaxGroupDepth)
                    throw new InventoryException(Glossary.Say("inv.group-too-deep", ("source", source), ("group", c), ("limit", Inventory.MaxGroupDepth)));
                _depth[c] = d;
                if (--waiting[c] == 0) ready.Enqueue(c);
            }
        }
        if (placed.Count < waiting.Count)
            throw new InventoryException(Glossary.Say("inv.group-cycle", ("source", source), ("groups", Cycle(waiting.Keys.First(k => !placed.Contains(k)), placed))));
    }

    /// <summary>"a → b → a": every group left unplaced has a parent left unplaced, so walking up from one meets a repeat.</summary>
    private string Cycle(string start, HashSet<string> placed)
    {
        var path = new List<string>();
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        var g = start;
        while (!at.ContainsKey(g))
        {
            at[g] = path.Count;
            path.Add(g);
            g = _parents[g].First(p => !placed.Contains(p));
        }
        var loop = path[at[g]..];
        loop.Reverse(); // parent before child
        loop.Add(loop[0]);
        return string.Join(" → ", loop);
    }

    /// <summary>The groups holding a host (its own and their ancestors, not "all"), parents before children.</summary>
    public string[] ChainOf(IReadOnlyList<string> own)
    {
        var key = string.Join('\n', own.Order(StringComparer.Ordinal));
        if (_chains.TryGetValue(key, out var chain)) return chain;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var todo = new Stack<string>(own);
        while (todo.TryPop(out var g))
        {
            if (!seen.Add(g)) continue;
            foreach (var p in _parents.GetValueOrDefault(g) ?? []) todo.Push(p);
        }
        chain = [.. seen.Where(g => g != "all").OrderBy(g => _depth.GetValueOrDefault(g)).ThenBy(g => g, StringComparer.Ordinal)];
        _chains[key] = chain;
        return chain;
    }
}
