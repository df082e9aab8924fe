using FsCheck;
using FsCheck.Fluent;

namespace MtaAudit.Tests.Versions;

/// <summary>
/// Generators of realistic package versions: the parts vendors really use (epochs, digit runs with
/// leading zeros, letters, ~ + . - separators, debNuM, ubuntuX, elN, ^ snapshots), and pairs that are
/// often near-misses of each other, because that is where comparison rules differ.
/// </summary>
internal static class VersionGrammars
{
    private static Gen<string> Digits =>
        Gen.Frequency(
            (6, Gen.Choose(0, 20).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            (2, Gen.Choose(0, 9).Select(n => "0" + n)),
            (1, Gen.Elements("0", "00", "100", "2024", "20260528", "999999999999")));

    private static Gen<string> Word => Gen.Elements("a", "b", "z", "A", "Z", "rc", "beta", "p", "dfsg", "git", "pre", "ds", "bpo", "esm", "build");

    private static Gen<T> Pick<T>(params T[] xs) => Gen.Elements(xs);

    // ---- Debian ----

    private static Gen<string> DebianUpstream =>
        from first in Digits
        from n in Gen.Choose(0, 4)
        from rest in Gen.ArrayOf(
            Gen.OneOf(
                from sep in Pick(".", ".", ".", "+", "~", "")
                from part in Gen.OneOf(Digits, Word, Digits)
                select sep + part), n)
        select first + string.Concat(rest);

    private static Gen<string> DebianRevision =>
        Gen.OneOf(
            Digits,
            from r in Digits from d in Gen.Choose(9, 13) from u in Gen.Choose(0, 12) select $"{r}+deb{d}u{u}",
            from r in Digits from d in Gen.Choose(11, 13) from u in Gen.Choose(1, 3) select $"{r}~deb{d}u{u}",
            from r in Digits from u in Gen.Choose(0, 5) select $"{r}ubuntu{u}",
            from r in Digits from u in Gen.Choose(0, 5) from s in Gen.Choose(1, 12) select $"{r}ubuntu{u}.{s}",
            from r in Digits from b in Gen.Choose(1, 4) select $"{r}+b{b}",
            from r in Digits from b in Gen.Choose(1, 3) select $"{r}build{b}",
            from r in Digits from s in Pick("~bpo12+1", ".1", "+esm1", "~", "~~", "+") select r + s);

    public static Gen<string> Debian =>
        from epoch in Gen.Frequency((6, Gen.Constant("")), (2, Gen.Choose(0, 3).Select(e => $"{e}:")))
        from up in DebianUpstream
        from hyphenInUpstream in Gen.Frequency((9, Gen.Constant("")), (1, Digits.Select(d => "-" + d)))
        from rev in Gen.Frequency((3, Gen.Constant<string?>(null)), (5, DebianRevision.Select(r => (string?)r)))
        select rev is null
            ? epoch + up // a hyphen in upstream needs a revision after it
            : epoch + up + hyphenInUpstream + "-" + rev;

    /// <summary>A small edit of a version: where dpkg's rules (~, letters vs. symbols, zeros) bite.</summary>
    private static Gen<string> Mutate(string v) =>
        Gen.OneOf(
            Gen.Constant(v),
            Pick("~rc1", "~", "+b1", ".0", "a", "+", ".", "0", "~~", "^1", "-1", "_1").Select(s => v + s),
            Gen.Constant(v.Replace(".", ".0", StringComparison.Ordinal)),
            Gen.Constant(v.Replace("+", "~", StringComparison.Ordinal)),
            Gen.Constant(v.Replace("~", ".", StringComparison.Ordinal)),
            Gen.Constant(v.StartsWith("1:", StringComparison.Ordinal) ? v[2..] : "0:" + v),
            Gen.Choose(0, Math.Max(0, v.Length - 1)).Select(i => char.IsAsciiDigit(v[i])
                ? v[..i] + (char)('0' + (v[i] - '0' + 1) % 10) + v[(i + 1)..]
                : v));

    private static Gen<(string, string)> PairsOf(Gen<string> g, Func<string, bool> valid) =>
        Gen.Frequency(
            (3, g.Two().Select(t => (t.Item1, t.Item2))),
            (4, from a in g from b in Mutate(a) select (a, b)),
            // two edits of one base: puts a letter, a symbol, '~' or the end at the same position
            (3, from v in g from a in Mutate(v) from b in Mutate(v) select (a, b)))
        .Where(p => valid(p.Item1) && valid(p.Item2));

    public static Gen<(string A, string B)> DebianPairs =>
        PairsOf(Debian, s => MtaAudit.Versions.DebianVersion.TryParse(s, out _));

    // ---- RPM ----

    private static Gen<string> RpmVersionPart =>
        from first in Gen.OneOf(Digits, Digits, Word)
        from n in Gen.Choose(0, 4)
        from rest in Gen.ArrayOf(
            from sep in Pick(".", ".", ".", "_", "+", "~", "^", "")
            from part in Gen.OneOf(Digits, Word, Digits)
            select sep + part, n)
        select first + string.Concat(rest);

    private static Gen<string> RpmRelease =>
        Gen.OneOf(
            Digits,
            from r in Digits from el in Gen.Choose(6, 10) select $"{r}.el{el}",
            from r in Digits from el in Gen.Choose(7, 9) from u in Gen.Choose(0, 6) select $"{r}.el{el}_{u}",
            from r in Digits from fc in Gen.Choose(36, 41) select $"{r}.fc{fc}",
            from r in Digits from m in Digits select $"{r}.{m}.1",
            from r in Digits select $"0.{r}.rc1.el9",
            from r in Digits select $"{r}.module+el8.5.0+1",
            from r in Digits select $"{r}.1~beta");

    public static Gen<string> Rpm =>
        from epoch in Gen.Frequency((6, Gen.Constant("")), (2, Gen.Choose(0, 3).Select(e => $"{e}:")))
        from ver in RpmVersionPart
        from rel in Gen.Frequency((2, Gen.Constant<string?>(null)), (6, RpmRelease.Select(r => (string?)r)))
        select epoch + ver + (rel is null ? "" : "-" + rel);

    public static Gen<(string A, string B)> RpmPairs =>
        PairsOf(Rpm, s => MtaAudit.Versions.RpmVersion.TryParse(s, out _) && !s.Contains('\'') && !s.Contains(' '));

    // ---- upstream ----

    public static Gen<string> Upstream =>
        from parts in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Gen.Frequency((8, Gen.Choose(0, 12).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))), (1, Gen.Constant("0")), (1, Gen.Constant("00")), (1, Gen.Constant("07"))), n))
        from p in Gen.Frequency((4, Gen.Constant("")), (1, Gen.Choose(0, 3).Select(i => $"p{i}")))
        select string.Join('.', parts) + p;
}
