using System.Text;

namespace MtaAudit.Remediation;

/// <summary>A fix plan for people (ko/en), one numbered line a step; target text cleaned for terminals.</summary>
public static class PlanText
{
    public static string Render(IReadOnlyList<HostPlan> hosts, Lang lang)
    {
        bool ko = lang == Lang.Ko;
        var sb = new StringBuilder();
        foreach (var h in hosts)
        {
            sb.Append(ko ? "호스트: " : "host: ").Append(TerminalText.Clean(h.Host)).Append('\n');
            foreach (var m in h.Mtas)
            {
                var why = m.Decision == PlanDecision.Unused
                    ? (ko ? "사용하지 않음 (--unused): 중지 및 비활성화" : "not used (--unused): stop and disable")
                    : (ko ? "사용 중: 벤더 업데이트" : "in use: vendor update");
                sb.Append("  ").Append(m.Mta).Append(": ").Append(why).Append('\n');
            }
            foreach (var (n, _, s) in h.Numbered())
            {
                sb.Append("  ").Append(n).Append(". ");
                if (!s.Automatic) sb.Append(ko ? "[수동] " : "[by hand] ");
                sb.Append(TerminalText.Clean(StepText.Describe(s).Get(lang))).Append('\n');
            }
            if (!h.Numbered().Any()) sb.Append(ko ? "  조치할 단계 없음\n" : "  no steps\n");
            foreach (var note in h.Notes.Concat(h.Mtas.SelectMany(m => m.Notes)))
                sb.Append("  - ").Append(TerminalText.Clean(note.Get(lang))).Append('\n');
        }
        return sb.ToString();
    }
}
