using System.Text.RegularExpressions;

namespace MtaAudit.Remediation;

/// <summary>
/// HP-UX /etc/rc.config.d/mailservs: the guide's <c>SENDMAIL_SERVER=0</c>. The file is sourced by sh and
/// the last assignment wins, so every live assignment whose value is not 0 gets its value (only the value,
/// inside its quotes) replaced by 0; <c>export</c>, spacing, quotes and a trailing comment stay. Comment
/// lines are left alone. A file that never sets it does not start Sendmail (see HpuxMailservsParser): nothing to do.
/// </summary>
public sealed partial class HpuxMailservsEdit : LineEdit
{
    public const string DefaultPath = "/etc/rc.config.d/mailservs";
    public static readonly HpuxMailservsEdit Instance = new();

    public override string Id => "hpux-mailservs-sendmail-server";
    public override string BeforeState => "SENDMAIL_SERVER=1";
    public override string AfterState => "SENDMAIL_SERVER=0";

    public override Localized Describe(string path) =>
        Glossary.Say("fix.hpux-mailservs", ("path", path), ("setting", "SENDMAIL_SERVER=0"));

    protected override string? Edit(string line)
    {
        var (body, end) = SplitEnd(line);
        var m = Assignment().Match(body);
        if (!m.Success || m.Groups["value"].Value == "0") return null;
        var v = m.Groups["value"];
        return body[..v.Index] + "0" + body[(v.Index + v.Length)..] + end;
    }

    // As HpuxMailservsParser reads it: [export] SENDMAIL_SERVER=["']value["'] [; …|# …].
    [GeneratedRegex("""^\s*(export\s+)?SENDMAIL_SERVER=(?<q>["']?)(?<value>[^"'\s#;]*)\k<q>\s*(;.*|#.*)?$""")]
    private static partial Regex Assignment();
}
