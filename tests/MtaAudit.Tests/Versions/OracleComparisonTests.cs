using FsCheck.Fluent;
using MtaAudit.Versions;

namespace MtaAudit.Tests.Versions;

/// <summary>
/// DebianVersion and RpmVersion against the real tools on ~1000 generated pairs each.
/// The pairs are random on every run (FsCheck generators); a mismatch lists the pairs, which are then
/// worth pinning in the example tests.
/// </summary>
public class OracleComparisonTests
{
    private const int PairCount = 1000;

    private static (string A, string B)[] Sample(FsCheck.Gen<(string A, string B)> gen) =>
        gen.Sample(PairCount, 30).Distinct().ToArray(); // Sample(number of samples, size)

    private static void AssertAgrees((string A, string B)[] pairs, int[] oracle, Func<string, string, int> ours, string tool)
    {
        Assert.True(pairs.Length > PairCount * 9 / 10, $"only {pairs.Length} distinct pairs generated");
        Assert.Equal(pairs.Length, oracle.Length);
        // A generator that only makes unequal (or only equal) pairs would test little.
        Assert.True(oracle.Count(x => x == 0) > pairs.Length / 20 && oracle.Count(x => x < 0) > pairs.Length / 5 && oracle.Count(x => x > 0) > pairs.Length / 5,
            $"{tool}: lt={oracle.Count(x => x < 0)} eq={oracle.Count(x => x == 0)} gt={oracle.Count(x => x > 0)}");
        var wrong = pairs.Select((p, i) => (p, Want: oracle[i], Got: ours(p.A, p.B)))
            .Where(x => x.Want != x.Got)
            .Take(20)
            .Select(x => $"  '{x.p.A}' vs '{x.p.B}': {tool} says {x.Want}, we say {x.Got}")
            .ToList();
        Assert.True(wrong.Count == 0, $"disagreements with {tool}:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Debian_comparison_agrees_with_dpkg()
    {
        ExternalTool.Require("dpkg", "dpkg");
        var pairs = Sample(VersionGrammars.DebianPairs);
        var file = ExternalTool.WritePairs(pairs);
        try
        {
            // One sh process for the whole batch; dpkg answers through its exit code.
            const string script = """
                tab=$(printf '\t')
                while IFS="$tab" read -r a b; do
                  if dpkg --compare-versions "$a" lt "$b"; then echo lt
                  elif dpkg --compare-versions "$a" eq "$b"; then echo eq
                  else echo gt; fi
                done < "$1"
                """;
            var (code, stdout, stderr) = ExternalTool.Run("sh", ["-c", script, "sh", file]);
            Assert.True(code == 0 && stderr.Length == 0, $"dpkg batch failed ({code}): {stderr}");
            AssertAgrees(pairs, ExternalTool.Signs(stdout), (a, b) => DebianVersion.Compare(a, b), "dpkg");
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void Rpm_comparison_agrees_with_rpm()
    {
        ExternalTool.Require("rpm", "rpm");
        var pairs = Sample(VersionGrammars.RpmPairs);
        var file = ExternalTool.WritePairs(pairs);
        var lua = Path.ChangeExtension(file, ".lua");
        try
        {
            // rpm's own Lua binding (rpm.vercmp parses E:V-R like rpmverParse), one rpm process for the batch.
            File.WriteAllText(lua, $$"""
                for line in io.lines("{{file}}") do
                  local a, b = line:match("^([^\t]+)\t([^\t]+)$")
                  io.write(rpm.vercmp(a, b), "\n")
                end
                """);
            var (code, stdout, stderr) = ExternalTool.Run("rpm", ["--eval", $"%{{lua: dofile(\"{lua}\")}}"]);
            Assert.True(code == 0 && stderr.Length == 0, $"rpm batch failed ({code}): {stderr}");
            AssertAgrees(pairs, ExternalTool.Signs(stdout), (a, b) => RpmVersion.Compare(a, b), "rpm");
        }
        finally
        {
            File.Delete(file);
            File.Delete(lua);
        }
    }
}
