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
    public static Inventory Parse(string text, string source)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlException e)
        {
            throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", e.Start.Line), ("problem", Glossary.Say("inv.yaml.invalid", ("cause", TerminalText.Clean(e.Message))))));
        }
        var inv = new Inventory();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }) return inv;
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", stream.Documents[0].RootNode.Start.Line), ("problem", Glossary.Say("inv.yaml.top-level"))));
        foreach (var (key, value) in root.Children)
            ReadGroup(inv, Scalar(key, source), value, source, 0);
        return inv;
    }

    private static void ReadGroup(Inventory inv, string name, YamlNode node, string source, int depth)
    {
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
                        var host = inv.AddHost(Scalar(hk, source), name);
                        ReadVars(host.Vars, hv, source);
                    }
                    break;
                case "vars":
                    ReadVars(group.Vars, v, source);
                    break;
                case "children":
                    if (IsEmpty(v)) break;
                    if (v is not YamlMappingNode children)
                        throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", v.Start.Line), ("problem", Glossary.Say("inv.yaml.children-map", ("name", name)))));
                    foreach (var (ck, cv) in children.Children)
                    {
                        var child = Scalar(ck, source);
                        if (!group.Children.Contains(child)) group.Children.Add(child);
                        ReadGroup(inv, child, cv, source, depth + 1);
                    }
                    break;
                default:
                    throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", k.Start.Line), ("problem", Glossary.Say("inv.yaml.unknown-key", ("name", name), ("key", Scalar(k, source))))));
            }
        }
    }

    /// <summary>Scalar variables only; lists and maps (used by other Ansible modules) are skipped.</summary>
    private static void ReadVars(Dictionary<string, string> into, YamlNode node, string source)
    {
        if (IsEmpty(node)) return;
        if (node is not YamlMappingNode map)
            throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", node.Start.Line), ("problem", Glossary.Say("inv.yaml.vars-map"))));
        foreach (var (k, v) in map.Children)
            if (v is YamlScalarNode s && s.Value is not null) into[Scalar(k, source)] = s.Value;
    }

    private static bool IsEmpty(YamlNode n) => n is YamlScalarNode { Value: null or "" or "~" or "null" };

    private static string Scalar(YamlNode n, string source) =>
        n is YamlScalarNode { Value: { Length: > 0 } v } ? v
            : throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", n.Start.Line), ("problem", Glossary.Say("inv.yaml.name"))));
}
