namespace MtaAudit.Mta;

/// <summary>Every MTA mta-audit recognises. Add a new MTA's definition here.</summary>
public static class MtaCatalog
{
    public static readonly IReadOnlyList<IMtaDefinition> All =
    [
        new SendmailDefinition(),
        new PostfixDefinition(),
        new EximDefinition(),
        new OpenSmtpdDefinition(),
    ];

    public static IMtaDefinition? ById(string id) => All.FirstOrDefault(m => m.Id == id);

    public static IMtaDefinition? ByVersionProbe(string probe) => All.FirstOrDefault(m => m.VersionProbe == probe);
}
