namespace MtaAudit.Cli;

/// <summary>
/// Secrets for a fleet scan: from an environment variable or a prompt on the terminal without echo,
/// never from the command line (argv is visible to every user of the machine).
/// </summary>
internal static class SecretInput
{
    /// <summary>The variable's value, else the prompt's answer when asked for, else null. Throws InvalidOperationException without a terminal.</summary>
    public static string? Get(string variable, bool prompt, string what)
    {
        var env = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(env)) return env;
        if (!prompt) return null;
        if (Console.IsInputRedirected)
            throw new InvalidOperationException($"cannot ask for the {what}: standard input is not a terminal; set {variable} instead");
        Console.Error.Write($"{what}: ");
        var chars = new List<char>();
        while (true)
        {
            var k = Console.ReadKey(intercept: true);
            if (k.Key == ConsoleKey.Enter) break;
            if (k.Key == ConsoleKey.Backspace) { if (chars.Count > 0) chars.RemoveAt(chars.Count - 1); continue; }
            if (!char.IsControl(k.KeyChar)) chars.Add(k.KeyChar);
        }
        Console.Error.WriteLine();
        return new string(chars.ToArray());
    }
}
