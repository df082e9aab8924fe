using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Parse;

namespace MtaAudit.Services;

/// <summary>
/// <c>svc.sysv</c>: SysV init boot switches and script status, from any of
/// <list type="bullet">
/// <item><c>chkconfig --list</c>: "postfix  0:off 1:off 2:on 3:on 4:on 5:on 6:off". The "xinetd based
/// services:" sub-list that follows on RHEL 5/6 is skipped (those are inetd switches, not boot scripts).</item>
/// <item><c>ls -l /etc/rc?.d</c>, <c>/etc/rc.d/rc?.d</c> (RHEL), <c>/sbin/rc?.d</c> (HP-UX): links
/// "S80postfix -> ../init.d/postfix". The run level comes from the "DIR:" line ls prints before each
/// directory, or, for a single directory, from the command or path the caller passes.</item>
/// <item><c>service NAME status</c> of RHEL-style init scripts: "sendmail (pid  538) is running...",
/// "master is stopped" (Postfix's script names its master). These give Running, not Enabled.</item>
/// </list>
/// Enabled is true when the service starts in a boot run level: 2 (Debian, Solaris, AIX, HP-UX default
/// levels start there), 3, 5, or S (Debian's early-boot rcS.d); false when it appears only with K links or
/// with S links in other levels (rc1 single user, rc0/rc6 halt). Run level 4 is unused by default everywhere.
/// Running is null for the boot switches.
/// </summary>
public sealed partial class SysvParser : IProbeParser
{
    public const string Manager = "sysv";
    public IReadOnlyList<string> Probes { get; } = ["svc.sysv"];

    private static readonly HashSet<char> BootLevels = ['2', '3', '5', 'S'];

    public void Apply(EvidenceSection section, HostFacts facts) =>
        facts.Services.AddRange(Parse(section.Text, section.Path ?? section.Command));

    public static List<ServiceRecord> Parse(string text) => Parse(text, null);

    /// <param name="directoryHint">Command or path naming a single rcN.d directory, used when the listing has no "DIR:" line.</param>
    public static List<ServiceRecord> Parse(string text, string? directoryHint)
    {
        var records = new List<ServiceRecord>();
        var links = new Dictionary<string, LinkSet>(StringComparer.Ordinal);
        var order = new List<string>();
        char? level = directoryHint is null ? null : SingleLevel(directoryHint);
        bool inXinetd = false;

        foreach (var raw in TextLines.Split(text ?? ""))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith("xinetd based services", StringComparison.Ordinal)) { inXinetd = true; continue; }
            var w = ServiceText.Words(line);

            if (ChkconfigRow(w, line) is { } chk)
            {
                inXinetd = false;
                records.Add(chk);
                continue;
            }
            if (inXinetd) continue;

            if (StatusRow(line) is { } status)
            {
                records.Add(status);
                continue;
            }

            var dir = line.EndsWith(':') ? DirectoryLine().Match(line) : Match.Empty;
            if (dir.Success) { level = dir.Groups["level"].Value[0]; continue; }

