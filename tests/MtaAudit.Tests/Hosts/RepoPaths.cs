namespace MtaAudit.Tests.Hosts;

/// <summary>Paths in the repository the tests run from, found by walking up to the folder holding MtaAudit.slnx.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string HostsDir => Path.Combine(Root, "tests", "hosts");
    public static string HostsTable => Path.Combine(HostsDir, "hosts.tsv");
    /// <summary>The repository's collector, or the file MTA_AUDIT_COLLECTOR names (to try one from another branch).</summary>
    public static string Collector =>
        Environment.GetEnvironmentVariable("MTA_AUDIT_COLLECTOR") is { Length: > 0 } path
            ? path
            : Path.Combine(Root, "src", "MtaAudit.Core", "Collect", "collector.sh");
    public static string CaptureDir => Path.Combine(Root, "tests", "MtaAudit.Tests", "Fixtures", "testhosts");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MtaAudit.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"MtaAudit.slnx not found above {AppContext.BaseDirectory}");
    }
}
