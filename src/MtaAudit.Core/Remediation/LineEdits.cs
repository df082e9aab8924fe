namespace MtaAudit.Remediation;

/// <summary>Every file edit by id (journals name them), so an undo can find the edit a journal recorded.</summary>
public static class LineEdits
{
    public static readonly IReadOnlyList<LineEdit> All = [AixRcTcpipEdit.Instance, HpuxMailservsEdit.Instance];

    public static LineEdit? ById(string? id) => All.FirstOrDefault(e => e.Id == id);
}
