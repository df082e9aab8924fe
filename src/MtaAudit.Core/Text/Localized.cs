namespace MtaAudit;

public enum Lang { Ko, En }

/// <summary>A sentence in both output languages. Everything shown to people is built from these.</summary>
public sealed record Localized(string En, string Ko)
{
    public string Get(Lang lang) => lang == Lang.Ko ? Ko : En;
    public override string ToString() => En;
}
