using MtaAudit.Tests.Hosts;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Render;

/// <summary>
/// The committed test-host bundles (Fixtures/testhosts, captured with MTA_AUDIT_CAPTURE=1) carry the collector's
/// net.addr probe: a report built from them by the CLI, offline, shows each host's own 10.213.N.2 address from
/// tests/hosts/hosts.tsv, in the summary table, the host detail and the CSV's IP column; none reads 확인 불가.
/// </summary>
public class TestHostBundleAddressTests
{
    [Fact]
    public void Reports_of_the_committed_test_host_bundles_show_each_hosts_own_address()
    {
        var dir = Fixture.PathOf("testhosts");
        var captured = Directory.GetFiles(dir, "*.evidence").Select(f => Path.GetFileName(f).Split('.')[0]).ToHashSet();
        var hosts = TestHostsFixture.Hosts.Where(h => captured.Contains(h.Name)).ToList();
        Assert.True(hosts.Count >= 16, $"only {hosts.Count} hosts of hosts.tsv have a bundle in {dir}");
        Assert.Equal(captured.Order(), hosts.Select(h => h.Name).Order()); // no bundle of a host the table does not name

        var env = new Dictionary<string, string?> { ["LC_ALL"] = null, ["LANG"] = "C.UTF-8" };
        var (code, text, err) = CliBinary.Run(["analyze", dir, "--lang", "ko", "--brief"], env);
        Assert.True(code is 0 or 1 or 2, $"exit {code}: {err}");
        var (csvCode, csv, csvErr) = CliBinary.Run(["analyze", dir, "--lang", "ko", "--format", "csv"], env);
        Assert.True(csvCode == code, $"csv exit {csvCode}: {csvErr}");
        var rows = csv.Split('\n');
        foreach (var h in hosts)
        {
            Assert.Matches($@"(?m)^{h.Name}\s+{System.Text.RegularExpressions.Regex.Escape(h.Address)}\s", text);
            var detail = text[text.IndexOf($"== {h.Name} : ", StringComparison.Ordinal)..];
            Assert.StartsWith("IP: " + h.Address + "\n", detail[detail.IndexOf("IP: ", StringComparison.Ordinal)..], StringComparison.Ordinal);
            Assert.Contains(rows, r => r.Contains("," + h.Name + "," + h.Address + ",", StringComparison.Ordinal));
        }
        Assert.DoesNotContain("IP: 확인 불가", text, StringComparison.Ordinal);
    }
}
