namespace MtaAudit.Tests.Parse;

/// <summary>
/// Hostile inputs every parser must survive without throwing: empty, blank, binary-ish,
/// replacement characters, half a header, very long lines, and many random mixes of the
/// tokens the parsers look for (seeded, so a failure can be replayed).
/// </summary>
internal static class GarbageText
{
    private static readonly string[] Pieces =
    [
        " ", "  ", "\t", "\n", "\r\n", "0", "1", "25", "65536", "99999999999999", "-1", ":", ".", "*", "[", "]", "%",
        "::", "*.*", "0.0.0.0:", ":::", "LISTEN", "tcp", "tcp6", "udp", "TCP: IPv4", "UDP: IPv4", "users:((\"", "\",pid=",
        ",fd=3))", "/", "PID", "PPID", "UID", "USER", "CMD", "COMMAND", "STIME", "TIME", "WCHAN", "Jan", "12", "0:00",
        "00:00:00", "?", "S", "Ss", "\\_", "root", "Linux", "SunOS", "5.11", "AIX", "HP-UX", "B.11.31", "=", "\"", "ID",
        "VERSION_ID", "release", "Solaris", "7200-04-02-2016", "\uFFFD", "\0", "\u001b[31m", "\u202E", "ü", "한",
    ];

    public static IEnumerable<string> All()
    {
        yield return "";
        yield return "\n\n\n";
        yield return "   \t  ";
        yield return "\uFFFD\uFFFD\uFFFD\0\0\u0001\u0002";
        yield return new string('x', 200_000);
        yield return string.Concat(Enumerable.Repeat("1 ", 50_000));
        yield return "PID\n";
        yield return "  PID  PPID USER     COMMAND\n";
        yield return "  PID  PPID USER     COMMAND\n 12";
        yield return "tcp 0 0 :25 LISTEN";
        yield return "LISTEN 0 5 [::]: [::]:*";
        var random = new Random(4545);
        for (int i = 0; i < 3000; i++)
        {
            int n = random.Next(1, 40);
            var parts = new string[n];
            for (int k = 0; k < n; k++) parts[k] = Pieces[random.Next(Pieces.Length)];
            yield return string.Concat(parts);
        }
    }
}
