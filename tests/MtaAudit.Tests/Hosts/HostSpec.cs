namespace MtaAudit.Tests.Hosts;

/// <summary>
/// One test host as tests/hosts/hosts.tsv describes it: what the host is built to be, which the
/// tests then check against what is really inside it.
/// </summary>
/// <param name="Mta">The MTA id MtaAudit reports (postfix, exim, sendmail, opensmtpd), or "none".</param>
/// <param name="Packages">The Debian packages installed for the MTA (empty for none).</param>
/// <param name="Unit">The MTA's systemd unit, or null for none.</param>
/// <param name="Running">True: enabled and started at boot; false: disabled and stopped.</param>
public sealed record HostSpec(
    string Name, string Suite, string Mta, IReadOnlyList<string> Packages, string? Unit, string Address, bool Running)
{
    public bool HasMta => Mta != "none";

    /// <summary>The Debian package whose version is the MTA's (the first listed).</summary>
    public string? MainPackage => Packages.Count > 0 ? Packages[0] : null;

    public override string ToString() => Name;

    public static IReadOnlyList<HostSpec> ParseTable(string text)
    {
        var hosts = new List<HostSpec>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var f = line.Split('\t');
            if (f.Length != 7) throw new FormatException($"hosts.tsv: 7 tab-separated fields expected: '{line}'");
            bool running = f[6] switch
            {
                "running" => true,
                "stopped" => false,
                _ => throw new FormatException($"hosts.tsv: state must be running or stopped: '{line}'"),
            };
            hosts.Add(new HostSpec(
                f[0], f[1], f[2],
                f[3] == "-" ? [] : f[3].Split(','),
                f[4] == "-" ? null : f[4],
                f[5], running));
        }
        return hosts;
    }
}
