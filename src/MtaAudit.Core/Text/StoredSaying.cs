using System.Text;
using System.Text.Json;

namespace MtaAudit;

/// <summary>
/// A coded sentence kept as one string (a host's failure in the fleet's results store) and worded again from the
/// glossary when it is read, so a report words it in the reader's language. The stored form is a small JSON object,
/// <c>{"code":"ssh.fail.refused","args":[["where","10.0.0.7"],["port","22"]]}</c>, whose worded parameters are nested
/// objects of the same shape. Anything else (a store written before codes, an uncoded sentence) is plain English text
/// and comes back quoted as recorded.
/// </summary>
public static class StoredSaying
{
    public static string? Encode(Localized? said)
    {
        if (said is null) return null;
        if (said.Code is null) return said.En;
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms)) Write(w, said);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>The sentence a stored string holds; null for null.</summary>
    public static Localized? Decode(string? stored)
    {
        if (stored is null) return null;
        if (stored.StartsWith("{\"code\":", StringComparison.Ordinal))
        {
            try
            {
                using var doc = JsonDocument.Parse(stored);
                if (Read(doc.RootElement) is { } said) return said;
            }
            catch (JsonException) { }
        }
        return Glossary.Say("stored.plain", ("text", TerminalText.Clean(stored)));
    }

    private static void Write(Utf8JsonWriter w, Localized said)
    {
        w.WriteStartObject();
        w.WriteString("code", said.Code);
        w.WriteStartArray("args");
        // Say keeps the worded parameters (Parts) in the order of their arguments: each one whose English is the
        // next part's is that part.
        int part = 0;
        var parts = said.Parts ?? [];
        foreach (var (name, value) in said.Args ?? [])
        {
            w.WriteStartArray();
            w.WriteStringValue(name);
            if (part < parts.Count && parts[part].En == value)
            {
                var p = parts[part++];
                if (p.Code is not null) Write(w, p);
                else w.WriteStringValue(p.En == p.Ko ? p.En : value);
            }
            else w.WriteStringValue(value);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static Localized? Read(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("code", out var c) || c.GetString() is not { } code || !Glossary.Has(code)) return null;
        var args = new List<(string, object?)>();
        if (e.TryGetProperty("args", out var a) && a.ValueKind == JsonValueKind.Array)
            foreach (var pair in a.EnumerateArray())
            {
                if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2) return null;
                var name = pair[0].GetString() ?? "";
                var v = pair[1];
                if (v.ValueKind == JsonValueKind.Object)
                {
                    if (Read(v) is not { } nested) return null;
                    args.Add((name, nested));
                }
                else if (v.ValueKind == JsonValueKind.String) args.Add((name, v.GetString()));
                else return null;
            }
        return Glossary.Say(code, [.. args]);
    }
}
