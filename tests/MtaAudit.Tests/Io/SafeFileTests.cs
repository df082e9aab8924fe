using System.Text;
using MtaAudit.Fix;
using MtaAudit.Io;

namespace MtaAudit.Tests.Io;

/// <summary>
/// The one way files are written (<see cref="SafeFile"/>): a symlink planted at any name the tool writes
/// or used to write is never followed, the file it points to stays byte for byte, and a file appears
/// whole or not at all.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SafeFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mta-audit-safefile-").FullName;
    private readonly byte[] _victimBytes = Encoding.ASCII.GetBytes("root:x:0:0:root:/root:/bin/bash\n");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A file outside the output directory that a planted symlink points to.</summary>
    internal string Victim()
    {
        var v = Path.Combine(_dir, "victim-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(v, _victimBytes);
        return v;
    }

    internal void AssertUntouched(string victim) => Assert.Equal(_victimBytes, File.ReadAllBytes(victim));

    [Fact]
    public void A_symlink_at_the_destination_is_replaced_not_written_through()
    {
        var victim = Victim();
        var report = Path.Combine(_dir, "report.html");
        File.CreateSymbolicLink(report, victim);

        SafeFile.Write(report, "<html>"u8);

        AssertUntouched(victim);
        Assert.Null(new FileInfo(report).LinkTarget);
        Assert.Equal("<html>", File.ReadAllText(report));
    }

    [Fact]
    public void Replacing_an_existing_file_keeps_its_mode_and_leaves_no_temporary()
    {
        var path = Path.Combine(_dir, "report.txt");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        SafeFile.Write(path, "new"u8);

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal([path], Directory.GetFiles(_dir));
    }

    [Fact]
    public void A_file_not_committed_leaves_the_old_one_and_no_temporary()
    {
        var path = Path.Combine(_dir, "report.txt");
        File.WriteAllText(path, "complete old report");
        using (var pending = SafeFile.Begin(path))
        {
            pending.Stream.Write("half a new rep"u8);
            // the writer fails here: no Commit
        }
        Assert.Equal("complete old report", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_dir));
    }

    [Fact]
    public void Without_overwrite_an_existing_name_is_an_error_and_stays()
    {
        var path = Path.Combine(_dir, "a.evidence");
        File.WriteAllText(path, "first");
        Assert.Throws<IOException>(() => SafeFile.Write(path, "second"u8, overwrite: false));
        Assert.Equal("first", File.ReadAllText(path));
    }

    [Fact]
    public void A_new_file_never_opens_a_planted_symlink_even_a_dangling_one()
    {
        var victim = Victim();
        var backup = Path.Combine(_dir, "01-mailservs");
        File.CreateSymbolicLink(backup, victim);
        Assert.Throws<IOException>(() => AtomicFile.WriteNew(backup, "x"u8.ToArray()));
        AssertUntouched(victim);

        var dangling = Path.Combine(_dir, "journal");
        var wouldBeCreated = Path.Combine(_dir, "created-through-link");
        File.CreateSymbolicLink(dangling, wouldBeCreated);
        Assert.Throws<IOException>(() => Journal.Create(dangling));
        Assert.False(File.Exists(wouldBeCreated));
    }

    [Fact]
    public void The_fix_edit_ignores_a_symlink_at_its_former_temporary_name()
    {
        var victim = Victim();
        var edited = Path.Combine(_dir, "mailservs");
        File.WriteAllText(edited, "export SENDMAIL_SERVER=1\n");
        File.CreateSymbolicLink(edited + ".mta-audit-new", victim);

        AtomicFile.Replace(edited, "export SENDMAIL_SERVER=0\n"u8.ToArray());

        AssertUntouched(victim);
        Assert.Equal("export SENDMAIL_SERVER=0\n", File.ReadAllText(edited));
    }

    [Fact]
    public void A_backup_directory_that_is_a_symlink_is_refused()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_dir, "etc")).FullName;
        var backups = Path.Combine(_dir, "run.journal.backup");
        File.CreateSymbolicLink(backups, elsewhere);
        var e = Assert.Throws<IOException>(() => SafeFile.CreateDirectory(backups));
        Assert.Contains("symbolic link", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-wal")]
    [InlineData("-shm")]
    [InlineData("-journal")]
    public void A_results_store_with_a_symlink_at_its_name_or_a_side_file_is_refused(string side)
    {
        var victim = Victim();
        var store = Path.Combine(_dir, "fleet.db");
        File.CreateSymbolicLink(store + side, victim);
        var e = Assert.Throws<MtaAudit.Store.StoreException>(() => MtaAudit.Store.FleetStore.Open(store).Dispose());
        Assert.Contains("symbolic link", e.Message, StringComparison.Ordinal);
        AssertUntouched(victim);
    }
}
