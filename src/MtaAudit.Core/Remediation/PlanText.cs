using System.Text;

namespace MtaAudit.Remediation;

/// <summary>A fix plan for people (ko/en), one numbered line a step; target text cleaned for terminals.</summary>
public static class PlanText
{
    public static string Render(IReadOnlyList<HostPlan> hosts, Lang lang)
    {
        var sb = new StringBuilder();
        foreach (var h in hosts)
        {
            sb.Append(Glossary.Word("plan.host", lang)).Append(' ').Append(TerminalText.Clean(h.Host)).Append('\n');
            foreach (var m in h.Mtas)
            {
                var why = m.Decision == PlanDecision.Unused
                    ? Glossary.Word("plan.unused", lang)
                    : Glossary.Word("plan.in-use", lang);
                sb.Append("  ").Append(m.Mta).Append(": ").Append(why).Append('\n');
            }
            foreach (var (n, _, s) in h.Numbered())
            {
                sb.Append("  ").Append(n).Append(". ");
                if (!s.Automatic) sb.Append('[').Append(Glossary.Word("plan.by-hand", lang)).Append("] ");
                sb.Append(TerminalText.Clean(StepText.Describe(s).Get(lang))).Append('\n');
            }
            if (!h.Numbered().Any()) sb.Append("  ").Append(Glossary.Word("plan.no-steps", lang)).Append('\n');
            foreach (var note in h.Notes.Concat(h.Mtas.SelectMany(m => m.Notes)))
                sb.Append("  - ").Append(TerminalText.Clean(note.Get(lang))).Append('\n');
        }
        return sb.ToString();
    }
}
