using System.Security.Cryptography;
using System.Text;
using MtaAudit.Io;

namespace MtaAudit.Fleet;

/// <summary>
/// --evidence-dir: one <c>NAME.evidence</c> per host, named by its inventory name (never by the host
/// line inside the bundle), written whole or not at all (<see cref="SafeFile"/>). One instance per run:
/// it remembers the files it wrote, so no host of the run ever overwrites another's.
/// </summary>
public sealed class EvidenceFiles(string dir)
{
    private const string Extension = ".evidence";
    // Room for a "~N" suffix and the extension within the usual 255-byte file name limit.
    private const int MaxEncodedLength = 200;
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly HashSet<string> _writtenFolded = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The stable, collision-free file name of an inventory name: ASCII letters, digits and <c>- _ @ .</c>
    /// stay (a leading dot does not: no hidden files, no "." or ".."), precomposed Hangul stays, every other
    /// UTF-8 byte (the '%' itself included) becomes %XX. So <c>db/1</c> is <c>db%2F1</c> and <c>db_1</c>
    /// stays <c>db_1</c>: different names give different files. A name too long for a file system is cut
    /// and ends in '~' and a hash of the whole name ('~' is never produced otherwise).
    /// </summary>
    public static string FileName(string inventoryName)
    {
        var sb = new StringBuilder(inventoryName.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < inventoryName.Length; i++)
        {
            char c = inventoryName[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '@' || (c == '.' && i > 0) || c is >= '\uAC00' and <= '\uD7A3')
            {
                sb.Append(c);
                continue;
            }
            var rune = Rune.TryGetRuneAt(inventoryName, i, out var r) ? r : Rune.ReplacementChar;
            if (rune.Utf16SequenceLength == 2) i++;
            int n = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..n]) sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        if (sb.Length == 0) sb.Append('%');
        if (Encoding.UTF8.GetByteCount(sb.ToString()) > MaxEncodedLength)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(inventoryName)))[..16];
            // Cut at 150 bytes (a Hangul syllable is 3), never inside a %XX escape: an escape is whole or gone.
            int len = 0, bytes = 0;
            while (len < sb.Length && bytes + Encoding.UTF8.GetByteCount([sb[len]]) <= 150) bytes += Encoding.UTF8.GetByteCount([sb[len++]]);
            var cut = sb.ToString(0, len);
            int pct = cut.LastIndexOf('%');
            if (pct >= 0 && pct > cut.Length - 3) cut = cut[..pct];
            sb.Clear().Append(cut).Append('~').Append(hash);
        }
        return sb.Append(Extension).ToString();
    }

    /// <summary>
    /// Writes one host's bundle and returns its path. A name this run already wrote, also as a case-folding
    /// file system sees it (DB_1 and db_1), gets a "~2", "~3"... suffix instead of replacing it; a file
    /// left by an earlier run is replaced.
    /// </summary>
    public string Write(string inventoryName, byte[] bundle)
    {
        Directory.CreateDirectory(dir);
        var name = FileName(inventoryName);
        var stem = name[..^Extension.Length];
        lock (_written)
        {
            var path = Path.Combine(dir, name);
            for (int k = 2; Taken(path); k++) path = Path.Combine(dir, $"{stem}~{k}{Extension}");
            SafeFile.Write(path, bundle);
            _written.Add(path);
            _writtenFolded.Add(path);
            return path;
        }
    }

    private bool Taken(string path) =>
        _written.Contains(path)
        || (_writtenFolded.Contains(path) && File.Exists(path));
}
