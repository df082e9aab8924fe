namespace MtaAudit.Knowledge.Import;

/// <summary>What one input file contributes: CVE records, vendor fixes, and notes on what was skipped.</summary>
public sealed class ImportedFile(string file)
{
    /// <summary>The file as the user named it.</summary>
    public string File { get; } = file;
    /// <summary>The file name alone: recorded as the records' source.</summary>
    public string SourceName { get; } = Path.GetFileName(file);
    public List<LocalCve> Cves { get; } = [];
    public List<KbVendorPackage> VendorPackages { get; } = [];
    public List<LocalOsLifecycle> OsLifecycle { get; } = [];
    public List<LocalRelease> Releases { get; } = [];
    /// <summary>The source and the date its data runs to, for sources that say (lifecycle and release lists).</summary>
    public LocalSourceDate? DataThrough { get; set; }
    /// <summary>Records (or parts of records) that concern no MTA or carry nothing usable.</summary>
    public int Skipped { get; set; }
    public List<string> Notes { get; } = [];

    internal void Skip(string note)
    {
        Skipped++;
        Notes.Add($"{File}: {note}");
    }
}
