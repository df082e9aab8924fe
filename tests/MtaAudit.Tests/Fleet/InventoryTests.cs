using MtaAudit.Fleet;

namespace MtaAudit.Tests.Fleet;

public class InventoryTests
{
    [Fact]
    public void Plain_list_reads_users_ports_comments_and_ipv6()
    {
        var inv = Inventory.Parse("""
            # the mail relays
            mx1.example.org
            admin@mx2.example.org:2222   # second relay
            [2001:db8::25]:22

            10.0.0.7
            """, "hosts.txt");
        var t = inv.Targets(null, "hosts.txt");
        Assert.Equal(["mx1.example.org", "mx2.example.org:2222", "2001:db8::25", "10.0.0.7"], t.Select(x => x.Name));
        Assert.Equal(new Target("mx2.example.org:2222", "mx2.example.org", 2222, "admin"), t[1]);
        Assert.Equal(22, t[2].Port);
        Assert.Null(t[0].User);
    }

    [Theory]
    [InlineData("mx1 ; rm -rf /", "hosts.txt:2")]
    [InlineData("-oProxyCommand=x", "hosts.txt:2")]
    [InlineData("host:99999", "hosts.txt:2")]
    public void Plain_list_names_the_bad_line(string bad, string where)
    {
        var e = Assert.Throws<InventoryException>(() => Inventory.Parse("ok.example\n" + bad + "\n", "hosts.txt"));
        Assert.StartsWith(where + ":", e.Message);
    }

    private const string Ini = """
        # Ansible INI inventory
        bastion.example ansible_host=192.0.2.1

        [mail]
        mx[01:03].example ansible_user=ops
        relay.example ansible_host=192.0.2.9 ansible_port=2200

        [solaris]
        sol1.example ansible_user="admin"

        [unix:children]
        mail
        solaris

        [unix:vars]
        ansible_user=auditor
        ansible_port=22

        [solaris:vars]
        ansible_port=2022
        """;

    [Fact]
    public void Ini_inventory_has_groups_children_ranges_and_vars_host_vars_winning()
    {
        var inv = Inventory.Parse(Ini, "hosts.ini");
        var all = inv.Targets(null, "hosts.ini");
        Assert.Equal(["bastion.example", "mx01.example", "mx02.example", "mx03.example", "relay.example", "sol1.example"], all.Select(t => t.Name));
        Assert.Equal(new Target("bastion.example", "192.0.2.1", 22, null), all[0]);
        Assert.Equal(new Target("mx02.example", "mx02.example", 22, "ops"), all[2]);                // host var over group var
        Assert.Equal(new Target("relay.example", "192.0.2.9", 2200, "auditor"), all[4]);           // user from [unix:vars]
        Assert.Equal(new Target("sol1.example", "sol1.example", 2022, "admin"), all[5]);           // child group's vars over parent's
    }

    [Theory]
    [InlineData("solaris", new[] { "sol1.example" })]
    [InlineData("unix", new[] { "mx01.example", "mx02.example", "mx03.example", "relay.example", "sol1.example" })]
    [InlineData("bastion.example,solaris", new[] { "bastion.example", "sol1.example" })]
    [InlineData("mail:solaris", new[] { "mx01.example", "mx02.example", "mx03.example", "relay.example", "sol1.example" })]
    [InlineData("all", new[] { "bastion.example", "mx01.example", "mx02.example", "mx03.example", "relay.example", "sol1.example" })]
    public void Limit_picks_groups_and_hosts(string limit, string[] expected)
    {
        Assert.Equal(expected, Inventory.Parse(Ini, "hosts.ini").Targets(limit, "hosts.ini").Select(t => t.Name));
    }

    [Fact]
    public void Limit_naming_nothing_is_an_error()
    {
        var e = Assert.Throws<InventoryException>(() => Inventory.Parse(Ini, "hosts.ini").Targets("aix", "hosts.ini"));
        Assert.Contains("'aix'", e.Message);
    }

    [Fact]
    public void Yaml_inventory_has_groups_children_and_vars()
    {
        const string yaml = """
            all:
              hosts:
                bastion.example:
                  ansible_host: 192.0.2.1
              children:
                mail:
                  hosts:
                    mx01.example:
                    relay.example:
                      ansible_host: 192.0.2.9
                      ansible_port: 2200
                  vars:
                    ansible_user: ops
                legacy:
                  children:
                    solaris:
                      hosts:
                        sol1.example:
                          ansible_user: admin
                      vars:
                        ansible_port: 2022
                  vars:
                    ansible_port: 22
                    ansible_user: auditor
            """;
        var inv = Inventory.Parse(yaml, "inventory.yml");
        var all = inv.Targets(null, "inventory.yml");
        Assert.Equal(["bastion.example", "mx01.example", "relay.example", "sol1.example"], all.Select(t => t.Name));
        Assert.Equal(new Target("bastion.example", "192.0.2.1", 22, null), all[0]);
        Assert.Equal(new Target("mx01.example", "mx01.example", 22, "ops"), all[1]);
        Assert.Equal(new Target("relay.example", "192.0.2.9", 2200, "ops"), all[2]);
        Assert.Equal(new Target("sol1.example", "sol1.example", 2022, "admin"), all[3]);
        Assert.Equal(["sol1.example"], inv.Targets("legacy", "inventory.yml").Select(t => t.Name));
    }

    [Theory]
    [InlineData("all:\n  hosts: [a, b]\n", "inventory.yml:2")]
    [InlineData("all:\n  hosts:\n    a:\n  colour: blue\n", "inventory.yml:4")]
    [InlineData("all:\n  hosts:\n    a:\n      ansible_port: ssh\n", "inventory.yml: host 'a'")]
    [InlineData("all: {\n", "inventory.yml:")]
    public void Bad_yaml_names_file_and_line(string yaml, string where)
    {
        var e = Assert.Throws<InventoryException>(() => Inventory.Parse(yaml, "inventory.yml").Targets(null, "inventory.yml"));
        Assert.StartsWith(where, e.Message);
    }

    [Fact]
    public void Format_is_chosen_by_content_when_the_name_does_not_tell()
    {
        Assert.Equal(["a"], Inventory.Parse("all:\n  hosts:\n    a:\n", "inv").Targets(null, "inv").Select(t => t.Name));
        Assert.Equal(["b"], Inventory.Parse("[g]\nb ansible_port=2\n", "inv").Targets(null, "inv").Select(t => t.Name));
        Assert.Equal(["c:2"], Inventory.Parse("c:2\n", "inv").Targets(null, "inv").Select(t => t.Name));
    }
}
