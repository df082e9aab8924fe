using System.Text;
using MtaAudit.Assess;
using MtaAudit.Knowledge;

namespace MtaAudit.Render;

/// <summary>
/// The auditor's text report, in Korean or English: per host the verdict, 현황 (what was found,
/// with the evidence lines), 판단 근거 and 조치 방법, then a summary with the compliance rate.
/// Everything from targets goes through <see cref="TerminalText.Clean"/>.
/// </summary>
public static class TextReport
{
    private const int MaxCvesShown = 10;

    public static string Render(IReadOnlyList<HostReport> hosts, KnowledgeBase kb, Policy policy, Lang lang, IReadOnlyList<string> inputErrors)
    {
        var sb = new StringBuilder();
        var t = new Words(lang);
        sb.Append(t.Title).Append('\n');
        sb.Append(t.Basis(policy.Json(), kb.Version, kb.Date)).Append('\n');
        foreach (var h in hosts)
        {
            sb.Append('\n');
            Host(sb, h, t);
        }
        if (inputErrors.Count > 0)
        {
            sb.Append('\n').Append(t.InputErrors).Append('\n');
            foreach (var e in inputErrors) sb.Append("  - ").Append(TerminalText.Clean(e)).Append('\n');
        }
        Summary(sb, hosts, t);
        return sb.ToString();
    }

    /// <summary>
    /// The same text as <see cref="Render"/>, written host by host as <paramref name="hosts"/> yields them
    /// (fleet scans); the summary counts as it goes. <paramref name="inputErrors"/> is read after the last host.
    /// </summary>
    public static void Write(TextWriter output, IEnumerable<HostReport> hosts, KnowledgeBase kb, Policy policy, Lang lang,
        Func<IReadOnlyList<string>> inputErrors)
    {
        var t = new Words(lang);
        output.Write(t.Title + "\n" + t.Basis(policy.Json(), kb.Version, kb.Date) + "\n");
        int total = 0, good = 0, vuln = 0, manual = 0, na = 0;
        var sb = new StringBuilder();
        foreach (var h in hosts)
        {
            sb.Clear().Append('\n');
            Host(sb, h, t);
            output.Write(sb.ToString());
            total++;
            switch (h.Verdict)
            {
                case Verdict.Good: good++; break;
                case Verdict.Vulnerable: vuln++; break;
                case Verdict.Manual: manual++; break;
                case Verdict.NotApplicable: na++; break;
            }
        }
        var errors = inputErrors();
        if (errors.Count > 0)
        {
            output.Write("\n" + t.InputErrors + "\n");
            foreach (var e in errors) output.Write("  - " + TerminalText.Clean(e) + "\n");
        }
        output.Write("\n" + t.Summary(total, good, vuln, manual, na) + "\n");
        output.Flush();
    }

    private static void Host(StringBuilder sb, HostReport h, Words t)
    {
        var os = string.Join(' ', new[] { h.Os.Name, h.Os.Name is null ? h.Os.Version : null }.Where(x => !string.IsNullOrEmpty(x)));
        sb.Append("== ").Append(TerminalText.Clean(h.Host));
        if (os.Length > 0) sb.Append(" (").Append(TerminalText.Clean(os)).Append(')');
        sb.Append(" : ").Append(t.Verdict(h.Verdict)).Append(" ==\n");
        if (h.Mtas.Count == 0)
        {
            sb.Append("  ").Append(t.Status).Append('\n');
            foreach (var r in h.Reasons) sb.Append("    - ").Append(TerminalText.Clean(r.Get(t.Lang))).Append('\n');
        }
        foreach (var m in h.Mtas) Mta(sb, m, t);
        if (h.Mtas.Count > 0)
            foreach (var r in h.Reasons) sb.Append("  * ").Append(TerminalText.Clean(r.Get(t.Lang))).Append('\n');
        foreach (var e in h.Errors) sb.Append("  ! ").Append(TerminalText.Clean(e)).Append('\n');
    }

