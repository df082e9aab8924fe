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
        // A command's own entry (help.opt.update.--from) before the shared one: the same option name may mean another thing there.
        foreach (var o in command.Options)
            if ((Word($"help.opt.{command.Name}.{o.Name}", lang) ?? Word("help.opt." + o.Name, lang)) is { } od) o.Description = od;
        foreach (var a in command.Arguments)
            if (Word($"help.arg.{command.Name}.{a.Name}", lang) is { } ad) a.Description = ad;
        foreach (var c in command.Subcommands) Localize(c, lang, root: false);
    }

    /// <summary>
    /// System.CommandLine's parse error in the user's language: its English message matched against the
    /// library's templates (cli.err.*, the English side is the library's own wording) and worded again.
    /// An unknown message stays as the library wrote it.
    /// </summary>
    public static string Error(string message, Lang lang)
    {
        if (lang == Lang.En) return message;
        foreach (var (code, pattern, order) in ErrorPatterns.Value)
        {
            var m = pattern.Match(message);
            if (!m.Success) continue;
            var args = order.Select((n, k) => (n, TypeName(m.Groups[k + 1].Value, lang))).ToArray();
            return Say(code, lang, args);
        }
        return message;
    }

    /// <summary>The library names the expected type by its .NET name (System.Int32): worded for people.</summary>
    private static string TypeName(string value, Lang lang) => value switch
    {
        "System.Int32" or "System.Int64" or "System.Int16" => Glossary.Word("cli.type.integer", lang),
        "System.Double" or "System.Decimal" or "System.Single" => Glossary.Word("cli.type.number", lang),
        _ => value,
    };

    private static readonly Lazy<List<(string Code, System.Text.RegularExpressions.Regex Pattern, string[] Order)>> ErrorPatterns = new(() =>
    {
        var list = new List<(string, System.Text.RegularExpressions.Regex, string[])>();
        foreach (var (code, _, en) in Glossary.All)
        {
            if (!code.StartsWith("cli.err.", StringComparison.Ordinal)) continue;
            var order = new List<string>();
            var rx = System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Escape(en), @"\\\{(\d)}", m =>
            {
                order.Add(m.Groups[1].Value);
                return "(.*?)";
            });
            list.Add((code, new System.Text.RegularExpressions.Regex("^" + rx + "$", System.Text.RegularExpressions.RegexOptions.Singleline), order.ToArray()));
        }
        return list;
    });

    /// <summary>
    /// System.CommandLine's help text with its own headings and marks in the user's language (the
    /// descriptions are already worded by <see cref="Localize"/>): "Usage:" → "사용법:", [options] → [옵션],
    /// [default: x] → [기본값: x], (REQUIRED) → (필수).
    /// </summary>
    public static string Help(string text, Lang lang)
    {
        if (lang == Lang.En) return text;
        var sb = new System.Text.StringBuilder(text.Length + 64);
        foreach (var line in text.Split('\n'))
        {
            var t = line.TrimEnd('\r');
            var code = "help.head." + t;
            if (Glossary.Has(code)) { sb.Append(Glossary.Word(code, lang)).Append('\n'); continue; }
            t = t.Replace("[command]", "[" + Glossary.Word("help.word.command", lang) + "]", StringComparison.Ordinal)
                 .Replace("[options]", "[" + Glossary.Word("help.word.options", lang) + "]", StringComparison.Ordinal)
                 .Replace("[default: ", "[" + Glossary.Word("help.word.default", lang) + ": ", StringComparison.Ordinal)
                 .Replace("(REQUIRED)", Padded("(" + Glossary.Word("help.word.required", lang) + ")", "(REQUIRED)".Length), StringComparison.Ordinal);
            sb.Append(t).Append('\n');
        }
        return sb.ToString(0, Math.Max(0, sb.Length - 1));
    }

    /// <summary>The word padded to the English mark's width, so the description column stays aligned (Hangul takes two columns).</summary>
    private static string Padded(string word, int width)
    {
        int w = word.Sum(c => c is >= '\uAC00' and <= '\uD7A3' ? 2 : 1);
        return word + new string(' ', Math.Max(0, width - w));
    }

    /// <summary>One error or notice line on stderr: "mta-audit: " and the sentence in the user's language, control characters stripped.</summary>
    public static void Complain(Localized message, Lang lang) =>
        Console.Error.WriteLine("mta-audit: " + TerminalText.Clean(message.Get(lang).ReplaceLineEndings(" ")));

    /// <summary>A CLI message in the user's language.</summary>
    public static string Say(string code, Lang lang, params (string, string)[] args) => Glossary.Word(code, lang, args);

    private static string? Word(string code, Lang lang) => Glossary.Has(code) ? Glossary.Word(code, lang) : null;
}
