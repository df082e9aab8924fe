using MtaAudit.Tests.Support;

namespace MtaAudit.Tests.Knowledge.Import;

/// <summary>
/// Real records (see the .source.txt beside each): NVD's CVE-2019-10149 (Exim) from the fkie-cad mirror and
/// Ubuntu's OSV USN-6591-1 (Postfix, CVE-2023-51764). "Corrupted" copies change one value of the real text.
/// </summary>
internal static class ImportFixtures
{
    public const string Nvd = "import/CVE-2019-10149.json";
    public const string Osv = "import/USN-6591-1.json";

    public static string Text(string name) => Fixture.Raw(name);

    /// <summary>A temporary data directory, deleted on dispose.</summary>
    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("mta-audit-kb-").FullName;
        public string Overlay => System.IO.Path.Combine(Path, "kb-local.json");

        /// <summary>Writes a copy of a fixture's text (optionally changed) into the directory and returns its path.</summary>
        public string Write(string name, string text)
        {
            var p = System.IO.Path.Combine(Path, name);
            File.WriteAllText(p, text);
            return p;
        }

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Replaces exactly one occurrence, so a corrupted copy differs from the real record in one known place.</summary>
    public static string ReplaceOnce(string text, string from, string to)
    {
        int i = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{from}' not in fixture");
        Assert.Equal(-1, text.IndexOf(from, i + 1, StringComparison.Ordinal));
        return text[..i] + to + text[(i + from.Length)..];
    }
}
