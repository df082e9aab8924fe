using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Parse;

namespace MtaAudit.Services;

/// <summary>
/// <c>svc.systemd.status</c>: <c>systemctl status UNIT...</c> text, which people paste into hand-written
/// bundles more often than list-units. Each unit block starts "● postfix.service - Description" (the mark
/// may be '*', '×', '○', an HTML entity, or absent on old systemd); its "Loaded: loaded (PATH; STATE;
/// vendor preset: X)" line gives Enabled and its "Active: active (running) since …" line gives Running,
/// read exactly as list-units and list-unit-files words are (<see cref="SystemdStates"/>).
/// "Unit X.service could not be found." becomes a not-found record that is not running.
/// </summary>
public sealed class SystemdStatusParser : IProbeParser
{
    public IReadOnlyList<string> Probes { get; } = ["svc.systemd.status"];

    public void Apply(EvidenceSection section, HostFacts facts) => facts.Services.AddRange(Parse(section.Text));

    public static List<ServiceRecord> Parse(string text)
    {
        var records = new List<ServiceRecord>();
        Block? block = null;
        foreach (var raw in TextLines.Split(text ?? ""))
        {
            var line = raw.Trim();
            var w = ServiceText.Words(line);
            if (w.Length == 0) continue;

            if (UnitOfHeader(w) is { } unit)
            {
                Flush(block, records);
                block = new Block(unit, line);
            }
            else if (w.Length >= 4 && w[0] == "Unit" && ServiceText.IsUnitName(w[1]) && line.EndsWith("could not be found.", StringComparison.Ordinal))
            {
                Flush(block, records);
                block = null;
                records.Add(new ServiceRecord(SystemdUnitsParser.Manager, w[1], false, null, "not-found", line));
            }
            else if (block is not null && w[0] == "Loaded:" && w.Length >= 2)
            {
                block.Load = w[1];
                block.FileState = UnitFileStateOf(line);
                block.Evidence.Add(line);
            }
            else if (block is not null && w[0] == "Active:" && w.Length >= 2)
            {
                block.Active = w[1];
                block.Sub = ParenWord(line);
                block.Evidence.Add(line);
            }
        }
        Flush(block, records);
        return records;
    }

    /// <summary>The unit of a block's first line: "[mark] UNIT - Description" or a bare "UNIT".</summary>
    private static string? UnitOfHeader(string[] w)
    {
        int i = ServiceText.IsBullet(w[0]) ? 1 : 0;
        if (w.Length <= i || !ServiceText.IsUnitName(w[i])) return null;
        return w.Length == i + 1 || w[i + 1] == "-" ? w[i] : null;
    }

    /// <summary>"loaded (/usr/lib/systemd/system/postfix.service; enabled; vendor preset: disabled)" → "enabled".</summary>
    private static string? UnitFileStateOf(string line)
    {
        int open = line.IndexOf('(');
        if (open < 0) return null;
        int close = line.LastIndexOf(')');
        var inner = close > open ? line[(open + 1)..close] : line[(open + 1)..];
        var parts = inner.Split(';');
        for (int k = 1; k < parts.Length; k++)
        {
            var p = parts[k].Trim();
            if (SystemdStates.IsUnitFileState(p)) return p;
        }
        return null;
    }

    /// <summary>"active (running) since …" → "running"; "failed (Result: exit-code)" → "Result: exit-code".</summary>
    private static string? ParenWord(string line)
    {
        int open = line.IndexOf('(');
        if (open < 0) return null;
        int close = line.IndexOf(')', open);
        return close > open ? line[(open + 1)..close].Trim() : null;
    }

    private static void Flush(Block? b, List<ServiceRecord> records)
    {
        if (b is null || (b.Load is null && b.Active is null)) return;
        bool? enabled = b.Load == "masked" ? false : b.FileState is null ? null : SystemdStates.Enabled(b.FileState);
        bool? running = b.Active is null ? null : SystemdStates.Running(b.Active, b.Sub);
        var state = string.Join(", ", new[]
        {
            b.Load is null ? null : b.FileState is null ? b.Load : $"{b.Load} ({b.FileState})",
            b.Active is null ? null : b.Sub is null ? b.Active : $"{b.Active} ({b.Sub})",
        }.Where(s => s is not null));
        records.Add(new ServiceRecord(SystemdUnitsParser.Manager, b.Unit, running, enabled, state, string.Join(" | ", b.Evidence)));
    }

    private sealed class Block(string unit, string header)
    {
        public string Unit { get; } = unit;
        public List<string> Evidence { get; } = [header];
        public string? Load { get; set; }
        public string? FileState { get; set; }
        public string? Active { get; set; }
        public string? Sub { get; set; }
    }
}
