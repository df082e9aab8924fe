using System.Globalization;
using System.Text.Json;
using MtaAudit.Versions;

namespace MtaAudit.Knowledge.Import;

/// <summary>
/// An MTA's release list in endoflife.date's release-data format (<c>releases/{product}.json</c>:
/// <c>{"releases":{…},"versions":{"4.98":{"name":"4.98","date":"2024-07-10"},…}}</c>). Each version that
/// reads as an upstream version becomes a <see cref="LocalRelease"/>.
/// </summary>
public static class ReleaseListReader
{
    /// <summary>The MTAs with a release list there, and the file name of each (Sendmail and OpenSMTPD have none).</summary>
    public static readonly IReadOnlyList<(string Mta, string Product)> Lists =
    [
        ("postfix", "postfix"),
        ("exim", "exim"),
    ];

    /// <summary>Reads the list of <paramref name="mta"/>; throws <see cref="KnowledgeImportException"/> when it is not a complete list.</summary>
    public static ImportedFile Read(string file, string mta, string product, ReadOnlySpan<byte> json)
    {
        var into = new ImportedFile(file);
        try
        {
            using var doc = KnowledgeImporter.ParseJson(json);
            var root = doc.RootElement;
            JsonRead.RequireObject(root, "$");
            var versions = JsonRead.OptObject(root, "versions", "$") ?? throw JsonRead.Fault("$.versions", "missing");
            string? newest = null;
            foreach (var v in versions.EnumerateObject())
            {
                var at = JsonRead.Member("$.versions", v.Name);
                JsonRead.RequireObject(v.Value, at);
                var name = JsonRead.OptString(v.Value, "name", at) ?? v.Name;
                var date = JsonRead.OptString(v.Value, "date", at);
                if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    throw JsonRead.Fault(at + ".date", "not-date", ("date", date));
                if (!UpstreamVersion.TryParse(name, out _))
                {
                    into.Skip(Glossary.Say("import.note.not-upstream-release", ("at", at), ("name", name)));
                    continue;
                }
                into.Releases.Add(new LocalRelease { Mta = mta, Version = name, Date = date, Source = $"release-data {product}" });
                if (date is not null && (newest is null || string.CompareOrdinal(date, newest) > 0)) newest = date;
            }
            if (into.Releases.Count == 0) throw JsonRead.Fault("$.versions", "no-release");
            if (newest is not null) into.DataThrough = new LocalSourceDate { Source = $"{mta} releases (release-data {product})", Through = newest };
        }
        catch (RecordFault f) { throw new KnowledgeImportException([new ImportError(file, f.JsonPath, f.Problem)]); }
        return into;
    }
}
