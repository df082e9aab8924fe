using MtaAudit.Assess;
using MtaAudit.Collect.Ssh;
using MtaAudit.Evidence;
using MtaAudit.Store;

namespace MtaAudit.Fleet;

/// <summary>
/// Scans the hosts of a run: at most <c>forks</c> at once, each on its own async task (no thread
/// per host), each result stored the moment the host ends. One host's failure or slowness never
/// touches the others beyond its own limits. Cancelling stops new hosts, stops those in flight
/// (they stay pending for --resume) and keeps everything already stored.
/// </summary>
public sealed class FleetScanner(SshCollector collector, FleetStore store, AnalysisOptions analysis, IFleetProgress progress)
{
    public int Forks { get; init; } = 32;
    public string? EvidenceDir { get => _evidence is null ? null : _evidenceDir; init => (_evidenceDir, _evidence) = (value, value is null ? null : new EvidenceFiles(value)); }
    private readonly string? _evidenceDir;
    private readonly EvidenceFiles? _evidence;

    /// <summary>Problems writing evidence files (the store still has the bundle); reported after the scan.</summary>
    public List<Localized> EvidenceErrors { get; } = [];

    public async Task RunAsync(long run, IReadOnlyList<Target> pending, CancellationToken ct)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Forks) };
        await Parallel.ForEachAsync(pending, options, async (t, _) =>
        {
            if (ct.IsCancellationRequested) return;
            progress.Started(t);
            HostCollection result;
            try
            {
                result = await collector.CollectAsync(t, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A library fault on one host is that host's named failure, never the end of the scan.
                result = HostCollection.Failed(HostFailure.CollectorFailed, Glossary.Say("ssh.fail.other", ("where", t.ToString()), ("type", e.GetType().Name), ("cause", TerminalText.Clean(e.Message))), TimeSpan.Zero);
            }
            if (result.Failure == HostFailure.Cancelled)
            {
                progress.Finished(t, result, null);
                return; // not done: --resume does it again
            }
            string? verdict = null;
            byte[]? judged = null;
            if (result.HasBundle)
            {
                // Judged here, once: the report renders this judgement rather than judging the bundle again.
                if (FleetReport.JudgeEntry(t.Name, result.Output, result.Failure, analysis, FleetReport.SourceOf(t)) is { } entry)
                {
                    verdict = entry.Host.Verdict.Json();
                    judged = JudgedHostCodec.Encode(entry.Host, entry.Context);
                }
                if (_evidence is not null)
                {
                    try { _evidence.Write(t.Name, result.Output); }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        lock (EvidenceErrors) EvidenceErrors.Add(Glossary.Say("fleet.evidence-not-written", ("dir", EvidenceDir), ("host", t.Name), ("cause", TerminalText.Clean(e.Message))));
                    }
                }
            }
            store.Save(run, t.Name, result, verdict, judged);
            progress.Finished(t, result, verdict);
        }).ConfigureAwait(false);
    }
}
