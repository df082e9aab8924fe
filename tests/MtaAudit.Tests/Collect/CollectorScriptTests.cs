using System.Text.RegularExpressions;
using MtaAudit.Collect;

namespace MtaAudit.Tests.Collect;

/// <summary>Static checks of the embedded script: the version, and the constructs old shells lack.</summary>
public class CollectorScriptTests
{
    private static IEnumerable<(int Line, string Text)> CodeLines() =>
        CollectorScript.Text.Split('\n')
            .Select((l, i) => (i + 1, l))
            .Where(x => !x.l.TrimStart().StartsWith('#'));

    [Fact]
    public void Script_version_line_matches_the_constant()
    {
        Assert.Equal("0.1.0", CollectorScript.Version);
        Assert.Contains("\nVERSION=" + CollectorScript.Version + "\n", CollectorScript.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_is_ascii_with_lf_line_ends_and_a_sh_shebang()
    {
        var text = CollectorScript.Text;
        Assert.StartsWith("#!/bin/sh\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
        Assert.All(text, c => Assert.True(c is '\n' or '\t' or (>= ' ' and <= '~'), $"non-ASCII char U+{(int)c:X4}"));
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
    }

    // Each pattern is something POSIX sh or an old Unix lacks; comments may name them, code may not.
    [Theory]
    [InlineData(@"(^|[;&|{(]\s*)local\s", "local (not POSIX)")]
    [InlineData(@"\[\[", "[[ (ksh/bash only)")]
    [InlineData(@"(?<![)?*.\]])\$'", "$'...' quoting")]
    [InlineData(@"echo\s+-[neE]", "echo options (use printf)")]
    [InlineData(@"head\s+-c", "head -c (GNU)")]
    [InlineData(@"readlink\s+-f", "readlink -f (GNU)")]
    [InlineData(@"\bmktemp\b", "mktemp (absent on old Solaris/HP-UX)")]
    [InlineData(@"(^|[;&|{(]\s*)timeout\s", "GNU timeout")]
    [InlineData(@"(^|[;&|{(]\s*)stat\s", "stat (GNU)")]
    [InlineData(@"(^|\s)function\s", "function keyword")]
    [InlineData(@"(^|[;&|{(]\s*)source\s", "source (use .)")]
    [InlineData(@"\[ [^]]*==", "== in test")]
    [InlineData(@"\bset\s+-o\s+pipefail", "pipefail")]
    [InlineData(@"-bv\b", "sendmail -bv (sends probe mail on Postfix)")]
    [InlineData(@"<<<", "here-string")]
    public void Script_has_no_non_posix_or_unsafe_construct(string pattern, string what)
    {
        var hits = CodeLines().Where(x => Regex.IsMatch(x.Text, pattern)).Select(x => $"line {x.Line}: {x.Text.Trim()}").ToList();
        Assert.True(hits.Count == 0, what + ":\n" + string.Join("\n", hits));
    }
}
