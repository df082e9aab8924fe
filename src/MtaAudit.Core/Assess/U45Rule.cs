using MtaAudit.Facts;
using MtaAudit.Remediation;
using MtaAudit.Versions;

namespace MtaAudit.Assess;

/// <summary>
/// KISA U-45 "메일 서비스 버전 점검": for each MTA really installed, is it in use, and is its
/// version the latest per the policy. Missing or cut evidence never yields GOOD.
/// </summary>
public static class U45Rule
{
    public static HostReport Judge(HostFacts facts, AnalysisOptions options, string? source = null, string? collectedAt = null)
    {
        var findings = new List<MtaFinding>();
        var gathered = MtaEvidence.Gather(facts);
        foreach (var e in gathered.Where(e => e.Installed))
            findings.Add(JudgeMta(facts, e, options));

        var hostReasons = new List<Localized>();
        Verdict verdict;
        if (findings.Count > 0)
        {
            verdict = findings.Select(f => f.Verdict).Aggregate(Verdict.NotApplicable, VerdictNames.Worst);
        }
        else
        {
            (verdict, var why) = NoMta(facts, options);
            hostReasons.AddRange(why);
        }
        verdict = HostEvidence.Check(facts, gathered, findings, verdict, hostReasons);
        if (!facts.Complete) hostReasons.Add(Incomplete(facts));
        return new HostReport(facts.Host, facts.Os, verdict, facts.Complete, findings, hostReasons, facts.Problems, source, collectedAt);
    }

