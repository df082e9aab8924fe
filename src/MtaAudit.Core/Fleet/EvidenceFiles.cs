namespace MtaAudit.Fleet;

/// <summary>
/// --evidence-dir: one <c>NAME.evidence</c> per host, named by its inventory name (never by the
/// host line inside the bundle), written whole or not at all (temporary file, then rename).
/// </summary>
public static class EvidenceFiles
{
    public static string FileName(string inventoryName)
    {
        var chars = inventoryName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_').ToArray();
        var name = new string(chars).TrimStart('.');
        return (name.Length == 0 ? "_" : name) + ".evidence";
    }

    public static void Write(string dir, string inventoryName, byte[] bundle)
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, FileName(inventoryName));
        var tmp = path + ".tmp";
        File.WriteAllBytes(tmp, bundle);
        File.Move(tmp, path, overwrite: true);
    }
}
