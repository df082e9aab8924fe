using System.Runtime.InteropServices;

namespace MtaAudit.Render;

/// <summary>
/// Temporary files that hold input (standard input can be read only once): created exclusively, readable by
/// their owner only (what was piped in may be a whole fleet's evidence), and removed on every way out: Dispose,
/// and SIGINT, SIGTERM, SIGHUP and SIGQUIT, whose handlers remove them before the process ends as it would have.
/// </summary>
public sealed class TempFiles : IDisposable
{
    private readonly List<string> _paths = new();
    private readonly List<PosixSignalRegistration> _signals = new();
    private readonly object _lock = new();

    /// <summary>Copies <paramref name="from"/> into a new file; false with the cause (a full or unwritable TMPDIR), leaving nothing behind.</summary>
    public bool CopyOf(Stream from, string prefix, out string path, out string cause)
    {
        path = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        cause = "";
        Add(path);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var f = new FileStream(path, options);
            from.CopyTo(f);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            cause = e.Message;
            Remove(path);
            return false;
        }
    }

    private void Add(string path)
    {
        lock (_lock)
        {
            _paths.Add(path);
            if (_signals.Count > 0) return;
            foreach (var sig in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
            {
                try { _signals.Add(PosixSignalRegistration.Create(sig, _ => Remove(null))); }
                catch (PlatformNotSupportedException) { }
            }
        }
    }

    /// <summary>Removes one file, or (null) every file; a signal's context is not cancelled, so the signal still ends the process.</summary>
    private void Remove(string? only)
    {
        lock (_lock)
        {
            foreach (var p in _paths.Where(p => only is null || p == only))
            {
                try { File.Delete(p); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            }
            _paths.RemoveAll(p => only is null || p == only);
        }
    }

    public void Dispose()
    {
        Remove(null);
        lock (_lock)
        {
            foreach (var s in _signals) s.Dispose();
            _signals.Clear();
        }
    }
}