    /// <summary>The upstream judgement of an MTA on an OS past its support, when it is VULNERABLE; else null.</summary>
    private static VersionJudgement? EndOfLifeVerdict(HostFacts facts, MtaEvidence e, UpstreamVersion? version, AnalysisOptions options)
    {
        if (version is null) return null;
        var os = OsLifecycleJudge.Of(facts, options.Knowledge, options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow));
        // Only a shown end of life: a paid channel the uncollected sources might show would bring vendor fixes.
        if (os is not { Supported: false, Certain: true }) return null;
        var j = OsLifecycleJudge.AgainstUpstream(facts, e.Id, version, os, options.Knowledge);
        return j.Verdict == Verdict.Vulnerable ? j : null;
    }

    private static (Verdict, List<Localized>) NoMta(HostFacts facts, AnalysisOptions options)
    {
        bool looked = facts.Collected.Any(p => p.StartsWith("pkg.", StringComparison.Ordinal))
                      || facts.Has("proc.list") || facts.Has("mta.binaries");
        if (!looked)
            return (Verdict.Manual, [Glossary.Say("reason.no-inventory")]);
        if (!facts.Complete)
            return (Verdict.Manual, [Glossary.Say("reason.no-mta-incomplete")]);
        // HostEvidence.Check turns this into MANUAL when a fact that could show an MTA is unknown.
        return (options.NoMtaIsNotApplicable ? Verdict.NotApplicable : Verdict.Good,
            [Glossary.Say("reason.no-mta")]);
    }

    private static MtaFinding JudgeMta(HostFacts facts, MtaEvidence e, AnalysisOptions options)
    {
        var reasons = new List<Localized>();
        var package = e.Packages.Select(p => new PackageRef(p.Manager, p.Name, p.Version)).FirstOrDefault();
        var (version, versionText, binary, versionWhy) = PickVersion(e, package);
        reasons.AddRange(versionWhy);

        bool? running = UsageJudge.Running(e, facts);
        bool? enabled = UsageJudge.Enabled(e);
        bool? inUse = running == true || enabled == true ? true : running == false && enabled == false ? false : null;

        Verdict verdict;
        IReadOnlyList<CveRef> cves = [];
        string? target = null;
        if (inUse == false)
        {
            verdict = Verdict.Good;
            reasons.Insert(0, Glossary.Say("reason.not-in-use"));
        }
        else if (options is { Policy: Policy.Baseline, Baseline: { } baseline })
        {
            var j = baseline.Judge(e.Id, facts.Os, package, version);
            verdict = j.Verdict;
            target = j.Minimum;
            reasons.Insert(0, j.Reason);
            if (version is not null) cves = VersionJudge.Judge(e.Id, version, options.Knowledge, Policy.UpstreamBranch, facts).Cves;
            if (verdict == Verdict.Vulnerable && inUse is null) verdict = Unsure(reasons);
        }
        else if (options.Policy == Policy.Vendor && VendorJudge.Applies(package))
        {
            var j = VendorJudge.Judge(facts, e, package!, version, options.Knowledge, options.Today);
            (verdict, cves, target) = (j.Verdict, j.Cves, j.Target);
            reasons.InsertRange(0, j.Reasons);
            if (verdict == Verdict.Vulnerable && inUse is null) verdict = Unsure(reasons);
        }
        else if (options.Policy == Policy.Vendor && package is null && PackagesUnknown(facts) is { Count: > 0 } eolPkgUnknown
                 && EndOfLifeVerdict(facts, e, version, options) is { } eol)
        {
            // Packaged or built by hand, an MTA on an OS past its support gets no vendor fix: upstream
            // decides either way, so the unknown package cannot turn a VULNERABLE (it could a GOOD).
            (verdict, cves, target) = (eol.Verdict, eol.Cves, eol.Target);
            reasons.InsertRange(0, eol.Reasons);
            reasons.AddRange(eolPkgUnknown.Select(u => u.Describe()));
            if (verdict == Verdict.Vulnerable && inUse is null) verdict = Unsure(reasons);
        }
        else if (options.Policy == Policy.Vendor && package is null && PackagesUnknown(facts) is { Count: > 0 } pkgUnknown)
        {
            // WHY: without the package list, "not from a package" is a guess; a RHEL Postfix is not a source build.
            verdict = Verdict.Manual;
            reasons.Insert(0, Glossary.Say("reason.package-unknown"));
            reasons.AddRange(pkgUnknown.Select(u => u.Describe()));
        }
        else if (version is null)
        {
            verdict = Verdict.Manual;
            reasons.Insert(0, Glossary.Say("reason.version-unreadable"));
        }
        else
        {
            var policy = options.Policy;
            if (policy == Policy.Vendor)
            {
                policy = Policy.UpstreamBranch;
                reasons.Add(Glossary.Say("reason.not-packaged"));
            }
            var j = VersionJudge.Judge(e.Id, version, options.Knowledge, policy, facts);
            (verdict, cves, target) = (j.Verdict, j.Cves, j.Target);
            reasons.InsertRange(0, j.Reasons);
            if (verdict == Verdict.Vulnerable && inUse is null) verdict = Unsure(reasons);
        }
        // An unreadable release level (AIX TL) leaves the OS's support unknown: said, with the command that shows it
        // (the vendor policy's judgement, where it could turn a GOOD, has already made that a MANUAL).
        if (OsLifecycleJudge.Of(facts, options.Knowledge, options.Today ?? DateOnly.FromDateTime(DateTime.UtcNow)) is { LevelUnknown: true } level
            && !reasons.Any(r => r.En == level.Reason.En))
            reasons.Add(level.Reason);
        if (verdict == Verdict.Good && !facts.Complete)
        {
            verdict = Verdict.Manual;
            reasons.Add(Incomplete(facts));
        }
        if (verdict == Verdict.Good)
        {
            // GOOD needs every fact that could turn it: for "not in use", how it runs and starts;
            // for "latest", its version and (vendor policy) the vendor's evidence.
            U45Fact[] needed = inUse == false ? [U45Fact.Running, U45Fact.Enabled]
                : options.Policy == Policy.Vendor && VendorJudge.Applies(package) ? [U45Fact.Version, U45Fact.VendorUpdates]
                : [U45Fact.Version];
            var unknown = EvidenceModel.Unknowns(facts, needed, e.Id, package?.Name);
            if (unknown.Count > 0)
            {
                verdict = Verdict.Manual;
                reasons.Insert(0, Glossary.Say("reason.good-needs-facts"));
                reasons.AddRange(unknown.Select(u => u.Describe()));
            }
        }
        reasons.AddRange(HostEvidence.About(e));
        reasons.Add(UsageReason(running, enabled));
        // "unknown" is actionable only with what is missing and how to see it by hand.
        if (version is null) reasons.AddRange(EvidenceModel.Unknowns(facts, [U45Fact.Version], e.Id).Select(u => u.Describe()));
        if (running is null) reasons.AddRange(EvidenceModel.Unknowns(facts, [U45Fact.Running], e.Id).Select(u => u.Describe()));
        if (enabled is null) reasons.AddRange(EvidenceModel.Unknowns(facts, [U45Fact.Enabled], e.Id).Select(u => u.Describe()));
        var policyName = options.Policy == Policy.Baseline && options.Baseline is { } b ? $"baseline '{b.Name}'" : options.Policy.Json();
        reasons.Add(Glossary.Say("reason.policy", ("policy", policyName), ("version", options.Knowledge.Version), ("date", options.Knowledge.DataRunsTo)));

        bool needsPatch = verdict == Verdict.Vulnerable || (verdict == Verdict.Manual && target is not null);
        var remediation = RemediationCatalog.For(facts, e, package, needsPatch, inUse != false, target);
        reasons = reasons.Distinct().ToList();
        // No package found is "not from a package" only when the package lists were read.
        bool packageUnknown = package is null && PackagesUnknown(facts).Count > 0;
        return new MtaFinding(e.Id, version?.Text, versionText, package, running, enabled, verdict, reasons, cves, remediation,
            EvidenceProbes(e), EvidenceLines(e), binary, Confidence(e, version is not null, running, enabled), PackageUnknown: packageUnknown, Target: target);
    }

    private static (UpstreamVersion?, string?, string?, List<Localized>) PickVersion(MtaEvidence e, PackageRef? package)
    {
        var why = new List<Localized>();
        var found = e.Found
            .Select(r => (r, ok: UpstreamVersion.TryParse(r.Version, out var v), v))
            .Where(x => x.ok).ToList();
        if (found.Count > 0)
        {
            var lowest = found.MinBy(x => x.v)!;
            if (found.Select(x => x.v.Text).Distinct().Count() > 1)
                why.Add(Glossary.Say("reason.versions-differ", ("versions", string.Join(", ", found.Select(x => $"{x.r.Path}: {x.v}")))));
            // OpenSMTPD prints "7.6.0-portable" where its package says 7.6.0p1: the package is more precise.
            if (package is not null && PackageVersions.Upstream(package.Manager, package.Version) is { } pu
                && UpstreamVersion.TryParse(pu, out var pv0) && pv0.Portable > 0 && lowest.v.Portable == 0
                && pv0.Parts.SequenceEqual(lowest.v.Parts))
                return (pv0, lowest.r.VersionText, lowest.r.Path, why);
            return (lowest.v, lowest.r.VersionText, lowest.r.Path, why);
        }
        foreach (var r in e.Versions)
        {
            var at = r.Path is null ? "" : $" ({r.Path})";
            if (r.Outcome == VersionOutcome.Timeout)
                why.Add(Glossary.Say("reason.version-timeout", ("at", at)));
            else if (r.Outcome == VersionOutcome.Unreadable)
                why.Add(Glossary.Say("reason.version-no-output", ("at", at)));
        }
        if (package is not null && PackageVersions.Upstream(package.Manager, package.Version) is { } up
            && UpstreamVersion.TryParse(up, out var pv))
        {
            why.Add(Glossary.Say("reason.version-from-package", ("name", package.Name), ("version", package.Version)));
            return (pv, package.Version, null, why);
        }
        return (null, null, null, why);
    }

    private static List<UnknownFact> PackagesUnknown(HostFacts facts) => EvidenceModel.Unknowns(facts, [U45Fact.Packages]);

    /// <summary>A version that is not the latest on a host where use is unknown: the auditor must look.</summary>
    private static Verdict Unsure(List<Localized> reasons)
    {
        reasons.Add(Glossary.Say("reason.usage-unknown"));
        return Verdict.Manual;
    }

    private static Localized UsageReason(bool? running, bool? enabled)
    {
        static Localized Word(bool? b) => Glossary.Say(b switch { true => "value.yes", false => "value.no", _ => "value.unknown" });
        return Glossary.Say("reason.usage", ("running", Word(running)), ("enabled", Word(enabled)));
    }

    internal static Localized Incomplete(HostFacts facts)
    {
        var parts = new List<Localized>();
        if (facts.TimedOut.Count > 0) parts.Add(Glossary.Say("reason.incomplete-timed-out", ("probes", string.Join(", ", facts.TimedOut))));
        var cut = facts.Problems.FirstOrDefault(p => p.Code == "problem.bundle-cut");
        if (cut is not null) parts.Add(Glossary.Say("reason.incomplete-bundle-cut"));
        var capped = facts.ProbeStates.Values.Where(f => f.Reason == UnknownReason.Cut).Select(f => f.Probe).ToList();
        if (capped.Count > 0) parts.Add(Glossary.Say("reason.incomplete-output-cut", ("probes", string.Join(", ", capped))));
        if (parts.Count == 0) return Glossary.Say("reason.incomplete");
        return Glossary.Say("reason.incomplete-detail", ("detail", Glossary.Join(parts, "; ")));
    }

    private static string Confidence(MtaEvidence e, bool haveVersion, bool? running, bool? enabled) =>
        !haveVersion ? "low"
        : e.Found.Any() && running is not null && enabled is not null ? "high"
        : "medium";

    private static List<string> EvidenceProbes(MtaEvidence e)
    {
        var probes = new List<string>();
        if (e.Versions.Count > 0) probes.Add(e.Definition.VersionProbe);
        probes.AddRange(e.Packages.Select(p => p.Manager switch
        {
            "dpkg" => "pkg.dpkg",
            "rpm" => "pkg.rpm",
            "ips" or "svr4" => "pkg.solaris",
            "lslpp" => "pkg.aix",
            "swlist" => "pkg.hpux",
            _ => "pkg." + p.Manager,
        }));
        probes.AddRange(e.Services.Select(ServiceProbe));
        if (e.Daemons.Count > 0) probes.Add("proc.list");
        if (e.Sockets.Count > 0) probes.Add("net.listen");
        return probes.Distinct().ToList();
    }

    private static List<string> EvidenceLines(MtaEvidence e)
    {
        // Version and package readings already name their probe; the others get it prefixed.
        var lines = new List<string>();
        lines.AddRange(e.Versions.Where(v => v.Outcome == VersionOutcome.Found).Select(v => v.Evidence));
        lines.AddRange(e.Packages.Select(p => p.Evidence));
        lines.AddRange(e.Services.Select(s => $"{ServiceProbe(s)}: {s.Evidence.Trim()}"));
        lines.AddRange(e.Daemons.Take(5).Select(p => $"proc.list: {p.Evidence.Trim()}"));
        lines.AddRange(e.Sockets.Take(5).Select(s => $"net.listen: {s.Evidence.Trim()}"));
        return lines.Select(TerminalText.Clean).Distinct().ToList();
    }

    private static string ServiceProbe(ServiceRecord s) => s.Manager switch
    {
        "systemd" => s.Enabled is not null && s.Running is null ? "svc.systemd.enabled" : "svc.systemd",
        "smf" => "svc.smf",
        "src" => "svc.src",
        "sysv" => "svc.sysv",
        "rc.tcpip" => "file.aix.rc.tcpip",
        "mailservs" => "file.hpux.mailservs",
        "rc.conf" => "file.freebsd.rc.conf",
        _ => "svc." + s.Manager,
    };
}
