using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MtaAudit.Versions;

namespace MtaAudit.Tests.Versions;

/// <summary>Laws every version ordering must obey, on random and on realistic inputs.</summary>
public class VersionPropertyTests
{
    private static Arbitrary<string> AnyString => ArbMap.Default.ArbFor<string>();
    private static Arbitrary<string> UpstreamLike => Arb.From(Gen.OneOf(VersionGrammars.Upstream, VersionGrammars.Upstream, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)));

    [Property(MaxTest = 500)]
    public Property Parsers_never_throw_on_any_string() =>
        Prop.ForAll(AnyString, s =>
        {
            UpstreamVersion.TryParse(s, out _);
            DebianVersion.TryParse(s, out _);
            RpmVersion.TryParse(s, out _);
            return true;
        });

    [Property(MaxTest = 500)]
    public Property Upstream_compare_is_antisymmetric() =>
        Prop.ForAll(Arb.From(VersionGrammars.Upstream.Two()), t =>
        {
            var (a, b) = (UpstreamVersion.Parse(t.Item1), UpstreamVersion.Parse(t.Item2));
            return Math.Sign(a.CompareTo(b)) == -Math.Sign(b.CompareTo(a));
        });

    [Property(MaxTest = 500)]
    public Property Upstream_compare_is_transitive() =>
        Prop.ForAll(Arb.From(VersionGrammars.Upstream.Three()), t =>
        {
            var vs = new[] { t.Item1, t.Item2, t.Item3 }.Select(UpstreamVersion.Parse).ToArray();
            var (a, b, c) = (vs[0], vs[1], vs[2]);
            return (!(a <= b && b <= c) || a <= c) && (!(a < b && b < c) || a < c);
        });

    [Property(MaxTest = 500)]
    public Property Equal_upstream_versions_hash_equal_and_reparse_equal() =>
        Prop.ForAll(Arb.From(VersionGrammars.Upstream.Two()), t =>
        {
            var (a, b) = (UpstreamVersion.Parse(t.Item1), UpstreamVersion.Parse(t.Item2));
            bool hashLaw = !a.Equals(b) || a.GetHashCode() == b.GetHashCode();
            var again = UpstreamVersion.Parse(a.Text); // canonical text parses to an equal version
            return hashLaw && again.Equals(a) && again.GetHashCode() == a.GetHashCode();
        });

    [Property(MaxTest = 300)]
    public Property Upstream_trailing_zero_does_not_change_equality() =>
        Prop.ForAll(Arb.From(VersionGrammars.Upstream.Where(s => !s.Contains('p') && s.Count(c => c == '.') < 5)), s =>
        {
            var a = UpstreamVersion.Parse(s);
            var b = UpstreamVersion.Parse(s + ".0");
            return a.Equals(b) && a.GetHashCode() == b.GetHashCode();
        });

    [Property(MaxTest = 300)]
    public Property Upstream_parse_accepts_or_refuses_without_side_effects() =>
        Prop.ForAll(UpstreamLike, s =>
            UpstreamVersion.TryParse(s, out var v) ? v is not null && UpstreamVersion.TryParse(v.Text, out _) : v is null);

    [Property(MaxTest = 500)]
    public Property Debian_compare_is_antisymmetric_and_transitive() =>
        Prop.ForAll(Arb.From(VersionGrammars.Debian.Three().Where(t => DebianVersion.TryParse(t.Item1, out _) && DebianVersion.TryParse(t.Item2, out _) && DebianVersion.TryParse(t.Item3, out _))), t =>
        {
            var (a, b, c) = (DebianVersion.Parse(t.Item1), DebianVersion.Parse(t.Item2), DebianVersion.Parse(t.Item3));
            return DebianVersion.Compare(a, b) == -DebianVersion.Compare(b, a)
                   && (!(a <= b && b <= c) || a <= c);
        });

    [Property(MaxTest = 500)]
    public Property Rpm_compare_is_antisymmetric_and_transitive() =>
        Prop.ForAll(Arb.From(VersionGrammars.Rpm.Three().Where(t => RpmVersion.TryParse(t.Item1, out _) && RpmVersion.TryParse(t.Item2, out _) && RpmVersion.TryParse(t.Item3, out _))), t =>
        {
            var (a, b, c) = (RpmVersion.Parse(t.Item1), RpmVersion.Parse(t.Item2), RpmVersion.Parse(t.Item3));
            return RpmVersion.Compare(a, b) == -RpmVersion.Compare(b, a)
                   && (!(a <= b && b <= c) || a <= c);
        });
}
