using MtaAudit.Assess;
using MtaAudit.Collect.Ssh;
using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Render;
using MtaAudit.Store;

namespace MtaAudit.Fleet;

/// <summary>
/// Turns a run's stored results into host reports, one at a time in inventory order (the report is
/// rendered as they come: 10,000 hosts never sit in memory). The inventory name is the host's name;
/// the bundle's own host line is only shown. A host without a complete bundle is never GOOD.
/// </summary>
public static class FleetReport
{
    public static IEnumerable<HostReport> Hosts(FleetStore store, long run, AnalysisOptions analysis) =>
        Entries(store, run, analysis).Select(e => e.Host);

    /// <summary>Each host with what its bundle says of the collecting account and its addresses (for the report sinks).</summary>
    public static IEnumerable<(HostReport Host, HostContext Context)> Entries(FleetStore store, long run, AnalysisOptions analysis) =>
        // In a fleet the inventory name is the machine (HostMatch.Inventory): scan and report --from STORE say so alike.
        StoredEntries(store, run, analysis).Select(e => (e.Host, e.Context with { Identity = HostMatch.Inventory(e.Host.Host) }));

    private static IEnumerable<(HostReport Host, HostContext Context)> StoredEntries(FleetStore store, long run, AnalysisOptions analysis)
    {
        foreach (var row in store.Rows(run))
        {
            var source = "ssh " + Describe(row);
            if (!row.Done)
            {
                yield return (NotChecked(row.Name, source, "not-scanned", Glossary.Say("fleet.not-finished")), HostContext.Unknown);
                continue;
            }
            // Judged once: the scan that stored this host kept its judgement; only other runs' hosts are judged again.
            var judged = row.Judged is { } kept ? JudgedHostCodec.Decode(kept)
                : row.Bundle is { Length: > 0 } b ? JudgeEntry(row.Name, b, row.Failure, analysis, source) : null;
            if (judged is { } entry)
            {
                yield return entry;
                continue;
            }
            var kind = row.Failure?.Name() ?? HostFailure.CollectorFailed.Name();
            yield return (NotChecked(row.Name, source, kind, StoredSaying.Decode(row.Message) ?? Glossary.Say("fleet.no-bundle")), HostContext.Unknown);
        }
    }

    /// <summary>Judges one host's raw output; null when it holds no bundle. Partial or failed collections are at best MANUAL.</summary>
    public static HostReport? Judge(string name, byte[] output, HostFailure? failure, AnalysisOptions analysis, string? source = null) =>
        JudgeEntry(name, output, failure, analysis, source)?.Host;

    /// <summary>
    /// Judges one host's raw output as the report shows it (under <paramref name="source"/>, by default how the row's target is written);
    /// null when it holds no bundle.
    /// </summary>
    public static (HostReport Host, HostContext Context)? JudgeEntry(string name, byte[] output, HostFailure? failure, AnalysisOptions analysis, string? source)
    {
        using var ms = new MemoryStream(output, writable: false);
        foreach (var item in BundleReader.Read(ms, name))
        {
            if (item.Bundle is null) continue;
            var report = Analyzer.Analyze(item.Bundle, analysis);
            var reasons = report.Reasons.ToList();
            var errors = report.Errors.ToList();
            var verdict = report.Verdict;
            if (item.Bundle.Headers.GetValueOrDefault("user") == "nonroot")
                reasons.Add(Glossary.Say("fleet.nonroot"));
            if (failure is { } f)
            {
                errors.Add(Glossary.Say("fleet.error-partial", ("kind", f.Name())));
                if (verdict is Verdict.Good or Verdict.NotApplicable)
                {
                    verdict = Verdict.Manual;
                    reasons.Add(Glossary.Say("fleet.partial", ("kind", f.Name())));
                }
            }
            // The bundle's own host line is shown next to the source (worded by the renderers), never used as the key.
            var calls = item.Bundle.Host is { } h && h != name ? TerminalText.Clean(h) : null;
            return (report with { Host = name, Source = source ?? report.Source, Verdict = verdict, Complete = report.Complete && failure is null, Reasons = reasons, Errors = errors },
                HostContextReader.Of(item.Bundle) with { CallsItself = calls });
        }
        return null;
    }

    private static HostReport NotChecked(string name, string source, string kind, Localized message) =>
        new(name, OsInfo.Unknown, Verdict.Manual, false, [],
            [Glossary.Say("fleet.not-checked", ("kind", kind))],
            [Glossary.Say("fleet.error", ("kind", kind), ("problem", message))], source);

    private static string Describe(FleetStore.Row r) => Describe(r.User, r.Address, r.Port);

    /// <summary>The report's source of a host scanned over SSH: <c>ssh [user@]address[:port]</c>.</summary>
    public static string SourceOf(Target t) => "ssh " + Describe(t.User, t.Address, t.Port);

    private static string Describe(string? user, string address, int port) =>
        (user is null ? "" : user + "@") + (address.Contains(':') ? $"[{address}]" : address) + (port == 22 ? "" : ":" + port);
}