            foreach (var (name, target) in LinksOf(w))
            {
                // LinkName needs S or K, then an ASCII digit: most words of a listing are neither.
                if (name.Length < 3 || name[0] is not ('S' or 'K') || !char.IsAsciiDigit(name[1])) continue;
                if (!TryLinkName(name, out var kind, out var svc)) continue;
                // The script the link runs names the service best ("../init.d/postfix"); else strip "S80".
                var service = target is null ? svc : Path.GetFileName(target.TrimEnd('/'));
                if (service.Length == 0) service = svc;
                if (!links.TryGetValue(service, out var set))
                {
                    links[service] = set = new LinkSet();
                    order.Add(service);
                }
                set.Add(kind, level, level is null ? name : $"rc{level}.d/{name}");
            }
        }

        foreach (var service in order)
        {
            var set = links[service];
            records.Add(new ServiceRecord(Manager, service, null, set.Enabled, set.State, string.Join(", ", set.Evidence)));
        }
        return records;
    }

    /// <summary>"postfix 0:off 1:off 2:on …" → Enabled from levels 2, 3, 5.</summary>
    private static ServiceRecord? ChkconfigRow(string[] w, string line)
    {
        if (w.Length < 3) return null;
        bool? enabled = null;
        int levels = 0;
        for (int i = 1; i < w.Length; i++)
        {
            // What ChkconfigLevel matches is "N:on" or "N:off": an ls row's "1" or "root" fails here, without the regex.
            if (w[i].Length is not (4 or 5) || w[i][1] != ':') return null;
            var m = ChkconfigLevel().Match(w[i]);
            if (!m.Success) return null;
            levels++;
            if (!BootLevels.Contains(m.Groups["level"].Value[0])) continue;
            bool on = m.Groups["on"].Value == "on";
            enabled = enabled == true || on;
        }
        if (levels < 2) return null;
        var state = string.Join(' ', w.Skip(1));
        return new ServiceRecord(Manager, w[0], null, enabled, state, line);
    }

    /// <summary>"sendmail (pid  538) is running...", "master is stopped" (init-functions' status()).</summary>
    private static ServiceRecord? StatusRow(string line)
    {
        if (!line.EndsWith("...", StringComparison.Ordinal) && !line.EndsWith(" is stopped", StringComparison.Ordinal)) return null;
        var m = StatusLine().Match(line);
        if (!m.Success) return null;
        bool running = m.Groups["running"].Success;
        return new ServiceRecord(Manager, m.Groups["name"].Value, running, null, running ? "running" : "stopped", line);
    }

    /// <summary>Names in an ls line: "… S80postfix -> ../init.d/postfix", an ls -l file row, or plain ls columns.</summary>
    private static IEnumerable<(string Name, string? Target)> LinksOf(string[] w)
    {
        int arrow = Array.IndexOf(w, "->");
        if (arrow > 0)
        {
            yield return (w[arrow - 1], arrow + 1 < w.Length ? w[arrow + 1] : null);
            yield break;
        }
        if (w.Length >= 8 && PermissionString().IsMatch(w[0]))
        {
            yield return (w[^1], null); // a plain file (Solaris 10 keeps real scripts in /etc/rc2.d)
            yield break;
        }
        foreach (var word in w) yield return (word, null);
    }

    /// <summary>
    /// <see cref="LinkName"/>'s match: S or K, 1 to 4 digits, then the service. Read by hand when the name is ASCII
    /// (there \w is [A-Za-z0-9_]); any other name goes to the regex itself.
    /// </summary>
    private static bool TryLinkName(string name, out char kind, out string svc)
    {
        kind = '\0';
        svc = "";
        if (!System.Text.Ascii.IsValid(name))
        {
            var m = LinkName().Match(name);
            if (!m.Success) return false;
            kind = m.Groups["kind"].Value[0];
            svc = m.Groups["svc"].Value;
            return true;
        }
        if (name.Length < 3 || name[0] is not ('S' or 'K')) return false;
        int d = 1;
        while (d < name.Length && char.IsAsciiDigit(name[d])) d++;
        if (d - 1 is < 1 or > 4 || d >= name.Length || !char.IsAsciiLetter(name[d])) return false;
        for (int k = d + 1; k < name.Length; k++)
            if (!char.IsAsciiLetterOrDigit(name[k]) && name[k] is not ('_' or '.' or '@' or '+' or '-')) return false;
        kind = name[0];
        svc = name[d..];
        return true;
    }

    private static char? SingleLevel(string hint)
    {
        if (hint.Length > 4096) return null; // a command or a path, not a document
        var ms = LevelInText().Matches(hint);
        return ms.Count == 1 ? ms[0].Groups["level"].Value[0] : null;
    }

    private sealed class LinkSet
    {
        private readonly SortedSet<char> _start = [];
        private readonly SortedSet<char> _kill = [];
        private bool _startUnknownLevel;
        public List<string> Evidence { get; } = [];

        public void Add(char kind, char? level, string evidence)
        {
            Evidence.Add(evidence);
            if (kind == 'S')
            {
                if (level is { } l) _start.Add(l);
                else _startUnknownLevel = true;
            }
            else if (level is { } l) _kill.Add(l);
        }

        /// <summary>Starts in a boot level → true; known levels only elsewhere or only K links → false; S links of unknown level → null.</summary>
        public bool? Enabled =>
            _start.Overlaps(BootLevels) ? true : _startUnknownLevel ? null : false;

        /// <summary>"S in rc2,rc3; K in rc0,rc1", "S in an unnamed rc directory": the parts there are, joined by "; ".</summary>
        public string State
        {
            get
            {
                var b = new System.Text.StringBuilder();
                void Levels(string what, SortedSet<char> levels)
                {
                    if (b.Length > 0) b.Append("; ");
                    b.Append(what);
                    bool first = true;
                    foreach (var l in levels) { b.Append(first ? "" : ",").Append("rc").Append(l); first = false; }
                }
                if (_start.Count > 0) Levels("S in ", _start);
                if (_startUnknownLevel) b.Append(b.Length > 0 ? "; " : "").Append("S in an unnamed rc directory");
                if (_kill.Count > 0) Levels("K in ", _kill);
                return b.ToString();
            }
        }
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z][\w.@+-]*) (?:(?<running>\(pid [\d ]+\) is running)\.\.\.|is stopped)$")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^(?<level>[0-6S]):(?<on>on|off)$")]
    private static partial Regex ChkconfigLevel();

    /// <summary>"/etc/rc2.d:", "/etc/rc.d/rc3.d:", "/sbin/rc2.d:".</summary>
    [GeneratedRegex(@"^\S*\brc(?<level>[0-6S])\.d/?:$")]
    private static partial Regex DirectoryLine();

    [GeneratedRegex(@"\brc(?<level>[0-6S])\.d\b")]
    private static partial Regex LevelInText();

    /// <summary>"S80postfix", "K01hwclock.sh", HP-UX "S540sendmail".</summary>
    [GeneratedRegex(@"^(?<kind>[SK])(?<seq>[0-9]{1,4})(?<svc>[A-Za-z][\w.@+-]*)$")]
    private static partial Regex LinkName();

    [GeneratedRegex(@"^[-lbcdps][-rwxsStT]{9}[.+@]?$")]
    private static partial Regex PermissionString();
}
