using MtaAudit.Assess;
using MtaAudit.Facts;

namespace MtaAudit.Remediation;

/// <summary>
/// Hints that an MTA may not be needed as a mail server (it listens on loopback only, or not at all).
/// Only hints: whether it is used is the user's decision (--unused), never mta-audit's.
/// </summary>
public static class UnusedHints
{
    public static IEnumerable<Localized> For(HostFacts facts, MtaEvidence e)
    {
        if (!facts.Has("net.listen")) yield break;
        if (e.Sockets.Count == 0)
            yield return Glossary.Say("fix.hint-no-port");
        else if (e.Sockets.All(s => s.IsLoopbackOnly))
            yield return Glossary.Say("fix.hint-loopback");
    }

    /// <summary>One line for an MTA the user did not name as unused: how they would.</summary>
    public static Localized HowToDecide(string mta) =>
        Glossary.Say("fix.in-use-update-only", ("mta", mta));
}
