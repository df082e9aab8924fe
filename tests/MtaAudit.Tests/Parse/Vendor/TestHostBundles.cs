using MtaAudit.Evidence;
using MtaAudit.Facts;
using MtaAudit.Parse;
using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Parse.Vendor;

/// <summary>The bundles the collector really printed on the test hosts (Fixtures/testhosts/NAME.evidence).</summary>
internal static class TestHostBundles
{
    public static EvidenceBundle Bundle(string host)
    {
        var read = Assert.Single(BundleReader.ReadFile(Fixture.PathOf($"testhosts/{host}.evidence")));
        Assert.Null(read.Error);
        return read.Bundle!;
    }

    public static HostFacts Facts(string host) => FactsBuilder.Build(Bundle(host));

    public static EvidenceSection Section(string host, string probe, string? package = null) =>
        Bundle(host).Sections.Single(s => s.Probe == probe &&
            (package is null || (s.Attributes.TryGetValue("package", out var p) && p == package)));

    /// <summary>A one-section bundle around a real output, to see what Apply makes of its rc and path.</summary>
    public static EvidenceBundle Wrap(string attributes, string content)
    {
        var text = $"{EvidenceBundle.Magic}\nboundary: wrapped-b-1\nhost: wrapped\n\n--wrapped-b-1 {attributes}\n{content.TrimEnd('\n')}\n--wrapped-b-1--\n";
        var read = Assert.Single(BundleReader.Read(text));
        Assert.Null(read.Error);
        return read.Bundle!;
    }
}
