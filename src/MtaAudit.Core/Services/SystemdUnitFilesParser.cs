using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Parse;

namespace MtaAudit.Services;

/// <summary>
/// <c>svc.systemd.enabled</c>: <c>systemctl list-unit-files --type=service --no-legend --no-pager</c>
/// ("UNIT STATE [PRESET]": systemd 215+ prints the PRESET column, older ones only STATE), and
/// <c>systemctl is-enabled UNIT...</c>, whose bare "enabled"/"masked" lines name no unit: the unit comes
/// from the section's cmd= or from a <c>systemctl is-enabled NAME</c> prompt line in a pasted session.
/// How each state word reads is documented on <see cref="SystemdStates.Enabled"/>.
/// </summary>
public sealed class SystemdUnitFilesParser : IProbeParser
{
    public IReadOnlyList<string> Probes { get; } = ["svc.systemd.enabled"];

    public void Apply(EvidenceSection section, HostFacts facts) =>
        facts.Services.AddRange(Parse(section.Text, section.Command));

    private const string NoUnitFile = "Failed to get unit file state for ";

    public static List<ServiceRecord> Parse(string text) => Parse(text, null);

    /// <param name="command">The command that printed <paramref name="text"/>, when known (cmd=).</param>
    public static List<ServiceRecord> Parse(string text, string? command)
    {
        var records = new List<ServiceRecord>();
        // Units still waiting for their is-enabled answer, in the order systemctl prints them.
        var pending = new Queue<string>(command is null ? [] : ServiceText.UnitsOfCommand(command, "is-enabled") ?? []);
        foreach (var line in TextLines.Split(text ?? ""))
        {
            var w = ServiceText.Words(line);
            if (w.Length == 0) continue;
            if (ServiceText.UnitsOfCommand(line, "is-enabled") is { } asked)
            {
                pending = new Queue<string>(asked);
                continue;
            }
            if (line.StartsWith(NoUnitFile, StringComparison.Ordinal))
            {
                // A unit systemctl could not find gets no answer line. With 2>&1 this message may come before
                // the answers of earlier units (stdout is buffered), so drop the unit wherever it waits.
                var missing = line[NoUnitFile.Length..].Split(':')[0];
                pending = new Queue<string>(pending.Where(u => u != missing));
                continue;
            }
            if (w.Length >= 2 && ServiceText.IsUnitName(w[0]) && SystemdStates.IsUnitFileState(w[1]))
            {
                records.Add(Record(w[0], w[1], line));
            }
            else if (w.Length == 1 && SystemdStates.IsUnitFileState(w[0]) && pending.Count > 0)
            {
                records.Add(Record(pending.Dequeue(), w[0], line));
            }
        }
        return records;
    }

    private static ServiceRecord Record(string unit, string state, string line) =>
        new(SystemdUnitsParser.Manager, unit, null, SystemdStates.Enabled(state), state, line.Trim());
}
