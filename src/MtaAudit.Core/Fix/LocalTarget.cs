using MtaAudit.Io;

namespace MtaAudit.Fix;

/// <summary>
/// This machine. <paramref name="fileRoot"/> (tests only) puts every file path under a directory, so the
/// real AIX and HP-UX files' edits run on copies; commands are not affected by it.
/// </summary>
public sealed class LocalTarget(string? fileRoot = null) : ITarget
{
    public string Name => Environment.MachineName;

    public CommandResult Run(IReadOnlyList<string> argv, TimeSpan timeout, IReadOnlyDictionary<string, string>? env = null, byte[]? stdin = null) =>
        ProcessRunner.Run(argv, timeout, env, stdin);

    public byte[]? ReadFile(string path)
    {
        var p = Map(path);
        return File.Exists(p) ? File.ReadAllBytes(p) : null;
    }

    public void WriteFile(string path, byte[] content) => AtomicFile.Replace(Map(path), content);

    private string Map(string path) => fileRoot is null ? path : Path.Join(fileRoot, path.TrimStart('/'));
}

/// <summary>The fix's file writes, through <see cref="SafeFile"/> (exclusive random temporary, synced, renamed over; the old mode kept).</summary>
public static class AtomicFile
{
    public static void Replace(string path, byte[] content)
    {
        try { SafeFile.Write(path, content); }
        catch (UnauthorizedAccessException e) { throw new IOException(e.Message, e); }
    }

    /// <summary>Writes a new file (a backup) and syncs it; never overwrites one, never follows a symlink planted at its name.</summary>
    public static void WriteNew(string path, byte[] content)
    {
        using var fs = SafeFile.CreateNew(path);
        fs.Write(content);
        fs.Flush(flushToDisk: true);
    }
}
