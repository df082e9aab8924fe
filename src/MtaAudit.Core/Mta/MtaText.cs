using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Mta;

/// <summary>
/// Shared reading of processes, service names and version sections for the MTA definitions.
/// Not part of the <see cref="IMtaDefinition"/> contract; a helper the definitions compose.
/// </summary>
internal static class MtaText
{
    /// <summary>A process command line split into its program path, the path's last part, and the rest.</summary>
    public readonly record struct Command(string Path, string Name, string Args, bool ProcTitle);

    /// <summary>
    /// Splits <see cref="ProcessInfo.Args"/>. Tolerates ps forest prefixes ("\_ pickup"), and marks
    /// a proctitle ("sendmail: accepting connections", "smtpd: pony express"): a program word that
    /// ends in ':' is a title the process set, not a path.
    /// </summary>
    public static Command Split(string args)
    {
        var s = args.AsSpan().TrimStart();
        while (s.StartsWith("\\_") || s.StartsWith("|") || s.StartsWith("`-") || s.StartsWith("|-"))
            s = s[(s.StartsWith("\\_") || s.StartsWith("`-") || s.StartsWith("|-") ? 2 : 1)..].TrimStart();
        int sp = s.IndexOfAny(' ', '\t');
        var first = (sp < 0 ? s : s[..sp]).ToString();
        var rest = sp < 0 ? "" : s[(sp + 1)..].Trim().ToString();
        bool title = first.EndsWith(':');
        if (title) first = first[..^1];
        int slash = first.LastIndexOf('/');
        var name = slash >= 0 ? first[(slash + 1)..] : first;
        return new Command(first, name, rest, title);
    }

    /// <summary>The words of the arguments, for flag checks like -bd or -q30m.</summary>
    public static string[] Flags(string args) => args.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A queue-run interval flag: -q30m, -q1h, -q15m, -qp1m (persistent), -q (once is not a daemon).</summary>
    public static bool IsQueueInterval(string flag) =>
        flag.Length > 2 && flag.StartsWith("-q", StringComparison.Ordinal) &&
        (char.IsAsciiDigit(flag[2]) || (flag[2] == 'p' && (flag.Length == 3 || char.IsAsciiDigit(flag[3]))));

    /// <summary>
    /// A service name without the decorations managers add: ".service" of systemd, "svc:/" and
    /// "lrc:/" of SMF, and case, so one list of names serves every manager.
    /// </summary>
    public static string ServiceKey(string name)
    {
        var s = name.Trim();
        if (s.EndsWith(".service", StringComparison.OrdinalIgnoreCase)) s = s[..^".service".Length];
        if (s.StartsWith("svc:/", StringComparison.OrdinalIgnoreCase)) s = s[5..];
        else if (s.StartsWith("lrc:/", StringComparison.OrdinalIgnoreCase)) s = s[5..];
        return s.ToLowerInvariant();
    }

    /// <summary>A socket's program name as ss/netstat show it ("master", "451/sendmail: accep") reduced to the program.</summary>
    public static string SocketProgram(string processName)
    {
        var s = processName.Trim();
        int slash = s.IndexOf('/');
        if (slash >= 0 && s[..slash].All(char.IsAsciiDigit)) s = s[(slash + 1)..];
        int end = s.IndexOfAny([':', ' ']);
        if (end >= 0) s = s[..end];
        return s.Trim('"');
    }

    /// <summary>
    /// The reading for sections whose outcome alone decides (absent) or qualifies (timeout).
    /// Returns null when the content must be read.
    /// </summary>
    public static VersionReading? FromOutcome(string mta, EvidenceSection section) => section.Outcome switch
    {
        ProbeOutcome.Absent when section.Attributes.TryGetValue("unsafe", out var why) =>
            new VersionReading(mta, section.Path, VersionOutcome.Unreadable, null, null, $"{section}: not run: {why}"),
        ProbeOutcome.Absent => new VersionReading(mta, section.Path, VersionOutcome.Absent, null, null, $"{section}: the program is not on the host"),
        ProbeOutcome.Skipped => new VersionReading(mta, section.Path, VersionOutcome.Unreadable, null, null, $"{section}: skipped (MTA_AUDIT_SKIP)"),
        _ => null,
    };

    /// <summary>
    /// Builds the final reading. A timed-out section stays <see cref="VersionOutcome.Timeout"/>
    /// even when a version line got out before the kill: the evidence is partial, the analyzer
    /// decides what to trust, and the version read is still passed along.
    /// </summary>
    public static VersionReading Reading(string mta, EvidenceSection section, VersionOutcome outcome,
        string? versionText, string? version, string? line, string? wrapperOf = null)
    {
        if (section.Outcome == ProbeOutcome.Timeout) outcome = VersionOutcome.Timeout;
        string evidence = line is null ? $"{section}" : $"{section}: {Cap(line.Trim())}";
        return new VersionReading(mta, section.Path, outcome, versionText, version, evidence, wrapperOf);
    }

    /// <summary>
    /// Runs an MTA's version parser: the section's outcome first (absent), then <paramref name="parse"/>;
    /// an exception becomes an Unreadable reading that names it, so one odd output never costs the host.
    /// </summary>
    public static VersionReading Guarded(string mta, EvidenceSection section, Func<VersionReading> parse)
    {
        try
        {
            return FromOutcome(mta, section) ?? parse();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new VersionReading(mta, section.Path, VersionOutcome.Unreadable, null, null, $"{section}: {e.GetType().Name}");
        }
    }

    /// <summary>No version in the output: the reading names its first non-blank line (or <paramref name="line"/>).</summary>
    public static VersionReading Unreadable(string mta, EvidenceSection section, string? line = null) =>
        Reading(mta, section, VersionOutcome.Unreadable, null, null, line ?? Lines(section).FirstOrDefault(l => l.Trim().Length > 0));

    /// <summary>
    /// Ports a mail transfer agent listens on: SMTP, submissions, submission, the 2525 alternative, LMTP,
    /// and the loopback re-injection ports of content filters. A "master" on 143/993 is Cyrus IMAP, not Postfix.
    /// </summary>
    public static readonly IReadOnlySet<int> MailPorts = new HashSet<int> { 25, 465, 587, 2525, 24, 10025, 10026 };

    /// <summary>True when ps's user column (which ps cuts to 8 characters with a '+') is one of <paramref name="users"/>; unknown users count.</summary>
    public static bool UserIs(string? psUser, IReadOnlyList<string> users)
    {
        if (string.IsNullOrEmpty(psUser) || psUser == "?") return true;
        if (psUser.All(char.IsAsciiDigit)) return true; // a bare uid: the name is not known here
        foreach (var u in users)
        {
            if (string.Equals(u, psUser, StringComparison.Ordinal)) return true;
            if (psUser.EndsWith('+') && u.StartsWith(psUser[..^1], StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>Keeps a normalized version only when it parses as an upstream version: no guessing.</summary>
    public static string? Checked(string? candidate) =>
        candidate is not null && Versions.UpstreamVersion.TryParse(candidate, out var v) ? v.Text : null;

    public static string Cap(string s) => s.Length > 300 ? s[..300] + "…" : s;

    /// <summary>Lines of a section, capped so that a huge output cannot stall the parse.</summary>
    public static IEnumerable<string> Lines(EvidenceSection section) => section.Lines.Take(50_000);
}
