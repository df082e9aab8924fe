namespace MtaAudit.Fix;

/// <summary>What a command printed and how it ended. <see cref="ExitCode"/> is null when it was killed at its time limit.</summary>
/// <see cref="Cut"/>: the output passed the target's cap and the rest was dropped.
public sealed record CommandResult(int? ExitCode, byte[] StdoutBytes, string Stderr, bool TimedOut, bool Cut = false)
{
    public string Stdout => System.Text.Encoding.UTF8.GetString(StdoutBytes);
    public bool Ok => !TimedOut && ExitCode == 0;
    /// <summary>One line for a journal or a message: exit status and the start of stderr, cleaned.</summary>
    public string Summary =>
        (TimedOut ? "timed out" : $"exit {ExitCode}") + (Stderr.Trim().Length == 0 ? "" : ": " + TerminalText.Clean(Cap(Stderr.Trim(), 400)));

    private static string Cap(string s, int n) => s.Length <= n ? s : s[..n] + "…";
}

/// <summary>
/// The machine a fix runs on. Every command is an argument vector with a time limit (target text is
/// never put into a shell string); files are read and replaced whole, as bytes. <see cref="LocalTarget"/>
/// is this machine; <see cref="PrefixTarget"/> runs through a fixed command prefix (nsenter into a test
/// host); <see cref="SshTarget"/> is a host over the fleet's SSH transport (each word quoted for its shell).
/// </summary>
public interface ITarget
{
    string Name { get; }
    CommandResult Run(IReadOnlyList<string> argv, TimeSpan timeout, IReadOnlyDictionary<string, string>? env = null, byte[]? stdin = null);
    /// <summary>The file's bytes, or null when it does not exist. Throws <see cref="IOException"/> when it cannot be read.</summary>
    byte[]? ReadFile(string path);
    /// <summary>Replaces the file's content (a new file renamed over it, mode kept). Throws <see cref="IOException"/> on failure.</summary>
    void WriteFile(string path, byte[] content);
    /// <summary>Where a remote target is ([user@]host[:port]), written into the journal so --undo reaches it again; null for this machine.</summary>
    string? Remote => null;
}
