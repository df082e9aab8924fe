using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MtaAudit.Fleet;

/// <summary>
/// Ansible's YAML inventory: a tree of groups, each with optional <c>hosts:</c> (a map of host name to
/// its variables), <c>vars:</c> and <c>children:</c> (a map of group name to group). Read with
/// YamlDotNet's representation model, no reflection (Native AOT).
/// </summary>
public static class YamlInventory
{
    /// <summary>
    /// Groups, hosts and variables read, an alias counted each time it is used: aliases of aliases grow
    /// tenfold a level (a 2 KB "billion laughs" file would take hours), so reading stops here.
    /// </summary>
    public const int MaxNodesRead = 2_000_000;
    /// <summary>Nesting of YAML collections; YamlDotNet builds its tree recursively, so depth is checked on the event stream first.</summary>
    public const int MaxNesting = 200;

    public static Inventory Parse(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            CheckNesting(text, source);
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", e.Start.Line), ("problem", Glossary.Say("inv.yaml.invalid", ("cause", TerminalText.Clean(e.Message))))));
        }
        var inv = new Inventory(source);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }) return inv;
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", stream.Documents[0].RootNode.Start.Line), ("problem", Glossary.Say("inv.yaml.top-level"))));
        var budget = new Budget(source);
        foreach (var (key, value) in root.Children)
            ReadGroup(inv, Scalar(key, source), value, source, 0, budget);
        return inv;
    }

    /// <summary>Refuses collections nested deeper than <see cref="MaxNesting"/>, reading events only (no tree, no recursion).</summary>
    private static void CheckNesting(string text, string source)
    {
        var parser = new Parser(new StringReader(text));
        int depth = 0;
        while (parser.MoveNext())
        {
            if (parser.Current is YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart)
            {
                if (++depth > MaxNesting)
                    throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", parser.Current.Start.Line), ("problem", Glossary.Say("inv.yaml.nested", ("limit", MaxNesting)))));
            }
            else if (parser.Current is YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd) depth--;
        }
    }

    private sealed class Budget(string source)
    {
        private int _left = MaxNodesRead;

        public void Take(YamlNode at, int n = 1)
        {
            _left -= n;
            if (_left < 0)
                throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", at.Start.Line), ("problem", Glossary.Say("inv.yaml.too-many-nodes", ("limit", MaxNodesRead)))));
        }
    }

    private static void ReadGroup(Inventory inv, string name, YamlNode node, string source, int depth, Budget budget)
    {
        budget.Take(node);
        if (depth > 50) throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", node.Start.Line), ("problem", Glossary.Say("inv.yaml.too-deep"))));
        var group = inv.GroupOf(name);
        if (IsEmpty(node)) return;
        if (node is not YamlMappingNode map)
            throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", node.Start.Line), ("problem", Glossary.Say("inv.yaml.group-map", ("name", name)))));
        foreach (var (k, v) in map.Children)
        {
            switch (Scalar(k, source))
            {
                case "hosts":
                    if (IsEmpty(v)) break;
                    if (v is not YamlMappingNode hosts)
                        throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", v.Start.Line), ("problem", Glossary.Say("inv.yaml.hosts-map", ("name", name)))));
                    foreach (var (hk, hv) in hosts.Children)
                    {
                        budget.Take(hk);
                        var host = inv.AddHost(Scalar(hk, source), name, hk.Start.Line);
                        ReadVars(host.Vars, hv, source, budget);
                    }
                    break;
                case "vars":
                    ReadVars(group.Vars, v, source, budget);
                    break;
                case "children":
                    if (IsEmpty(v)) break;
                    if (v is not YamlMappingNode children)
                        throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", v.Start.Line), ("problem", Glossary.Say("inv.yaml.children-map", ("name", name)))));
                    foreach (var (ck, cv) in children.Children)
                    {
                        var child = Scalar(ck, source);
                        if (!group.Children.Contains(child)) group.Children.Add(child);
                        ReadGroup(inv, child, cv, source, depth + 1, budget);
                    }
                    break;
                default:
                    throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", k.Start.Line), ("problem", Glossary.Say("inv.yaml.unknown-key", ("name", name), ("key", Scalar(k, source))))));
            }
        }
    }

    /// <summary>Scalar variables only; lists and maps (used by other Ansible modules) are skipped.</summary>
    private static void ReadVars(Dictionary<string, string> into, YamlNode node, string source, Budget budget)
    {
        if (IsEmpty(node)) return;
        if (node is not YamlMappingNode map)
            throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", node.Start.Line), ("problem", Glossary.Say("inv.yaml.vars-map"))));
        budget.Take(node, map.Children.Count);
        foreach (var (k, v) in map.Children)
            if (v is YamlScalarNode s && s.Value is not null) into[Scalar(k, source)] = s.Value;
    }

    private static bool IsEmpty(YamlNode n) => n is YamlScalarNode { Value: null or "" or "~" or "null" };

    private static string Scalar(YamlNode n, string source) =>
        n is YamlScalarNode { Value: { Length: > 0 } v } ? v
            : throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", n.Start.Line), ("problem", Glossary.Say("inv.yaml.name"))));
}
