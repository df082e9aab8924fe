using System.Security.Cryptography;
using MtaAudit.Assess;
using MtaAudit.Remediation;

namespace MtaAudit.Fix;

/// <summary>What happened to one step: done, already (its after-state was there: nothing run), failed.</summary>
/// <summary>One step's result; <see cref="Message"/> says why it failed (a worded sentence, or the command's or system's own words quoted).</summary>
public sealed record StepOutcome(int Number, string Mta, RemediationStep Step, string Result, string Before, string After, Localized? Message);

/// <summary>The result of an --apply run.</summary>
public sealed record ApplyOutcome(string Journal, IReadOnlyList<StepOutcome> Steps, StepOutcome? Failed, IReadOnlyList<Localized> NotHeld)
{
    public bool Ok => Failed is null && NotHeld.Count == 0;
    /// <summary>False when every step found its state already there (a second run).</summary>
    public bool Changed => Steps.Any(s => s.Result != "already");
}

/// <summary>
/// Runs a plan's automatic steps in order on a target. For each step: read its state and write a
/// "before" journal line; if the state is already the one the step must leave, write "already" and
/// change nothing (a second run is a no-op); else back up the file it edits, run it, read the state
/// again and write "done" or "failed". A failed step ends the run there. Then a fresh collection must
/// show the intended state (<see cref="PlanVerifier"/>), or the run names the step that did not hold.
/// </summary>
public sealed class FixRunner(ITarget target, TimeSpan stepTimeout)
{
    public ApplyOutcome Apply(HostPlan plan, string journalPath, Func<Collection>? recollect)
    {
        var backups = journalPath + ".backup";
        var outcomes = new List<StepOutcome>();
        using var journal = Journal.Create(journalPath);
        journal.Write(new JournalEntry { Event = "start", Host = plan.Host, Remote = target.Remote, Message = $"{plan.Numbered().Count(x => x.Step.Automatic)} automatic steps" });
        foreach (var (n, mta, step) in plan.Numbered().Where(x => x.Step.Automatic))
        {
            var outcome = RunStep(journal, backups, plan.Host, n, mta, step);
            outcomes.Add(outcome);
            if (outcome.Result == "failed")
            {
                journal.Write(new JournalEntry { Event = "end", Host = plan.Host, Result = "failed", Step = n,
                    Message = $"step {n} failed; to undo what was done: mta-audit fix --undo {journalPath}" });
                return new ApplyOutcome(journalPath, outcomes, outcome, []);
            }
        }
        var notHeld = new List<Localized>();
        if (recollect is not null)
        {
            Collection fresh;
            try { fresh = recollect(); }
            catch (FixException e) { fresh = null!; notHeld.Add(e.Said); }
            if (fresh is not null) notHeld.AddRange(PlanVerifier.Check(plan, fresh, target));
            foreach (var p in notHeld) journal.Write(new JournalEntry { Event = "verify", Host = plan.Host, Result = "not-held", Message = p.En });
        }
        journal.Write(new JournalEntry { Event = "end", Host = plan.Host, Result = notHeld.Count == 0 ? "ok" : "not-held" });
        return new ApplyOutcome(journalPath, outcomes, null, notHeld);
    }

    private StepOutcome RunStep(Journal journal, string backups, string host, int n, string mta, RemediationStep step)
    {
        string before;
        byte[]? original = null;
        try
        {
            if (step is FileLineEdit f)
            {
                original = target.ReadFile(f.Path) ?? throw new FileNotFoundException(null, f.Path);
                before = f.Edit.IsSatisfied(original) ? f.Edit.AfterState : f.Edit.BeforeState;
            }
            else before = StepChecks.Observe(target, step);
        }
        catch (IOException e)
        {
            journal.Write(Journal.Describe(host, n, mta, step, "unreadable"));
            var why = e is FileNotFoundException ? Glossary.Say("fix.err.no-such-file", ("path", ((FileLineEdit)step).Path)) : Glossary.Same(e.Message);
            return Fail(journal, n, mta, step, "unreadable", "unreadable", why);
        }
        journal.Write(Journal.Describe(host, n, mta, step, before));
        if (Holds(step, before))
        {
            journal.Write(new JournalEntry { Event = "after", Step = n, Result = "already", Observed = before });
            return new StepOutcome(n, mta, step, "already", before, before, null);
        }

        Localized? message = null;
        string after;
        if (step is FileLineEdit edit)
        {
            MtaAudit.Io.SafeFile.CreateDirectory(backups);
            var backup = Path.Combine(backups, $"{n:D2}-{Path.GetFileName(edit.Path)}");
            AtomicFile.WriteNew(backup, original!);
            journal.Write(new JournalEntry { Event = "backup", Step = n, Target = edit.Path, Backup = backup, Sha256 = Sha(original!) });
            try
            {
                target.WriteFile(edit.Path, edit.Edit.Apply(original!));
                var now = target.ReadFile(edit.Path) ?? [];
                after = edit.Edit.IsSatisfied(now) ? edit.Edit.AfterState : edit.Edit.BeforeState;
            }
            catch (IOException e)
            {
                return Fail(journal, n, mta, step, before, before, Glossary.Same(e.Message));
            }
        }
        else
        {
            var r = target.Run(step.Command!, stepTimeout, (step as PackageUpdate)?.Environment);
            if (!r.Ok) message = Glossary.Same(r.Summary);
            after = StepChecks.Observe(target, step);
        }
        if (!Holds(step, after))
            return Fail(journal, n, mta, step, before, after,
                message ?? Glossary.Say("fix.err.state-after", ("after", StepText.State(after)), ("want", StepText.State(step.After))));
        journal.Write(new JournalEntry { Event = "after", Step = n, Result = "done", Observed = after, Message = message?.En,
            Downgrade = step is PackageUpdate p ? PackageDowngrade.Command(p, before)?.ToList() : null });
        return new StepOutcome(n, mta, step, "done", before, after, message);
    }

    // The journal is a record for the tool (English); the outcome is worded for the person running it.
    private static StepOutcome Fail(Journal journal, int n, string mta, RemediationStep step, string before, string after, Localized message)
    {
        var clean = new Localized(TerminalText.Clean(message.En), TerminalText.Clean(message.Ko)) { Code = message.Code, Args = message.Args };
        journal.Write(new JournalEntry { Event = "after", Step = n, Result = "failed", Observed = after, Message = clean.En });
        return new StepOutcome(n, mta, step, "failed", before, after, clean);
    }

    public static bool Holds(RemediationStep step, string observed) =>
        step is FileLineEdit f ? observed == f.Edit.AfterState : StepChecks.Holds(step, observed);

    public static string Sha(byte[] b) => Convert.ToHexStringLower(SHA256.HashData(b));
}
