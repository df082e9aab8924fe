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
        var (en, ko) = step.Kind switch
        {
            StepKind.ServiceStop => ($"stop {step.Target}", $"{step.Target} 중지"),
            StepKind.ServiceDisable => ($"disable {step.Target} at boot", $"{step.Target} 부팅 시 시작 해제"),
            StepKind.UnitMask => ($"mask {step.Target}", $"{step.Target} 마스크"),
            StepKind.FileLineEdit => ($"edit {step.Target}", $"{step.Target} 수정"),
            StepKind.PackageUpdate => ($"update {step.Target}", $"{step.Target} 업데이트"),
            StepKind.PackageRemoval => ($"if it is not needed at all, remove {step.Target} (not done by --apply)", $"전혀 필요 없으면 {step.Target} 제거 (--apply 로 실행하지 않음)"),
            _ => ("by hand", "수동 조치"),
        };
        if (step.Kind == StepKind.Manual) return new($"{en}: {a.En}", $"{ko}: {a.Ko}");
        var states = step.Before.Length == 0 ? "" : $" ({step.Before} → {step.After})";
        return new($"{en}{states}: {a.En}", $"{ko}{states}: {a.Ko}");
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

    private static Localized Same(string s) => new(s, s);
}
