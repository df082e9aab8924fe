namespace MtaAudit.Cli;

/// <summary>
/// Secrets for a fleet scan: from an environment variable or a prompt on the terminal without echo,
/// never from the command line (argv is visible to every user of the machine).
/// </summary>
internal static class SecretInput
{
    /// <summary>
    /// The variable's value, else the prompt's answer when asked for, else null. <paramref name="what"/> is the
    /// glossary code of the secret's name (the prompt, in <paramref name="lang"/>). Throws <see cref="SecretInputException"/> without a terminal.
    /// </summary>
    public static string? Get(string variable, bool prompt, string what, Lang lang)
    {
        var env = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(env)) return env;
        if (!prompt) return null;
        if (Console.IsInputRedirected)
            throw new SecretInputException(Glossary.Say("secret.no-terminal", ("what", Glossary.Say(what)), ("variable", variable)));
        Console.Error.Write(Glossary.Word("secret.prompt", lang, ("what", Glossary.Word(what, lang))));
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

/// <summary>A secret was to be asked for, but there is no terminal to ask on.</summary>
internal sealed class SecretInputException(Localized said) : InvalidOperationException(said.En), ISaid
{
    public Localized Said => said;
}
