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
    private readonly Lang _lang;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer? _timer;
    private readonly object _lock = new();
    private int _done, _failed, _running;

    public FleetProgress(int total, bool live, Lang lang = Lang.En)
    {
        _total = total;
        _lang = lang;
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
            ? result.Failure is { } f ? Glossary.Word("fleet.progress.partial", _lang, ("verdict", Verdict(verdict)), ("failure", f.Name())) : Verdict(verdict)
            : Glossary.Say("fleet.progress.failed", ("failure", result.Failure?.Name() ?? ""), ("cause", result.Message ?? Glossary.Same(""))).Get(_lang);
        var line = Glossary.Word("fleet.progress.line", _lang, ("done", _done.ToString(CultureInfo.InvariantCulture)), ("total", _total.ToString(CultureInfo.InvariantCulture)),
            ("host", target.Name), ("what", what), ("seconds", result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)));
        lock (_lock)
            Console.Error.WriteLine("mta-audit: " + TerminalText.Clean(line));
    }

    private void Draw()
    {
        int done = Volatile.Read(ref _done), failed = Volatile.Read(ref _failed), running = Volatile.Read(ref _running);
        double secs = _clock.Elapsed.TotalSeconds;
        double rate = secs > 0 ? done / secs : 0;
        int left = Math.Max(0, _total - done - running);
        string eta = rate > 0 ? Glossary.Word("fleet.progress.seconds", _lang, ("seconds", ((_total - done) / rate).ToString("0", CultureInfo.InvariantCulture))) : "-";
        var line = "\r" + Glossary.Word("fleet.progress.live", _lang, ("done", done.ToString(CultureInfo.InvariantCulture)), ("total", _total.ToString(CultureInfo.InvariantCulture)),
            ("failed", failed.ToString(CultureInfo.InvariantCulture)), ("running", running.ToString(CultureInfo.InvariantCulture)), ("left", left.ToString(CultureInfo.InvariantCulture)),
            ("rate", rate.ToString("0.0", CultureInfo.InvariantCulture)), ("eta", eta)) + "   ";
        lock (_lock) Console.Error.Write(line);
    }

    /// <summary>The store's verdict name (GOOD, VULNERABLE, MANUAL, NA); worded in Korean, kept as it is in English.</summary>
    private string Verdict(string name) => _lang == Lang.En ? name : name.ToUpperInvariant() switch
    {
        "GOOD" => Glossary.Word("verdict.good", _lang),
        "VULNERABLE" => Glossary.Word("verdict.vulnerable", _lang),
        "MANUAL" => Glossary.Word("verdict.manual", _lang),
        "NA" or "N/A" => Glossary.Word("verdict.na", _lang),
        _ => name,
    };

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
