namespace MtaAudit.Knowledge.Import;

/// <summary>One file that cannot be imported: where (JSON path) and what is wrong.</summary>
public sealed record ImportError(string File, string JsonPath, Localized Problem)
{
    public override string ToString() => $"{File}: {JsonPath}: {Problem.En}";
}

/// <summary>
/// Thrown by <see cref="KnowledgeImporter"/> when any input file is bad; nothing has been written then.
/// <see cref="Errors"/> holds the first fault of every bad file.
/// </summary>
public sealed class KnowledgeImportException : Exception
{
    public KnowledgeImportException(IReadOnlyList<ImportError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
    {
        Errors = errors;
    }

    public IReadOnlyList<ImportError> Errors { get; }
}

/// <summary>Internal signal of the record readers: the first fault in a document, with its JSON path.</summary>
internal sealed class RecordFault(string jsonPath, Localized problem) : Exception(problem.En)
{
    public string JsonPath { get; } = jsonPath;
    public Localized Problem { get; } = problem;
}
