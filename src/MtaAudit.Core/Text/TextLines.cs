namespace MtaAudit;

/// <summary>Line splitting shared by every parser: LF, CRLF and a final line without an end.</summary>
public static class TextLines
{
    public static IEnumerable<string> Split(string text)
    {
        if (text.Length == 0) yield break;
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            int end = nl < 0 ? text.Length : nl;
            int len = end - start;
            if (len > 0 && text[end - 1] == '\r') len--;
            yield return text.Substring(start, len);
            if (nl < 0) yield break;
            start = nl + 1;
        }
    }
}
