using MtaAudit.Assess;
using MtaAudit.Facts;

namespace MtaAudit.Remediation;

/// <summary>
/// What to do, per OS and MTA, following the guide's 조치 방법 (stop and disable an unused MTA;
/// patch a used one), as the report's sentences. The commands come from the same typed steps
/// that <c>mta-audit fix</c> shows and runs (<see cref="RemediationPlanner"/>).
/// </summary>
public static class RemediationCatalog
{
    public static IReadOnlyList<Localized> For(HostFacts facts, MtaEvidence e, PackageRef? package, bool needsPatch, bool inUse, string? target)
    {
        var lines = new List<Localized>();
        if (needsPatch) lines.Add(Patch(PackagePlanner.Update(facts, e.Id, package, target), target));
        if (inUse || needsPatch)
        {
            var stop = Joined(RemediationPlanner.Unused(facts, e).Steps.Where(s => s.Kind != StepKind.PackageRemoval));
            lines.Add(Glossary.Say("fix.stop-if-unneeded", ("steps", stop)));
        }
        else
        {
            lines.Add(Glossary.Say("fix.keep-stopped", ("package", package is null ? "" : $" ({package.Name})")));
        }
        if (needsPatch && inUse)
            lines.Add(Glossary.Say("fix.patch-policy"));
        return lines;
    }

    private static Localized Patch(RemediationStep step, string? target)
    {
        if (step is ManualStep { Target: var site } m && site.Contains("://", StringComparison.Ordinal)) return m.Text;
return Glossary.Say("fix.update-vendor-package", ("to", To(target)), ("action", StepText.Action(step)));
    }

    private static Localized Joined(IEnumerable<RemediationStep> steps)
    {
        return Glossary.Join(steps.Select(StepText.Action), " ; ");
    }

    /// <summary>
    /// What to update to: an upstream version ("3.10.6"), or the vendor package version the vendor policy found
    /// ("4.96-15+deb12u10"), which is never called upstream. Package versions carry a revision ('-', '+', '~', ':').
    /// </summary>
    internal static Localized To(string? target) =>
        target is null ? Glossary.Same("")
        : target.AsSpan().IndexOfAny("-+~:") >= 0 ? Glossary.Say("fix.to-package", ("target", target))
        : Glossary.Say("fix.to-upstream", ("target", target));
}
