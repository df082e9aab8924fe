using System.Text.RegularExpressions;

namespace MtaAudit.Parse.Processes;

/// <summary>What a ps column holds, as far as reading a line needs to know.</summary>
internal enum PsColumn
{
    Other, Pid, Ppid, User, Args, Time,
    /// <summary>STIME/START: one token ("10:22:01", "Jan15", "2025") or two ("Jan 12" on Solaris, AIX, HP-UX).</summary>
    Start,
    /// <summary>%CPU, %MEM: "0.0".</summary>
    Percent,
    /// <summary>F of ps -l: decimal or hex flags.</summary>
    Flags,
    /// <summary>S or STAT: "S", "Ss+", "S&lt;Ll".</summary>
    State,
    /// <summary>WCHAN: blank on some systems for a running process, so a line may lack it.</summary>
    WaitChannel,
}

/// <summary>A column layout: from a header line, or one of the usual layouts for output without one.</summary>
internal sealed partial class PsLayout
{
    public PsColumn[] Columns { get; }
    public int ArgsIndex { get; }
    public string Name { get; }

    private PsLayout(string name, PsColumn[] columns, int argsIndex)
    {
        Name = name;
        Columns = columns;
        ArgsIndex = argsIndex;
    }

    /// <summary>
    /// Layouts tried, in this order, on lines that the header (if any) does not explain:
    /// ps -elf, ps -ef, ps aux, ps ax, ps -e, ps -eo pid,ppid,user,args.
    /// </summary>
    public static readonly PsLayout[] Headerless =
    [
        FromHeaderNames("F S UID PID PPID C PRI NI ADDR SZ WCHAN STIME TTY TIME CMD")!,
        FromHeaderNames("UID PID PPID C STIME TTY TIME CMD")!,
        FromHeaderNames("USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND")!,
        FromHeaderNames("PID TTY STAT TIME COMMAND")!,
        FromHeaderNames("PID TTY TIME CMD")!,
        FromHeaderNames("PID PPID USER ARGS")!,
    ];

    /// <summary>The layout a header line describes, or null when the line is not a ps header.</summary>
    public static PsLayout? FromHeader(string line)
    {
        // Called for every process line: a header's first name starts with A-Z or '%' and one name is PID.
        int first = 0;
        while (first < line.Length && char.IsWhiteSpace(line[first])) first++;
        if (first == line.Length || line[first] is not ((>= 'A' and <= 'Z') or '%') || !line.Contains("PID", StringComparison.Ordinal))
            return null;
        var names = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (names.Length < 2 || names.Length > 40) return null;
        foreach (var n in names)
            if (!HeaderName().IsMatch(n)) return null;
        if (Array.IndexOf(names, "PID") < 0) return null;
        return FromNames(line.Trim(), names);
    }

    private static PsLayout? FromHeaderNames(string header) => FromHeader(header);

    private static PsLayout? FromNames(string name, string[] names)
    {
        var cols = new PsColumn[names.Length];
        int args = -1;
        for (int i = 0; i < names.Length; i++)
        {
            cols[i] = Kind(names[i]);
            if (cols[i] == PsColumn.Args)
            {
                // "-o comm,args" prints COMMAND twice: only the last one runs to the end of the line.
                if (args >= 0) cols[args] = PsColumn.Other;
                args = i;
            }
        }
        return args < 0 ? null : new PsLayout(name, cols, args);
    }

    /// <summary>The same layout without its WCHAN column, for lines where WCHAN is blank.</summary>
    public PsLayout? WithoutWaitChannel()
    {
        int w = Array.IndexOf(Columns, PsColumn.WaitChannel);
        if (w < 0) return null;
        var cols = Columns.Where((_, i) => i != w).ToArray();
        return new PsLayout(Name, cols, w < ArgsIndex ? ArgsIndex - 1 : ArgsIndex);
    }

    private static PsColumn Kind(string n) => n switch
    {
        "PID" => PsColumn.Pid,
        "PPID" => PsColumn.Ppid,
        "USER" or "UID" or "RUSER" or "EUSER" or "UNAME" or "OWNER" or "RUID" or "EUID" => PsColumn.User,
        "CMD" or "COMMAND" or "ARGS" or "COMD" => PsColumn.Args,
        "TIME" => PsColumn.Time,
        "STIME" or "START" => PsColumn.Start,
        "%CPU" or "%MEM" => PsColumn.Percent,
        "F" => PsColumn.Flags,
        "S" or "STAT" => PsColumn.State,
        "WCHAN" => PsColumn.WaitChannel,
        _ => PsColumn.Other,
    };

    [GeneratedRegex(@"^[A-Z%][A-Z0-9%_/+-]{0,15}$")]
    private static partial Regex HeaderName();
}
