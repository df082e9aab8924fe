namespace MtaAudit.Fleet;

/// <summary>An inventory that cannot be used; the message names the file and line.</summary>
public sealed class InventoryException(string message) : Exception(message);
