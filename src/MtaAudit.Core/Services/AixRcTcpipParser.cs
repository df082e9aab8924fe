using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Parse;

namespace MtaAudit.Services;

/// <summary>
/// <c>file.aix.rc.tcpip</c>: AIX starts its TCP/IP daemons at boot from /etc/rc.tcpip, one line each:
/// <c>start /usr/lib/sendmail "$src_running" "-bd -q${qpi}"</c>. The KISA guide disables Sendmail by
/// commenting that line out. Each line is read as the shell runs it (<see cref="RcTcpipLine"/>): also
/// <c>[ -x /usr/lib/sendmail ] &amp;&amp; start …</c>, <c>start sendmail …</c>, <c>startsrc -s sendmail</c>, a direct path. Each daemon with a start line becomes a record named after the program
/// (sendmail, syslogd, inetd…): Enabled true when some start line for it is live, false when all are
/// commented out. A complete file without any sendmail start line never starts Sendmail: that is a
/// sendmail record with Enabled false too. Running is null: the file says nothing of now.
/// </summary>
public sealed class AixRcTcpipParser : IProbeParser
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
            if (raw.Length > 4000) continue; // no start line is that long; a hostile one is not read
            foreach (var start in RcTcpipLine.Starts(raw))
            {
                var program = start.Program;
                var target = start.Active ? live : commented;
                if (!live.ContainsKey(program) && !commented.ContainsKey(program)) order.Add(program);
                target.TryAdd(program, raw.Trim());
            }
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
}
