namespace MtaAudit.Fleet;

/// <summary>A plain list: one <c>[user@]host[:port]</c> a line; '#' starts a comment; blank lines are skipped.</summary>
public static class PlainInventory
{
    public static Inventory Parse(string text, string source)
    {
        var inv = new Inventory(source);
        int lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = StripComment(raw).Trim();
            if (line.Length == 0) continue;
            if (!Target.TryParse(line, out var t, out var problem))
                throw new InventoryException(Glossary.Say("inv.at-line", ("source", source), ("line", lineNo), ("problem", problem)));
            var h = inv.AddHost(t.Name, "all", lineNo);
            h.Vars["ansible_host"] = t.Address;
            h.Vars["ansible_port"] = t.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (t.User is not null) h.Vars["ansible_user"] = t.User;
        }
        return inv;
    }

    internal static string StripComment(string line)
    {
        int hash = line.IndexOf('#');
        return hash < 0 ? line : line[..hash];
    }
}
