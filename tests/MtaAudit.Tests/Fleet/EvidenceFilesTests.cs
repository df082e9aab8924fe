using MtaAudit.Fleet;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Fleet;

/// <summary>
/// --evidence-dir file names: one file per inventory name, never shared (db/1 and db_1 were one file, so the
/// 취약 host's bundle was overwritten and `analyze DIR` exited 0), never outside the directory, never hidden,
/// and never written through a symlink planted at a predictable name.
/// </summary>
public sealed class EvidenceFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mta-audit-evidence-files-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // The vulnerable host (a postfix update pending) is written first, then the names that used to map onto it.
    private static readonly (string Name, string Bundle)[] Hosts =
    [
        ("db_1", "testhosts/deb12-postfix-update.pending.evidence"),
        ("db/1", "testhosts/deb12-none.evidence"),
        ("DB_1", "testhosts/deb13-none.evidence"),
        ("호스트", "testhosts/deb12-exim.evidence"),
        ("호스트/", "testhosts/deb13-exim.evidence"),
        ("a..b", "testhosts/deb12-sendmail.evidence"),
        ("../x", "testhosts/deb13-sendmail.evidence"),
        (".", "testhosts/deb11-postfix.evidence"),
    ];

    private string WriteAll()
    {
        var evidence = Path.Combine(_dir, "evidence");
        var files = new EvidenceFiles(evidence);
        foreach (var (name, bundle) in Hosts) files.Write(name, File.ReadAllBytes(Fixture.PathOf(bundle)));
        return evidence;
    }

    [Fact]
    public void Eight_hosts_whose_names_used_to_collide_give_eight_files_each_with_its_own_bundle()
    {
        var evidence = WriteAll();
        var written = Directory.GetFiles(evidence);
        Assert.Equal(Hosts.Length, written.Length);
        foreach (var (name, bundle) in Hosts)
        {
            var path = Path.Combine(evidence, EvidenceFiles.FileName(name));
            Assert.Equal(File.ReadAllBytes(Fixture.PathOf(bundle)), File.ReadAllBytes(path));
        }
        Assert.Empty(Directory.GetFiles(_dir)); // nothing escaped the directory ("../x")
        Assert.All(written, f => Assert.False(Path.GetFileName(f).StartsWith('.'), f));
    }

    [Fact]
    public void Analyze_of_the_directory_sees_the_vulnerable_host()
    {
        var evidence = WriteAll();
        var (code, stdout, stderr) = CliBinary.Run(["analyze", "--format", "json", evidence],
            new Dictionary<string, string?> { ["MTA_AUDIT_DATA_DIR"] = Path.Combine(_dir, "no-overlay") });
        Assert.True(code == 1, $"exit {code}: {stderr}");
        Assert.Equal(Hosts.Length, System.Text.Json.JsonDocument.Parse(stdout).RootElement.GetProperty("hosts").GetArrayLength());
    }

    [Theory]
    [InlineData("db/1", "db%2F1.evidence")]
    [InlineData("db_1", "db_1.evidence")]
    [InlineData("호스트", "호스트.evidence")]
    [InlineData("../x", "%2E.%2Fx.evidence")]
    [InlineData(".", "%2E.evidence")]
    [InlineData("100%", "100%25.evidence")]
    [InlineData("web01.example.com:2222", "web01.example.com%3A2222.evidence")]
    public void File_names_keep_safe_characters_and_escape_every_other_byte(string name, string file) =>
        Assert.Equal(file, EvidenceFiles.FileName(name));

    [Fact]
    public void A_name_too_long_for_a_file_system_is_cut_with_a_hash_and_stays_distinct()
    {
        var a = EvidenceFiles.FileName(new string('호', 300) + "a");
        var b = EvidenceFiles.FileName(new string('호', 300) + "b");
        Assert.NotEqual(a, b);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(a) <= 200, a);
    }

    [Fact]
    public void A_name_written_twice_in_one_run_gets_a_suffix_instead_of_replacing()
    {
        var files = new EvidenceFiles(_dir);
        var first = files.Write("h", "one"u8.ToArray());
        var second = files.Write("h", "two"u8.ToArray());
        Assert.NotEqual(first, second);
        Assert.Equal("one", File.ReadAllText(first));
        Assert.Equal("two", File.ReadAllText(second));
        Assert.EndsWith("h~2.evidence", second, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symlink_planted_at_the_old_temporary_or_the_final_name_is_never_written_through()
    {
        var victim = Path.Combine(_dir, "victim");
        File.WriteAllText(victim, "precious");
        var evidence = Directory.CreateDirectory(Path.Combine(_dir, "evidence")).FullName;
        File.CreateSymbolicLink(Path.Combine(evidence, "web1.evidence.tmp"), victim);
        File.CreateSymbolicLink(Path.Combine(evidence, "web2.evidence"), victim);

        var files = new EvidenceFiles(evidence);
        files.Write("web1", "bundle one"u8.ToArray());
        files.Write("web2", "bundle two"u8.ToArray());

        Assert.Equal("precious", File.ReadAllText(victim));
        Assert.Equal("bundle one", File.ReadAllText(Path.Combine(evidence, "web1.evidence")));
        Assert.Equal("bundle two", File.ReadAllText(Path.Combine(evidence, "web2.evidence")));
        Assert.Null(new FileInfo(Path.Combine(evidence, "web2.evidence")).LinkTarget);
    }
}
