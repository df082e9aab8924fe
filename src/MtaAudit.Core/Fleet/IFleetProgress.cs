using MtaAudit.Collect.Ssh;

namespace MtaAudit.Fleet;

/// <summary>What a fleet scan tells as it goes (the CLI draws a live line or prints plain lines). Called from many tasks at once.</summary>
public interface IFleetProgress
{
    void Started(Target target);
    void Finished(Target target, HostCollection result, string? verdict);
}
