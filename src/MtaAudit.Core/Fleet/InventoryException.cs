namespace MtaAudit.Fleet;

/// <summary>An inventory that cannot be used; the message names the file and line.</summary>
/// <summary>An inventory (or --host, --jump) that cannot be read: <see cref="Said"/> says where and why in the user's language.</summary>
public sealed class InventoryException(Localized said) : Exception(said.En), ISaid
{
    public Localized Said => said;
}
