using System.Text;
using FsCheck.Xunit;
using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Parse;
using MtaAudit.Services;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Services;

/// <summary>Text from targets is hostile: no service parser may throw, whatever it is given.</summary>
public class ServiceParsersRobustnessTests
{
    private static readonly Func<string, List<ServiceRecord>>[] Parsers =
    [
        SystemdUnitsParser.Parse, SystemdUnitFilesParser.Parse, SystemdStatusParser.Parse, SmfParser.Parse,
        SrcParser.Parse, SysvParser.Parse, AixRcTcpipParser.Parse, HpuxMailservsParser.Parse, FreeBsdRcConfParser.Parse,
    ];

    public static TheoryData<string> Garbage()
    {
        var ansiAndBinary = Encoding.UTF8.GetString([0x1b, 0x5b, 0x33, 0x31, 0x6d, 0xff, 0xfe, 0x00, 0x0a, 0xc3, 0x28, 0x0d, 0x0a]);
        return new TheoryData<string>
        {
            "",
            "\n\n\n",
            "\uFFFD\uFFFD postfix.service \uFFFD loaded",
            ansiAndBinary,
            "● \n* \n×",
            "Loaded:\nActive:\nState:\nfmri\nenabled\n->\n-> ->\nS\nK99\n",
            "postfix.service loaded active\nfmri svc:/x\nenabled maybe\n svc:/a (b\nState:",
            "SENDMAIL_SERVER=\"\nsendmail_enable='\nstart /\n#start\nstart //",
            "/etc/rc2.d:\nS\nlrwxrwxrwx 1 a b 1 Jan 1 2020 S01 -> \n 0:on 1:on\nx 9:on 3:maybe",
            "Unit .service could not be found.\nUnit x.service could not be found.",
            " sendmail mail 99999999999999999999 active\n sendmail 12 34 active\n a b c d e active",
            new string('x', 1_000_000),
            "start /" + string.Concat(Enumerable.Repeat("a/", 200_000)) + "!",
            "S1" + new string('a', 200_000) + " -> " + new string('/', 200_000),
            string.Concat(Enumerable.Repeat("postfix.service loaded active running x\n", 20_000)),
        };
    }

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Garbage_does_not_throw(string text)
    {
        foreach (var parse in Parsers) _ = parse(text);
        _ = SystemdUnitFilesParser.Parse(text, text);
        _ = SysvParser.Parse(text, text);
    }

    [Property(MaxTest = 300)]
    public void Any_string_does_not_throw(string? text)
    {
        foreach (var parse in Parsers) _ = parse(text!);
    }

    [Fact]
    public void Every_real_fixture_goes_through_every_parser()
    {
        foreach (var file in Directory.EnumerateFiles(Fixture.Root, "*.txt", SearchOption.AllDirectories))
        {
            var text = Fixture.Output(Path.GetRelativePath(Fixture.Root, file));
            foreach (var parse in Parsers) _ = parse(text);
        }
    }

    [Fact]
    public void Registered_for_their_probes_and_applied_through_facts_builder()
    {
        var bundleText = $"""
            MTA-AUDIT-EVIDENCE/1
            boundary: 5f1c-1764302400-4242
            host: aix01

            --5f1c-1764302400-4242 probe=svc.src rc=0 cmd=lssrc -a
            {Fixture.Output("aix/lssrc-a-oshi-comment.txt").TrimEnd()}
            --5f1c-1764302400-4242 probe=file.aix.rc.tcpip rc=0 cmd=cat /etc/rc.tcpip
            {Fixture.Output("aix/rc.tcpip-sendmail-start-line-commented.txt").TrimEnd()}
            --5f1c-1764302400-4242 probe=svc.systemd.enabled rc=0 cmd=systemctl is-enabled postfix
            {Fixture.Between("linux/local-debian12-systemctl-list-unit-files-postfix-package.txt", "$ systemctl is-enabled postfix.service", "$").TrimEnd()}
            --5f1c-1764302400-4242 probe=svc.systemd rc=0 cmd=systemctl status exim4
            {Fixture.Output("linux/systemctl-status-exim4-lsb-debian9.txt").TrimEnd()}
            --5f1c-1764302400-4242--
            """;
        var bundle = BundleReader.Read(bundleText).Single().Bundle!;
        var facts = FactsBuilder.Build(bundle);

        Assert.Empty(facts.Problems);
        Assert.True(facts.Services.Single(s => s.Manager == "src" && s.Name == "sendmail").Running);
        Assert.False(facts.Services.Single(s => s.Manager == "rc.tcpip" && s.Name == "sendmail").Enabled);
        Assert.True(facts.Services.Single(s => s.Manager == "systemd" && s.Name == "postfix.service").Enabled);
        // status text under svc.systemd is read by the status parser
        Assert.True(facts.Services.Single(s => s.Manager == "systemd" && s.Name == "exim4.service").Running);
    }
}
