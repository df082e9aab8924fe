using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Parse;

/// <summary>
/// Fixtures that hold several commands, each introduced by a line "$ command" (the captures made on
/// the helper's Debian 12 machine): the output of exactly one of them.
/// </summary>
internal static class HostFixtureCommands
{
    public static string Of(string relative, string command)
    {
        var lines = Fixture.Output(relative).Split('\n');
        int start = Array.IndexOf(lines, "$ " + command);
        if (start < 0) throw new InvalidOperationException($"'$ {command}' not found in {relative}");
        var body = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("$ ", StringComparison.Ordinal));
        return string.Join('\n', body) + "\n";
    }

    /// <summary>Lines of a sample file (prompts and blank lines included), for files holding one sample per line.</summary>
    public static string[] Lines(string relative) => Fixture.Output(relative).Split('\n');
}
