using System.Globalization;
using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Parse.Packages;

namespace MtaAudit.Parse.Vendor;

/// <summary>
/// <c>pkg.repo-age</c>: <c>ls -l</c> of the package metadata directories (apt lists, dnf/yum/zypper
/// caches) with the host's clock in the section's <c>now=</c> attribute (UTC epoch). The age is
/// now minus the OLDEST security suite's Release/InRelease file (see <see cref="ReferenceMtime"/>), or
/// of the oldest repository directory of a dnf/yum/zypper cache. <c>--time-style=+%s</c> gives epoch times; plain
/// <c>ls -l</c> dates ("Nov 28 05:29", "Jan 30  2024", English month names) are read only when now=
/// is present, and are then the host's local time (a few hours of error at most, days are what count).
/// No now=, no times: null. Never negative (a clock behind the files reads as 0).
/// </summary>
public sealed class RepoAgeParser : IProbeParser
{
    public const string Probe = "pkg.repo-age";
    public IReadOnlyList<string> Probes { get; } = [Probe];

    public void Apply(EvidenceSection section, HostFacts facts)
    {
        long? now = section.Attributes.TryGetValue("now", out var s) &&
                    long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        var age = Parse(section.Text, now, section.Command);
        if (age is not null) facts.RepoAgeDays = facts.RepoAgeDays is { } old ? Math.Max(old, age.Value) : age;
    }

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Age in days of the oldest security metadata, or null when the listing or the clock does not tell.</summary>
    public static double? Parse(string text, long? now, string? command = null)
    {
        if (now is not { } nowEpoch || nowEpoch <= 0) return null;
        var newest = ReferenceMtime(text ?? "", nowEpoch, command);
        if (newest is not { } m) return null;
        return Math.Max(0, (nowEpoch - m) / 86400.0);
    }

    /// <summary>
    /// The mtime (UTC epoch) the metadata's age is measured from: apt's OLDEST security suite Release
    /// file (bookworm-security_InRelease; every Release file when no suite says "security"), or the
    /// OLDEST repository directory of a dnf/yum/zypper cache. The oldest, not the newest: a fresh
    /// main suite says nothing about a security list that stopped updating 200 days ago.
    /// </summary>
    public static long? NewestMtime(string text, long now, string? command = null) => ReferenceMtime(text, now, command);

    public static long? ReferenceMtime(string text, long now, string? command = null)
    {
        // A single directory has no "DIR:" heading: the command names it.
        string dir = command is not null && command.Contains("/var/lib/apt/lists", StringComparison.Ordinal) &&
                     !command.Contains("/var/cache/", StringComparison.Ordinal) ? "/var/lib/apt/lists" : "";
        long? oldestSecurity = null, oldestRelease = null, oldestRepoDir = null, newestAny = null;
        bool apt = false;
        int n = 0;
        foreach (var line in TextLines.Split(text))
        {
            if (++n > Words.MaxLines) break;
            if (line.Length > 4000) continue;
            var t = line.Trim();
            if (t.EndsWith(':') && t.StartsWith('/')) { dir = t[..^1]; continue; }
            var w = Words.Of(line);
            if (w.Length < 7 || !LooksLikeMode(w[0])) continue;
            if (!TryMtime(w, now, out long mtime, out string name)) continue;
            int arrow = name.IndexOf(" -> ", StringComparison.Ordinal); // a symlink: its own name counts
            if (arrow > 0) name = name[..arrow];
            bool isRelease = name is "Release" or "InRelease" ||
                             name.EndsWith("_Release", StringComparison.Ordinal) || name.EndsWith("_InRelease", StringComparison.Ordinal);
            if (isRelease)
            {
                oldestRelease = Min(oldestRelease, mtime);
                if (name.Contains("security", StringComparison.OrdinalIgnoreCase)) oldestSecurity = Min(oldestSecurity, mtime);
            }
            if (dir.Contains("/apt/", StringComparison.Ordinal) || isRelease) { apt |= isRelease || dir.Contains("/apt/", StringComparison.Ordinal); continue; }
            if (w[0][0] == 'd' && name is not ("." or ".." or "partial" or "auxfiles" or "packages" or "tmp")) oldestRepoDir = Min(oldestRepoDir, mtime);
            if (w[0][0] is '-' or 'd') newestAny = Max(newestAny, mtime);
        }
        if (apt && (oldestSecurity ?? oldestRelease) is { } a) return a;
        return oldestRepoDir ?? newestAny;
    }

    private static long? Min(long? a, long b) => a is { } x && x <= b ? x : b;

    private static long? Max(long? a, long b) => a is { } x && x >= b ? x : b;

    private static bool LooksLikeMode(string w)
    {
        if (w.Length < 10 || w[0] is not ('-' or 'd' or 'l')) return false;
        for (int i = 1; i < 10; i++)
            if (w[i] is not ('r' or 'w' or 'x' or '-' or 's' or 'S' or 't' or 'T')) return false;
        return true;
    }

    // "perms links owner group size EPOCH name" or "perms links owner group size Mon DD HH:MM|YYYY name".
    private static bool TryMtime(string[] w, long now, out long mtime, out string name)
    {
        mtime = 0;
        name = "";
        if (w[5].Length >= 9 && w[5].All(char.IsAsciiDigit) &&
            long.TryParse(w[5], NumberStyles.None, CultureInfo.InvariantCulture, out mtime))
        {
            name = string.Join(' ', w.Skip(6));
            return true;
        }
        if (w.Length < 9) return false;
        int month = Array.IndexOf(Months, w[5]) + 1;
        if (month == 0 || !int.TryParse(w[6], NumberStyles.None, CultureInfo.InvariantCulture, out int day) || day is < 1 or > 31)
            return false;
        name = string.Join(' ', w.Skip(8));
        var nowDate = DateTimeOffset.FromUnixTimeSeconds(Math.Min(now, 253402300799)).UtcDateTime;
        var yt = w[7];
        if (yt.Length == 4 && int.TryParse(yt, NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year is >= 1970 and <= 9999)
            return TryEpoch(year, month, day, 0, 0, out mtime);
        if (yt.Length == 5 && yt[2] == ':' &&
            int.TryParse(yt.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int hh) &&
            int.TryParse(yt.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int mm) && hh < 24 && mm < 60)
        {
            // ls prints a time instead of a year for the last six months: this year, or last year
            // when this year's date would lie more than a day ahead of now.
            if (!TryEpoch(nowDate.Year, month, day, hh, mm, out mtime)) return false;
            if (mtime > now + 86400) return TryEpoch(nowDate.Year - 1, month, day, hh, mm, out mtime);
            return true;
        }
        return false;
    }

    private static bool TryEpoch(int year, int month, int day, int hh, int mm, out long epoch)
    {
        epoch = 0;
        if (year < 1970 || day > DateTime.DaysInMonth(year, month)) return false;
        epoch = new DateTimeOffset(year, month, day, hh, mm, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        return true;
    }
}
