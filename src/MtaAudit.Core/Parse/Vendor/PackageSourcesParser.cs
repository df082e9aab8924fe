using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Parse.Packages;

namespace MtaAudit.Parse.Vendor;

/// <summary>
/// <c>pkg.sources</c>: the package sources, file by file ("==> FILE &lt;==" headings, comments already dropped
/// by the collector, credentials cut from URLs): apt one-line sources (sources.list, *.list), deb822 stanzas
/// (*.sources), yum/dnf and zypper repositories (*.repo). Each source says which extended-support channel
/// it is, if any (Ubuntu ESM, Debian ELTS, RHEL ELS/EUS, SLES LTSS), so that the OS lifecycle judge can
/// count it as support.
/// </summary>
public sealed partial class PackageSourcesParser : IProbeParser
{
    public const string Probe = "pkg.sources";
    public IReadOnlyList<string> Probes { get; } = [Probe];

    public void Apply(EvidenceSection section, HostFacts facts) => facts.PackageSources.AddRange(Parse(section.Text));

    public static List<PackageSource> Parse(string text)
    {
        var result = new List<PackageSource>();
        string file = "";
        Stanza? stanza = null; // deb822 stanza or [repo] section being read
        int n = 0;
        foreach (var raw in TextLines.Split(text ?? ""))
        {
            if (++n > Words.MaxLines) break;
            var line = raw.Trim();
            if (line.StartsWith("==> ", StringComparison.Ordinal) && line.EndsWith(" <==", StringComparison.Ordinal))
            {
                Flush(stanza, result);
                stanza = null;
                file = line[4..^4];
                continue;
            }
            if (line.Length == 0)
            {
                if (IsDeb822(file)) { Flush(stanza, result); stanza = null; }
                continue;
            }
            if (line.StartsWith('#') || line.Length > 4000) continue;

            if (file.EndsWith(".repo", StringComparison.Ordinal))
            {
                if (line.StartsWith('[') && line.EndsWith(']'))
                {
                    Flush(stanza, result);
                    stanza = new Stanza(file, file.Contains("/zypp/", StringComparison.Ordinal) ? "zypper" : "yum", line) { Id = line[1..^1] };
                    continue;
                }
                if (stanza is null) continue;
                var (key, value) = KeyValue(line, '=');
                switch (key)
                {
                    case "baseurl" or "mirrorlist" or "metalink": stanza.Uri ??= value; break;
                    case "name": stanza.Name = value; break;
                    case "enabled": stanza.Enabled = value is not ("0" or "no" or "false"); break;
                }
                stanza.Evidence += " " + line;
                continue;
            }
            if (IsDeb822(file))
            {
                stanza ??= new Stanza(file, "apt", "");
                var (key, value) = KeyValue(line, ':');
                switch (key.ToLowerInvariant())
                {
                    case "uris": stanza.Uri = value.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(); break;
                    case "suites": stanza.Suite = value; break;
                    case "enabled": stanza.Enabled = !value.Equals("no", StringComparison.OrdinalIgnoreCase); break;
                }
                stanza.Evidence = (stanza.Evidence + " " + line).Trim();
                continue;
            }
            // One-line apt source: deb [options] URI SUITE [COMPONENT...]
            var w = Words.Of(line);
            if (w.Length < 3 || w[0] is not ("deb" or "deb-src")) continue;
            int i = 1;
            if (w[i].StartsWith('['))
            {
                while (i < w.Length && !w[i].EndsWith(']')) i++;
                i++;
            }
            if (i + 1 > w.Length - 1) continue;
            var uri = w[i];
            var suite = w[i + 1];
            result.Add(new PackageSource(file, "apt", null, uri, suite, true, ChannelOf(uri, null, suite), Words.Evidence(Probe, $"{file}: {line}")));
        }
        Flush(stanza, result);
        return result;
    }

    private static bool IsDeb822(string file) => file.EndsWith(".sources", StringComparison.Ordinal);

    private static (string Key, string Value) KeyValue(string line, char sep)
    {
        int at = line.IndexOf(sep);
        return at <= 0 ? ("", "") : (line[..at].Trim(), line[(at + 1)..].Trim());
    }

    private static void Flush(Stanza? s, List<PackageSource> result)
    {
        if (s is null || (s.Uri is null && s.Id is null)) return;
        result.Add(new PackageSource(s.File, s.Kind, s.Id ?? s.Name, s.Uri, s.Suite, s.Enabled,
            ChannelOf(s.Uri, (s.Id ?? "") + " " + (s.Name ?? ""), s.Suite), Words.Evidence(Probe, $"{s.File}: {s.Evidence.Trim()}")));
    }

    /// <summary>The extended-support channel a source is, from its URL, repository id/name and suite; null for an ordinary one.</summary>
    public static string? ChannelOf(string? uri, string? idAndName, string? suite)
    {
        var u = (uri ?? "").ToLowerInvariant();
        var id = (idAndName ?? "").ToLowerInvariant();
        if (u.Contains("esm.ubuntu.com", StringComparison.Ordinal) || (suite ?? "").Contains("-infra-", StringComparison.Ordinal) || (suite ?? "").Contains("-apps-", StringComparison.Ordinal))
            return "ubuntu-esm";
        if (u.Contains("extended-lts", StringComparison.Ordinal) || u.Contains("deb.freexian.com", StringComparison.Ordinal)) return "debian-elts";
        if (Els().IsMatch(id) || Els().IsMatch(u)) return "rhel-els";
        if (Eus().IsMatch(id) || Eus().IsMatch(u)) return "rhel-eus";
        if (id.Contains("ltss", StringComparison.Ordinal) || u.Contains("ltss", StringComparison.Ordinal)) return "sles-ltss";
        return null;
    }

    // rhel-7-server-els-rpms, .../content/els/rhel/server/7/...
    [GeneratedRegex(@"(^|[-/_ ])els([-/_ ]|$)")]
    private static partial Regex Els();

    // rhel-8-for-x86_64-baseos-eus-rpms, .../content/eus/rhel8/...
    [GeneratedRegex(@"(^|[-/_ ])eus([-/_ ]|$)")]
    private static partial Regex Eus();

    private sealed class Stanza(string file, string kind, string evidence)
    {
        public string File { get; } = file;
        public string Kind { get; } = kind;
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Uri { get; set; }
        public string? Suite { get; set; }
        public bool Enabled { get; set; } = true;
        public string Evidence { get; set; } = evidence;
    }
}
