using System.CommandLine;

namespace MtaAudit.Cli;

/// <summary><c>mta-audit db ...</c>: the knowledge base. (Wired when the loader lands.)</summary>
public static class DbCommand
{
    public static Command Build()
    {
        var cmd = new Command("db", "Knowledge base: status");
        return cmd;
    }
}
