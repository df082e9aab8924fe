using System.Globalization;
using System.Text.RegularExpressions;
using MtaAudit.Evidence;
using MtaAudit.Facts;

namespace MtaAudit.Parse.Processes;

/// <summary>
/// The process list (probe <c>proc.list</c>): <c>ps -ef</c>, <c>ps -elf</c>, <c>ps aux[ww][f]</c>, <c>ps ax</c>,
/// <c>ps -e</c> and <c>ps -o ...</c> with any columns, on Linux, Solaris, AIX, HP-UX and the BSDs.
/// The header line names the columns; lines it does not explain (no header, a prompt, a second
/// command) are tried against the usual layouts. Lines that fit nothing are skipped.
/// </summary>
public sealed partial class PsParser : IProbeParser
{
    public IReadOnlyList<string> Probes { get; } = ["proc.list"];

    public void Apply(EvidenceSection section, HostFacts facts) => facts.Processes.AddRange(Parse(section.Text));

    public static List<ProcessInfo> Parse(string text)
    {
        var result = new List<ProcessInfo>();
        PsLayout? header = null, headerNoWchan = null;
        var tokens = new List<(int Start, int End)>();

        foreach (var line in TextLines.Split(text))
        {
            if (PsLayout.FromHeader(line) is { } h)
            {
                header = h;
                headerNoWchan = h.WithoutWaitChannel();
                continue;
            }
            Tokenize(line, tokens);
            if (tokens.Count < 2) continue;

            ProcessInfo? p = null;
            if (header is not null) p = TryRead(line, tokens, header) ?? (headerNoWchan is null ? null : TryRead(line, tokens, headerNoWchan));
            if (p is null)
                foreach (var layout in PsLayout.Headerless)
                    if ((p = TryRead(line, tokens, layout)) is not null) break;
            if (p is not null) result.Add(p);
        }
        return result;
    }

    /// <summary>Reads one line against a layout; null when a column does not hold what it should.</summary>
    private static ProcessInfo? TryRead(string line, List<(int Start, int End)> t, PsLayout layout)
    {
        var cols = layout.Columns;
        int after = cols.Length - 1 - layout.ArgsIndex;
        int ti = 0;
        int? pid = null, ppid = null;
        string? user = null;

        for (int c = 0; c < layout.ArgsIndex; c++)
        {
            if (ti >= t.Count) return null;
            string tok = Token(line, t[ti]);
            switch (cols[c])
            {
                case PsColumn.Pid:
                    if ((pid = Int(tok)) is null) return null;
                    break;
                case PsColumn.Ppid:
                    if ((ppid = Int(tok)) is null) return null;
                    break;
                case PsColumn.User:
                    user = tok;
                    break;
                case PsColumn.Time:
                    if (!CpuTime().IsMatch(tok)) return null;
                    break;
                case PsColumn.Percent:
                    if (!Percent().IsMatch(tok)) return null;
                    break;
                case PsColumn.Flags:
                    if (!Flags().IsMatch(tok)) return null;
                    break;
                case PsColumn.State:
                    if (!State().IsMatch(tok)) return null;
                    break;
                case PsColumn.Start:
                    // "Jan 12": a month name then a day takes two tokens.
                    if (Month().IsMatch(tok) && ti + 1 < t.Count && Day().IsMatch(Token(line, t[ti + 1]))) ti++;
                    break;
            }
            ti++;
        }

        int lastArg = t.Count - 1 - after;
        if (ti > lastArg) return null;
        // Columns after the command (rare, "-o args,pid") are read from the end of the line.
        for (int c = layout.ArgsIndex + 1, k = lastArg + 1; c < cols.Length; c++, k++)
        {
            string tok = Token(line, t[k]);
            if (cols[c] == PsColumn.Pid && (pid = Int(tok)) is null) return null;
            if (cols[c] == PsColumn.Ppid && (ppid = Int(tok)) is null) return null;
            if (cols[c] == PsColumn.User) user = tok;
        }
        if (pid is null) return null;

        string args = StripForest(line[t[ti].Start..t[lastArg].End]);
        return args.Length == 0 ? null : new ProcessInfo(pid, ppid, user, args, line);
    }

    /// <summary>ps f (forest) draws "\_ " and "| " before a child's command; the command starts after them.</summary>
    private static string StripForest(string args)
    {
        var m = ForestArt().Match(args);
        return m.Success ? args[m.Length..] : args;
    }

    private static void Tokenize(string line, List<(int Start, int End)> tokens)
    {
        tokens.Clear();
        int i = 0;
        while (i < line.Length && tokens.Count < 4096)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
            if (i >= line.Length) break;
            int start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
            tokens.Add((start, i));
        }
    }

    private static string Token(string line, (int Start, int End) t) => line[t.Start..t.End];

    private static int? Int(string s) =>
        s.Length is > 0 and <= 10 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    // 0:00, 00:00:00, 04:55:10, 1-02:03:04, 123:45 (Solaris/AIX cumulative minutes)
    [GeneratedRegex(@"^(\d{1,4}-)?\d{1,5}:\d{2}(:\d{2})?(\.\d+)?$")]
    private static partial Regex CpuTime();

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,2})?$")]
    private static partial Regex Percent();

    [GeneratedRegex(@"^[0-9a-fA-F]{1,16}$")]
    private static partial Regex Flags();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z<>+]{0,7}$")]
    private static partial Regex State();

    [GeneratedRegex(@"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$")]
    private static partial Regex Month();

    [GeneratedRegex(@"^\d{1,2}$")]
    private static partial Regex Day();

    [GeneratedRegex(@"^(?:(?:\\_|\|)\s+)+")]
    private static partial Regex ForestArt();
}
