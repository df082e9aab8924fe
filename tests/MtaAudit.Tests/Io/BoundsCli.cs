using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Io;

/// <summary>
/// The CLI run on crafted input for the bounds tests: no agent, no keys, a password from the environment (so a
/// scan gets past its credential check to the input), a home and data directory of the test's own, and 20 s to
/// end (a hang detector, not a speed assertion).
/// </summary>
internal static class BoundsCli
{
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(20);

    public static (int Code, string Stdout, string Stderr) Run(string dir, IReadOnlyList<string> args) =>
        CliBinary.Run(args, new Dictionary<string, string?>
        {
            ["SSH_AUTH_SOCK"] = null, ["HOME"] = dir, ["MTA_AUDIT_SSH_PASSWORD"] = "not-used",
            ["MTA_AUDIT_DATA_DIR"] = Path.Combine(dir, "data"),
        }, timeout: HangLimit);

    /// <summary>Exactly one error line, "mta-audit: ...", holding every one of <paramref name="parts"/>.</summary>
    public static void OneLineNaming(string stderr, params string[] parts)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, stderr);
        Assert.StartsWith("mta-audit: ", lines[0], StringComparison.Ordinal);
        foreach (var p in parts) Assert.Contains(p, lines[0], StringComparison.Ordinal);
    }
}
