using System.Text;
using FsCheck.Xunit;
using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Mta;
using MtaAudit.Parse;
using MtaAudit.Parse.Binaries;
using MtaAudit.Parse.Packages;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Mta;

/// <summary>Garbage in must not throw: every parser and version reader of this branch.</summary>
public class RobustnessTests
{
    private static void ParseEverything(string text)
    {
        DpkgParser.Parse(text);
        RpmParser.Parse(text);
        SolarisPackageParser.Parse(text);
        AixLslppParser.Parse(text);
        HpuxSwlistParser.Parse(text);
        LsBinariesParser.Parse(text);
        foreach (var mta in MtaCatalog.All)
        {
            foreach (var outcome in new[] { ProbeOutcome.Ran, ProbeOutcome.Timeout, ProbeOutcome.Unknown })
                Assert.Equal(mta.Id, mta.ParseVersion(Sections.Of(mta.VersionProbe, text, outcome)).Mta);
            foreach (var line in text.Split('\n').Take(50))
            {
                mta.IsDaemon(new ProcessInfo(null, null, null, line, "x"));
                mta.IsService(new ServiceRecord("systemd", line, null, null, "", "x"));
                mta.IsSocketOwner(line);
                mta.IsMtaPackage(new InstalledPackage("dpkg", line, line, null, "x"));
            }
        }
    }

    [Property(MaxTest = 300)]
    public void Random_text_does_not_throw(string? text) => ParseEverything(text ?? "");

    [Property(MaxTest = 200)]
    public void Random_lines_built_from_real_tokens_do_not_throw(string[]? pieces)
    {
        // Mix random strings with the separators and tokens these parsers key on.
        var tokens = new[] { "ii", "rc", ":", "->", "Version", "mail_version =", "Exim version", "version: OpenSMTPD", "PKGINST:", "i--", "-", ".", "x86_64", "(none)", "ls: cannot access '", "\t", " " };
        var sb = new StringBuilder();
        int i = 0;
        foreach (var p in pieces ?? [])
        {
            sb.Append(tokens[i++ % tokens.Length]).Append(' ').Append(p).Append(i % 3 == 0 ? '\n' : ' ');
        }
        ParseEverything(sb.ToString());
    }

    [Fact]
    public void Edge_cases_do_not_throw()
    {
        string[] odd =
        [
            "", "\n", "\r\n\r\n", ":", "::::::::", "ii", "ii  ", "rc x", "-", "--", "->", " -> ", "a-b", "a-1-2", "-1-2.x86_64", ".x86_64",
            "Version", "Version ", "Version /", "Version AIX7.2/", "Version 8.", "Version 99999999999999999999.1.1",
            "mail_version =", "mail_version = ", "Exim version", "Exim version _2", "Exim version 4.84_", "version: OpenSMTPD",
            "version: OpenSMTPD p1", "sendmail:", "smtpd:", "\\_", "\\_ \\_ \\_", "master", "/", "//master",
            "lrwxrwxrwx", "lrwxrwxrwx 1 root root 5 May 27  2026", "lrwxrwxrwx 1 root root 5 May 27  2026 ", "ls: cannot access '",
            "   PKGINST:", "PKGINST: x\nVERSION:", "#Package Name:Fileset", "a:b:c:d:e:f:g", "x:y:1: : :C:R:",
            new string('x', 100_000), string.Concat(Enumerable.Repeat("ii  postfix  3.7.11  amd64  MTA\n", 20_000)),
            "\u0000\u0001\u001b[31m\u202e", "\uFFFD\uFFFD Version \uFFFD8.14.4",
        ];
        foreach (var s in odd) ParseEverything(s);
    }

    [Fact]
    public void Invalid_utf8_bytes_become_replacement_characters_not_exceptions()
    {
        // EUC-KR / Latin-1 bytes inside otherwise real output.
        var real = Encoding.UTF8.GetBytes(Fixture.Output("linux/sendmail-8.14.4-d0.1-rhel6.8-recipient-names.txt"));
        var bytes = new byte[] { 0xC7, 0xD1, 0xB1, 0xDB, 0xFF, 0xFE, 0x0A }.Concat(real).ToArray();
        var section = new EvidenceSection("mta.sendmail.version", ProbeOutcome.Ran, 0, null, null, new Dictionary<string, string>(), bytes, 1);
        var r = new SendmailDefinition().ParseVersion(section);
        Assert.Equal(("8.14.4", VersionOutcome.Found), (r.Version, r.Outcome));
        ParseEverything(section.Text);
    }

    [Fact]
    public void Registered_parsers_fill_facts_from_a_bundle()
    {
        // A bundle assembled from real outputs: an Exim host whose sendmail is Exim's wrapper.
        const string b = "b0undary-1234";
        var bundle = $"""
            {EvidenceBundle.Magic}
            boundary: {b}
            host: exim-host

            --{b} probe=pkg.dpkg rc=0 cmd=dpkg -l
            {Fixture.Output("linux/dpkg-l-exim4-and-exim4-version-debian8.txt").TrimEnd()}
            --{b} probe=mta.binaries rc=2 cmd=ls -l ...
            {Fixture.Output("debian12-local/ls-l-exim4-daemon-light-tree.txt").TrimEnd()}
            --{b} probe=mta.sendmail.version path=/usr/sbin/sendmail rc=1 cmd=/usr/sbin/sendmail -d0.1 -bt < /dev/null
            {Fixture.Output("debian12-local/exim-4.96-sendmail-wrapper-d0.1-bt.txt").TrimEnd()}
            --{b} probe=mta.exim.version path=/usr/sbin/exim4 rc=1 cmd=exim4 -bV
            {Fixture.Output("debian12-local/exim-4.96-bV-no-config-file.txt").TrimEnd()}
            --{b} probe=mta.postfix.version rc=absent cmd=postconf -d mail_version
            --{b}--

            """;
        var read = Assert.Single(BundleReader.Read(bundle));
        Assert.NotNull(read.Bundle);
        var facts = FactsBuilder.Build(read.Bundle);
        Assert.Empty(facts.Problems);
        Assert.Equal(["exim4-base", "exim4-daemon-light"], facts.Packages.Select(p => p.Name));
        Assert.Equal(5, facts.Binaries.Count);
        Assert.Equal("exim4", facts.Binaries.Single(x => x.Path == "usr/sbin/sendmail").LinkTarget);
        var sendmail = facts.Versions.Single(v => v.Mta == "sendmail");
        Assert.Equal((VersionOutcome.NotThisMta, "exim", "/usr/sbin/sendmail"), (sendmail.Outcome, sendmail.WrapperOf, sendmail.Path));
        var exim = facts.Versions.Single(v => v.Mta == "exim");
        Assert.Equal((VersionOutcome.Found, "4.96"), (exim.Outcome, exim.Version));
        Assert.Equal(VersionOutcome.Absent, facts.Versions.Single(v => v.Mta == "postfix").Outcome);
    }
}
