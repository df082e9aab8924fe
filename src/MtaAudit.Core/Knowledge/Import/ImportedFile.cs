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
    /// <summary>What was skipped or left out, as glossary sentences naming the file (worded in the user's language).</summary>
    public List<Localized> Notes { get; } = [];

    internal void Skip(Localized note)
    {
        Skipped++;
        Notes.Add(Glossary.Say("import.note.in-file", ("file", File), ("note", note)));
    }

    /// <summary>A note on one record of the file.</summary>
    internal void Note(string id, Localized note) => Notes.Add(Glossary.Say("import.note.in-record", ("file", File), ("id", id), ("note", note)));
}
