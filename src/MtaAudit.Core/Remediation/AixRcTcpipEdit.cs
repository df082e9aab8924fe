namespace MtaAudit.Remediation;

/// <summary>
/// AIX /etc/rc.tcpip: the guide's "comment out the sendmail start line". Every live line that starts
/// Sendmail as the parser reads it (<c>start /usr/lib/sendmail "$src_running" "-bd -q${qpi}"</c>, any
/// leading blanks, and the other shapes of <see cref="Services.RcTcpipLine"/>) gets a '#' in front; the rest of the line stays as it was, so undoing it is
/// removing that one byte. Lines already commented (<c>#start</c>, <c># start</c>) are left alone.
/// </summary>
public sealed class AixRcTcpipEdit : LineEdit
{
    public const string DefaultPath = "/etc/rc.tcpip";
    public static readonly AixRcTcpipEdit Instance = new();

    public override string Id => "aix-rc-tcpip-sendmail";
    public override string BeforeState => "start line active";
    public override string AfterState => "start line commented out";

    public override Localized Describe(string path) =>
        Glossary.Say("fix.aix-comment-start", ("path", path), ("line", "#start /usr/lib/sendmail \"$src_running\" \"-bd -q${qpi}\""));

    // The parser's own reading of the line (Services/RcTcpipLine): what it reads as starting Sendmail, in any
    // shape (a start line, after && or in a one-line if, startsrc -s sendmail, a direct path), is commented out.
    protected override string? Edit(string line) => Services.RcTcpipLine.StartsActive(line, "sendmail") ? "#" + line : null;
}
