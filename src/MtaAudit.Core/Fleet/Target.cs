namespace MtaAudit.Fleet;

/// <summary>
/// One host to scan. <see cref="Name"/> is the inventory name: the key of the store, the evidence
/// file and the report. The bundle's own host line is only displayed, never trusted as the key.
/// <see cref="Address"/> is where to connect (Ansible's ansible_host, or the name itself).
/// </summary>
public sealed record Target(string Name, string Address, int Port = 22, string? User = null)
{
    public const int DefaultPort = 22;

    /// <summary>"[user@]host[:port]" as typed after --host or on a line of a plain list; IPv6 as [addr]:port.</summary>
    public static bool TryParse(string text, out Target target, out Localized problem)
    {
        target = null!;
        problem = Glossary.Same("");
        var s = text.Trim();
        string? user = null;
        int at = s.LastIndexOf('@');
        if (at >= 0)
        {
            user = s[..at];
            s = s[(at + 1)..];
            if (user.Length == 0) { problem = Glossary.Say("target.empty-user", ("text", text)); return false; }
        }
        string host = s;
        int port = DefaultPort;
        if (s.StartsWith('['))
        {
            int close = s.IndexOf(']');
            if (close < 0) { problem = Glossary.Say("target.bracket", ("text", text)); return false; }
            host = s[1..close];
            var rest = s[(close + 1)..];
            if (rest.Length > 0 && (!rest.StartsWith(':') || !TryPort(rest[1..], out port))) { problem = Glossary.Say("target.bad-port", ("text", text), ("port", rest.TrimStart(':'))); return false; }
        }
        else if (s.Count(c => c == ':') == 1)
        {
            int colon = s.IndexOf(':');
            host = s[..colon];
            if (!TryPort(s[(colon + 1)..], out port)) { problem = Glossary.Say("target.bad-port", ("text", text), ("port", s[(colon + 1)..])); return false; }
        }
        if (!IsHostName(host)) { problem = Glossary.Say("target.not-host", ("text", text)); return false; }
        if (user is not null && !IsUserName(user)) { problem = Glossary.Say("target.not-user", ("text", text)); return false; }
        // The name keeps the port when it is not 22, so two sshd on one address stay two hosts.
        var name = port == DefaultPort ? host : $"{host}:{port}";
        target = new Target(name, host, port, user);
        return true;
    }

    internal static bool TryPort(string s, out int port) =>
        int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port) && port is > 0 and < 65536;

    /// <summary>Host names and addresses only: no spaces, no shell or option characters (a name starting with '-').</summary>
    internal static bool IsHostName(string s) =>
        s.Length is > 0 and <= 253 && s[0] != '-' && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':' or '%');

    internal static bool IsUserName(string s) =>
        s.Length is > 0 and <= 64 && s[0] != '-' && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '$');

    public override string ToString() => (User is null ? "" : User + "@") + (Address.Contains(':') ? $"[{Address}]" : Address) + (Port == DefaultPort ? "" : ":" + Port);
}
