using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MtaAudit.Tests.Hosts;

/// <summary>
/// Proves each test host is what hosts.tsv claims: its hostname, its MTA package (and no other),
/// its unit's state, and (when running) an SMTP banner from that MTA on its own address.
/// The end-to-end tests trust these facts, so they are checked against the host itself.
/// </summary>
[Collection(TestHostsCollection.Name)]
[Trait("Category", "TestHost")]
public sealed class HostIdentityTests(TestHostsFixture hosts)
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);

    // Every package of the four MTAs that could be installed on Debian.
    private static readonly string[] MtaPackages =
        ["postfix", "exim4-daemon-light", "exim4-daemon-heavy", "sendmail-bin", "opensmtpd"];

    private static readonly string[] MtaUnits =
        ["postfix.service", "exim4.service", "sendmail.service", "opensmtpd.service"];

    public static IEnumerable<object[]> Hosts => TestHostsFixture.HostNames;

    private string Run(string host, string script)
    {
        var (rc, stdout, stderr) = hosts.Exec(host, script, Quick);
        Assert.True(rc == 0, $"{host}: rc {rc} for '{script}': {stderr}");
        return stdout;
    }

    [Theory, MemberData(nameof(Hosts))]
    public void Hostname_is_the_host_name(string name)
    {
        Assert.Equal(name, Run(name, "hostname").Trim());
    }

    [Theory, MemberData(nameof(Hosts))]
    public void Only_the_listed_MTA_package_is_installed(string name)
    {
        var spec = TestHostsFixture.Spec(name);
        // Status-Abbrev "ii " = wanted install, installed; anything else is not a working install.
        var installed = Run(name, "dpkg-query -W -f='${Package} ${db:Status-Abbrev}\\n'")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', 2))
            .Where(f => f.Length == 2 && f[1].StartsWith("ii", StringComparison.Ordinal))
            .Select(f => f[0])
            .ToHashSet();

        var mtaInstalled = MtaPackages.Where(installed.Contains).ToList();
        Assert.Equal(spec.HasMta ? [spec.MainPackage!] : [], mtaInstalled);
    }

    [Theory, MemberData(nameof(Hosts))]
    public void MTA_unit_state_is_the_listed_one(string name)
    {
        var spec = TestHostsFixture.Spec(name);
        if (spec.Unit is null)
        {
            // No MTA: none of the MTA units is even loaded.
            var units = Run(name, "systemctl list-units --all --type=service --no-legend --plain | awk '{print $1}'");
            Assert.Empty(units.Split('\n', StringSplitOptions.RemoveEmptyEntries).Intersect(MtaUnits));
            return;
        }
        // is-active/is-enabled exit non-zero for inactive/disabled: read their words, not the rc.
        var (_, active, _) = hosts.Exec(name, $"systemctl is-active {spec.Unit}", Quick);
        var (_, enabled, _) = hosts.Exec(name, $"systemctl is-enabled {spec.Unit}", Quick);
        Assert.Equal(spec.Running ? "active" : "inactive", active.Trim());
        Assert.Equal(spec.Running ? "enabled" : "disabled", enabled.Trim());
    }

    [Theory, MemberData(nameof(Hosts))]
    public void SMTP_banner_on_the_host_address_names_its_MTA(string name)
    {
        var spec = TestHostsFixture.Spec(name);
        hosts.EnsureReady(name);
        if (!spec.HasMta || !spec.Running)
        {
            var ex = Assert.ThrowsAny<SocketException>(() => Banner(spec.Address, 25));
            Assert.Equal(SocketError.ConnectionRefused, ex.SocketErrorCode);
            return;
        }
        var banner = Banner(spec.Address, 25);
        Assert.StartsWith("220 ", banner);
        Assert.Contains(name, banner); // the host's own MTA answers, not a neighbour's
        // What each MTA's default Debian banner says (seen on these hosts).
        string marker = spec.Mta switch
        {
            "postfix" => "ESMTP Postfix (Debian", // "(Debian/GNU)" up to bookworm, "(Debian)" on trixie
            "exim" => "ESMTP Exim ",
            "sendmail" => "ESMTP Sendmail ",
            "opensmtpd" => "ESMTP OpenSMTPD",
            _ => throw new InvalidOperationException(spec.Mta),
        };
        Assert.Contains(marker, banner);
    }

    [Theory, MemberData(nameof(Hosts))]
    public void Sshd_listens_on_the_host_address(string name)
    {
        hosts.EnsureReady(name);
        Assert.StartsWith("SSH-2.0-OpenSSH", Banner(TestHostsFixture.Spec(name).Address, 22));
    }

    /// <summary>The first line a server sends after connect.</summary>
    private static string Banner(string address, int port)
    {
        using var client = new TcpClient();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        // Refused surfaces as a SocketException, a silent address as OperationCanceledException.
        client.ConnectAsync(IPAddress.Parse(address), port, cts.Token).AsTask().GetAwaiter().GetResult();
        using var stream = client.GetStream();
        stream.ReadTimeout = 10_000;
        var line = new StringBuilder();
        int b;
        while ((b = stream.ReadByte()) >= 0 && b != '\n') line.Append((char)b);
        return line.ToString().TrimEnd('\r');
    }
}
