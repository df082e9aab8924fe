using System.CommandLine;
using MtaAudit.Collect;

namespace MtaAudit.Cli;

/// <summary><c>mta-audit collector</c>: print the POSIX sh collector for hosts nobody may reach.</summary>
public static class CollectorCommand
{
    public static Command Build()
    {
        var cmd = new Command("collector", "Print the POSIX sh collector: run it on a host as 'sh collect.sh > host.evidence', then 'mta-audit analyze host.evidence'");
        cmd.SetAction(_ =>
        {
            Console.Out.Write(CollectorScript.Text);
            return 0;
        });
        return cmd;
    }
}
