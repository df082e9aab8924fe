using System.Globalization;
using System.Text.Json;

namespace MtaAudit.Knowledge.Import;

/// <summary>
/// An endoflife.date product answer (<c>GET /api/{product}.json</c>: an array of cycles with <c>cycle</c>,
/// <c>support</c>, <c>eol</c>, <c>extendedSupport</c>, <c>latestReleaseDate</c>…; a date is "yyyy-MM-dd", a
/// boolean says "not yet"/"yes, date unknown"). Each cycle becomes a <see cref="LocalOsLifecycle"/> of the
/// knowledge base's OS; only dates set anything.
/// </summary>
public static class EndOfLifeDateReader
{
    /// <summary>What endoflife.date's fields mean for one product.</summary>
    /// <param name="Os">The knowledge base's OS name (OsLifecycleRecord.Os).</param>
    /// <param name="LtsIsEol">Debian: <c>support</c> ends standard support and <c>eol</c> ends the free LTS;
    /// elsewhere <c>eol</c> ends standard support.</param>
    public sealed record Product(string Name, string Os, bool LtsIsEol = false);

    /// <summary>The OS products read; each maps onto the embedded records of the same OS.</summary>
    public static readonly IReadOnlyList<Product> Products =
    [
        new("debian", "Debian", LtsIsEol: true),
        new("ubuntu", "Ubuntu"),
        new("rhel", "Red Hat Enterprise Linux"),
        new("centos", "CentOS Linux"),
        new("centos-stream", "CentOS Stream"),
        new("rocky-linux", "Rocky Linux"),
        new("almalinux", "AlmaLinux"),
        new("oracle-linux", "Oracle Linux"),
        new("sles", "SUSE Linux Enterprise Server"),
        new("amazon-linux", "Amazon Linux"),
        new("oracle-solaris", "Oracle Solaris"),
    ];

    public static Product? Find(string name) => Products.FirstOrDefault(p => p.Name == name);

    /// <summary>Reads the answer of <paramref name="product"/>; throws <see cref="KnowledgeImportException"/> when it is not a complete cycle list.</summary>
    public static ImportedFile Read(string file, Product product, ReadOnlySpan<byte> json)
    {
        var into = new ImportedFile(file);
        try
        {
            using var doc = KnowledgeImporter.ParseJson(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Array) throw JsonRead.Fault("$", "expected-cycles", ("kind", JsonRead.Kind(root)));
            if (root.GetArrayLength() == 0) throw JsonRead.Fault("$", "no-cycles");
            string? newest = null;
            int i = 0;
            foreach (var c in root.EnumerateArray())
            {
                var at = JsonRead.Item("$", i++);
                JsonRead.RequireObject(c, at);
                var cycle = Cycle(c, at);
                var support = DateOf(c, "support", at);
                var eol = DateOf(c, "eol", at);
                var extended = DateOf(c, "extendedSupport", at);
                into.OsLifecycle.Add(new LocalOsLifecycle
                {
                    Product = product.Name,
                    Os = product.Os,
                    Cycle = cycle,
                    StandardSupportEnd = product.LtsIsEol ? support : eol,
                    FreeExtendedEnd = product.LtsIsEol ? eol : null,
                    PaidExtendedEnd = extended,
                    Source = $"endoflife.date {product.Name}",
                });
                foreach (var d in new[] { DateOf(c, "releaseDate", at), DateOf(c, "latestReleaseDate", at) })
                    if (d is not null && (newest is null || string.CompareOrdinal(d, newest) > 0)) newest = d;
            }
            // The answer's own "as of": the newest release date it names (the API carries no date of its own).
            if (newest is not null) into.DataThrough = new LocalSourceDate { Source = $"os lifecycle (endoflife.date {product.Name})", Through = newest };
        }
        catch (RecordFault f) { throw new KnowledgeImportException([new ImportError(file, f.JsonPath, f.Problem)]); }
        return into;
    }

    private static string Cycle(JsonElement c, string at)
    {
        if (!c.TryGetProperty("cycle", out var v)) throw JsonRead.Fault(at + ".cycle", "missing");
        // The API writes most cycles as strings, some as numbers.
        var s = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString()!,
            JsonValueKind.Number => v.GetRawText(),
            _ => throw JsonRead.Expected(at + ".cycle", "string", v),
        };
        if (s.Length is 0 or > 40) throw JsonRead.Fault(at + ".cycle", "cycle-length");
        return s;
    }

    /// <summary>A "yyyy-MM-dd" date; null for a boolean or an absent field; anything else is a fault.</summary>
    private static string? DateOf(JsonElement c, string name, string at)
    {
        if (!c.TryGetProperty(name, out var v) || v.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return v.GetString();
        throw JsonRead.Fault(at + "." + name, "expected-date-or-boolean", ("kind", JsonRead.Kind(v)));
    }
}
