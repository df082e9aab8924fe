namespace MtaAudit.Facts;

/// <summary>
/// Everything the parse stage learned about one host. Lists are empty when the probe ran and
/// found nothing; <see cref="Collected"/> says which probes ran at all, so that "not collected"
/// is never read as "not there".
/// </summary>
public sealed class HostFacts
{
    public string Host { get; set; } = "unknown";
    /// <summary>host.id: which machine this is (<c>kind:value</c> sources), to tell apart hosts that share a name; never judged.</summary>
    public Fact<string> Identity { get; set; } = Fact<string>.Unknown(UnknownReason.NotCollected, "host.id");
    public OsInfo Os { get; set; } = OsInfo.Unknown;
    /// <summary>The rank of the release file <see cref="Os"/>'s name came from (Parse/Os/OsReleaseParser: os-release wins).</summary>
    public int OsReleaseRank { get; set; }
    public List<ProcessInfo> Processes { get; } = new();
    public List<ListeningSocket> Listening { get; } = new();
    public List<ServiceRecord> Services { get; } = new();
    public List<InstalledPackage> Packages { get; } = new();
    public List<BinaryInfo> Binaries { get; } = new();
    public List<VersionReading> Versions { get; } = new();
    public List<PendingUpdate> Updates { get; } = new();
    public List<ChangelogFix> ChangelogFixes { get; } = new();
    /// <summary>Age in days of the package metadata behind <see cref="Updates"/>, when known.</summary>
    public double? RepoAgeDays { get; set; }

    /// <summary>Probe ids that ran (any rc other than absent), i.e. evidence exists.</summary>
    public HashSet<string> Collected { get; } = new(StringComparer.Ordinal);
    /// <summary>Probe ids checked and reported absent (the program or file is not on the host).</summary>
    public HashSet<string> Absent { get; } = new(StringComparer.Ordinal);
    /// <summary>Probe ids (with path) cut at their time limit.</summary>
    public List<string> TimedOut { get; } = new();
    /// <summary>Things that make the evidence incomplete or odd (cut bundle, parse problems).</summary>
    public List<Localized> Problems { get; } = new();
    /// <summary>False when the bundle was cut or a probe timed out: nothing may be judged GOOD from missing evidence.</summary>
    public bool Complete { get; set; } = true;

    public bool Has(string probe) => Collected.Contains(probe);

    /// <summary>Package sources configured on the host (pkg.sources); extended-support channels among them count as OS support.</summary>
    public List<PackageSource> PackageSources { get; } = new();
    /// <summary>What each MTA binary says it was built with (exim -bV, sendmail -d0.1, postconf -m/-a).</summary>
    public List<BuildFacts> Builds { get; } = new();
    /// <summary>The C library ("glibc 2.36", "musl 1.2.4"), when os.libc showed it.</summary>
    public string? Libc { get; set; }

    /// <summary>Each probe's standing: known (answered in full), unknown (why), or not applicable (rc=absent).</summary>
    public Dictionary<string, Fact<string>> ProbeStates { get; } = new(StringComparer.Ordinal);

    /// <summary>What a probe establishes; a probe with no section at all is unknown (not collected).</summary>
    public Fact<string> ProbeFact(string probe) =>
        ProbeStates.TryGetValue(probe, out var f) ? f : Fact<string>.Unknown(UnknownReason.NotCollected, probe);

    /// <summary>The header's "user:": true root, false a normal user, null not said.</summary>
    public bool? Root { get; set; }

    /// <summary>Processes of other PID namespaces or container cgroups: not this host's, listed apart.</summary>
    public List<ProcessInfo> ForeignProcesses { get; } = new();

    /// <summary>proc.ns: where each process runs, by pid; <see cref="SelfPid"/> is the collector's own shell.</summary>
    public Dictionary<int, ProcessPlacement> Placements { get; } = new();
    public int? SelfPid { get; set; }

    /// <summary>Listening sockets owned by such processes.</summary>
    public List<ListeningSocket> ForeignSockets { get; } = new();

    /// <summary>Candidate MTA programs the collector refused to run, with its reason (unsafe owner or mode).</summary>
    public List<RefusedBinary> Refused { get; } = new();

    /// <summary>net.addr: the host's own addresses (loopback and link-local left out), for the report.</summary>
    public List<string> AddressList { get; } = new();

    /// <summary>The addresses as a fact: known (maybe none besides loopback) when net.addr answered, else unknown and why.</summary>
    public Fact<IReadOnlyList<string>> Addresses => ProbeFact("net.addr") switch
    {
        { IsKnown: true } => Fact<IReadOnlyList<string>>.Known(AddressList, "net.addr"),
        { State: FactState.NotApplicable } => Fact<IReadOnlyList<string>>.Unknown(UnknownReason.Absent, "net.addr"),
        var f => Fact<IReadOnlyList<string>>.Unknown(f.Reason ?? UnknownReason.Failed, "net.addr"),
    };

    /// <summary>mta.queue: messages waiting in each MTA's queue (by MTA id), where they could be counted. A hint for fix only.</summary>
    public Dictionary<string, int> QueuedMessages { get; } = new(StringComparer.Ordinal);
}
