namespace MtaAudit.Collect;

/// <summary>What one run of the collector produced.</summary>
/// <param name="Output">Standard output bytes (the evidence bundle), at most the cap given to the run.</param>
/// <param name="ExitCode">The shell's exit status; null when it was killed at the time limit.</param>
/// <param name="Stderr">Standard error as text (diagnostics only, never evidence), capped.</param>
/// <param name="Elapsed">Wall time from start to the end of the run.</param>
/// <param name="TimedOut">True when the run passed its time limit and its process tree was killed.</param>
/// <param name="OutputCut">True when standard output passed the byte cap; the bundle is then truncated.</param>
public sealed record CollectorRun(byte[] Output, int? ExitCode, string Stderr, TimeSpan Elapsed, bool TimedOut, bool OutputCut)
{
    public bool Succeeded => !TimedOut && !OutputCut && ExitCode == 0;
}
