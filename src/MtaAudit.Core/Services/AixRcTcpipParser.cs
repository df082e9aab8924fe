using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Parse;

namespace MtaAudit.Services;

/// <summary>
/// <c>file.aix.rc.tcpip</c>: AIX starts its TCP/IP daemons at boot from /etc/rc.tcpip, one line each:
/// <c>start /usr/lib/sendmail "$src_running" "-bd -q${qpi}"</c>. The KISA guide disables Sendmail by
/// commenting that line out. Each daemon with a start line becomes a record named after the program
/// (sendmail, syslogd, inetd…): Enabled true when some start line for it is live, false when all are
/// commented out. A complete file without any sendmail start line never starts Sendmail: that is a
/// sendmail record with Enabled false too. Running is null: the file says nothing of now.
/// </summary>
public sealed partial class AixRcTcpipParser : IProbeParser
{
    public const string Manager = "rc.tcpip";
    public IReadOnlyList<string> Probes { get; } = ["file.aix.rc.tcpip"];

    public void Apply(EvidenceSection section, HostFacts facts) =>
        // Only a file read to its end (rc=0) can show that a line is missing.
        facts.Services.AddRange(Parse(section.Text, complete: section.Ran && section.ExitCode == 0));

    public static List<ServiceRecord> Parse(string text) => Parse(text, complete: true);

    /// <param name="complete">The text is the whole file, so a missing sendmail line means "not started".</param>
    public static List<ServiceRecord> Parse(string text, bool complete)
    {
        var live = new Dictionary<string, string>(StringComparer.Ordinal);
        var commented = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var raw in TextLines.Split(text ?? ""))
        {
            var m = StartLine().Match(raw);
            if (!m.Success) continue;
            var program = m.Groups["program"].Value;
            var target = m.Groups["hash"].Success ? commented : live;
            if (!live.ContainsKey(program) && !commented.ContainsKey(program)) order.Add(program);
            target.TryAdd(program, raw.Trim());
        }

        var records = new List<ServiceRecord>();
        foreach (var program in order)
        {
            records.Add(live.TryGetValue(program, out var line)
                ? new ServiceRecord(Manager, program, null, true, "start line active", line)
                : new ServiceRecord(Manager, program, null, false, "start line commented out", commented[program]));
        }
        if (complete && !order.Contains("sendmail"))
            records.Add(new ServiceRecord(Manager, "sendmail", null, false, "no start line", "/etc/rc.tcpip has no 'start …/sendmail' line"));
        return records;
    }

    /// <summary>"start /usr/sbin/syslogd …", "#start /usr/lib/sendmail …", "# start /usr/sbin/rwhod …".</summary>
    // Each directory step ends at a '/', so a long hostile line cannot make the match backtrack quadratically.
    [GeneratedRegex(@"^\s*(?<hash>#+\s*)?start\s+(?<path>/(?:[^\s/]*/)*(?<program>[A-Za-z][\w.-]*))(?=\s|$)")]
    private static partial Regex StartLine();
}
