using MtaAudit.Fix;

namespace MtaAudit.Tests.Fix;

/// <summary>
/// SSH carries a command line, so <see cref="SshTarget"/> quotes every word. Checked by real shells: each
/// hostile word (quotes, $(), backticks, globs, spaces, a unit name's backslash escapes) comes back from
/// printf exactly as it went in, and a word the shells cannot carry safely (a line break, NUL) is refused.
/// </summary>
public sealed class SshQuotingTests
{
    public static IEnumerable<object[]> Words =>
    [
        ["postfix@-.service"], ["svc:/network/smtp:sendmail"], ["a'b"], ["'"], ["''"], ["$(touch /tmp/x)"], ["`id`"], ["*"],
        ["two words"], ["dev-disk-by\\x2duuid.swap"], ["-f=${Version}"], ["%{VERSION}-%{RELEASE}"], [""], ["a;b|c&d>e<f"], ["~root"], ["#x"],
    ];

    [Theory, MemberData(nameof(Words))]
    public void Every_word_reaches_the_remote_command_unchanged(string word)
    {
        foreach (var shell in new[] { "/bin/sh", "/bin/bash" })
        {
            var line = "printf '%s|' " + SshTarget.Quote(word) + " " + SshTarget.Quote("end");
            var r = ProcessRunner.Run([shell, "-c", line], TimeSpan.FromSeconds(10));
            Assert.True(r.Ok, $"{shell}: {r.Summary}");
            Assert.Equal(word + "|end|", r.Stdout);
        }
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a\0b")]
    public void A_line_break_or_nul_is_refused(string word)
    {
        var e = Assert.Throws<ArgumentException>(() => SshTarget.Quote(word));
        Assert.Contains("refused", e.Message, StringComparison.Ordinal);
    }
}
