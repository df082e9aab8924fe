using System.Text;

namespace MtaAudit.Collect.Ssh;

/// <summary>
/// The tool's own secrets (SSH password, key passphrase, sudo password) taken out of everything kept from a
/// target: a sudo that echoes its input, or a hostile host, could otherwise put them into the bundle (and so the
/// store, every report and the progress line) or into an error message. Applied where target text enters:
/// <see cref="SshCollector.CollectAsync"/>'s result and each command result of <see cref="Fix.SshTarget"/>.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mark = "[redacted]";
    private static readonly byte[] MarkBytes = Encoding.ASCII.GetBytes(Mark);

    private readonly string[] _secrets;
    private readonly byte[][] _bytes;

    public SecretRedactor(IEnumerable<string?> secrets)
    {
        // Longest first: a secret that holds another is taken out whole.
        _secrets = secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length).ToArray();
        _bytes = _secrets.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    public static SecretRedactor Of(SshSettings s) => new([s.Password, s.KeyPassphrase, s.SudoPassword]);

    public bool None => _secrets.Length == 0;

    public string Redact(string text)
    {
        foreach (var s in _secrets)
            if (text.Contains(s, StringComparison.Ordinal)) text = text.Replace(s, Mark, StringComparison.Ordinal);
        return text;
    }

    /// <summary>The bytes with every secret's UTF-8 form replaced; the same array when none is there.</summary>
    public byte[] Redact(byte[] data)
    {
        foreach (var secret in _bytes)
        {
            int at = data.AsSpan().IndexOf(secret);
            if (at < 0) continue;
            using var into = new MemoryStream(data.Length);
            int from = 0;
            while (at >= 0)
            {
                into.Write(data, from, at);
                into.Write(MarkBytes);
                from += at + secret.Length;
                at = data.AsSpan(from).IndexOf(secret);
            }
            into.Write(data, from, data.Length - from);
            data = into.ToArray();
        }
        return data;
    }

    /// <summary>A sentence with every secret taken out of both languages, its parameters and its parts.</summary>
    public Localized Redact(Localized said)
    {
        if (None) return said;
        return new Localized(Redact(said.En), Redact(said.Ko))
        {
            Code = said.Code,
            Args = said.Args?.Select(a => new KeyValuePair<string, string>(a.Key, Redact(a.Value))).ToList(),
            Parts = said.Parts?.Select(Redact).ToList(),
        };
    }

    public HostCollection Redact(HostCollection c) =>
        None ? c : c with { Output = Redact(c.Output), Message = c.Message is { } m ? Redact(m) : null };
}
