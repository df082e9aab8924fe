using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MtaAudit.Collect.Ssh;

public enum HostKeyStatus { Known, Unknown, Changed, Revoked }

/// <summary>
/// OpenSSH's known_hosts: plain and hashed (<c>|1|salt|hmac</c>) host patterns, <c>[host]:port</c>
/// for ports other than 22, <c>*</c>/<c>?</c> wildcards, <c>!</c> negation, <c>@revoked</c>.
/// (<c>@cert-authority</c> lines are skipped: host certificates are not accepted.) Thread-safe:
/// many hosts are checked at once and new keys may be appended (--accept-new-host-keys).
/// </summary>
public sealed class KnownHosts
{
    private readonly List<Entry> _entries = [];
    private readonly object _lock = new();

    public string Path { get; }

    private sealed record Entry(string[] Patterns, string KeyType, byte[] Key, bool Revoked, int Line);

    private KnownHosts(string path) => Path = path;

    /// <summary>Reads the file; a missing file is an empty list (every host is then unknown). Bad lines are skipped, as OpenSSH does.</summary>
    public static KnownHosts Load(string path)
    {
        try { return Read(path); }
        catch (MtaAudit.Io.InputTooLargeException e) { throw new SshSetupException(e.Said); }
    }

    /// <summary>Every line is kept in memory, so the file is bounded (OpenSSH's own files of large sites are a few MiB).</summary>
    public const long MaxFileBytes = 64L << 20;

    private static KnownHosts Read(string path)
    {
        var kh = new KnownHosts(path);
        if (!File.Exists(path)) return kh;
        int lineNo = 0;
        using var reader = new StreamReader(MtaAudit.Io.BoundedFile.OpenRead(path, MaxFileBytes));
        for (string? raw; (raw = reader.ReadLine()) is not null;)
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var f = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            bool revoked = false;
            int i = 0;
            if (f[0].StartsWith('@'))
            {
                if (f[0] == "@revoked") revoked = true;
                else continue; // @cert-authority
                i = 1;
            }
            if (f.Length < i + 3) continue;
            byte[] key;
            try { key = Convert.FromBase64String(f[i + 2]); }
            catch (FormatException) { continue; }
            kh._entries.Add(new Entry(f[i].Split(','), f[i + 1], key, revoked, lineNo));
        }
        return kh;
    }

    /// <summary>The name known_hosts uses for a host: "host" on port 22, "[host]:port" elsewhere.</summary>
    public static string NameOf(string host, int port) => port == 22 ? host : $"[{host}]:{port}";

    public (HostKeyStatus Status, int? Line) Check(string host, int port, byte[] key)
    {
        var name = NameOf(host, port);
        lock (_lock)
        {
            var matching = _entries.Where(e => Matches(e.Patterns, name)).ToList();
            var revoked = matching.FirstOrDefault(e => e.Revoked && e.Key.AsSpan().SequenceEqual(key));
            if (revoked is not null) return (HostKeyStatus.Revoked, revoked.Line);
            if (matching.Any(e => !e.Revoked && e.Key.AsSpan().SequenceEqual(key))) return (HostKeyStatus.Known, null);
            // A different key of the SAME type is a changed key; a key of a type we have no line for is
            // only unknown (the host has several keys; we ask for known types first, see KeyTypesFor).
            var type = KeyTypeOf(key);
            var sameType = matching.FirstOrDefault(e => !e.Revoked && e.KeyType == type);
            if (sameType is not null) return (HostKeyStatus.Changed, sameType.Line);
            return matching.Any(e => !e.Revoked) ? (HostKeyStatus.Changed, matching.First(e => !e.Revoked).Line) : (HostKeyStatus.Unknown, null);
        }
    }

    /// <summary>Key types (ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256, ...) known for this host, to ask the server for those first.</summary>
    public IReadOnlySet<string> KeyTypesFor(string host, int port)
    {
        var name = NameOf(host, port);
        lock (_lock)
            return _entries.Where(e => !e.Revoked && Matches(e.Patterns, name)).Select(e => e.KeyType).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Adds a line for a newly accepted key, to the file and to this list.</summary>
    public void Append(string host, int port, byte[] key)
    {
        var type = KeyTypeOf(key);
        var name = NameOf(host, port);
        lock (_lock)
        {
            var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
            if (dir is not null) Directory.CreateDirectory(dir);
            File.AppendAllText(Path, $"{name} {type} {Convert.ToBase64String(key)}\n");
            _entries.Add(new Entry([name], type, key, false, -1));
        }
    }

    /// <summary>The key type is the first string of the SSH wire-format key blob.</summary>
    public static string KeyTypeOf(byte[] blob)
    {
        if (blob.Length < 4) return "";
        var len = BinaryPrimitives.ReadUInt32BigEndian(blob);
        return len > 0 && len <= blob.Length - 4 && len < 100 ? Encoding.ASCII.GetString(blob, 4, (int)len) : "";
    }

    public static string Fingerprint(byte[] key) => "SHA256:" + Convert.ToBase64String(SHA256.HashData(key)).TrimEnd('=');

    private static bool Matches(string[] patterns, string name)
    {
        bool any = false;
        foreach (var p in patterns)
        {
            if (p.StartsWith('!'))
            {
                if (PatternMatches(p[1..], name)) return false;
                continue;
            }
            if (PatternMatches(p, name)) any = true;
        }
        return any;
    }

    private static bool PatternMatches(string pattern, string name)
    {
        if (pattern.StartsWith("|1|", StringComparison.Ordinal))
        {
            var parts = pattern.Split('|');
            if (parts.Length != 4) return false;
            try
            {
                var salt = Convert.FromBase64String(parts[2]);
                var hash = Convert.FromBase64String(parts[3]);
                return CryptographicOperations.FixedTimeEquals(HMACSHA1.HashData(salt, Encoding.ASCII.GetBytes(name)), hash);
            }
            catch (FormatException) { return false; }
        }
        return Glob(pattern.AsSpan(), name.AsSpan());
    }

    private static bool Glob(ReadOnlySpan<char> p, ReadOnlySpan<char> s)
    {
        while (p.Length > 0)
        {
            if (p[0] == '*')
            {
                for (int i = 0; i <= s.Length; i++)
                    if (Glob(p[1..], s[i..])) return true;
                return false;
            }
            if (s.Length == 0 || (p[0] != '?' && char.ToLowerInvariant(p[0]) != char.ToLowerInvariant(s[0]))) return false;
            p = p[1..];
            s = s[1..];
        }
        return s.Length == 0;
    }
}
