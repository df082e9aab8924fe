using MtaAudit.Assess;
using MtaAudit.Facts;

namespace MtaAudit.Remediation;

/// <summary>
/// Hints that an MTA may not be needed as a mail server (it listens on loopback only, or not at all; nothing is queued).
/// Only hints: whether it is used is the user's decision (--unused), never mta-audit's.
/// </summary>
public static class UnusedHints
{
    public static IEnumerable<Localized> For(HostFacts facts, MtaEvidence e)
    {
        if (facts.Has("net.listen") && e.Sockets.Count == 0)
            yield return Glossary.Say("fix.hint-no-port");
        else if (facts.Has("net.listen") && e.Sockets.All(s => s.IsLoopbackOnly))
            yield return Glossary.Say("fix.hint-loopback");
        if (facts.QueuedMessages.TryGetValue(e.Id, out var n) && n == 0)
            yield return Glossary.Say("fix.hint-queue-empty");
    }

    /// <summary>For an MTA about to be stopped: the messages its queue still holds, which it will then not deliver.</summary>
    public static IEnumerable<Localized> Queued(HostFacts facts, MtaEvidence e)
    {
        if (facts.QueuedMessages.TryGetValue(e.Id, out var n) && n > 0)
            yield return Glossary.Say("fix.queued", ("n", n));
    }

    /// <summary>One line for an MTA the user did not name as unused: how they would.</summary>
    public static Localized HowToDecide(string mta) =>
        Glossary.Say("fix.in-use-update-only", ("mta", mta));
}
