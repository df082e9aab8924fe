namespace MtaAudit.Knowledge;

/// <summary>
/// A knowledge base file that cannot be trusted: malformed JSON, wrong schema, or an item that fails
/// validation. The message names the file and the JSON path of the item at fault.
/// </summary>
public sealed class KnowledgeBaseException : Exception
{
    public KnowledgeBaseException(string file, string jsonPath, string problem, Exception? inner = null)
        : base($"knowledge base '{file}': {jsonPath}: {problem}", inner)
    {
        File = file;
        JsonPath = jsonPath;
        Problem = problem;
    }

    /// <summary>The file (or "embedded kb.json") that was being loaded.</summary>
    public string File { get; }
    /// <summary>Where in the document, e.g. <c>$.mtas[1].cves[3].affected[0].introduced</c>.</summary>
    public string JsonPath { get; }
    public string Problem { get; }
}