    private static void Mta(StringBuilder sb, MtaFinding m, Words t)
    {
        sb.Append("  [").Append(m.Mta).Append("] ");
        sb.Append(m.Version ?? t.Unknown);
        if (m.VersionText is not null && m.VersionText != m.Version) sb.Append(" (").Append(TerminalText.Clean(m.VersionText)).Append(')');
        sb.Append(" -> ").Append(t.Verdict(m.Verdict)).Append('\n');
        sb.Append("    ").Append(t.Status).Append('\n');
        if (m.Package is not null)
            sb.Append("      - ").Append(t.Package).Append(": ").Append(TerminalText.Clean($"{m.Package.Name} {m.Package.Version} ({m.Package.Manager})")).Append('\n');
        sb.Append("      - ").Append(t.Usage(m.Running, m.Enabled)).Append('\n');
        foreach (var line in m.EvidenceLines) sb.Append("      | ").Append(TerminalText.Clean(line)).Append('\n');
        sb.Append("    ").Append(t.Reasons).Append('\n');
        foreach (var r in m.Reasons) sb.Append("      - ").Append(TerminalText.Clean(r.Get(t.Lang))).Append('\n');
        if (m.Cves.Count > 0)
        {
            sb.Append("    ").Append(t.Cves).Append('\n');
            // The text report lists the ten most serious; JSON carries them all.
            foreach (var c in m.Cves.Take(MaxCvesShown))
            {
                sb.Append("      - ").Append(c.Id);
                if (c.Severity is not null) sb.Append(' ').Append(c.Severity);
                if (c.Kev) sb.Append(" [KEV]");
                if (c.FixedIn is not null) sb.Append(' ').Append(t.FixedIn(c.FixedIn));
                if (c.Vendor is not null) sb.Append(" - ").Append(t.Vendor(c.Vendor));
                sb.Append('\n');
            }
            if (m.Cves.Count > MaxCvesShown) sb.Append("      - ").Append(t.More(m.Cves.Count - MaxCvesShown)).Append('\n');
        }
        sb.Append("    ").Append(t.Remediation).Append('\n');
        foreach (var r in m.Remediation) sb.Append("      - ").Append(TerminalText.Clean(r.Get(t.Lang))).Append('\n');
    }

    private static void Summary(StringBuilder sb, IReadOnlyList<HostReport> hosts, Words t)
    {
        int good = hosts.Count(h => h.Verdict == Verdict.Good);
        int vuln = hosts.Count(h => h.Verdict == Verdict.Vulnerable);
        int manual = hosts.Count(h => h.Verdict == Verdict.Manual);
        int na = hosts.Count(h => h.Verdict == Verdict.NotApplicable);
        sb.Append('\n').Append(t.Summary(hosts.Count, good, vuln, manual, na)).Append('\n');
    }

    /// <summary>The report's fixed words in one language.</summary>
    private sealed class Words(Lang lang)
    {
        public Lang Lang => lang;
        private bool Ko => lang == Lang.Ko;
        public string Title => Ko ? "U-45 메일 서비스 버전 점검 (중요도: 상)" : "U-45 Mail service version check (severity: high)";
        public string Basis(string policy, string kbv, string kbd) => Ko
            ? $"판단 기준: 정책 {policy}, 지식 베이스 {kbv} ({kbd})"
            : $"Basis: policy {policy}, knowledge base {kbv} ({kbd})";
        public string Status => Ko ? "현황:" : "Found:";
        public string Reasons => Ko ? "판단 근거:" : "Reasons:";
        public string Cves => Ko ? "관련 취약점:" : "Vulnerabilities:";
        public string Remediation => Ko ? "조치 방법:" : "Remediation:";
        public string Package => Ko ? "패키지" : "package";
        public string Unknown => Ko ? "버전 확인 불가" : "version unknown";
        public string InputErrors => Ko ? "읽지 못한 입력:" : "Unreadable input:";
        public string More(int n) => Ko ? $"외 {n}건 (--format json 에 전체 목록)" : $"and {n} more (all in --format json)";
        public string Vendor(string status) => !Ko ? "vendor: " + status
            : status == Assess.VendorJudge.NotKnownFixed ? "벤더: 수정 여부 확인 안 됨"
            : "벤더: " + status.Replace("fixed in ", "", StringComparison.Ordinal) + " 에서 수정";
        public string FixedIn(string v) => Ko ? $"({v}에서 수정)" : $"(fixed in {v})";
        public string Verdict(Verdict v) => Ko ? v.Korean() : v.English();
        public string Usage(bool? running, bool? enabled)
        {
            string Yn(bool? b) => b switch { true => Ko ? "예" : "yes", false => Ko ? "아니요" : "no", _ => Ko ? "확인 불가" : "unknown" };
            return Ko ? $"실행 중: {Yn(running)}, 부팅 시 시작: {Yn(enabled)}" : $"running: {Yn(running)}, starts at boot: {Yn(enabled)}";
        }
        public string Summary(int total, int good, int vuln, int manual, int na)
        {
            var rate = good + vuln == 0 ? "-" : $"{100.0 * good / (good + vuln):0.0}%";
            return Ko
                ? $"요약: 호스트 {total}대 - 양호 {good}, 취약 {vuln}, 수동점검 {manual}, 해당 없음 {na} (준수율 양호/(양호+취약) {rate})"
                : $"Summary: {total} hosts - good {good}, vulnerable {vuln}, manual {manual}, n/a {na} (compliance good/(good+vulnerable) {rate})";
        }
    }
}
