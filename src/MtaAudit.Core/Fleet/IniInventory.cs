namespace MtaAudit.Fleet;

/// <summary>
/// Ansible's INI inventory: host lines with key=value variables, <c>[group]</c>, <c>[group:children]</c>
/// and <c>[group:vars]</c> sections; hosts before any section belong to "ungrouped". Range patterns
/// (web[01:50]) are expanded for numeric ranges.
/// </summary>
public static class IniInventory
{
    public static Inventory Parse(string text, string source)
    {
        var inv = new Inventory(source);
        string group = "ungrouped";
        string kind = "hosts";
        int lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';')) continue;
            if (line.StartsWith('['))
            {
                if (!line.EndsWith(']')) throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", lineNo), ("problem", Glossary.Say("inv.ini.section-bracket"))));
                var header = line[1..^1].Trim();
                int colon = header.IndexOf(':');
                group = colon < 0 ? header : header[..colon];
                kind = colon < 0 ? "hosts" : header[(colon + 1)..];
                if (group.Length == 0 || kind is not ("hosts" or "children" or "vars"))
                    throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", lineNo), ("problem", Glossary.Say("inv.ini.unknown-section", ("header", header)))));
                inv.GroupOf(group);
                continue;
            }
            var words = Words(line, source, lineNo);
            switch (kind)
            {
                case "children":
                    var child = words[0];
                    inv.GroupOf(child);
                    if (!inv.GroupOf(group).Children.Contains(child)) inv.GroupOf(group).Children.Add(child);
                    break;
                case "vars":
                    var (k, v) = KeyValue(line, source, lineNo);
                    inv.GroupOf(group).Vars[k] = v;
                    break;
                default:
                    foreach (var name in ExpandRange(words[0], source, lineNo))
                    {
                        var h = inv.AddHost(name, group, lineNo);
                        foreach (var w in words.Skip(1))
                        {
                            var (hk, hv) = KeyValue(w, source, lineNo);
                            h.Vars[hk] = hv;
                        }
                    }
                    break;
            }
        }
        return inv;
    }

    /// <summary>Splits on blanks, honouring single and double quotes; a '#' outside quotes ends the line.</summary>
    private static List<string> Words(string line, string source, int lineNo)
    {
        var words = new List<string>();
        var cur = new System.Text.StringBuilder();
        char quote = '\0';
        foreach (var c in line)
        {
            if (quote != '\0') { if (c == quote) quote = '\0'; else cur.Append(c); continue; }
            if (c is '"' or '\'') { quote = c; continue; }
            if (c == '#') break;
            if (char.IsWhiteSpace(c)) { if (cur.Length > 0) { words.Add(cur.ToString()); cur.Clear(); } continue; }
            cur.Append(c);
        }
        if (quote != '\0') throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", lineNo), ("problem", Glossary.Say("inv.ini.unclosed-quote"))));
        if (cur.Length > 0) words.Add(cur.ToString());
        if (words.Count == 0) throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", lineNo), ("problem", Glossary.Say("inv.ini.empty-entry"))));
        return words;
    }

    private static (string, string) KeyValue(string s, string source, int lineNo)
    {
        int eq = s.IndexOf('=');
        if (eq <= 0) throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", lineNo), ("problem", Glossary.Say("inv.ini.not-key-value", ("text", s)))));
        return (s[..eq].Trim(), s[(eq + 1)..].Trim().Trim('"', '\''));
    }

    /// <summary>
    /// web[01:03].example → web01.example, web02.example, web03.example (leading zeros kept); several ranges
    /// multiply (h[0:9][0:9]: 100 hosts), counted before any is made: past <see cref="Inventory.MaxHosts"/> it is refused.
    /// </summary>
    internal static IEnumerable<string> ExpandRange(string name, string source, int lineNo)
    {
        var ranges = new List<(string Before, int From, int To, int Width)>();
        int at = 0;
        long count = 1;
        for (int open; (open = name.IndexOf('[', at)) >= 0;)
        {
            int close = name.IndexOf(']', open);
            var parts = close < 0 ? [] : name[(open + 1)..close].Split(':');
            if (parts.Length != 2 || !int.TryParse(parts[0], out var from) || !int.TryParse(parts[1], out var to) || from < 0 || to < from)
                throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", lineNo), ("problem", Glossary.Say("inv.ini.bad-range", ("name", name)))));
            count *= (long)to - from + 1;
            if (count > Inventory.MaxHosts) throw Inventory.TooManyHosts(source, lineNo);
            ranges.Add((name[at..open], from, to, parts[0].Length));
            at = close + 1;
        }
        if (ranges.Count == 0) return [name];
        return Expand(ranges, name[at..]);
    }

    private static IEnumerable<string> Expand(List<(string Before, int From, int To, int Width)> ranges, string tail)
    {
        var current = new int[ranges.Count];
        for (int k = 0; k < ranges.Count; k++) current[k] = ranges[k].From;
        var sb = new System.Text.StringBuilder();
        while (true)
        {
            sb.Clear();
            for (int k = 0; k < ranges.Count; k++)
                sb.Append(ranges[k].Before).Append(current[k].ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(ranges[k].Width, '0'));
            yield return sb.Append(tail).ToString();
            // The last range turns fastest, as the nested expansion did.
            int i = ranges.Count - 1;
            while (i >= 0 && current[i] == ranges[i].To) { current[i] = ranges[i].From; i--; }
            if (i < 0) yield break;
            current[i]++;
        }
    }
}
