using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Mta;

namespace MtaAudit.Parse;

/// <summary>
/// The parse stage: one bundle in, one <see cref="HostFacts"/> out. Records which probes ran,
/// were absent or timed out, and hands each section to the parsers that read its probe id.
/// A parser that throws costs only its own facts (noted in <see cref="HostFacts.Problems"/>).
/// </summary>
public static class FactsBuilder
{
    private static readonly Dictionary<string, List<IProbeParser>> ByProbe = Index();

    public static HostFacts Build(EvidenceBundle bundle)
    {
        var facts = new HostFacts { Host = TerminalText.Clean(bundle.Host ?? "unknown") };
        if (bundle.Truncated)
        {
            facts.Complete = false;
            facts.Problems.Add(Glossary.Say("problem.bundle-cut"));
        }
        foreach (var w in bundle.Warnings) facts.Problems.Add(w);
        facts.Root = bundle.Headers.GetValueOrDefault("user") switch { "root" => true, "nonroot" => false, _ => null };

        foreach (var section in bundle.Sections)
        {
            switch (section.Outcome)
            {
                case ProbeOutcome.Absent:
                    facts.Absent.Add(section.Probe);
                    break;
                case ProbeOutcome.Timeout:
                    facts.Collected.Add(section.Probe);
                    facts.TimedOut.Add(section.Path is null ? section.Probe : $"{section.Probe} ({section.Path})");
                    facts.Complete = false;
                    break;
                case ProbeOutcome.Skipped:
                    break;
                default:
                    facts.Collected.Add(section.Probe);
                    break;
            }
            if (section.Cut && section.Outcome != ProbeOutcome.Timeout)
            {
                // WHY: a cut process or package list lacks its tail; absence read from it would be a guess.
                facts.Complete = false;
                facts.Problems.Add(Glossary.Say("problem.probe-cut", ("line", section.LineNumber), ("probe", section.Probe)));
            }
            ProbeStatus.Record(section, facts);
            Dispatch(section, facts);
        }
        ProbeStatus.Finish(facts);
        Processes.Placement.Apply(facts);
        if (facts.Host == "unknown" && facts.Os.Hostname is { Length: > 0 } h) facts.Host = TerminalText.Clean(h);
        return facts;
    }

    private static void Dispatch(EvidenceSection section, HostFacts facts)
    {
        try
        {
            var mta = MtaCatalog.ByVersionProbe(section.Probe);
            if (mta is not null)
            {
                facts.Versions.Add(mta.ParseVersion(section));
                // The same output may carry more (exim -bV's build facts): other parsers of the probe still read it.
                if (!ByProbe.ContainsKey(section.Probe)) return;
            }
            if (section.Outcome == ProbeOutcome.Absent) return;
            if (ByProbe.TryGetValue(section.Probe, out var parsers))
                foreach (var p in parsers) p.Apply(section, facts);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A parser bug must not lose the rest of the host; the judgement sees the gap.
            facts.Problems.Add(Glossary.Say("problem.parser-failed", ("line", section.LineNumber), ("probe", section.Probe), ("type", e.GetType().Name), ("cause", TerminalText.Clean(e.Message))));
            facts.Complete = false;
        }
    }

    private static Dictionary<string, List<IProbeParser>> Index()
    {
        var map = new Dictionary<string, List<IProbeParser>>(StringComparer.Ordinal);
        foreach (var p in ProbeParsers.All)
            foreach (var id in p.Probes)
            {
                if (!map.TryGetValue(id, out var list)) map[id] = list = new List<IProbeParser>();
                list.Add(p);
            }
        return map;
    }
}
