using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MtaAudit.Remediation;

namespace MtaAudit.Fix;

/// <summary>
/// One line of a fix journal (JSON lines, docs/remediation.md). <see cref="Event"/>: start, before
/// (a step is about to run: what it will do and the state seen), backup (a file's original bytes are
/// saved), after (its result: done, already, failed), verify, end, undo-before, undo-after, undo-end.
/// A step is written whole in its "before" line, so --undo needs nothing but the journal and the backups.
/// </summary>
public sealed class JournalEntry
{
    public string Time { get; set; } = "";
    public string Event { get; set; } = "";
    public string? Host { get; set; }
    public int? Step { get; set; }
    public string? Mta { get; set; }
    public string? Kind { get; set; }
    public string? Manager { get; set; }
    public string? Target { get; set; }
    public List<string>? Command { get; set; }
    public Dictionary<string, string>? Environment { get; set; }
    public string? Edit { get; set; }
    public string? ExpectBefore { get; set; }
    public string? ExpectAfter { get; set; }
    public string? Observed { get; set; }
    public string? Result { get; set; }
    public string? Message { get; set; }
    public string? Backup { get; set; }
    public string? Sha256 { get; set; }
    /// <summary>On "start": where a remote target is ([user@]host[:port]); absent when the fix ran on this machine.</summary>
    public string? Remote { get; set; }
    /// <summary>On a package update's "after": the command that would go back to the version it replaced (never run by mta-audit).</summary>
    public List<string>? Downgrade { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JournalEntry))]
internal sealed partial class JournalContext : JsonSerializerContext;

/// <summary>
/// Appends entries to a journal file, each line synced to disk before the call returns, so that after a
/// crash or power loss the journal says at least everything that was done.
/// </summary>
public sealed class Journal : IDisposable
{
    private readonly FileStream _stream;
    public string Path { get; }

    private Journal(string path, FileStream stream) => (Path, _stream) = (path, stream);

    /// <summary>A new journal; fails when the file exists (a journal is never overwritten).</summary>
    public static Journal Create(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        return new Journal(path, MtaAudit.Io.SafeFile.CreateNew(path, FileShare.Read));
    }

    /// <summary>An existing journal, to append undo entries to.</summary>
    public static Journal Append(string path) => new(path, new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));

    public void Write(JournalEntry e)
    {
        e.Time = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        var line = JsonSerializer.Serialize(e, JournalContext.Default.JournalEntry) + "\n";
        _stream.Write(Encoding.UTF8.GetBytes(line));
        _stream.Flush(flushToDisk: true);
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>Reads a journal; a line that is not an entry (cut by a crash while being written) is skipped and reported.</summary>
    public static (List<JournalEntry> Entries, List<string> Problems) Read(string path)
    {
        var entries = new List<JournalEntry>();
        var problems = new List<string>();
        int n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (line.Trim().Length == 0) continue;
            try
            {
                if (JsonSerializer.Deserialize(line, JournalContext.Default.JournalEntry) is { } e) entries.Add(e);
            }
            catch (JsonException ex)
            {
                problems.Add($"{path}:{n}: not a journal entry ({ex.Message})");
            }
        }
        return (entries, problems);
    }

    /// <summary>Where the journal's run happened: the "start" entry's remote target, or null for this machine.</summary>
    public static string? RemoteOf(string path) =>
        Read(path).Entries.FirstOrDefault(e => e.Event == "start")?.Remote;

    /// <summary>The entry that describes a step before it runs.</summary>
    public static JournalEntry Describe(string host, int number, string mta, RemediationStep step, string observed) => new()
    {
        Event = "before",
        Host = host,
        Step = number,
        Mta = mta,
        Kind = step.Kind.Json(),
        Manager = RemediationStep.ManagerOf(step),
        Target = step.Target,
        Command = step.Command?.ToList(),
        Environment = (step as PackageUpdate)?.Environment?.ToDictionary(),
        Edit = (step as FileLineEdit)?.Edit.Id,
        ExpectBefore = step.Before,
        ExpectAfter = step.After,
        Observed = observed,
        Message = (step as PackageUpdate)?.ToVersion,
    };

    /// <summary>The step a "before" entry describes, or null when it names a kind this version cannot undo.</summary>
    public static RemediationStep? StepOf(JournalEntry e) => (e.Kind, e.Manager) switch
    {
        ("service-stop", { } m) when e.Target is { } t => new ServiceStop(m, t, e.Command ?? [], e.ExpectBefore ?? ""),
        ("service-disable", { } m) when e.Target is { } t => new ServiceDisable(m, t, e.Command ?? [], e.ExpectBefore ?? ""),
        ("unit-mask", _) when e.Target is { } t => new UnitMask(t),
        ("file-line-edit", _) when e.Target is { } t && LineEdits.ById(e.Edit) is { } edit => new FileLineEdit(t, edit),
        ("package-update", { } m) when e.Target is { } t => new PackageUpdate(m, t, e.ExpectBefore ?? "", e.Message, e.Command ?? []),
        _ => null,
    };
}
