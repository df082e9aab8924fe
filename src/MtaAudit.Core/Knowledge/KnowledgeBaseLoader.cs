namespace MtaAudit.Knowledge;

/// <summary>Loads the knowledge base (embedded kb.json, or a file). Placeholder until the knowledge work lands.</summary>
public static class KnowledgeBaseLoader
{
    public static KnowledgeBase LoadEmbedded() =>
        throw new NotImplementedException("knowledge base loader: being written");
}
