namespace MtaAudit.Io;

/// <summary>
/// The one way mta-audit writes a file. Run as root into directories others may write (/tmp, an
/// --evidence-dir), a predictable name is a trap: whoever plants a symlink there makes us write through
/// it. So every file is created exclusively (FileMode.CreateNew is O_CREAT|O_EXCL, which fails on any
/// existing name, a symlink or a dangling one included: nothing is followed, nothing truncated) under a
/// random temporary name beside its destination, synced, then renamed into place (rename(2) replaces the
/// name itself, never what a symlink there points to).
/// </summary>
public static class SafeFile
{
    /// <summary>A new file that must not exist yet (a backup, a journal); never opens an existing one.</summary>
    public static FileStream CreateNew(string path, FileShare share = FileShare.None) =>
        new(path, FileMode.CreateNew, FileAccess.Write, share, 1 << 16);

    /// <summary>Writes the whole file: <paramref name="path"/> holds either its old content or all of the new one.</summary>
    public static void Write(string path, ReadOnlySpan<byte> content, bool overwrite = true)
    {
        using var pending = Begin(path);
        pending.Stream.Write(content);
        pending.Commit(overwrite);
    }

    /// <summary>
    /// A file being written: <see cref="PendingFile.Commit"/> puts it in place, disposing without it leaves
    /// the destination as it was. A report to a system stream (/dev/stdout, /dev/null, /dev/fd/N,
    /// /proc/self/fd/N) is written into it directly: it is not a file to replace.
    /// </summary>
    public static PendingFile Begin(string path)
    {
        var full = Path.GetFullPath(path);
        if (IsSystemStream(full)) return new PendingFile(full, null, new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite));
        var dir = Path.GetDirectoryName(full)!;
        // Hidden, ours by its random part; a leftover of a crash is recognisable by its prefix.
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        return new PendingFile(full, temp, new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
    }

    /// <summary>Device and process files are streams the kernel owns (only root creates names there); /dev/shm is ordinary storage.</summary>
    private static bool IsSystemStream(string full) =>
        (full.StartsWith("/dev/", StringComparison.Ordinal) && !full.StartsWith("/dev/shm/", StringComparison.Ordinal))
        || full.StartsWith("/proc/", StringComparison.Ordinal);

    /// <summary>Creates a directory (and its parents); a symlink at its own name is refused, not followed.</summary>
    public static void CreateDirectory(string path)
    {
        RefuseLink(path);
        Directory.CreateDirectory(path);
    }

    /// <summary>For names another library opens (SQLite's store and its -wal, -shm, -journal): a symlink there is an <see cref="IOException"/>.</summary>
    public static void RefuseLink(string path)
    {
        if (new FileInfo(path).LinkTarget is { } target)
            throw new IOException($"{path} is a symbolic link (to {target}), not a file of ours");
    }

    internal static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A file written under a temporary name until <see cref="Commit"/>; see <see cref="SafeFile.Begin"/>.</summary>
public sealed class PendingFile : IDisposable
{
    private readonly string _path;
    private readonly string? _temp;
    private bool _done;

    internal PendingFile(string path, string? temp, FileStream stream) => (_path, _temp, Stream) = (path, temp, stream);

    public FileStream Stream { get; }

    /// <summary>
    /// Syncs and renames the file into place. Replacing an existing regular file keeps its mode. Without
    /// <paramref name="overwrite"/> an existing name is an <see cref="IOException"/> and stays untouched.
    /// </summary>
    public void Commit(bool overwrite = true)
    {
        if (_done) return;
        if (_temp is null) { if (Stream.CanWrite) Stream.Flush(); Stream.Dispose(); _done = true; return; }
        // A writer layered on the stream (a BufferedStream, a zip) may have closed it already: sync it then by the name.
        if (Stream.CanWrite) Stream.Flush(flushToDisk: true);
        else using (var again = new FileStream(_temp, FileMode.Open, FileAccess.Write)) again.Flush(flushToDisk: true);
        Stream.Dispose();
        var old = new FileInfo(_path);
        if (!OperatingSystem.IsWindows() && old.Exists && old.LinkTarget is null) File.SetUnixFileMode(_temp, old.UnixFileMode);
        File.Move(_temp, _path, overwrite);
        _done = true;
    }

    public void Dispose()
    {
        if (_done) return;
        Stream.Dispose();
        if (_temp is not null) SafeFile.TryDelete(_temp);
        _done = true;
    }
}
