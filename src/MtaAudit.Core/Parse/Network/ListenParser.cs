using System.Globalization;
using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Parse.Network;

/// <summary>
/// Listening TCP sockets (probe <c>net.listen</c>) from <c>ss -ltn[p]</c> / <c>ss -tulpn</c>, Linux
/// <c>netstat -ltn[p]</c> / <c>-an</c>, and <c>netstat -an</c> on Solaris (sectioned, no Proto column),
/// AIX (also <c>-Aan</c>, with the PCB address first), HP-UX and the BSDs. Each line is read as a record:
/// where the LISTEN state stands tells the tool, and the local address is split into address and port,
/// so ":25565" is never taken for port 25.
/// </summary>
public sealed partial class ListenParser : IProbeParser
{
    public IReadOnlyList<string> Probes { get; } = ["net.listen"];

    public void Apply(EvidenceSection section, HostFacts facts) => facts.Listening.AddRange(Parse(section.Text));

    public static List<ListeningSocket> Parse(string text)
    {
        var result = new List<ListeningSocket>();
        bool tcpSection = true; // Solaris netstat -an prints "TCP: IPv4", "UDP: IPv6", "SCTP:" sections
        foreach (var line in TextLines.Split(text))
        {
            var t = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (t.Length == 0) continue;
            if (SectionTitle().Match(line) is { Success: true } s)
            {
                tcpSection = s.Groups[1].Value.Equals("TCP", StringComparison.OrdinalIgnoreCase);
                continue;
            }
            if (line.StartsWith("Active ", StringComparison.Ordinal)) { tcpSection = true; continue; }

            int state = Array.IndexOf(t, "LISTEN");
            var socket = state switch
            {
                0 when t.Length >= 5 => Ss(line, t, 0),                              // State Recv-Q Send-Q Local Peer [Process]
                1 when t.Length >= 6 && IsTcp(t[0]) => Ss(line, t, 1),               // Netid State ...
                5 when IsTcp(t[0]) => Netstat(line, t),                              // Proto Recv-Q Send-Q Local Foreign State [PID/Program]
                6 when IsTcp(t[1]) => Local(line, t[4], null, null),                 // AIX netstat -Aan: PCB/ADDR Proto Recv-Q Send-Q Local Foreign (state)
                6 when tcpSection && LooksRemote(t[1]) => Local(line, t[0], null, null), // Solaris: Local Remote Swind Send-Q Rwind Recv-Q State
                _ => null,
            };
            if (socket is not null) result.Add(socket);
        }
        return result;
    }

    private static ListeningSocket? Ss(string line, string[] t, int stateIndex)
    {
        string? name = null;
        int? pid = null;
        // users:(("master",pid=8317,fd=13),("smtpd",pid=8320,fd=6)): the first process is the owner.
        if (SsUsers().Match(line) is { Success: true } m)
        {
            name = m.Groups[1].Value;
            pid = Int(m.Groups[2].Value);
        }
        return Local(line, t[stateIndex + 3], name, pid);
    }

    private static ListeningSocket? Netstat(string line, string[] t)
    {
        string? name = null;
        int? pid = null;
        // Linux netstat -p: "1588/master", or "-" when the process is not ours to see.
        if (t.Length > 6 && t[6].IndexOf('/') is > 0 and var slash)
        {
            pid = Int(t[6][..slash]);
            if (pid is not null)
            {
                // The program name runs to the end of the line (it may hold spaces: "1234/sendmail: acc").
                int at = line.IndexOf(t[6], StringComparison.Ordinal);
                name = line[(at + slash + 1)..].TrimEnd();
                if (name.Length == 0) name = null;
            }
        }
        return Local(line, t[3], name, pid);
    }

    private static ListeningSocket? Local(string line, string local, string? name, int? pid) =>
        SocketAddress.TrySplit(local, out var address, out var port)
            ? new ListeningSocket(address, port, name, pid, line)
            : null;

    // tcp, tcp4, tcp6, tcp46 (BSD); udp/raw/unix lines are not TCP listeners.
    private static bool IsTcp(string proto) => proto.StartsWith("tcp", StringComparison.OrdinalIgnoreCase);

    private static bool LooksRemote(string s) => s == "*.*" || s.EndsWith(".*", StringComparison.Ordinal) || s.EndsWith(":*", StringComparison.Ordinal);

    private static int? Int(string s) =>
        s.Length is > 0 and <= 10 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    // Solaris section titles: "TCP: IPv4", "UDP: IPv6", "SCTP:". Upper case and alone on the line,
    // so an ss or netstat record ("tcp LISTEN 0 5 *:25") is never taken for one.
    [GeneratedRegex(@"^\s*(TCP|UDP|SCTP|RAWIP|ICMP)(v6)?:\s*(IPv4|IPv6)?\s*$")]
    private static partial Regex SectionTitle();

    // Older iproute2 (CentOS 6 era) prints users:(("master",1588,13)); later ones users:(("master",pid=1588,fd=13)).
    [GeneratedRegex(@"users:\(\(""([^""]*)"",\s*(?:pid=)?(\d{1,10})")]
    private static partial Regex SsUsers();
}
