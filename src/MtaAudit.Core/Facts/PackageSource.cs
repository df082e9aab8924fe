namespace MtaAudit.Facts;

/// <summary>
/// One package source configured on the host (an apt source line or deb822 stanza, a yum/dnf or zypper
/// repository). <see cref="Channel"/> names the extended-support channel it is, when it is one
/// (ubuntu-esm, debian-elts, rhel-els, rhel-eus, sles-ltss); <see cref="Enabled"/> is false for a source
/// switched off (Enabled: no, enabled=0).
/// </summary>
public sealed record PackageSource(string File, string Kind, string? Id, string? Uri, string? Suite, bool Enabled, string? Channel, string Evidence);

/// <summary>
/// Build facts an MTA prints about itself: named lists of tokens ("Support for", "Lookups", "Authenticators",
/// "Hints DB" from exim -bV; "Compiled with" from sendmail -d0.1; "map types" and "SASL" from postconf -m / -a).
/// A list that is present was read whole; a list that is absent is unknown, never "empty".
/// </summary>
public sealed record BuildFacts(string Mta, string? Path, IReadOnlyDictionary<string, IReadOnlyList<string>> Lists, string Evidence)
{
    public const string SupportFor = "Support for";
    public const string Lookups = "Lookups";
    public const string Authenticators = "Authenticators";
    public const string HintsDb = "Hints DB";
    public const string CompiledWith = "Compiled with";
    public const string MapTypes = "map types";
    public const string Sasl = "SASL";
}
