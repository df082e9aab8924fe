using System.Globalization;

namespace MtaAudit.Versions;

/// <summary>
/// An upstream MTA version in dotted numeric form (<c>8.15.2</c>, <c>4.99.5</c>, <c>3.11.6</c>),
/// with an optional OpenSMTPD/old-Sendmail portable suffix <c>pN</c> (<c>7.8.0p1</c>, <c>8.12.9p2</c>).
/// Compared number by number, never as strings or floats: 8.9.3 &lt; 8.15.2, 4.97 &lt; 4.97.1.
/// </summary>
public sealed class UpstreamVersion : IComparable<UpstreamVersion>, IEquatable<UpstreamVersion>
{
    private readonly int[] _parts;

    private UpstreamVersion(int[] parts, int portable, string text)
    {
        _parts = parts;
        Portable = portable;
        Text = text;
    }

    /// <summary>The numeric components, e.g. [8, 15, 2].</summary>
    public IReadOnlyList<int> Parts => _parts;
    /// <summary>N of a <c>pN</c> suffix, 0 when absent.</summary>
    public int Portable { get; }
    /// <summary>Canonical text: parts joined by '.', then pN if any.</summary>
    public string Text { get; }

    public int Major => _parts[0];
    public int Minor => _parts.Length > 1 ? _parts[1] : 0;
    /// <summary>The release series: "3.8" of 3.8.20, "4.99" of 4.99.5, "8.18" of 8.18.2.</summary>
    public string Branch => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");

    /// <summary>Parses an already-normalized version. Returns false for anything else (no guessing).</summary>
    public static bool TryParse(string? s, out UpstreamVersion version)
    {
        version = null!;
        if (string.IsNullOrWhiteSpace(s) || s.Length > 64) return false;
        s = s.Trim();
        int portable = 0;
        int p = s.IndexOf('p');
        string numeric = s;
        if (p >= 0)
        {
            if (!int.TryParse(s.AsSpan(p + 1), NumberStyles.None, CultureInfo.InvariantCulture, out portable)) return false;
            numeric = s[..p];
        }
        var pieces = numeric.Split('.');
        if (pieces.Length is < 1 or > 6) return false;
        var parts = new int[pieces.Length];
        for (int i = 0; i < pieces.Length; i++)
        {
            if (pieces[i].Length is 0 or > 9 ||
                !int.TryParse(pieces[i], NumberStyles.None, CultureInfo.InvariantCulture, out parts[i]))
                return false;
        }
        var text = string.Join('.', parts.Select(x => x.ToString(CultureInfo.InvariantCulture)))
                   + (p >= 0 ? "p" + portable.ToString(CultureInfo.InvariantCulture) : "");
        version = new UpstreamVersion(parts, portable, text);
        return true;
    }

    public static UpstreamVersion Parse(string s) =>
        TryParse(s, out var v) ? v : throw new FormatException($"'{s}' is not a dotted upstream version");

    public int CompareTo(UpstreamVersion? other)
    {
        if (other is null) return 1;
        int n = Math.Max(_parts.Length, other._parts.Length);
        for (int i = 0; i < n; i++)
        {
            int a = i < _parts.Length ? _parts[i] : 0;
            int b = i < other._parts.Length ? other._parts[i] : 0;
            if (a != b) return a.CompareTo(b);
        }
        return Portable.CompareTo(other.Portable);
    }

    public static int Compare(string a, string b) => Parse(a).CompareTo(Parse(b));

    public bool Equals(UpstreamVersion? other) => other is not null && CompareTo(other) == 0;
    public override bool Equals(object? obj) => obj is UpstreamVersion v && Equals(v);
    public override int GetHashCode()
    {
        // 4.97 and 4.97.0 are equal, so trailing zeros must not change the hash.
        int n = _parts.Length;
        while (n > 1 && _parts[n - 1] == 0) n--;
        var h = new HashCode();
        for (int i = 0; i < n; i++) h.Add(_parts[i]);
        h.Add(Portable);
        return h.ToHashCode();
    }

    public static bool operator <(UpstreamVersion a, UpstreamVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(UpstreamVersion a, UpstreamVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(UpstreamVersion a, UpstreamVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(UpstreamVersion a, UpstreamVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => Text;
}
