namespace MtaAudit.Collect;

/// <summary>The POSIX sh collector embedded in the binary. Placeholder until the collector lands.</summary>
public static class CollectorScript
{
    public static string Text => throw new NotImplementedException("collector: being written");
}
