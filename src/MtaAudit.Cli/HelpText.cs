using System.CommandLine;

namespace MtaAudit.Cli;

/// <summary>
/// Words --help from the glossary (help.cmd.NAME, help.opt.--NAME, help.arg.COMMAND.NAME) in the
/// user's language: Korean when --lang ko is given or the locale is Korean. A command or option without
/// an entry keeps its own English description, so adding one never breaks help.
/// </summary>
public static class HelpText
{
    public static Lang Of(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--lang" && i + 1 < args.Length) return args[i + 1] == "ko" ? Lang.Ko : Lang.En;
            if (args[i].StartsWith("--lang=", StringComparison.Ordinal)) return args[i][7..] == "ko" ? Lang.Ko : Lang.En;
        }
        return ReportOptions.LocaleIsKorean() ? Lang.Ko : Lang.En;
    }

    public static void Localize(Command command, Lang lang, bool root = true)
    {
        if (Word(root ? "help.cmd.root" : "help.cmd." + command.Name, lang) is { } d) command.Description = d;
        foreach (var o in command.Options)
            if (Word("help.opt." + o.Name, lang) is { } od) o.Description = od;
        foreach (var a in command.Arguments)
            if (Word($"help.arg.{command.Name}.{a.Name}", lang) is { } ad) a.Description = ad;
        foreach (var c in command.Subcommands) Localize(c, lang, root: false);
    }

    /// <summary>A CLI message in the user's language.</summary>
    public static string Say(string code, Lang lang, params (string, string)[] args) => Glossary.Word(code, lang, args);

    private static string? Word(string code, Lang lang) => Glossary.Has(code) ? Glossary.Word(code, lang) : null;
}
