namespace MtaAudit.Knowledge.Import;

/// <summary>
/// The lock of the local overlay: an exclusive open (FileShare.None, which .NET on Unix backs with flock(2)) of
/// <c>kb-local.json.lock</c> beside it, held while an import reads, merges and writes. The lock file stays (removing
/// it would let a third process lock a new file while the second still holds the old one); the lock goes with the
/// handle, also when the process dies.
/// </summary>
internal sealed class OverlayLock : IDisposable
{
    private readonly FileStream _handle;

    private OverlayLock(FileStream handle) => _handle = handle;

    /// <summary>Takes the lock of <paramref name="overlayPath"/>, retrying until <paramref name="wait"/> has passed; then IOException.</summary>
    public static OverlayLock Take(string overlayPath, TimeSpan wait)
    {
        var full = Path.GetFullPath(overlayPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var lockPath = full + ".lock";
        var deadline = DateTime.UtcNow + wait;
        int pause = 10;
        while (true)
        {
            try
            {
                return new OverlayLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another import holds it: an import takes well under a second, so short pauses keep the wait short.
                Thread.Sleep(pause);
                pause = Math.Min(pause * 2, 200);
            }
            catch (IOException e)
            {
                throw new OverlayLockedException(Glossary.Say("import.locked", ("path", lockPath), ("seconds", ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture))), e);
            }
        }
    }

    public void Dispose() => _handle.Dispose();
}

/// <summary>Another import held the overlay's lock longer than the wait: nothing was written.</summary>
public sealed class OverlayLockedException(Localized said, Exception inner) : IOException(said.En, inner), ISaid
{
    public Localized Said { get; } = said;
}
