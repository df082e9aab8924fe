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

/// <summary>Replaces a file by writing a sibling, syncing it to disk, keeping the old file's mode, and renaming it over.</summary>
public static class AtomicFile
{
    public static void Replace(string path, byte[] content)
    {
        var tmp = path + ".mta-audit-new";
        try
        {
            using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                fs.Write(content);
                fs.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows() && File.Exists(path)) File.SetUnixFileMode(tmp, File.GetUnixFileMode(path));
            File.Move(tmp, path, overwrite: true);
        }
        catch (UnauthorizedAccessException e)
        {
            TryDelete(tmp);
            throw new IOException(e.Message, e);
        }
        catch (IOException)
        {
            TryDelete(tmp);
            throw;
        }
    }

    /// <summary>Writes a new file (a backup) and syncs it; never overwrites one.</summary>
    public static void WriteNew(string path, byte[] content)
    {
        using var fs = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        fs.Write(content);
        fs.Flush(flushToDisk: true);
    }

    private static void TryDelete(string p)
    {
        try { File.Delete(p); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
