using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Parse;

/// <summary>
/// Turns one probe's section into facts about the host. One class per kind of output
/// (a package manager, a service manager, ps, ss/netstat…); each also exposes a pure
/// static <c>Parse(string)</c> so tests can feed it real outputs directly.
/// To add one: write the class and list it in <see cref="ProbeParsers"/>.
/// </summary>
public interface IProbeParser
{
    /// <summary>The probe ids this parser reads.</summary>
    IReadOnlyList<string> Probes { get; }

    /// <summary>Adds what the section shows to <paramref name="facts"/>. Must not throw on any input.</summary>
    void Apply(EvidenceSection section, HostFacts facts);
}
