namespace MtaAudit.Cli;

public static class App
{
    public static int Run(string[] args)
    {
        Console.WriteLine("mta-audit: skeleton");
        return 0;
    }
}
