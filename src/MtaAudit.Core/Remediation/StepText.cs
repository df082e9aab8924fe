namespace MtaAudit.Remediation;

/// <summary>How a step reads for people, in English and Korean: its command line, or its edit or advice.</summary>
public static class StepText
{
    /// <summary>The command or action alone: "systemctl stop postfix.service", "set SENDMAIL_SERVER=0 in …".</summary>
    public static Localized Action(RemediationStep step) => step switch
    {
        FileLineEdit f => f.Edit.Describe(f.Path),
        ManualStep m => m.Text,
        PackageUpdate u => Same(Line(u.Environment, u.UpdateCommand)),
        _ when step.Command is { } argv => Same(Line(null, argv)),
        _ => Same(step.Target),
    };

    /// <summary>A full sentence with the states: "stop postfix.service (active → stopped): systemctl stop postfix.service".</summary>
    public static Localized Describe(RemediationStep step)
    {
        var a = Action(step);
        var what = Glossary.Say(step.Kind switch
        {
            StepKind.ServiceStop => "step.stop",
            StepKind.ServiceDisable => "step.disable",
            StepKind.UnitMask => "step.mask",
            StepKind.FileLineEdit => "step.edit",
            StepKind.PackageUpdate => "step.update",
            StepKind.PackageRemoval => "step.remove",
            _ => "step.manual",
        }, ("target", step.Target));
        var states = step.Kind == StepKind.Manual || step.Before.Length == 0 ? Glossary.Same("")
            : Glossary.Say("step.states", ("before", State(step.Before)), ("after", State(step.After)));
        return Glossary.Say("step.line", ("what", what), ("states", states), ("action", a));
    }

    /// <summary>
    /// A step's state for people ("active" → 실행 중, "newer than 1.2" → 1.2보다 새 버전). The state strings
    /// themselves stay as the checks report them (the runner compares them); a version or a setting line
    /// (SENDMAIL_SERVER=0) reads the same in both languages.
    /// </summary>
    public static Localized State(string state)
    {
        const string newer = "newer than ", installed = "installed ";
        if (state.StartsWith(newer, StringComparison.Ordinal)) return Glossary.Say("state.newer-than", ("version", state[newer.Length..]));
        if (state.StartsWith(installed, StringComparison.Ordinal)) return Glossary.Say("state.installed", ("version", state[installed.Length..]));
        var code = "state." + state.Replace(' ', '-');
        return Glossary.Has(code) ? Glossary.Say(code) : Glossary.Same(state);
    }

    /// <summary>An argument vector as a person would type it, each word quoted only when it must be.</summary>
    public static string Line(IReadOnlyDictionary<string, string>? env, IReadOnlyList<string> argv)
    {
        var words = new List<string>();
        if (env is not null) words.AddRange(env.Select(kv => kv.Key + "=" + Quote(kv.Value)));
        words.AddRange(argv.Select(Quote));
        return TerminalText.Clean(string.Join(' ', words));
    }

    private static string Quote(string w) =>
        w.Length > 0 && w.All(c => char.IsAsciiLetterOrDigit(c) || "@%+=:,./_-".Contains(c)) ? w : "'" + w.Replace("'", "'\\''") + "'";

    private static Localized Same(string s) => Glossary.Same(s);
}
