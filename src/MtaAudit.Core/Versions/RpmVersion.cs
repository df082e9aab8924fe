namespace MtaAudit.Versions;

/// <summary>
/// An RPM EVR <c>[epoch:]version[-release]</c> (<c>2:3.5.8-8.el8</c>, <c>0:4.96-15</c>, <c>8.15.2-19.el8</c>),
/// ordered as rpm orders it: epochs first, then <see cref="VerCmp"/> on version, then on release.
/// Mirrors rpm 4.15+ (rpmio/rpmver.c rpmverParse/rpmverCmp, as behind the Lua <c>rpm.vercmp</c>, and
/// rpmvercmp.c): a missing epoch is 0, a missing release sorts before any release.
/// Used for vendor packages, never for upstream ranges.
/// </summary>
public sealed class RpmVersion : IComparable<RpmVersion>
{
    private RpmVersion(string? epoch, string version, string? release, string text)
    {
        Epoch = epoch;
        Version = version;
        Release = release;
        Text = text;
    }

    /// <summary>The epoch digits as written; null when absent (compared as 0).</summary>
    public string? Epoch { get; }
    public string Version { get; }
    /// <summary>The release after the last '-', null when absent.</summary>
    public string? Release { get; }
    public string Text { get; }

    /// <summary>Splits an EVR as rpmverParse does (leading digits then ':' are the epoch; the last '-' starts the release). Never throws.</summary>
    public static bool TryParse(string? s, out RpmVersion version)
    {
        version = null!;
        if (s is null) return false;
        s = s.Trim();
        if (s.Length is 0 or > 256) return false;
        foreach (var ch in s)
            if (char.IsWhiteSpace(ch) || char.IsControl(ch)) return false;

        int d = 0;
        while (d < s.Length && char.IsAsciiDigit(s[d])) d++;
        int hyphen = s.LastIndexOf('-');
        if (hyphen < d) hyphen = -1; // rpm searches for '-' only after the epoch digits

        string? epoch = null;
        int vStart = 0;
        if (d < s.Length && s[d] == ':')
        {
            epoch = d == 0 ? "0" : s[..d];
            vStart = d + 1;
        }
        string ver;
        string? rel;
        if (hyphen >= 0)
        {
            ver = s[vStart..hyphen];
            rel = s[(hyphen + 1)..];
        }
        else
        {
            ver = s[vStart..];
            rel = null;
        }
        if (ver.Length == 0) return false; // rpm would compare an empty version; a package never has one
        version = new RpmVersion(epoch, ver, rel, s);
        return true;
    }

    public static RpmVersion Parse(string s) =>
        TryParse(s, out var v) ? v : throw new FormatException($"'{s}' is not an RPM version");

    /// <summary>-1, 0 or 1 as rpm's rpmverCmp.</summary>
    public static int Compare(RpmVersion a, RpmVersion b)
    {
        int rc = VerCmp(a.Epoch ?? "0", b.Epoch ?? "0");
        if (rc != 0) return rc;
        rc = VerCmp(a.Version, b.Version);
        if (rc != 0) return rc;
        // rpmverCmp's compare_values: a missing release sorts before any release.
        if (a.Release is null || b.Release is null)
            return a.Release is null ? (b.Release is null ? 0 : -1) : 1;
        return VerCmp(a.Release, b.Release);
    }

    /// <summary>Compares two EVR strings; throws <see cref="FormatException"/> when one cannot be parsed.</summary>
    public static int Compare(string a, string b) => Compare(Parse(a), Parse(b));

    public int CompareTo(RpmVersion? other) => other is null ? 1 : Compare(this, other);

    /// <summary>
    /// rpmvercmp: alternate numeric and alphabetic segments, separators ignored; numbers compare
    /// numerically and beat letters; '~' sorts before anything (even the end), '^' after the end but before
    /// anything else. Returns -1, 0 or 1.
    /// </summary>
    public static int VerCmp(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal)) return 0;
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            while (i < a.Length && !IsAlnum(a[i]) && a[i] != '~' && a[i] != '^') i++;
            while (j < b.Length && !IsAlnum(b[j]) && b[j] != '~' && b[j] != '^') j++;

            char ca = i < a.Length ? a[i] : '\0', cb = j < b.Length ? b[j] : '\0';
            if (ca == '~' || cb == '~')
            {
                if (ca != '~') return 1;
                if (cb != '~') return -1;
                i++; j++;
                continue;
            }
            if (ca == '^' || cb == '^')
            {
                if (ca == '\0') return -1;
                if (cb == '\0') return 1;
                if (ca != '^') return 1;
                if (cb != '^') return -1;
                i++; j++;
                continue;
            }
            if (ca == '\0' || cb == '\0') break;

            int si = i, sj = j;
            bool isNum = char.IsAsciiDigit(ca);
            if (isNum)
            {
                while (i < a.Length && char.IsAsciiDigit(a[i])) i++;
                while (j < b.Length && char.IsAsciiDigit(b[j])) j++;
            }
            else
            {
                while (i < a.Length && char.IsAsciiLetter(a[i])) i++;
                while (j < b.Length && char.IsAsciiLetter(b[j])) j++;
            }
            // Segments of different kinds: the numeric one is newer.
            if (sj == j) return isNum ? 1 : -1;

            var segA = a.AsSpan(si, i - si);
            var segB = b.AsSpan(sj, j - sj);
            if (isNum)
            {
                segA = segA.TrimStart('0');
                segB = segB.TrimStart('0');
                if (segA.Length != segB.Length) return segA.Length > segB.Length ? 1 : -1;
            }
            int rc = segA.SequenceCompareTo(segB); // strcmp on ASCII: ordinal
            if (rc != 0) return rc < 0 ? -1 : 1;
        }
        if (i >= a.Length && j >= b.Length) return 0;
        return i >= a.Length ? -1 : 1;
    }

    private static bool IsAlnum(char c) => char.IsAsciiLetterOrDigit(c);

    public static bool operator <(RpmVersion a, RpmVersion b) => Compare(a, b) < 0;
    public static bool operator >(RpmVersion a, RpmVersion b) => Compare(a, b) > 0;
    public static bool operator <=(RpmVersion a, RpmVersion b) => Compare(a, b) <= 0;
    public static bool operator >=(RpmVersion a, RpmVersion b) => Compare(a, b) >= 0;

    public override string ToString() => Text;
}
