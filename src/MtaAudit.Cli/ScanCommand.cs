using System.CommandLine;

namespace MtaAudit.Cli;

/// <summary><c>mta-audit scan</c>: collect on this machine and judge. (Wired to the collector when it lands.)</summary>
public static class ScanCommand
{
    public static Command Build()
    {
        var cmd = new Command("scan", "Collect evidence on this machine and judge it");
        cmd.SetAction(_ => ExitCodes.Internal);
        return cmd;
    }
}
