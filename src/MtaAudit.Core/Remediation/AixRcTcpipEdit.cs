using System.Text.RegularExpressions;

namespace MtaAudit.Remediation;

/// <summary>
/// AIX /etc/rc.tcpip: the guide's "comment out the sendmail start line". Every live line
/// <c>start /usr/lib/sendmail "$src_running" "-bd -q${qpi}"</c> (any path ending in /sendmail, any
/// leading blanks) gets a '#' in front; the rest of the line stays as it was, so undoing it is
/// removing that one byte. Lines already commented (<c>#start</c>, <c># start</c>) are left alone.
/// </summary>
public sealed partial class AixRcTcpipEdit : LineEdit
{
    public const string DefaultPath = "/etc/rc.tcpip";
    public static readonly AixRcTcpipEdit Instance = new();

    public override string Id => "aix-rc-tcpip-sendmail";
    public override string BeforeState => "start line active";
    public override string AfterState => "start line commented out";

    public override Localized Describe(string path) =>
        Glossary.Say("fix.aix-comment-start", ("path", path), ("line", "#start /usr/lib/sendmail \"$src_running\" \"-bd -q${qpi}\""));

    protected override string? Edit(string line) => LiveStart().IsMatch(line) ? "#" + line : null;

    // Same shape as Services/AixRcTcpipParser's start line, live only, program sendmail.
    [GeneratedRegex(@"^\s*start\s+/(?:[^\s/]*/)*sendmail(?=\s|$)")]
    private static partial Regex LiveStart();
}
