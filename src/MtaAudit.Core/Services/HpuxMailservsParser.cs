using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Parse;

namespace MtaAudit.Services;

/// <summary>
/// <c>file.hpux.mailservs</c>: HP-UX starts Sendmail at boot when /etc/rc.config.d/mailservs sets
/// <c>SENDMAIL_SERVER=1</c> (the KISA guide sets it to 0). The file is sourced by sh, so comments are
/// ignored, quotes and <c>export</c> are allowed and the last assignment wins. 1 → Enabled true, 0 → false,
/// any other value → null (the init script compares it with -eq 1, but a typo is better shown than guessed).
/// A complete file that never sets it leaves the variable empty, so the script does not start Sendmail → false.
/// </summary>
public sealed partial class HpuxMailservsParser : IProbeParser
{
    public const string Manager = "mailservs";
    public IReadOnlyList<string> Probes { get; } = ["file.hpux.mailservs"];

    public void Apply(EvidenceSection section, HostFacts facts) =>
        facts.Services.AddRange(Parse(section.Text, complete: section.Ran && section.ExitCode == 0));

    public static List<ServiceRecord> Parse(string text) => Parse(text, complete: true);

    public static List<ServiceRecord> Parse(string text, bool complete)
    {
        string? value = null, evidence = null;
        foreach (var raw in TextLines.Split(text ?? ""))
        {
            var m = Assignment().Match(raw);
            if (!m.Success) continue;
            value = m.Groups["value"].Value;
            evidence = raw.Trim();
        }
        if (value is null)
            return complete
                ? [new ServiceRecord(Manager, "sendmail", null, false, "SENDMAIL_SERVER not set", "/etc/rc.config.d/mailservs does not set SENDMAIL_SERVER")]
                : [];
        bool? enabled = value switch { "1" => true, "0" => false, _ => null };
        return [new ServiceRecord(Manager, "sendmail", null, enabled, $"SENDMAIL_SERVER={value}", evidence!)];
    }

    /// <summary>SENDMAIL_SERVER=1, export SENDMAIL_SERVER="0", SENDMAIL_SERVER='1'  # comment.</summary>
    [GeneratedRegex("""^\s*(export\s+)?SENDMAIL_SERVER=(?<q>["']?)(?<value>[^"'\s#;]*)\k<q>\s*(;.*|#.*)?$""")]
    private static partial Regex Assignment();
}
