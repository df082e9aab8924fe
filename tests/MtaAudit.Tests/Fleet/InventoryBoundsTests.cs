using System.Diagnostics;
using System.Text;
using MtaAudit.Fleet;
using MtaAudit.Tests.Io;

namespace MtaAudit.Tests.Fleet;

/// <summary>
/// Crafted inventories end, quickly, with one line naming the file, the line when known, and the limit:
/// nested YAML aliases ("billion laughs"), a 100,000-deep :children chain, a :children cycle, range patterns
/// of 10^8 hosts, YAML nested 100,000 deep, and files larger than the cap (or endless, /dev/zero).
/// The process tests give the CLI 20 s: a hang detector, not a speed assertion.
/// </summary>
public sealed class InventoryBoundsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mta-audit-inventory-bounds-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Put(string name, string text)
    {
        var p = Path.Combine(_dir, name);
        File.WriteAllText(p, text);
        return p;
    }

    /// <summary>Eleven levels of ten aliases each: 10^11 groups to walk from 1.6 KB.</summary>
    internal static string BillionLaughs()
    {
        var sb = new StringBuilder("all:\n  children:\n    l0: &l0\n      hosts:\n        h0:\n");
        for (int i = 1; i <= 11; i++)
        {
            sb.Append($"    l{i}: &l{i}\n      children: {{");
            sb.Append(string.Join(", ", Enumerable.Range(0, 10).Select(j => $"g{i}x{j}: *l{i - 1}")));
            sb.Append("}\n");
        }
        return sb.ToString();
    }

    private static string ChildrenChain(int depth)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < depth; i++) sb.Append($"[g{i}:children]\ng{i + 1}\n");
        return sb.Append($"[g{depth}]\nh1 ansible_host=192.0.2.1\n").ToString();
    }

    private (int Code, string Stdout, string Stderr) Scan(string inventory) =>
        BoundsCli.Run(_dir, ["scan", "--inventory", inventory, "--store", Path.Combine(_dir, "store.db")]);

    [Fact]
    public void Cli_a_yaml_alias_bomb_ends_with_the_node_limit()
    {
        var (code, _, stderr) = Scan(Put("laughs.yml", BillionLaughs()));
        Assert.Equal(3, code);
        BoundsCli.OneLineNaming(stderr, "laughs.yml:", "2000000 nodes");
    }

    [Fact]
    public void Cli_a_100000_deep_children_chain_ends_with_the_depth_limit()
    {
        var (code, _, stderr) = Scan(Put("chain.ini", ChildrenChain(100_000)));
        Assert.Equal(3, code);
        BoundsCli.OneLineNaming(stderr, "chain.ini", "g101", "100 levels");
    }

    [Fact]
    public void Cli_a_range_of_a_hundred_million_hosts_ends_with_the_host_limit()
    {
        var (code, _, stderr) = Scan(Put("range.ini", "[web]\nweb.example ansible_host=192.0.2.1\nh[0:9999][0:9999]\n"));
        Assert.Equal(3, code);
        BoundsCli.OneLineNaming(stderr, "range.ini:3:", "100000 hosts");
    }

    [Fact]
    public void Cli_a_children_cycle_is_an_error_naming_the_groups()
    {
        var (code, _, stderr) = Scan(Put("cycle.ini", "[a:children]\nb\n[b:children]\na\n[a]\nh1 ansible_host=192.0.2.1\n"));
        Assert.Equal(3, code);
        BoundsCli.OneLineNaming(stderr, "cycle.ini", "a → b", "cycle");
    }

    [Fact]
    public void Cli_yaml_nested_100000_deep_ends_with_the_nesting_limit()
    {
        var (code, _, stderr) = Scan(Put("deep.yml", "all: " + new string('[', 100_000) + new string(']', 100_000) + "\n"));
        Assert.Equal(3, code);
        BoundsCli.OneLineNaming(stderr, "deep.yml:1:", "200 levels");
    }

    [Fact]
    public void Cli_an_endless_inventory_is_refused_at_the_size_limit()
    {
        var (code, _, stderr) = Scan("/dev/zero");
        Assert.Equal(3, code);
        BoundsCli.OneLineNaming(stderr, "/dev/zero", "32 MiB");
    }

    [Fact]
    public void An_inventory_file_over_the_cap_is_refused_before_it_is_read()
    {
        var big = Path.Combine(_dir, "big.ini");
        using (var f = File.Create(big)) f.SetLength(Inventory.MaxFileBytes + 1); // sparse: no disk, no time
        var e = Assert.Throws<InventoryException>(() => Inventory.Load(big));
        Assert.Contains("32 MiB", e.Message, StringComparison.Ordinal);
        Assert.Contains("인벤토리 파일", e.Said.Ko, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_of_exactly_the_host_limit_gives_every_host_and_one_more_is_refused()
    {
        var watch = Stopwatch.StartNew();
        var targets = Inventory.Parse("[web]\nh[000000:099999] ansible_user=ops\n", "hosts.ini").Targets(null, "hosts.ini");
        Assert.Equal(Inventory.MaxHosts, targets.Count);
        Assert.Equal(new Target("h099999", "h099999", 22, "ops"), targets[^1]);
        Assert.True(watch.Elapsed < BoundsCli.HangLimit, $"{watch.Elapsed}");

        var e = Assert.Throws<InventoryException>(() => Inventory.Parse("[web]\nh[000000:099999]\nlast ansible_host=192.0.2.1\n", "hosts.ini"));
        Assert.StartsWith("hosts.ini:3: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_ranges_multiply_in_order()
    {
        var names = Inventory.Parse("[g]\nr[1:2]-n[08:10].example\n", "hosts.ini").Targets(null, "hosts.ini").Select(t => t.Name);
        Assert.Equal(["r1-n08.example", "r1-n09.example", "r1-n10.example", "r2-n08.example", "r2-n09.example", "r2-n10.example"], names);
    }

    [Fact]
    public void A_chain_at_the_depth_limit_is_read_and_its_deepest_vars_win()
    {
        var text = ChildrenChain(Inventory.MaxGroupDepth) + $"[g0:vars]\nansible_port=2200\n[g{Inventory.MaxGroupDepth}:vars]\nansible_port=2222\n";
        var inv = Inventory.Parse(text, "chain.ini");
        Assert.Equal([new Target("h1", "192.0.2.1", 2222)], inv.Targets(null, "chain.ini"));
        Assert.Equal(["h1"], inv.Targets("g0", "chain.ini").Select(t => t.Name));
        Assert.Throws<InventoryException>(() => Inventory.Parse(ChildrenChain(Inventory.MaxGroupDepth + 1), "chain.ini"));
    }

    [Fact]
    public void A_yaml_cycle_through_group_names_is_an_error()
    {
        const string yaml = "all:\n  children:\n    a:\n      children:\n        b:\n          hosts:\n            h1:\n    b:\n      children:\n        a:\n";
        var e = Assert.Throws<InventoryException>(() => Inventory.Parse(yaml, "inventory.yml"));
        Assert.Contains("cycle", e.Message, StringComparison.Ordinal);
        Assert.Contains("순환", e.Said.Ko, StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_within_the_limit_still_share_variables()
    {
        const string yaml = """
            all:
              children:
                mail:
                  vars: &common
                    ansible_user: ops
                    ansible_port: 2200
                  hosts:
                    mx1.example:
                relay:
                  vars: *common
                  hosts:
                    relay.example:
            """;
        var t = Inventory.Parse(yaml, "inventory.yml").Targets(null, "inventory.yml");
        Assert.Equal([new Target("mx1.example", "mx1.example", 2200, "ops"), new Target("relay.example", "relay.example", 2200, "ops")], t);
    }
}
