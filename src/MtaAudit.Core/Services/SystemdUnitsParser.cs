using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Parse;

namespace MtaAudit.Services;

/// <summary>
/// <c>svc.systemd</c>: <c>systemctl list-units --type=service [--all] [--no-legend] [--no-pager]</c>.
/// Rows are "UNIT LOAD ACTIVE SUB DESCRIPTION", maybe behind a '●' mark; the header, the legend and the
/// "N loaded units listed" footer are skipped, so the guide's plain <c>systemctl list-units --type=service</c>
/// (and its <c>| grep</c> form) reads the same.
/// </summary>
public sealed class SystemdUnitsParser : IProbeParser
{
    public const string Manager = "systemd";
    public IReadOnlyList<string> Probes { get; } = ["svc.systemd"];

    public void Apply(EvidenceSection section, HostFacts facts)
    {
        var records = Parse(section.Text);
        // Hand-written bundles often carry `systemctl status NAME` under this id; read it rather than lose it.
        if (records.Count == 0) records = SystemdStatusParser.Parse(section.Text);
        facts.Services.AddRange(records);
    }

    public static List<ServiceRecord> Parse(string text)
    {
        var records = new List<ServiceRecord>();
        foreach (var line in TextLines.Split(text ?? ""))
        {
            var r = ParseRow(line);
            if (r is not null) records.Add(r);
        }
        return records;
    }

    private static ServiceRecord? ParseRow(string line)
    {
        // UNIT LOAD ACTIVE SUB, maybe behind a bullet: the description's words are not needed. The words are
        // ranges of the line: a row that is not a unit costs no string, and LOAD and ACTIVE are the known words.
        Span<Range> w = stackalloc Range[5];
        int count = ServiceText.FirstWords(line, w);
        var s = line.AsSpan();
        int i = count > 0 && ServiceText.IsBullet(s[w[0]]) ? 1 : 0;
        if (count < i + 4) return null;
        var unit = s[w[i]];
        if (!ServiceText.IsUnitName(unit) || SystemdStates.LoadState(s[w[i + 1]]) is not { } load
            || SystemdStates.ActiveState(s[w[i + 2]]) is not { } active)
            return null;
        var sub = s[w[i + 3]].ToString();
        // A masked unit cannot be started, at boot or by hand; other LOAD words say nothing of boot.
        bool? enabled = load == "masked" ? false : null;
        return new ServiceRecord(Manager, unit.ToString(), SystemdStates.Running(active, sub), enabled,
            $"{load} {active} {sub}", line.Trim());
    }
}
