namespace MtaAudit.Tests.Knowledge;

/// <summary>
/// Locates the repository (the folder holding MtaAudit.slnx, found by walking up from the test binaries)
/// and the research notes beside it (../shared/reference/mta-knowledge.json; CI clones ../shared there too).
/// </summary>
internal static class ReferenceFiles
{
    public const string KbVersion = "2026.12.1";
    public const string KbDate = "2026-12-08";

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "MtaAudit.slnx"))) return dir.FullName;
            throw new InvalidOperationException($"no MtaAudit.slnx above {AppContext.BaseDirectory}");
        }
    }

    public static string CommittedKb => Path.Combine(RepositoryRoot, "src", "MtaAudit.Core", "Knowledge", "kb.json");

    /// <summary>
    /// ../shared/reference/mta-knowledge.json from the repository root; a git worktree nested one level
    /// deeper (wt/name) finds the same folder one more level up, so ancestors are tried in order.
    /// </summary>
    public static string ReferencePath
    {
        get
        {
            var first = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "reference", "mta-knowledge.json"));
            for (var dir = Directory.GetParent(RepositoryRoot); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "reference", "mta-knowledge.json");
                if (File.Exists(candidate)) return candidate;
            }
            return first;
        }
    }

    public static bool ReferencePresent => File.Exists(ReferencePath);

    /// <summary>Fails the test (never skips it) when ../shared is not beside the repository.</summary>
    public static void RequireReference() =>
        Assert.True(ReferencePresent, $"the research notes are missing: {ReferencePath} (clone ../shared beside the repository)");

    public static string BuildFromReference()
    {
        using var s = File.OpenRead(ReferencePath);
        return MtaAudit.Tools.KbBuilder.BuildJson(s, KbVersion, KbDate);
    }
}
