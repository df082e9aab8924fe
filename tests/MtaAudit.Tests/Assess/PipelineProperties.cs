using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MtaAudit.Assess;
using MtaAudit.Evidence;
using MtaAudit.Knowledge;
using MtaAudit.Tests.Support;
using MtaAudit.Versions;

namespace MtaAudit.Tests.Assess;

/// <summary>
/// The whole judgement (reader, parsers, rule) on real test-host bundles mutated at random: it never
/// throws, never hangs, always gives a verdict with reasons, and never says GOOD for a cut bundle.
/// </summary>
public class PipelineProperties
{
    private static readonly string[] RealBundles = Directory
        .GetFiles(Fixture.PathOf("testhosts"), "*.evidence")
        .Concat(Directory.GetFiles(Fixture.PathOf("bundles"), "*.evidence"))
        .Order(StringComparer.Ordinal)
        .Select(File.ReadAllText)
        .ToArray();

    private static readonly AnalysisOptions Options = new(KnowledgeBaseLoader.LoadEmbedded());

    private static List<HostReport> JudgeWithin(string text, TimeSpan limit)
    {
        var task = Task.Run(() => BundleReader.Read(text, "mutated")
            .Where(r => r.Bundle is not null)
            .Select(r => Analyzer.Analyze(r.Bundle!, Options))
            .ToList());
        Assert.True(task.Wait(limit), "judging one mutated bundle took longer than " + limit);
        return task.Result;
    }

    [Fact]
    public void There_are_real_bundles_to_mutate() => Assert.True(RealBundles.Length >= 15, $"only {RealBundles.Length} bundles");

    [Property(MaxTest = 300)]
    public Property Mutated_real_bundles_always_get_a_reasoned_verdict()
    {
        var gen =
            from which in Gen.Choose(0, RealBundles.Length - 1)
            from op in Gen.Choose(0, 5)
            from at in Gen.Choose(0, 10_000)
            from junk in ArbMap.Default.GeneratorFor<string>()
            select (which, op, at, junk: junk ?? "");
        return Prop.ForAll(gen.ToArbitrary(), m =>
        {
            var lines = RealBundles[m.which].Split('\n').ToList();
            int i = m.at % lines.Count;
            switch (m.op)
            {
                case 0: lines.RemoveAt(i); break;
                case 1: lines.Insert(i, m.junk); break;
                case 2: lines[i] = m.junk; break;
                case 3: lines[i] = new string(lines[i].Reverse().ToArray()); break;
                case 4: lines = lines.Take(i).ToList(); break;            // cut short
                case 5: lines[i] = lines[i].Replace('.', '_').Replace(' ', '\t'); break;
            }
            foreach (var h in JudgeWithin(string.Join('\n', lines), TimeSpan.FromSeconds(10)))
            {
                Assert.True(h.Mtas.All(f => f.Reasons.Count > 0), "a finding without reasons");
                if (!h.Complete) Assert.NotEqual(Verdict.Good, h.Verdict);
            }
        });
    }

    [Property(MaxTest = 500)]
    public bool Package_upstream_versions_are_parseable_or_null(string? version, bool rpm)
    {
        var v = PackageVersions.Upstream(rpm ? "rpm" : "dpkg", version ?? "");
        return v is null || UpstreamVersion.TryParse(v, out _);
    }

    [Property(MaxTest = 300)]
    public Property Version_outputs_with_random_noise_never_throw_and_found_versions_parse()
    {
        var outputs = new[]
        {
            "Version 8.15.2+Sun\n", "Version AIX7.2/8.14.4\n", "Exim version 4.84_2 #2 built 13-Mar-2016 22:18:29\n",
            "mail_version = 3.7.11\n", "version: OpenSMTPD 6.7.0-portable\n", "sendmail: invalid option -- 'd'\n",
        };
        var probes = new[] { "mta.sendmail.version", "mta.sendmail.version", "mta.exim.version", "mta.postfix.version", "mta.opensmtpd.version", "mta.sendmail.version" };
        var gen =
            from i in Gen.Choose(0, outputs.Length - 1)
            from noise in ArbMap.Default.GeneratorFor<string>()
            from before in ArbMap.Default.GeneratorFor<bool>()
            select (i, noise: noise ?? "", before);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var content = x.before ? x.noise + "\n" + outputs[x.i] : outputs[x.i] + x.noise;
            var b = Bundles.Of("noise", ($"probe={probes[x.i]} rc=0", content));
            var facts = MtaAudit.Parse.FactsBuilder.Build(b);
            return facts.Versions.All(r => r.Outcome != MtaAudit.Facts.VersionOutcome.Found || UpstreamVersion.TryParse(r.Version, out _));
        });
    }
}
