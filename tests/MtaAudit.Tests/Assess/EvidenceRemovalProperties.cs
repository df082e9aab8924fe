using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MtaAudit.Assess;
using MtaAudit.Evidence;
using MtaAudit.Knowledge;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Assess;

/// <summary>
/// The real bundles (test hosts, composed real outputs, this machine's scan) with one probe removed,
/// cut, failed, timed out or skipped: no verdict ever turns into GOOD, and removing from a GOOD bundle
/// a probe that could change the answer gives MANUAL naming that probe.
/// </summary>
public class EvidenceRemovalProperties
{
    private static readonly AnalysisOptions Vendor = new(KnowledgeBaseLoader.LoadEmbedded(), Policy.Vendor);

    private static readonly (string Name, string Text)[] Real = Directory
        .GetFiles(Fixture.PathOf("testhosts"), "*.evidence")
        .Concat(Directory.GetFiles(Fixture.PathOf("bundles"), "*.evidence"))
        .Concat(Directory.GetFiles(Fixture.PathOf("thishost"), "*.evidence"))
        .Order(StringComparer.Ordinal)
        .Select(f => (Path.GetFileName(f), File.ReadAllText(f)))
        .ToArray();

    private static readonly Verdict[] Original = Real.Select(r => Judge(r.Text).Verdict).ToArray();

    /// <summary>What could show an MTA, or that it runs or starts, on a Debian host: independent of the engine's own model.</summary>
    private static readonly string[] MustHaveOnDebian =
    [
        "proc.list", "net.listen", "pkg.dpkg", "mta.binaries", "mta.sendmail.version", "mta.postfix.version",
        "mta.exim.version", "mta.opensmtpd.version", "svc.systemd", "svc.systemd.enabled",
    ];

    private static HostReport Judge(string text) =>
        Analyzer.Analyze(BundleReader.Read(text, "m").First(r => r.Bundle is not null).Bundle!, Vendor);

    private static string All(HostReport h) =>
        string.Join("\n", h.Reasons.Select(r => r.En).Concat(h.Mtas.SelectMany(m => m.Reasons.Select(r => r.En))));

    /// <summary>Delimiter line indexes of every section.</summary>
    private static List<int> Delimiters(string[] lines)
    {
        var b = lines.First(l => l.StartsWith("boundary: ", StringComparison.Ordinal))["boundary: ".Length..].Trim();
        return lines.Select((l, i) => (l, i)).Where(x => x.l.StartsWith("--" + b + " ", StringComparison.Ordinal)).Select(x => x.i).ToList();
    }

    private static string Mutate(string text, int section, int op)
    {
        var lines = text.Split('\n').ToList();
        var d = Delimiters(lines.ToArray());
        int at = d[section % d.Count];
        int end = section % d.Count + 1 < d.Count ? d[section % d.Count + 1] : lines.FindLastIndex(l => l.StartsWith("--", StringComparison.Ordinal) && l.TrimEnd().EndsWith("--", StringComparison.Ordinal));
        var rc = System.Text.RegularExpressions.Regex.Match(lines[at], @" rc=\S+");
        switch (op)
        {
            case 0: lines.RemoveRange(at, end - at); break;                                   // removed
            case 1: lines[at] = lines[at].Replace(" rc=", " cut=yes rc=", StringComparison.Ordinal); // cut at the cap
            if (end - at > 2) lines.RemoveRange(at + 1 + (end - at - 1) / 2, (end - at - 1) - (end - at - 1) / 2);
            break;
            case 2: lines[at] = lines[at].Remove(rc.Index, rc.Length).Insert(rc.Index, " rc=1"); break;      // failed
            case 3: lines[at] = lines[at].Remove(rc.Index, rc.Length).Insert(rc.Index, " rc=timeout"); break; // timed out
            default: lines[at] = lines[at].Remove(rc.Index, rc.Length).Insert(rc.Index, " rc=skipped"); break; // skipped
        }
        return string.Join('\n', lines);
    }

    [Fact]
    public void There_are_good_and_not_good_real_bundles()
    {
        Assert.True(Original.Count(v => v == Verdict.Good) >= 3, "GOOD bundles: " + Original.Count(v => v == Verdict.Good));
        Assert.Contains(Original, v => v != Verdict.Good);
    }

    [Property(MaxTest = 400)]
    public Property Removing_cutting_or_failing_a_probe_never_turns_a_verdict_into_good()
    {
        var gen =
            from which in Gen.Choose(0, Real.Length - 1)
            from section in Gen.Choose(0, 200)
            from op in Gen.Choose(0, 4)
            select (which, section, op);
        return Prop.ForAll(gen.ToArbitrary(), m =>
        {
            if (Original[m.which] == Verdict.Good) return true;
            var h = Judge(Mutate(Real[m.which].Text, m.section, m.op));
            return h.Verdict != Verdict.Good;
        });
    }

    [Property(MaxTest = 200)]
    public Property Removing_a_probe_that_could_change_the_answer_from_a_good_bundle_gives_manual_naming_it()
    {
        var good = Enumerable.Range(0, Real.Length).Where(i => Original[i] == Verdict.Good && Real[i].Text.Contains("ID=debian", StringComparison.Ordinal)).ToArray();
        var gen =
            from which in Gen.Elements(good)
            from probe in Gen.Elements(MustHaveOnDebian)
            select (which, probe);
        return Prop.ForAll(gen.ToArbitrary(), m =>
        {
            // Every section of that probe goes.
            var lines = Real[m.which].Text.Split('\n').ToList();
            var d = Delimiters(lines.ToArray());
            for (int k = d.Count - 1; k >= 0; k--)
            {
                if (!lines[d[k]].Contains($" probe={m.probe} ", StringComparison.Ordinal)) continue;
                int end = k + 1 < d.Count ? d[k + 1] : lines.FindLastIndex(l => l.TrimEnd().EndsWith("--", StringComparison.Ordinal));
                lines.RemoveRange(d[k], end - d[k]);
            }
            var h = Judge(string.Join('\n', lines));
            Assert.True(h.Verdict == Verdict.Manual, $"{Real[m.which].Name} without {m.probe}: {h.Verdict}");
            Assert.True(All(h).Contains(m.probe, StringComparison.Ordinal), $"{Real[m.which].Name} without {m.probe}: the report does not name it:\n{All(h)}");
        });
    }
}
