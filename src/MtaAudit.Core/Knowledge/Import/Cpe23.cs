using System.Text;

namespace MtaAudit.Knowledge.Import;

/// <summary>
/// A CPE 2.3 formatted string, <c>cpe:2.3:part:vendor:product:version:update:edition:language:sw_edition:target_sw:target_hw:other</c>.
/// Components are split on unescaped colons (a backslash escapes the next character) and kept unescaped.
/// </summary>
public sealed record Cpe23(string Part, string Vendor, string Product, string Version, string Update)
{
    private const string Prefix = "cpe:2.3:";
    private const int ComponentCount = 11;

    /// <summary>"*" (ANY) or "-" (NA): the name says nothing about the version.</summary>
    public bool AnyVersion => Version is "*" or "-" or "";

    public static bool TryParse(string? s, out Cpe23 cpe)
    {
        cpe = null!;
        if (s is null || s.Length > 1024 || !s.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var parts = new List<string>();
        var current = new StringBuilder();
        for (int i = Prefix.Length; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '\\')
            {
                if (++i >= s.Length) return false; // dangling escape
                current.Append(s[i]);
            }
            else if (c == ':')
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else if (char.IsWhiteSpace(c)) return false;
            else current.Append(c);
        }
        parts.Add(current.ToString());
        if (parts.Count != ComponentCount) return false;
        if (parts[0] is not ("a" or "o" or "h" or "*")) return false;
        if (parts[1].Length == 0 || parts[2].Length == 0) return false;
        cpe = new Cpe23(parts[0], parts[1].ToLowerInvariant(), parts[2].ToLowerInvariant(), parts[3], parts[4]);
        return true;
    }
}
