using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Parse.Binaries;

/// <summary>
/// <c>mta.binaries</c>: <c>ls -l</c> of the candidate MTA binaries. A long-listing line says the
/// path exists (and, for a symlink, what it points to, kept as printed: "exim4",
/// "../../usr/sbin/sendmail", "/etc/alternatives/mta"); ls's complaint says it does not.
/// Reads GNU ls (month-day and ISO time styles), Solaris, AIX and HP-UX ls, and the missing-file
/// messages of each ("ls: cannot access '/p': No such file or directory", "ls: /p: No such file
/// or directory", AIX "ls: 0653-341 The file /p does not exist.", HP-UX "/p not found").
/// </summary>
public sealed partial class LsBinariesParser : IProbeParser
{
    public const string Probe = "mta.binaries";
    public IReadOnlyList<string> Probes { get; } = [Probe];

    public void Apply(EvidenceSection section, HostFacts facts) => facts.Binaries.AddRange(Parse(section.Text));

    // mode links owner [group] size date path [-> target]; the date in any common style.
    [GeneratedRegex(@"^\s*[-lbcdpsDn][rwxsStTlL-]{9}[.+@*]?\s+\d+\s+\S+\s+(?:\S+\s+)?\d+(?:,\s*\d+)?\s+" +
                    @"(?:[^\s\d]{3,5}\s+\d{1,2}\s+(?:\d{4}|\d{1,2}:\d{2})" +          // Jan 12  2020 | Jan 12 10:30
                    @"|\d{1,2}\s+[^\s\d]{3,5}\s+(?:\d{4}|\d{1,2}:\d{2})" +            // 12 Jan 2020
                    @"|\d{4}-\d{2}-\d{2}(?:\s+\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s+[+-]\d{4})?)?" + // ISO styles
                    @"|\d{9,11})" +                                                     // +%s
                    @"\s+(?<path>.+?)(?:\s+->\s+(?<target>.*?))?\s*$")]
    private static partial Regex LongListing();

    [GeneratedRegex(@"^\s*[-lbcdpsDn][rwxsStTlL-]{9}[.+@*]?\s")]
    private static partial Regex ModeStart();

    [GeneratedRegex(@"^\s*ls:\s+cannot access\s+(?:'(?<path>[^']+)'|(?<path>\S+?)):\s+No such file or directory\s*$")]
    private static partial Regex GnuMissing();

    [GeneratedRegex(@"^\s*(?:ls:\s+)?(?<path>/\S*?):\s+No such file or directory\s*$")]
    private static partial Regex UnixMissing();

    [GeneratedRegex(@"^\s*ls:\s+0653-341\s+The file\s+(?<path>\S+)\s+does not exist\.?\s*$")]
    private static partial Regex AixMissing();

    [GeneratedRegex(@"^\s*(?<path>/\S+)\s+not found\s*$")]
    private static partial Regex HpuxMissing();

    public static List<BinaryInfo> Parse(string text)
    {
        var list = new List<BinaryInfo>();
        int n = 0;
        foreach (var line in TextLines.Split(text))
        {
            if (++n > 100_000) break;
            var info = ReadLine(line);
            if (info is not null) list.Add(info);
        }
        return list;
    }

    private static BinaryInfo? ReadLine(string line)
    {
        if (line.Length > 4096) return null;
        string evidence = Evidence(line);
        if (ModeStart().IsMatch(line))
        {
            var m = LongListing().Match(line);
            if (m.Success)
            {
                var target = m.Groups["target"];
                return new BinaryInfo(m.Groups["path"].Value, true,
                    target.Success && target.Length > 0 ? target.Value : null, evidence);
            }
            // An unknown date style: fall back to the first absolute path on the line.
            return FromAbsolutePath(line, evidence);
        }
        foreach (var missing in new[] { GnuMissing(), AixMissing(), UnixMissing(), HpuxMissing() })
        {
            var m = missing.Match(line);
            if (m.Success) return new BinaryInfo(m.Groups["path"].Value, false, null, evidence);
        }
        return null;
    }

    private static BinaryInfo? FromAbsolutePath(string line, string evidence)
    {
        int start = line.IndexOf(" /", StringComparison.Ordinal);
        if (start < 0) return null;
        var rest = line[(start + 1)..];
        int arrow = rest.IndexOf(" -> ", StringComparison.Ordinal);
        string path = (arrow < 0 ? rest : rest[..arrow]).Trim();
        string? target = arrow < 0 ? null : rest[(arrow + 4)..].Trim();
        return path.Length == 0 ? null : new BinaryInfo(path, true, string.IsNullOrEmpty(target) ? null : target, evidence);
    }

    private static string Evidence(string line)
    {
        var t = line.Trim();
        return $"{Probe}: {(t.Length > 300 ? t[..300] + "…" : t)}";
    }
}
