namespace MtaAudit.Mta;

/// <summary>
/// What <see cref="IMtaDefinition.IsDaemon"/> and <see cref="IMtaDefinition.IsService"/> decide, from a
/// process's command line already split (<see cref="MtaText.Split"/>) and a service name already reduced
/// (<see cref="MtaText.ServiceKey"/>). WHY: the assess stage asks every MTA about every process and service
/// of a host; splitting and reducing each once per host, not once per MTA, is most of that cost. Both must
/// answer exactly as the public methods do (they call these).
/// </summary>
internal interface IMtaMatcher
{
    bool IsDaemon(in MtaText.Command command);

    bool IsServiceKey(string key);
}
