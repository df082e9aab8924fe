using System.Diagnostics;
using System.Globalization;
using MtaAudit.Collect.Ssh;
using MtaAudit.Fleet;

namespace MtaAudit.Cli;

/// <summary>
/// Progress of a fleet scan on stderr (stdout carries only the report): on a terminal one live line
/// (done, failed, running, left, rate, ETA) redrawn a few times a second; otherwise one plain line
/// per host as it ends. Host text is cleaned of control characters.
/// </summary>
internal sealed class FleetProgress : IFleetProgress, IDisposable
{
    private readonly int _total;
    private readonly bool _live;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer? _timer;
    private readonly object _lock = new();
    private int _done, _failed, _running;

    public FleetProgress(int total, bool live)
    {
        _total = total;
        _live = live;
        if (live) _timer = new Timer(_ => Draw(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
    }

    public void Started(Target target) => Interlocked.Increment(ref _running);

    public void Finished(Target target, HostCollection result, string? verdict)
    {
        Interlocked.Decrement(ref _running);
        if (result.Failure == HostFailure.Cancelled) return;
        Interlocked.Increment(ref _done);
        if (verdict is null) Interlocked.Increment(ref _failed);
        if (_live) return;
        var what = verdict is not null
            ? verdict + (result.Failure is { } f ? $" ({f.Name()}: partial evidence)" : "")
            : $"failed: {result.Failure?.Name()}: {result.Message}";
        lock (_lock)
            Console.Error.WriteLine($"mta-audit: [{_done}/{_total}] {TerminalText.Clean(target.Name)}: {TerminalText.Clean(what)} ({result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)");
    }

    private void Draw()
    {
        int done = Volatile.Read(ref _done), failed = Volatile.Read(ref _failed), running = Volatile.Read(ref _running);
        double secs = _clock.Elapsed.TotalSeconds;
        double rate = secs > 0 ? done / secs : 0;
        int left = Math.Max(0, _total - done - running);
        string eta = rate > 0 ? $"{(_total - done) / rate:0} s" : "-";
        var line = string.Create(CultureInfo.InvariantCulture,
            $"\r{done}/{_total} done, {failed} failed, {running} running, {left} left, {rate:0.0} hosts/s, ETA {eta}   ");
        lock (_lock) Console.Error.Write(line);
    }

    public void Dispose()
    {
        _timer?.Dispose();
        if (_live)
        {
            Draw();
            lock (_lock) Console.Error.WriteLine();
        }
    }
}
