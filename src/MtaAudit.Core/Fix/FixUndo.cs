using MtaAudit.Remediation;

namespace MtaAudit.Fix;

/// <summary>What --undo did to one step: restored, already (the state before was there), manual (a person must), failed.</summary>
/// <summary>One step's undo: its result (restored, already, manual, failed) and a glossary sentence on it (the journal keeps the English).</summary>
public sealed record UndoOutcome(int Step, string Target, string Result, Localized? Message);

/// <summary>
/// --undo JOURNAL: brings back, last step first, the state each step found before it ran: files get their
/// original bytes from the backup (checked against the hash the journal kept), services their earlier
/// running and boot states. Steps that found their state already there changed nothing and are passed
/// over; a step cut by a crash or a failure is undone as far as its target moved. A package update is
/// not undone automatically (the older package may no longer be available): the command to try is named.
/// Every undo action is appended to the same journal, so a second --undo finds nothing left to do.
/// </summary>
public sealed class FixUndo(ITarget target, TimeSpan stepTimeout)
{
    public List<UndoOutcome> Undo(string journalPath, out List<string> problems)
    {
        var (entries, readProblems) = Journal.Read(journalPath);
        problems = readProblems;
        var outcomes = new List<UndoOutcome>();
        using var journal = Journal.Append(journalPath);
        journal.Write(new JournalEntry { Event = "undo-start" });
        var befores = entries.Where(e => e.Event == "before" && e.Step is not null).GroupBy(e => e.Step!.Value)
            .Select(g => g.First()).OrderByDescending(e => e.Step).ToList();
        foreach (var b in befores)
        {
            int n = b.Step!.Value;
            var after = entries.LastOrDefault(e => e.Event == "after" && e.Step == n);
            if (after?.Result == "already") continue;
            var step = Journal.StepOf(b);
            UndoOutcome o;
            if (step is null) o = new(n, b.Target ?? "?", "manual", Glossary.Say("undo.unknown-kind", ("kind", b.Kind ?? "?")));
            else
            {
                journal.Write(new JournalEntry { Event = "undo-before", Step = n, Target = step.Target });
                o = UndoStep(n, step, b, entries);
            }
            journal.Write(new JournalEntry { Event = "undo-after", Step = n, Target = o.Target, Result = o.Result, Message = o.Message?.En });
            outcomes.Add(o);
        }
        journal.Write(new JournalEntry { Event = "undo-end", Result = outcomes.Any(o => o.Result == "failed") ? "failed" : "ok" });
        return outcomes;
    }

    private UndoOutcome UndoStep(int n, RemediationStep step, JournalEntry before, List<JournalEntry> entries)
    {
        switch (step)
        {
            case FileLineEdit f:
                return RestoreFile(n, f, entries.LastOrDefault(e => e.Event == "backup" && e.Step == n));
            case PackageUpdate p:
                // The version seen on the host before the update, and the command the run wrote into the journal.
                var previous = before.Observed ?? p.FromVersion;
                var back = entries.LastOrDefault(e => e.Event == "after" && e.Step == n)?.Downgrade ?? PackageDowngrade.Command(p, previous);
                return new(n, p.Package, "manual", back is null
                    ? Glossary.Say("undo.package-reinstall", ("package", p.Package), ("version", previous))
                    : Glossary.Say("undo.package-downgrade", ("package", p.Package), ("version", previous), ("command", StepText.Line(null, back))));
        }
        var was = before.Observed ?? "";
        var cmd = StepChecks.UndoCommand(step, was);
        if (cmd is null) return new(n, step.Target, "already", Glossary.Say("undo.nothing-to-bring-back", ("was", StepText.State(was))));
        var now = StepChecks.Observe(target, step);
        if (StepChecks.SameState(step, now, was)) return new(n, step.Target, "already", Glossary.Say("undo.already", ("was", StepText.State(was))));
        var r = target.Run(cmd, stepTimeout);
        var after = StepChecks.Observe(target, step);
        return StepChecks.SameState(step, after, was)
            ? new(n, step.Target, "restored", Glossary.Say("undo.restored-state", ("now", StepText.State(now)), ("after", StepText.State(after))))
            : new(n, step.Target, "failed", Glossary.Say("undo.failed-state", ("command", StepText.Line(null, cmd)), ("cause", TerminalText.Clean(r.Summary)),
                ("after", StepText.State(after)), ("was", StepText.State(was))));
    }

    private UndoOutcome RestoreFile(int n, FileLineEdit f, JournalEntry? backup)
    {
        if (backup?.Backup is null) return new(n, f.Path, "already", Glossary.Say("undo.no-backup"));
        try
        {
            var original = File.ReadAllBytes(backup.Backup);
            if (FixRunner.Sha(original) != backup.Sha256)
                return new(n, f.Path, "failed", Glossary.Say("undo.backup-mismatch", ("backup", backup.Backup)));
            var current = target.ReadFile(f.Path);
            if (current is not null && current.AsSpan().SequenceEqual(original)) return new(n, f.Path, "already", Glossary.Say("undo.already-original"));
            target.WriteFile(f.Path, original);
            var check = target.ReadFile(f.Path);
            return check is not null && check.AsSpan().SequenceEqual(original)
                ? new(n, f.Path, "restored", Glossary.Say("undo.restored-file", ("backup", backup.Backup)))
                : new(n, f.Path, "failed", Glossary.Say("undo.not-read-back"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(n, f.Path, "failed", Glossary.Say("quote", ("text", TerminalText.Clean(e.Message))));
        }
    }
}
