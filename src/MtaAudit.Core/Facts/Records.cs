namespace MtaAudit.Facts;

/// <summary>One running process. <see cref="Args"/> is the full command line as ps printed it.</summary>
/// <see cref="Container"/> names the container (docker, kubepods, machine.slice…) or other PID namespace it runs in, when the evidence says so.
public sealed record ProcessInfo(int? Pid, int? Ppid, string? User, string Args, string Evidence, string? Container = null)
{
    /// <summary>The program: first word of the args, without a trailing ':' (Postfix/Sendmail proctitles).</summary>
    public string Program => Args.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.TrimEnd(':') ?? "";
}

/// <summary>A listening TCP socket. <see cref="ProcessName"/> and <see cref="Pid"/> only when the tool showed them (ss -p as root).</summary>
public sealed record ListeningSocket(string Address, int Port, string? ProcessName, int? Pid, string Evidence)
{
    public bool IsLoopbackOnly => Address is "127.0.0.1" or "::1" or "localhost" || Address.StartsWith("127.", StringComparison.Ordinal);
}

/// <summary>
/// What one service manager says of one service. <c>null</c> means the evidence does not tell.
/// <see cref="Manager"/> is systemd, smf, src, sysv, rc.tcpip, mailservs, rc.conf…
/// </summary>
public sealed record ServiceRecord(string Manager, string Name, bool? Running, bool? Enabled, string State, string Evidence);

/// <summary>An installed package (dpkg, rpm, ips, svr4, lslpp, swlist).</summary>
public sealed record InstalledPackage(string Manager, string Name, string Version, string? Arch, string Evidence);

/// <summary>A candidate MTA binary from <c>mta.binaries</c>: whether it exists and what it links to.</summary>
public sealed record BinaryInfo(string Path, bool Exists, string? LinkTarget, string Evidence);

public enum VersionOutcome
{
    /// <summary>The output carried a version of this MTA.</summary>
    Found,
    /// <summary>The binary answered as another MTA's wrapper (Postfix's "invalid option -- 'd'", Exim's "malformed debug_selector").</summary>
    NotThisMta,
    /// <summary>The command timed out (rc=timeout).</summary>
    Timeout,
    /// <summary>Ran but no version could be read.</summary>
    Unreadable,
    /// <summary>The binary is not there (rc=absent).</summary>
    Absent,
}

/// <summary>
/// What a version command said. <see cref="VersionText"/> is the host's own token (<c>8.15.2+Sun</c>,
/// <c>AIX7.2/8.14.4</c>, <c>4.90_1</c>); <see cref="Version"/> is the normalized upstream version or null.
/// <see cref="WrapperOf"/> names the MTA that owns the binary when it was a compatibility wrapper.
/// </summary>
public sealed record VersionReading(
    string Mta,
    string? Path,
    VersionOutcome Outcome,
    string? VersionText,
    string? Version,
    string Evidence,
    string? WrapperOf = null);

/// <summary>A pending vendor update for a package.</summary>
public sealed record PendingUpdate(string Manager, string Package, string? FromVersion, string ToVersion, string? Source, string Evidence);

/// <summary>A CVE the vendor's changelog says it fixed, and in which package version.</summary>
public sealed record ChangelogFix(string Package, string CveId, string? FixedInVersion, string Evidence);

/// <summary>A candidate MTA program the collector did not run, and why (e.g. "world-writable", "owner uid 1000").</summary>
public sealed record RefusedBinary(string Path, string Reason, string Evidence);

/// <summary>Where a process runs (probe <c>proc.ns</c>): its PID and network namespaces and its cgroup path.</summary>
public sealed record ProcessPlacement(int Pid, string? PidNs, string? NetNs, string? Cgroup);
