namespace MtaAudit.Services;

/// <summary>
/// One line of AIX /etc/rc.tcpip read as the shell would run it, for the parser and the remediation edit alike.
/// A line is active unless it is a comment (a '#' after leading blanks). It starts a program when one of its
/// commands, after <c>&amp;&amp;</c>, <c>||</c>, <c>;</c>, <c>&amp;</c> and the one-line <c>if …; then …; fi</c>
/// keywords, is the rc.tcpip function <c>start PATH|NAME …</c>, <c>startsrc -s NAME</c>, or a direct path
/// (<c>/usr/lib/sendmail -bd -q30m</c>). <c>[ -x /usr/lib/sendmail ]</c> is a test, not a start.
/// A comment is read the same way, so "#start /usr/lib/sendmail …" is a start line switched off; only an
/// explicit path or startsrc counts in a comment (prose such as "# start up the daemons" names no program).
/// </summary>
public readonly record struct RcTcpipStart(string Program, bool Active);

public static class RcTcpipLine
{
    /// <summary>The programs the line starts (empty when none), each with whether the line is active.</summary>
    public static List<RcTcpipStart> Starts(string line)
    {
        var starts = new List<RcTcpipStart>();
        var text = line.TrimStart(' ', '\t');
        bool active = !text.StartsWith('#');
        if (!active) text = text.TrimStart('#', ' ', '\t');
        foreach (var command in Commands(text))
            if (Started(command, active) is { } program) starts.Add(new RcTcpipStart(program, active));
        return starts;
    }

    /// <summary>True when the line is active and starts <paramref name="program"/>.</summary>
    public static bool StartsActive(string line, string program) =>
        Starts(line).Any(s => s.Active && s.Program == program);

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "if", "then", "else", "elif", "fi", "do", "done", "!", "{", "}", "(", ")", "exec", "nohup" };

    /// <summary>The program a command's words start, or null.</summary>
    private static string? Started(List<string> words, bool active)
    {
        int i = 0;
        while (i < words.Count && Keywords.Contains(words[i])) i++;
        if (i >= words.Count) return null;
        var head = words[i];
        if (head == "start" && i + 1 < words.Count)
        {
            var target = words[i + 1];
            if (target.StartsWith('/')) return Basename(target);
            // "start sendmail …": the function runs what it is given; in a comment, a bare word is prose.
            return active && IsName(target) ? target : null;
        }
        if (head is "startsrc" or "/usr/bin/startsrc")
        {
            for (int j = i + 1; j < words.Count; j++)
            {
                if (words[j] == "-s" && j + 1 < words.Count && IsName(words[j + 1])) return words[j + 1];
                if (words[j].StartsWith("-s", StringComparison.Ordinal) && words[j].Length > 2 && IsName(words[j][2..])) return words[j][2..];
            }
            return null;
        }
        return head.StartsWith('/') && head.Length > 1 && !head.EndsWith('/') ? Basename(head) : null;
    }

    private static string? Basename(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return IsName(name) ? name : null;
    }

    private static bool IsName(string s) =>
        s.Length > 0 && char.IsAsciiLetter(s[0]) && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    /// <summary>
    /// The line's simple commands as words: split on unquoted ;, &amp;, &amp;&amp;, || and |, ending at an unquoted
    /// '#' that begins a word; quotes are kept out of the words (a quoted ';' does not split).
    /// </summary>
    private static IEnumerable<List<string>> Commands(string text)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        bool inWord = false;
        char quote = '\0';
        void EndWord()
        {
            if (inWord) words.Add(word.ToString());
            word.Clear();
            inWord = false;
        }
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else if (c == '\\' && quote == '"' && i + 1 < text.Length) word.Append(text[++i]);
                else word.Append(c);
                continue;
            }
            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    inWord = true;
                    break;
                case '\\' when i + 1 < text.Length:
                    word.Append(text[++i]);
                    inWord = true;
                    break;
                case ' ' or '\t' or '\r' or '\n':
                    EndWord();
                    break;
                case ';' or '&' or '|':
                    EndWord();
                    if (words.Count > 0) yield return words;
                    words = [];
                    break;
                case '#' when !inWord:
                    EndWord();
                    if (words.Count > 0) yield return words;
                    yield break;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }
        EndWord();
        if (words.Count > 0) yield return words;
    }
}
