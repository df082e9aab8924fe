using System.Globalization;

namespace MtaAudit.Parse.Network;

/// <summary>
/// Splits "address + port" as the listing tools print it. Linux ss/netstat separate the port with a
/// colon ("0.0.0.0:25", "[::]:25", ":::25", "*:25"); Solaris, AIX, HP-UX and the BSDs with a dot
/// ("*.25", "127.0.0.1.25", "::1.25"). Whichever of the two comes last is the separator.
/// </summary>
public static class SocketAddress
{
    /// <summary>Port names netstat/ss print without -n, for the mail ports only.</summary>
    private static readonly Dictionary<string, int> MailServices = new(StringComparer.OrdinalIgnoreCase)
    {
        ["smtp"] = 25, ["submission"] = 587, ["smtps"] = 465, ["urd"] = 465, ["submissions"] = 465,
    };

    public static bool TrySplit(string text, out string address, out int port)
    {
        address = "";
        port = 0;
        int colon = text.LastIndexOf(':'), dot = text.LastIndexOf('.');
        int sep = Math.Max(colon, dot);
        if (sep <= 0 || sep == text.Length - 1) return false;

        string portText = text[(sep + 1)..];
        if (int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
        {
            if (p is < 0 or > 65535) return false;
            port = p;
        }
        else if (!MailServices.TryGetValue(portText, out port)) return false;

        address = Normalize(text[..sep]);
        return address.Length > 0;
    }

    /// <summary>"[::1]" -> "::1"; "127.0.0.53%lo" -> "127.0.0.53" (the zone is not part of the address).</summary>
    private static string Normalize(string a)
    {
        if (a.Length >= 2 && a[0] == '[' && a[^1] == ']') a = a[1..^1];
        int pct = a.IndexOf('%');
        if (pct > 0) a = a[..pct];
        if (a.Length >= 2 && a[0] == '[' && a[^1] == ']') a = a[1..^1];
        return a;
    }
}
