using System.Globalization;
using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Parse;

namespace MtaAudit.Services;

/// <summary>
/// <c>svc.src</c>: AIX <c>lssrc -a</c> and <c>lssrc -s NAME</c>, "Subsystem Group PID Status". The Group
/// and PID columns are blank when empty (no group; not running), so a row has two to four words: the
/// first is the subsystem, the last the status, a number between them the PID. Enabled is always null:
/// SRC only knows what runs now; what starts at boot is in /etc/rc.tcpip (file.aix.rc.tcpip) or inittab.
/// Subserver tables (<c>lssrc -t</c>, header "Service Command Description Status") are skipped: their
/// rows are inetd's subservers, not subsystems.
/// </summary>
public sealed class SrcParser : IProbeParser
{
    public const string Manager = "src";
    public IReadOnlyList<string> Probes { get; } = ["svc.src"];

    public void Apply(EvidenceSection section, HostFacts facts) => facts.Services.AddRange(Parse(section.Text));

    /// <summary>active → running; inoperative → not; stopping and anything else → unknown.</summary>
    public static bool? Running(string status) => status switch
    {
        "active" => true,
        "inoperative" => false,
        _ => null,
    };

    private static bool IsStatus(string w) => w is "active" or "inoperative" or "stopping" or "warning";

    public static List<ServiceRecord> Parse(string text)
    {
        var records = new List<ServiceRecord>();
        bool inSubservers = false;
        foreach (var raw in TextLines.Split(text ?? ""))
        {
            var line = raw.Trim();
            var w = ServiceText.Words(line);
            if (w.Length == 0) continue;
            if (w[0] == "Subsystem" && w[^1] == "Status") { inSubservers = false; continue; }
            if (w[0] == "Service" && w[^1] == "Status") { inSubservers = true; continue; }
            if (inSubservers || w.Length is < 2 or > 4 || !IsStatus(w[^1])) continue;

            if (Row(w, line) is { } record) records.Add(record);
        }
        return records;
    }

    /// <summary>A row "NAME [GROUP] [PID] STATUS", or null when the words are not one.</summary>
    private static ServiceRecord? Row(string[] w, string line)
    {
        string status = w[^1];
        string? group = null;
        int? pid = null;
        for (int i = 1; i < w.Length - 1; i++)
        {
            if (int.TryParse(w[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && pid is null) pid = n;
            else if (group is null && !char.IsAsciiDigit(w[i][0])) group = w[i];
            else return null; // two groups or two PIDs: prose, not an lssrc row
        }
        // lssrc prints a PID exactly for running subsystems; prose like "ssh is active" has none.
        if (status == "active" && pid is null) return null;
        if (status == "inoperative" && pid is not null) return null;
        var state = pid is null ? status : $"{status} (pid {pid})";
        return new ServiceRecord(Manager, w[0], Running(status), null, state, line);
    }
}
