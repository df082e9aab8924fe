using System.Globalization;

namespace MtaAudit.Versions;

/// <summary>
/// A Debian package version <c>[epoch:]upstream[-revision]</c> (Debian Policy 5.6.12), ordered exactly as
/// <c>dpkg --compare-versions</c> orders it (dpkg's lib/dpkg/version.c verrevcmp):
/// '~' sorts before everything, even the end of the string; letters sort before non-letters;
/// digit runs compare numerically. Used for vendor packages (exim4 4.96-15+deb12u10), never for upstream ranges.
/// </summary>
public sealed class DebianVersion : IComparable<DebianVersion>
{
    private DebianVersion(long epoch, string upstream, string revision, string text)
    {
        Epoch = epoch;
        Upstream = upstream;
        Revision = revision;
        Text = text;
    }

    /// <summary>0 when absent.</summary>
    public long Epoch { get; }
    /// <summary>The upstream_version part, e.g. "4.96" of "4.96-15+deb12u10".</summary>
    public string Upstream { get; }
    /// <summary>The debian_revision, "" when absent (dpkg treats absent and "0" alike).</summary>
    public string Revision { get; }
    /// <summary>The version as given (trimmed).</summary>
    public string Text { get; }

    /// <summary>
    /// Parses like dpkg's parseversion and refuses what dpkg reports as an error or a syntax warning
    /// (so a value that parses here compares exactly as dpkg compares it). Never throws.
    /// </summary>
    public static bool TryParse(string? s, out DebianVersion version)
    {
        version = null!;
        if (s is null) return false;
        s = s.Trim();
        if (s.Length is 0 or > 256) return false;
        foreach (var ch in s)
            if (char.IsWhiteSpace(ch)) return false; // "version string has embedded spaces"

        long epoch = 0;
        string rest = s;
        int colon = s.IndexOf(':');
        if (colon >= 0)
        {
            // dpkg uses strtol, which would also take a sign; a package version never has one, so digits only.
            var e = s.AsSpan(0, colon);
            if (e.Length == 0 || !IsAllDigits(e)) return false;
            if (!long.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out epoch) || epoch > int.MaxValue) return false;
            rest = s[(colon + 1)..];
            if (rest.Length == 0) return false; // "nothing after colon in version number"
        }

        string upstream = rest, revision = "";
        int hyphen = rest.LastIndexOf('-');
        if (hyphen >= 0)
        {
            upstream = rest[..hyphen];
            revision = rest[(hyphen + 1)..];
            if (revision.Length == 0) return false; // "revision number is empty"
        }
        if (upstream.Length == 0) return false; // "version number is empty"
        if (!char.IsAsciiDigit(upstream[0])) return false; // "version number does not start with digit"
        foreach (var ch in upstream)
            if (!char.IsAsciiLetterOrDigit(ch) && ".-+~:".IndexOf(ch) < 0) return false;
        foreach (var ch in revision)
            if (!char.IsAsciiLetterOrDigit(ch) && ".+~".IndexOf(ch) < 0) return false;

        version = new DebianVersion(epoch, upstream, revision, s);
        return true;
    }

    public static DebianVersion Parse(string s) =>
        TryParse(s, out var v) ? v : throw new FormatException($"'{s}' is not a valid Debian version");

    /// <summary>-1, 0 or 1, as dpkg --compare-versions a lt/eq/gt b.</summary>
    public static int Compare(DebianVersion a, DebianVersion b)
    {
        if (a.Epoch != b.Epoch) return a.Epoch < b.Epoch ? -1 : 1;
        int r = CompareFragment(a.Upstream, b.Upstream);
        if (r != 0) return r;
        return CompareFragment(a.Revision, b.Revision);
    }

    /// <summary>Compares two version strings; throws <see cref="FormatException"/> when one is not a Debian version.</summary>
    public static int Compare(string a, string b) => Compare(Parse(a), Parse(b));

    public int CompareTo(DebianVersion? other) => other is null ? 1 : Compare(this, other);

    /// <summary>dpkg's verrevcmp on one part (upstream or revision), sign only.</summary>
    public static int CompareFragment(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            // Non-digit prefix, character by character by dpkg's order().
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                int ac = Order(i < a.Length ? a[i] : '\0');
                int bc = Order(j < b.Length ? b[j] : '\0');
                if (ac != bc) return ac < bc ? -1 : 1;
                i++;
                j++;
            }
            // Digit run, numerically: skip leading zeros, then the longer run wins, else the first differing digit.
            while (i < a.Length && a[i] == '0') i++;
            while (j < b.Length && b[j] == '0') j++;
            int firstDiff = 0;
            while (i < a.Length && j < b.Length && char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                if (firstDiff == 0) firstDiff = a[i] - b[j];
                i++;
                j++;
            }
            if (i < a.Length && char.IsAsciiDigit(a[i])) return 1;
            if (j < b.Length && char.IsAsciiDigit(b[j])) return -1;
            if (firstDiff != 0) return firstDiff < 0 ? -1 : 1;
        }
        return 0;
    }

    // dpkg: digits 0 (never reached in the non-digit loop except at end), letters their code,
    // '~' -1 (before the end of the string), anything else code + 256 (after all letters).
    private static int Order(char c) =>
        c == '\0' ? 0
        : char.IsAsciiDigit(c) ? 0
        : char.IsAsciiLetter(c) ? c
        : c == '~' ? -1
        : c + 256;

    private static bool IsAllDigits(ReadOnlySpan<char> s)
    {
        foreach (var ch in s) if (!char.IsAsciiDigit(ch)) return false;
        return true;
    }

    public static bool operator <(DebianVersion a, DebianVersion b) => Compare(a, b) < 0;
    public static bool operator >(DebianVersion a, DebianVersion b) => Compare(a, b) > 0;
    public static bool operator <=(DebianVersion a, DebianVersion b) => Compare(a, b) <= 0;
    public static bool operator >=(DebianVersion a, DebianVersion b) => Compare(a, b) >= 0;

    public override string ToString() => Text;
}
