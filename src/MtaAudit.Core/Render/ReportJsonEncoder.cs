using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace MtaAudit.Render;

/// <summary>
/// The reports' JSON encoder: an inbox encoder (Korean kept readable) that also escapes every invisible format
/// character and line/paragraph separator (<see cref="TerminalText.IsInvisible(int)"/>: U+202E, U+200B, U+2028…)
/// as <c>\uXXXX</c>, which the inbox encoders write raw: a reader of the file sees that a target sent one.
/// Text without such characters is found by the inner encoder's own fast search, then checked for them.
/// </summary>
public sealed class ReportJsonEncoder : JavaScriptEncoder
{
    /// <summary>JSON reports and plans: quotes and control characters escaped, HTML characters left (no HTML around it).</summary>
    public static ReportJsonEncoder Relaxed { get; } = new(UnsafeRelaxedJsonEscaping);

    /// <summary>The HTML page's data block: &lt; &gt; &amp; and quotes escaped too, so no text can close the script element.</summary>
    public static ReportJsonEncoder Html { get; } = new(Create(UnicodeRanges.All));

    private readonly JavaScriptEncoder _inner;

    private ReportJsonEncoder(JavaScriptEncoder inner) => _inner = inner;

    public override int MaxOutputCharactersPerInputCharacter => Math.Max(_inner.MaxOutputCharactersPerInputCharacter, 12);

    public override bool WillEncode(int unicodeScalar) => TerminalText.IsInvisible(unicodeScalar) || _inner.WillEncode(unicodeScalar);

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        int inner = _inner.FindFirstCharacterToEncode(text, textLength);
        var span = new ReadOnlySpan<char>(text, inner < 0 ? textLength : inner);
        for (int i = 0; i < span.Length; i++)
        {
            if (span[i] < '\u0080') continue;
            if (Rune.DecodeFromUtf16(span[i..], out var r, out int n) == System.Buffers.OperationStatus.Done && TerminalText.IsInvisible(r.Value)) return i;
            i += Math.Max(n, 1) - 1;
        }
        return inner;
    }

    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        int inner = _inner.FindFirstCharacterToEncodeUtf8(utf8Text);
        var span = utf8Text[..(inner < 0 ? utf8Text.Length : inner)];
        int i = 0;
        while (i < span.Length)
        {
            int next = span[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (next < 0) break;
            i += next;
            if (Rune.DecodeFromUtf8(span[i..], out var r, out int n) == System.Buffers.OperationStatus.Done && TerminalText.IsInvisible(r.Value)) return i;
            i += Math.Max(n, 1);
        }
        return inner;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        if (!TerminalText.IsInvisible(unicodeScalar))
            return _inner.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);
        Span<char> utf16 = stackalloc char[2];
        int units = new Rune(unicodeScalar).EncodeToUtf16(utf16);
        numberOfCharactersWritten = 0;
        if (bufferLength < units * 6) return false;
        var into = new Span<char>(buffer, bufferLength);
        for (int u = 0; u < units; u++)
        {
            "\\u".AsSpan().CopyTo(into[(u * 6)..]);
            ((int)utf16[u]).TryFormat(into[(u * 6 + 2)..], out _, "x4", System.Globalization.CultureInfo.InvariantCulture);
        }
        numberOfCharactersWritten = units * 6;
        return true;
    }
}
