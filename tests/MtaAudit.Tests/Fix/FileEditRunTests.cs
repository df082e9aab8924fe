using System.Diagnostics;
using System.Text;
using MtaAudit.Facts;
using MtaAudit.Fix;
using MtaAudit.Remediation;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Fix;

/// <summary>
/// --apply and --undo of the AIX and HP-UX file edits, run by the real runner on copies of the real files
/// (<see cref="LocalTarget"/> with a file root): backup first, journal before and after, byte-exact result,
/// second run a no-op, undo back to the original bytes, and a step that fails halfway on a read-only
/// (immutable) file.
/// </summary>
public sealed class FileEditRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mta-audit-fix-test-").FullName;
    private string Root => Path.Combine(_dir, "root");
    private string JournalPath(string name) => Path.Combine(_dir, name + ".journal");

    private static readonly byte[] AixLive = Encoding.Latin1.GetBytes(Fixture.Output("aix/rc.tcpip-sendmail-start-line-commented.txt")[1..]);
    private static readonly byte[] AixCommented = Encoding.Latin1.GetBytes(Fixture.Output("aix/rc.tcpip-sendmail-start-line-commented.txt"));
    private static readonly byte[] Mailservs = Encoding.Latin1.GetBytes(Fixture.Output("hpux/rc.config.d-mailservs-documented-lines.txt"));

    private string Put(string path, byte[] bytes)
    {
        var p = Path.Join(Root, path.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(p)!);
        File.WriteAllBytes(p, bytes);
        return p;
    }

    private static HostPlan PlanOf(params FileLineEdit[] edits) =>
        new("copy", new OsInfo(OsFamily.Unknown, null, null), [new MtaPlan("sendmail", PlanDecision.Unused, edits, [])], []);

    private static readonly FileLineEdit Aix = new(AixRcTcpipEdit.DefaultPath, AixRcTcpipEdit.Instance);
    private static readonly FileLineEdit Hpux = new(HpuxMailservsEdit.DefaultPath, HpuxMailservsEdit.Instance);

    [Fact]
    public void Aix_and_hpux_edits_apply_byte_exact_are_idempotent_and_undo_to_the_original_bytes()
    {
        var rc = Put(Aix.Path, AixLive);
        var ms = Put(Hpux.Path, Mailservs);
        var runner = new FixRunner(new LocalTarget(Root), TimeSpan.FromSeconds(30));

        var first = runner.Apply(PlanOf(Aix, Hpux), JournalPath("first"), null);
        Assert.True(first.Ok, string.Join("; ", first.Steps.Select(s => s.Message)));
        Assert.All(first.Steps, s => Assert.Equal("done", s.Result));
        Assert.Equal(AixCommented, File.ReadAllBytes(rc));
        Assert.Equal(HpuxMailservsEdit.Instance.Apply(Mailservs), File.ReadAllBytes(ms));
        Assert.Contains("export SENDMAIL_SERVER=0\n", File.ReadAllText(ms), StringComparison.Ordinal);

        // Backups hold the original bytes and the journal says before, backup, after for each step, in order.
        var (entries, problems) = Journal.Read(JournalPath("first"));
        Assert.Empty(problems);
        Assert.Equal(["start", "before", "backup", "after", "before", "backup", "after", "end"], entries.Select(e => e.Event));
        var backups = entries.Where(e => e.Event == "backup").ToList();
        Assert.Equal(AixLive, File.ReadAllBytes(backups[0].Backup!));
        Assert.Equal(Mailservs, File.ReadAllBytes(backups[1].Backup!));
        Assert.Equal("start line active", entries[1].Observed);

        var second = runner.Apply(PlanOf(Aix, Hpux), JournalPath("second"), null);
        Assert.True(second.Ok);
        Assert.False(second.Changed);
        Assert.DoesNotContain(Journal.Read(JournalPath("second")).Entries, e => e.Event == "backup");
        Assert.False(Directory.Exists(JournalPath("second") + ".backup"));

        var undone = new FixUndo(new LocalTarget(Root), TimeSpan.FromSeconds(30)).Undo(JournalPath("first"), out var undoProblems);
        Assert.Empty(undoProblems);
        Assert.Equal(["restored", "restored"], undone.Select(u => u.Result));
        // Said from the glossary in both languages; the journal keeps the English.
        Assert.All(undone, u => Assert.Equal(("undo.restored-file", "original bytes from " + u.Message!.Args![0].Value, u.Message.Args[0].Value + "의 원래 내용으로 복원함"),
            (u.Message.Code, u.Message.En, u.Message.Ko)));
        Assert.Contains(Journal.Read(JournalPath("first")).Entries, e => e.Event == "undo-after" && e.Message == undone[0].Message!.En);
        Assert.Equal(AixLive, File.ReadAllBytes(rc));
        Assert.Equal(Mailservs, File.ReadAllBytes(ms));

        // The second run's journal changed nothing, so undoing it changes nothing either.
        Assert.Empty(new FixUndo(new LocalTarget(Root), TimeSpan.FromSeconds(30)).Undo(JournalPath("second"), out _));
        Assert.Equal(AixLive, File.ReadAllBytes(rc));
    }

    [Fact]
    public void A_file_already_edited_is_not_touched_and_gets_no_backup()
    {
        var rc = Put(Aix.Path, AixCommented);
        var before = File.GetLastWriteTimeUtc(rc);
        var outcome = new FixRunner(new LocalTarget(Root), TimeSpan.FromSeconds(30)).Apply(PlanOf(Aix), JournalPath("j"), null);
        Assert.True(outcome.Ok);
        Assert.Equal("already", Assert.Single(outcome.Steps).Result);
        Assert.Equal(AixCommented, File.ReadAllBytes(rc));
        Assert.Equal(before, File.GetLastWriteTimeUtc(rc));
    }

    [Fact]
    public void A_read_only_file_stops_the_run_halfway_the_journal_says_so_and_undo_restores_the_first_step()
    {
        var ms = Put(Hpux.Path, Mailservs);
        var rc = Put(Aix.Path, AixLive);
        Chattr("+i", rc); // immutable: even root cannot replace it
        try
        {
            var outcome = new FixRunner(new LocalTarget(Root), TimeSpan.FromSeconds(30)).Apply(PlanOf(Hpux, Aix), JournalPath("j"), null);
            Assert.False(outcome.Ok);
            Assert.Equal(2, outcome.Failed!.Number);
            Assert.Equal(["done", "failed"], outcome.Steps.Select(s => s.Result));
            Assert.Equal(AixLive, File.ReadAllBytes(rc));
            Assert.NotEqual(Mailservs, File.ReadAllBytes(ms));
            Assert.False(File.Exists(rc + ".mta-audit-new"));

            var (entries, problems) = Journal.Read(JournalPath("j"));
            Assert.Empty(problems);
            Assert.Equal(["start", "before", "backup", "after", "before", "backup", "after", "end"], entries.Select(e => e.Event));
            Assert.Equal("done", entries[3].Result);
            Assert.Equal("failed", entries[6].Result);
            Assert.Equal("failed", entries[7].Result);
            Assert.Contains("--undo " + JournalPath("j"), entries[7].Message, StringComparison.Ordinal);

            var undone = new FixUndo(new LocalTarget(Root), TimeSpan.FromSeconds(30)).Undo(JournalPath("j"), out _);
            Assert.Equal(Mailservs, File.ReadAllBytes(ms));
            Assert.Contains(undone, u => u.Step == 1 && u.Result == "restored");
            Assert.Contains(undone, u => u.Step == 2 && u.Result == "already"); // never changed
            Assert.Contains(undone, u => u.Step == 2 && u.Message!.Ko == "이미 원래 내용임");
            Assert.Equal(AixLive, File.ReadAllBytes(rc));
        }
        finally
        {
            Chattr("-i", rc);
        }
    }

    [Fact]
    public void A_missing_file_fails_the_step_without_creating_it()
    {
        var outcome = new FixRunner(new LocalTarget(Root), TimeSpan.FromSeconds(30)).Apply(PlanOf(Aix), JournalPath("j"), null);
        Assert.Equal(1, outcome.Failed!.Number);
        Assert.Contains("no such file", outcome.Failed.Message!.En, StringComparison.Ordinal);
        Assert.Contains("파일이 없음", outcome.Failed.Message.Ko, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Join(Root, "etc/rc.tcpip")));
    }

    private static void Chattr(string flag, string path)
    {
        var psi = new ProcessStartInfo("chattr") { RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(flag);
        psi.ArgumentList.Add(path);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        Assert.True(p.WaitForExit(10_000) && p.ExitCode == 0, $"chattr {flag} {path}: {err} (needs root on a file system with attributes)");
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
