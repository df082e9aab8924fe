using System.Text;

namespace MtaAudit.Tests.Support;

/// <summary>
/// Real outputs copied from ../shared/fixtures into tests/MtaAudit.Tests/Fixtures, header kept.
/// <see cref="Output"/> returns what follows the header's '---' line: the output as the system printed it.
/// </summary>
public static class Fixture
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The whole file, header included.</summary>
    public static string Raw(string relative) => File.ReadAllText(PathOf(relative), Encoding.UTF8);

    /// <summary>The output part of a fixture (after the first line that is exactly '---').</summary>
    public static string Output(string relative)
    {
        var text = Raw(relative).Replace("\r\n", "\n");
        int i = text.IndexOf("\n---\n", StringComparison.Ordinal);
        return i < 0 ? text : text[(i + 5)..];
    }

    /// <summary>
    /// The part of a fixture's output between a line containing <paramref name="startMarker"/> (exclusive)
    /// and the next line starting with <paramref name="endPrefix"/> (exclusive), for files holding several commands.
    /// </summary>
    public static string Between(string relative, string startMarker, string endPrefix)
    {
        var lines = Output(relative).Split('\n');
        var sb = new StringBuilder();
        bool on = false;
        foreach (var l in lines)
        {
            if (!on) { if (l.Contains(startMarker, StringComparison.Ordinal)) on = true; continue; }
            if (l.StartsWith(endPrefix, StringComparison.Ordinal)) break;
            sb.Append(l).Append('\n');
        }
        if (!on) throw new InvalidOperationException($"marker '{startMarker}' not found in {relative}");
        return sb.ToString();
    }
}
