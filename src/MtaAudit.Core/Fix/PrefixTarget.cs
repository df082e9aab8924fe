namespace MtaAudit.Fix;

/// <summary>
/// A machine reached by running every command through a fixed prefix that passes its argument vector on
/// unchanged, e.g. <c>tests/hosts/exec.sh HOST</c> (nsenter into a booted test host). Environment
/// variables go through <c>env K=V</c>; files are read with <c>cat</c> and replaced by <c>sh -c</c> with the
/// path as a positional parameter, never inside the script text.
/// </summary>
public sealed class PrefixTarget(string name, IReadOnlyList<string> prefix) : ITarget
{
    public string Name => name;

    public CommandResult Run(IReadOnlyList<string> argv, TimeSpan timeout, IReadOnlyDictionary<string, string>? env = null, byte[]? stdin = null)
    {
        var full = new List<string>(prefix);
        if (env is { Count: > 0 })
        {
            full.Add("env");
            full.AddRange(env.Select(kv => kv.Key + "=" + kv.Value));
        }
        full.AddRange(argv);
        return ProcessRunner.Run(full, timeout, null, stdin);
    }

    private static readonly TimeSpan FileTimeout = TimeSpan.FromSeconds(60);

    public byte[]? ReadFile(string path)
    {
        var r = Run(["sh", "-c", "[ -e \"$1\" ] || exit 3; exec cat -- \"$1\"", "sh", path], FileTimeout);
        if (r.ExitCode == 3) return null;
        if (!r.Ok) throw new IOException($"{path}: cannot read: {r.Summary}");
        return r.StdoutBytes;
    }

    public void WriteFile(string path, byte[] content)
    {
        const string script = "n=\"$1.mta-audit-new\"; cat > \"$n\" && { chmod --reference=\"$1\" \"$n\" 2>/dev/null || :; } && sync && mv -f -- \"$n\" \"$1\" || { rm -f -- \"$n\"; exit 1; }";
        var r = Run(["sh", "-c", script, "sh", path], FileTimeout, null, content);
        if (!r.Ok) throw new IOException($"{path}: cannot write: {r.Summary}");
    }
}
