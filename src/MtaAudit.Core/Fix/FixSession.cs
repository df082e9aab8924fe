using System.Text;
using MtaAudit.Assess;
using MtaAudit.Collect;
using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Mta;
using MtaAudit.Parse;
using MtaAudit.Services;

namespace MtaAudit.Fix;

/// <summary>A fresh collection on a target, read and judged: what a plan is made from and what a run is verified against.</summary>
public sealed record Collection(HostFacts Facts, HostReport Report, EvidenceBundle Bundle);

/// <summary>Collecting on a live target with the embedded collector, for planning and for the check after --apply.</summary>
public static class FixSession
{
    private static readonly TimeSpan UnitListTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs the collector on the target (sh -s, the script on stdin) and judges its bundle. Throws <see cref="FixException"/> when it yields none.</summary>
    public static Collection Collect(ITarget target, AnalysisOptions options, TimeSpan timeout)
    {
        var r = target.Run(["sh", "-s"], timeout, new Dictionary<string, string> { ["MTA_AUDIT_PROBE_TIMEOUT"] = "10" },
            new UTF8Encoding(false).GetBytes(CollectorScript.Text));
        if (r.TimedOut) throw new FixException(Glossary.Say("fix.err.collector-timeout", ("target", target.Name), ("seconds", timeout.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture))));
        if (r.Cut) throw new FixException(Glossary.Say("fix.err.collector-cut", ("target", target.Name), ("stderr", TerminalText.Clean(r.Stderr))));
        var read = BundleReader.Read(Encoding.UTF8.GetString(r.StdoutBytes), target.Name).FirstOrDefault();
        if (read?.Bundle is null)
            throw new FixException(Glossary.Say("fix.err.no-bundle", ("target", target.Name), ("why", TerminalText.Clean(read?.Error?.ToString() ?? r.Summary))));
        var facts = FactsBuilder.Build(read.Bundle);
        AddLiveUnits(target, facts);
        return new Collection(facts, U45Rule.Judge(facts, options, read.Bundle.Source, read.Bundle.CollectedAt), read.Bundle);
    }

    /// <summary>
    /// The collector lists service units only; on a live systemd host the MTA's socket and timer units
    /// (a postfix.socket, say) must be stopped too, so they are asked for here and added to the facts.
    /// </summary>
    public static void AddLiveUnits(ITarget target, HostFacts facts)
    {
        if (facts.Os.Family != OsFamily.Linux || !facts.Has("svc.systemd")) return;
        var r = target.Run(["systemctl", "list-unit-files", "--type=socket,timer,path", "--no-legend", "--no-pager"], UnitListTimeout);
        if (!r.Ok) return;
        foreach (var record in SystemdUnitFilesParser.Parse(r.Stdout))
        {
            var dot = record.Name.LastIndexOf('.');
            if (dot <= 0) continue;
            var asService = record with { Name = record.Name[..dot] + ".service" };
            if (MtaCatalog.All.Any(d => d.IsService(asService)) && facts.Services.All(s => s.Name != record.Name))
                facts.Services.Add(record with { Manager = "systemd" });
        }
    }
}

/// <summary>A fix could not start or go on; the message names the target or file and the problem.</summary>
/// <summary>A fix that cannot go on for one host: <see cref="Exception.Message"/> is the English, <see cref="Said"/> the glossary sentence.</summary>
public sealed class FixException(Localized said) : Exception(said.En), ISaid
{
    public Localized Said => said;
}
