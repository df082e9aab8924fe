using System.Globalization;
using System.Text.Json;

namespace MtaAudit.Knowledge.Import;

/// <summary>
/// Typed access to untrusted JSON with the JSON path of every value, so a wrong type is reported
/// where it is (<c>$.cve.metrics.cvssMetricV31[0].cvssData.baseScore: expected a number, found a string</c>).
/// Absent and null members read as null; present members of the wrong type are faults.
/// </summary>
internal static class JsonRead
{
    public static RecordFault Fault(string path, Localized problem) => new(path, problem);

    /// <summary>A fault worded from the glossary (import.CODE).</summary>
    public static RecordFault Fault(string path, string code, params (string Name, object? Value)[] args) => new(path, Glossary.Say("import." + code, args));

    public static Localized Kind(JsonElement e) => Glossary.Say(e.ValueKind switch
    {
        JsonValueKind.Object => "json.kind.object",
        JsonValueKind.Array => "json.kind.array",
        JsonValueKind.String => "json.kind.string",
        JsonValueKind.Number => "json.kind.number",
        JsonValueKind.True or JsonValueKind.False => "json.kind.boolean",
        JsonValueKind.Null => "json.kind.null",
        _ => "json.kind.nothing",
    });

    /// <summary>"expected WANT, found KIND", WANT a json.kind code's word.</summary>
    public static RecordFault Expected(string path, string want, JsonElement found) =>
        Fault(path, "expected", ("want", Glossary.Say("json.kind." + want)), ("kind", Kind(found)));

    public static string Member(string path, string name) => path + "." + name;
    public static string Item(string path, int i) => path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";

    public static void RequireObject(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object) throw Expected(path, "object", e);
    }

    private static JsonElement? Get(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static string? OptString(JsonElement obj, string name, string path)
    {
        if (Get(obj, name) is not { } v) return null;
        if (v.ValueKind != JsonValueKind.String) throw Expected(Member(path, name), "string", v);
        return v.GetString();
    }

    public static string ReqString(JsonElement obj, string name, string path)
    {
        var s = OptString(obj, name, path) ?? throw Fault(Member(path, name), "missing");
        if (string.IsNullOrWhiteSpace(s)) throw Fault(Member(path, name), "empty");
        return s;
    }

    public static bool? OptBool(JsonElement obj, string name, string path)
    {
        if (Get(obj, name) is not { } v) return null;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Expected(Member(path, name), "boolean", v),
        };
    }

    public static double? OptNumber(JsonElement obj, string name, string path)
    {
        if (Get(obj, name) is not { } v) return null;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d))
            throw Expected(Member(path, name), "number", v);
        return d;
    }

    public static JsonElement? OptObject(JsonElement obj, string name, string path)
    {
        if (Get(obj, name) is not { } v) return null;
        RequireObject(v, Member(path, name));
        return v;
    }

    /// <summary>The items of an optional array member, each with its path; empty when absent.</summary>
    public static IEnumerable<(JsonElement Item, string Path)> Items(JsonElement obj, string name, string path)
    {
        if (Get(obj, name) is not { } v) yield break;
        var at = Member(path, name);
        if (v.ValueKind != JsonValueKind.Array) throw Expected(at, "array", v);
        int i = 0;
        foreach (var item in v.EnumerateArray())
        {
            yield return (item, Item(at, i));
            i++;
        }
    }

    /// <summary>The strings of an optional array member of strings.</summary>
    public static List<string> Strings(JsonElement obj, string name, string path)
    {
        var list = new List<string>();
        foreach (var (item, at) in Items(obj, name, path))
        {
            if (item.ValueKind != JsonValueKind.String) throw Expected(at, "string", item);
            list.Add(item.GetString()!);
        }
        return list;
    }
}
