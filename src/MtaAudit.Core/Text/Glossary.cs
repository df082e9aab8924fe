using System.Text;

namespace MtaAudit;

/// <summary>
/// Every word and sentence the reports print, in Korean and English, keyed by code, with named
/// parameters written <c>{name}</c>. One file so the Korean reads as one voice:
/// findings in 개조식 (~함/~음), "판단 기준" only for KISA's 양호/취약 criteria, "적용 정책" for
/// the chosen policy, "업스트림" only for the MTA project's own versions, "벤더 패키지" for a vendor's.
/// A C# table rather than an embedded JSON file: no parsing at start-up and nothing for Native AOT to trim.
/// </summary>
public static class Glossary
{
    /// <summary>
    /// A sentence with its code kept, for findings: <c>Glossary.Say("reason.not-in-use")</c>. A parameter is a
    /// string (a name, version, path, command: the same in both languages) or a <see cref="Localized"/>
    /// (a worded part, e.g. another glossary entry), which fills each language with its own words.
    /// </summary>
    public static Localized Say(string code, params (string Name, object? Value)[] args)
    {
        var en = new List<KeyValuePair<string, string>>(args.Length);
        var ko = new List<KeyValuePair<string, string>>(args.Length);
        List<Localized>? parts = null;
        foreach (var (name, value) in args)
        {
            if (value is Localized l) { en.Add(new(name, l.En)); ko.Add(new(name, l.Ko)); (parts ??= []).Add(l); continue; }
            var s = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            en.Add(new(name, s));
            ko.Add(new(name, s));
        }
        return new Localized(Word(code, Lang.En, en), Word(code, Lang.Ko, ko)) { Code = code, Args = en, Parts = parts };
    }

    /// <summary>Worded parts joined with a separator (a parameter of a coded sentence, never a finding by itself).</summary>
    public static Localized Join(IEnumerable<Localized> parts, string separator)
    {
        var list = parts.ToList();
        return new Localized(string.Join(separator, list.Select(p => p.En)), string.Join(separator, list.Select(p => p.Ko))) { Parts = list };
    }

    /// <summary>A string that reads the same in both languages (a list of names or versions), as a parameter.</summary>
    /// <summary>Worded parts joined with a worded separator (" and " / " 및 ").</summary>
    public static Localized Join(IEnumerable<Localized> parts, Localized separator)
    {
        var list = parts.ToList();
        return new Localized(string.Join(separator.En, list.Select(p => p.En)), string.Join(separator.Ko, list.Select(p => p.Ko))) { Parts = [.. list, separator] };
    }

    public static Localized Same(string text) => new(text, text);

    public static bool Has(string code) => Entries.ContainsKey(code);

    /// <summary>The entry in one language with its parameters filled; an unknown code is a programming error.</summary>
    public static string Word(string code, Lang lang, IReadOnlyList<KeyValuePair<string, string>>? args = null)
    {
        if (!Entries.TryGetValue(code, out var e)) throw new KeyNotFoundException("glossary has no entry " + code);
        var template = lang == Lang.Ko ? e.Ko : e.En;
        return args is null || args.Count == 0 || template.IndexOf('{') < 0 ? template : Fill(template, args);
    }

    public static string Word(string code, Lang lang, params (string Name, string Value)[] args) =>
        Word(code, lang, args.Select(a => new KeyValuePair<string, string>(a.Name, a.Value)).ToList());

    /// <summary>Every code and its two texts (for tests and docs).</summary>
    public static IEnumerable<(string Code, string Ko, string En)> All => Entries.Select(e => (e.Key, e.Value.Ko, e.Value.En));

    private static string Fill(string template, IReadOnlyList<KeyValuePair<string, string>> args)
    {
        // The text between placeholders is copied in runs; a {name} with no such argument stays as written.
        var sb = new StringBuilder(template.Length + 32);
        int copied = 0, i = 0;
        while (i < template.Length)
        {
            int open = template.IndexOf('{', i);
            if (open < 0) break;
            int close = template.IndexOf('}', open + 1);
            if (close < 0) break;
            var name = template.AsSpan(open + 1, close - open - 1);
            string? value = null;
            foreach (var a in args) if (name.SequenceEqual(a.Key)) { value = a.Value; break; }
            if (value is null) { i = open + 1; continue; }
            sb.Append(template, copied, open - copied).Append(value);
            i = copied = close + 1;
        }
        sb.Append(template, copied, template.Length - copied);
        return sb.ToString();
    }

    private static readonly Dictionary<string, (string Ko, string En)> Entries = new(StringComparer.Ordinal)
    {
        // The KISA item itself.
        ["item.category"] = ("서비스 관리", "Service management"),
        ["item.code"] = ("U-45", "U-45"),
        ["item.name"] = ("메일 서비스 버전 점검", "Mail service version check"),
        ["item.severity"] = ("상", "High"),
        ["report.title"] = ("U-45 메일 서비스 버전 점검 결과 (중요도: 상)", "U-45 mail service version check results (severity: high)"),
        ["report.compare-title"] = ("U-45 메일 서비스 이행점검 비교", "U-45 mail service follow-up comparison"),

        // Verdicts: the KISA form's 점검결과 values.
        ["verdict.good"] = ("양호", "Good"),
        ["verdict.vulnerable"] = ("취약", "Vulnerable"),
        ["verdict.manual"] = ("수동점검", "Manual review"),
        ["verdict.na"] = ("N/A", "N/A"),

        // Column and field names.
        ["col.category"] = ("분류", "Category"),
        ["col.code"] = ("점검코드", "Check code"),
        ["col.item"] = ("점검항목", "Check item"),
        ["col.severity"] = ("중요도", "Severity"),
        ["col.host"] = ("호스트", "Host"),
        ["col.ip"] = ("IP", "IP"),
        ["col.os"] = ("운영체제", "OS"),
        ["col.result"] = ("점검결과", "Result"),
        ["col.status"] = ("현황", "Findings"),
        ["col.action"] = ("조치방법", "Remediation"),
        ["col.mta"] = ("MTA", "MTA"),
        ["col.version"] = ("버전", "Version"),
        ["col.package"] = ("패키지", "Package"),
        ["col.cves"] = ("CVE", "CVEs"),
        ["col.usage"] = ("실행/부팅", "Running/boot"),
        ["col.checked-at"] = ("점검 일시", "Checked at"),
        ["col.account"] = ("수집 계정", "Collecting account"),
        ["col.source"] = ("입력 파일", "Input file"),
        ["col.count"] = ("대수", "Hosts"),
        ["col.item-value"] = ("값", "Value"),

        // Report header and summary.
        ["head.policy"] = ("적용 정책", "Policy applied"),
        ["head.kb"] = ("지식 베이스", "Knowledge base"),
        ["head.kb-value"] = ("{version} ({date} 기준)", "{version} (facts of {date})"),
        ["head.generated"] = ("보고서 작성", "Report generated"),
        ["head.org"] = ("기관명", "Organisation"),
        ["head.auditor"] = ("점검자", "Auditor"),
        ["head.date"] = ("점검 일자", "Audit date"),
        ["head.summary"] = ("요약", "Summary"),
        ["head.hosts"] = ("호스트별 점검 결과", "Results by host"),
        ["head.details"] = ("호스트별 상세", "Details by host"),
        ["head.total"] = ("점검 대상", "Hosts checked"),
        ["head.rate"] = ("준수율", "Compliance rate"),
        ["head.rate-note"] = ("양호 ÷ (양호 + 취약)", "good ÷ (good + vulnerable)"),
        ["head.input-errors"] = ("읽지 못한 입력", "Unreadable input"),
        ["head.notes"] = ("참고", "Notes"),
        ["summary.line"] = ("요약: 호스트 {total}대 - 양호 {good}, 취약 {vulnerable}, 수동점검 {manual}, N/A {na} (준수율 {rate})",
                            "Summary: {total} hosts - good {good}, vulnerable {vulnerable}, manual {manual}, n/a {na} (compliance {rate})"),
        ["summary.hosts"] = ("{n}대", "{n}"),

        // Policies (the --policy values), worded for people.
        ["policy.vendor"] = ("벤더 보안 패치 기준 (vendor)", "vendor: the distribution's fixed package"),
        ["policy.upstream-branch"] = ("업스트림 지원 계열의 최신 패치 기준 (upstream-branch)", "upstream-branch: newest patch of a supported upstream series"),
        ["policy.upstream-latest"] = ("업스트림 최신 릴리스 기준 (upstream-latest)", "upstream-latest: newest upstream release"),
        ["policy.baseline"] = ("기관 기준 버전 (baseline)", "baseline: the organisation's minimum versions"),

        // Per-host detail.
        ["detail.host"] = ("{host} : {verdict}", "{host} : {verdict}"),
        ["detail.mta"] = ("{mta} {version} : {verdict}", "{mta} {version} : {verdict}"),
        ["detail.status"] = ("현황", "Findings"),
        ["detail.reasons"] = ("판정 사유", "Reasons"),
        ["detail.cves"] = ("관련 취약점", "Vulnerabilities"),
        ["detail.remediation"] = ("조치 방법", "Remediation"),
        ["detail.evidence"] = ("수집 근거", "Evidence"),
        ["detail.errors"] = ("수집 오류", "Collection problems"),
        ["detail.package"] = ("설치 패키지 {name} {version} ({manager})", "package {name} {version} ({manager})"),
        ["detail.no-package"] = ("패키지로 설치되지 않음", "not installed from a package"),
        ["detail.package-unknown"] = ("설치 패키지 확인 불가 (패키지 목록 미수집)", "package unknown (the package lists were not collected)"),
        ["detail.binary"] = ("실행 파일 {path}", "binary {path}"),
        ["detail.usage"] = ("실행 중: {running}, 부팅 시 시작: {enabled}", "running: {running}, starts at boot: {enabled}"),
        ["detail.usage-short"] = ("{running}/{enabled}", "{running}/{enabled}"),
        ["detail.calls-itself"] = (" (번들의 호스트 이름: '{name}')", " (calls itself '{name}')"),
        ["detail.no-mta"] = ("메일 서비스 없음", "no mail service"),
        ["detail.version-unknown"] = ("버전 확인 불가", "version unknown"),

        ["value.yes"] = ("예", "yes"),
        ["value.no"] = ("아니요", "no"),
        ["value.unknown"] = ("확인 불가", "unknown"),
        ["value.none"] = ("-", "-"),
        // Knowledge-base text kept in the source's words (English), marked as a quotation in Korean.
        ["kb.quote"] = ("(원문) {text}", "{text}"),
        ["kb.source.os-lifecycle"] = ("OS 지원 기간", "os lifecycle"),
        ["kb.source.vendor-packages"] = ("벤더 패키지", "vendor packages"),
        ["addr.none"] = ("루프백 외 주소 없음", "none besides loopback"),
        ["addr.unknown"] = ("확인 불가 ({why})", "unknown ({why})"),
        ["account.root"] = ("root (관리자)", "root"),
        ["account.nonroot"] = ("일반 계정 (root 아님, 일부 정보 누락 가능)", "non-root (some evidence may be missing)"),

        // Vulnerabilities.
        ["severity.critical"] = ("긴급", "critical"),
        ["severity.high"] = ("높음", "high"),
        ["severity.medium"] = ("보통", "medium"),
        ["severity.low"] = ("낮음", "low"),
        ["severity.none"] = ("없음", "none"),
        ["cve.kev"] = ("실제 악용 확인(KEV)", "known exploited (KEV)"),
        ["cve.fixed-upstream"] = ("업스트림 {version}에서 수정", "fixed upstream in {version}"),
        ["cve.vendor-fixed"] = ("벤더 패키지 {version}에서 수정됨 ({source})", "fixed in the vendor package {version} ({source})"),
        ["cve.vendor-fixed-this"] = ("설치된 벤더 패키지에서 수정됨 ({source})", "fixed in the installed vendor package ({source})"),
        ["cve.vendor-not-fixed"] = ("벤더 패키지의 수정 여부 확인 안 됨", "not known to be fixed by the vendor"),
        ["cve.source-changelog"] = ("패키지 변경 이력", "changelog"),
        ["cve.source-vendor-data"] = ("벤더 보안 공지", "vendor data"),
        ["cve.no-upstream-fix"] = ("업스트림 수정 없음", "no upstream fix"),
        ["cve.not-applicable"] = ("이 호스트에 해당 없음", "not applicable to this host"),
        ["head.kb-warning"] = ("지식 베이스 경고", "Knowledge base warning"),
        ["cve.more"] = ("외 {n}건 (--all-cves 또는 --format json 으로 전체 확인)", "and {n} more (all with --all-cves or --format json)"),

        // Reasons the rule gives (Assess/U45Rule.cs).
        ["reason.no-mta"] = ("메일 서비스(Sendmail, Postfix, Exim, OpenSMTPD)가 설치되어 있지 않음", "no mail service (Sendmail, Postfix, Exim, OpenSMTPD) is installed"),
        ["reason.no-inventory"] = ("패키지·프로세스·MTA 실행 파일 정보가 없어 메일 서비스 설치 여부를 판단할 수 없음", "the evidence has no package list, process list or MTA binary check: cannot tell whether a mail service is installed"),
        ["reason.no-mta-incomplete"] = ("수집된 정보에서 메일 서비스가 발견되지 않았으나 수집 정보가 불완전함", "no mail service found in the evidence collected, but the evidence is incomplete"),
        ["reason.not-in-use"] = ("설치되어 있으나 실행 중이 아니며 부팅 시 시작되지 않음: 메일 서비스를 사용하지 않음", "installed but not running and not enabled at boot: the mail service is not in use"),
        ["reason.package-unknown"] = ("벤더 패키지로 설치되었는지 알 수 없어 벤더 보안 패치 여부를 판단할 수 없음", "whether it was installed from the vendor's package is unknown, so the vendor's fixes cannot be weighed"),
        ["reason.version-unreadable"] = ("수집 정보에서 버전을 확인할 수 없음", "the version could not be read from the evidence"),
        ["reason.not-packaged"] = ("dpkg/rpm 패키지로 설치되지 않아 업스트림 지원 계열 기준으로 판정함", "not installed from a dpkg or rpm package, so judged against upstream's supported series"),
        ["reason.good-needs-facts"] = ("판정을 바꿀 수 있는 정보가 확인되지 않아 양호로 판정할 수 없음", "GOOD cannot be given: a fact that could change the answer is unknown"),
        ["reason.policy"] = ("적용 정책: {policy}, 지식 베이스 {version} ({date}까지의 정보)", "judged by policy {policy} with knowledge base {version} (data to {date})"),
        ["reason.versions-differ"] = ("여러 실행 파일의 버전이 다름 ({versions}): 가장 낮은 버전으로 판정함", "several binaries report different versions ({versions}); the lowest is judged"),
        ["reason.version-timeout"] = ("버전 확인 명령이 시간 제한에 걸림{at}", "the version command timed out{at}"),
        ["reason.version-no-output"] = ("버전 확인 명령 출력에 버전이 없음{at}", "the version command printed no version{at}"),
        ["reason.version-from-package"] = ("버전은 설치 패키지 {name} {version} 기준임", "version taken from the package {name} {version}"),
        ["reason.usage-unknown"] = ("실행 여부와 부팅 시 시작 여부를 수집 정보로 확인할 수 없음", "whether it runs or starts at boot could not be determined from the evidence"),
        ["reason.usage"] = ("실행 중: {running}, 부팅 시 시작: {enabled}", "running: {running}; starts at boot: {enabled}"),
        ["reason.incomplete"] = ("수집 정보가 불완전하여 양호로 판정할 수 없음", "the evidence is incomplete, so GOOD cannot be given"),
        ["reason.incomplete-detail"] = ("수집 정보가 불완전하여 양호로 판정할 수 없음 ({detail})", "the evidence is incomplete, so GOOD cannot be given ({detail})"),
        ["reason.incomplete-timed-out"] = ("시간 초과: {probes}", "timed out: {probes}"),
        ["reason.incomplete-bundle-cut"] = ("번들이 중간에 끊김", "bundle cut short"),
        ["reason.incomplete-output-cut"] = ("출력 잘림: {probes}", "output cut: {probes}"),

        // Version judgement against upstream's releases (Assess/VersionJudgement.cs).
        ["version.no-kb"] = ("지식 베이스에 {mta} 릴리스 정보가 없음", "the knowledge base has no release data for {mta}"),
        ["version.newer-than-kb"] = ("{v}은(는) 지식 베이스({date}까지의 정보)가 아는 최신 릴리스 {newest}보다 새 버전임: 지식 베이스 갱신 필요", "{v} is newer than the newest release the knowledge base knows ({newest}, data to {date}); update the knowledge base"),
        ["version.newest-release"] = ("{v}은(는) 업스트림 최신 릴리스({newest})임", "{v} is the newest upstream release ({newest})"),
        ["version.older-than-newest"] = ("{v}은(는) 업스트림 최신 릴리스 {newest}보다 낮은 버전임", "{v} is older than the newest upstream release {newest}"),
        ["version.newest-patch"] = ("{v}은(는) 지원 중인 {branch} 계열의 최신 패치({patch})임", "{v} is the newest patch ({patch}) of the supported {branch} series"),
        ["version.newest-patch-with-fixes"] = ("{v}은(는) 해당 계열의 최신 패치이나 지식 베이스에 그 이후의 수정이 있음", "{v} is the newest patch of its series, but the knowledge base names fixes beyond it"),
        ["version.older-than-patch"] = ("{v}은(는) 지원 중인 {branch} 계열의 최신 패치 {patch}보다 낮은 버전임", "{v} is older than {patch}, the newest patch of the supported {branch} series"),
        ["version.series-unsupported"] = ("{series} 계열은 업스트림 지원이 종료됨 (최신 릴리스: {newest})", "the {series} series is no longer supported upstream (newest release: {newest})"),
        ["version.cves"] = ("이 버전에 해당하는 알려진 취약점 {n}건: {ids}", "{n} known vulnerabilities apply to this version: {ids}"),
        ["version.cves-kev"] = ("이 버전에 해당하는 알려진 취약점 {n}건 (CISA KEV 실제 악용 {kev}건): {ids}", "{n} known vulnerabilities apply to this version ({kev} actively exploited per CISA KEV): {ids}"),
        ["version.cve-no-fix"] = ("{id}은(는) 업스트림 수정이 없음 (릴리스로 해결 불가){applies}; 완화 방법: {mitigation}", "{id} has no upstream fix (no release cures it){applies}; mitigation: {mitigation}"),
        ["version.see-advisory"] = ("권고문 참조", "see the advisory"),
        ["version.cve-not-applicable"] = ("{id}: {why}", "{id}: {why}"),

        // Vendor policy: the distribution's packages (Assess/VendorJudge.cs).
        ["vendor.update-pending"] = ("벤더 업데이트 대기 중: {list}", "a vendor update is pending: {list}"),
        ["vendor.newer-package"] = ("{os}의 벤더 최신 패키지는 {current} (지식 베이스 {date}), 설치된 버전은 {installed}임", "the vendor's current package for {os} is {current} (knowledge base {date}); installed {installed}"),
        ["vendor.cves-fixed"] = ("업스트림 {upstream}의 알려진 취약점 {total}건 중 {fixed}건은 이 패키지에서 수정됨 (패키지 변경 이력 또는 벤더 정보)", "{fixed} of the {total} known vulnerabilities of upstream {upstream} are fixed in this package (changelog or vendor data)"),
        ["vendor.cves-unknown"] = ("업스트림 {upstream}의 알려진 취약점 {n}건의 벤더 조치 여부를 알 수 없음 (패키지 변경 이력·벤더 정보에 없음): {ids}. 벤더 보안 공지 확인 필요", "the vendor's status of {n} known vulnerabilities of upstream {upstream} is unknown (not in the package changelog or vendor data): {ids}; check the vendor's security tracker"),
        ["vendor.updates-unknown"] = ("벤더 업데이트 대기 여부를 알 수 없음: 업데이트 확인(pkg.updates) {why}. 수동 확인: {how}", "whether a vendor update is pending is unknown: the update check (pkg.updates) {why}; check by hand: {how}"),
        ["vendor.metadata-old"] = ("대기 중인 업데이트는 없으나 패키지 메타데이터가 {age} ({max}일 초과는 근거가 되지 않음): apt-get update / yum makecache 후 재점검 필요", "no update is pending, but the package metadata (its oldest security source) is {age} (more than {max} days cannot prove it): refresh it (apt-get update / yum makecache) and check again"),
        ["vendor.age-unknown"] = ("갱신 시점을 알 수 없음", "of unknown age"),
        ["vendor.age-days"] = ("{days}일 전 정보임", "{days} days old"),
        ["vendor.none-pending"] = ("{name} {version}에 대기 중인 벤더 업데이트 없음 (패키지 메타데이터 {days}일 전)", "no vendor update is pending for {name} {version} (package metadata {days} days old)"),

        // A fact the evidence does not establish, and how to establish it by hand (Facts/EvidenceModel.cs).
        ["unknown.fact"] = ("확인 불가: {fact} ({probe}: {why}). 수동 확인: {how}", "unknown: {fact} ({probe}: {why}); check by hand: {how}"),
        ["fact.installed"] = ("메일 서비스 설치 여부", "which mail services are installed"),
        ["fact.running"] = ("메일 서비스 실행 여부", "whether the mail service is running"),
        ["fact.enabled"] = ("부팅 시 시작 여부", "whether it starts at boot"),
        ["fact.version"] = ("버전", "its version"),
        ["fact.packages"] = ("설치 패키지", "which package it came from"),
        ["fact.vendor-updates"] = ("벤더 업데이트·보안 패치 여부", "whether the vendor has an update or fix pending"),
        ["why.not-collected"] = ("수집되지 않음", "not collected"),
        ["why.absent"] = ("해당 프로그램 없음", "its program is not on the host"),
        ["why.failed"] = ("명령 실패", "the command failed"),
        ["why.timed-out"] = ("시간 초과", "timed out"),
        ["why.cut"] = ("출력이 크기 제한에서 잘림", "output cut at the size cap"),
        ["why.not-root"] = ("root 권한 없이 확인 불가", "not visible without root"),
        ["why.skipped"] = ("건너뜀 (MTA_AUDIT_SKIP)", "skipped (MTA_AUDIT_SKIP)"),
        ["why.unsafe"] = ("실행하지 않음: 프로그램 소유자·권한이 안전하지 않음", "not run: the program's owner or permissions are unsafe"),
        ["why.unknown"] = ("알 수 없음", "unknown"),
        ["manual.as-root-owner"] = ("{cmd} (소유 프로세스를 보려면 root로 실행)", "{cmd} (as root, to see the owning process)"),
        ["manual.or"] = ("{cmd} (또는 {alt})", "{cmd} (or {alt})"),
        ["manual.solaris-pkg"] = ("{cmd11} (Solaris 11) 또는 {cmd10} (Solaris 10)", "{cmd11} (Solaris 11) or {cmd10} (Solaris 10)"),
        ["manual.real-sendmail"] = ("{cmd} (실제 Sendmail인 경우에만)", "{cmd} (only if it is the real Sendmail)"),
        ["manual.rpm-updates"] = ("{cmd} (또는 {alt})", "{cmd} (or {alt})"),
        ["manual.rpm-refresh"] = ("{cmd} (메타데이터 갱신) 후 재점검", "{cmd} (refresh the metadata), then check again"),
        ["manual.apt-lists"] = ("{cmd} (저장소별 날짜 확인); {alt}", "{cmd} (each source's date); {alt}"),
        ["manual.proc-ns"] = ("{cmd} (메일 데몬 PID마다)", "{cmd} (for each mail daemon's PID)"),
        ["manual.rerun"] = ("MTA_AUDIT_SKIP 없이 root로 수집 스크립트를 다시 실행 ({probe})", "re-run the collector as root without MTA_AUDIT_SKIP ({probe})"),

        // The organisation's baseline (Assess/Baseline.cs).
        ["baseline.no-rule"] = ("기준선 '{name}'에 이 시스템({os})의 {mta} 최소 버전이 없음: 직접 판정하거나 최소 버전을 추가해야 함", "The baseline '{name}' sets no minimum for {mta} on this system ({os}); judge it by hand or add a minimum."),
        ["baseline.package-ok"] = ("패키지 {package} {version}은(는) 기준선 '{name}'의 {scope} 최소 버전 {minimum} 이상임", "Package {package} {version} is at or above the baseline '{name}' minimum {minimum} for {scope}."),
        ["baseline.package-below"] = ("패키지 {package} {version}은(는) 기준선 '{name}'의 {scope} 최소 버전 {minimum}보다 낮음", "Package {package} {version} is below the baseline '{name}' minimum {minimum} for {scope}."),
        ["baseline.version-ok"] = ("{mta} {version}은(는) 기준선 '{name}'의 {scope} 최소 버전 {minimum} 이상임", "{mta} {version} is at or above the baseline '{name}' minimum {minimum} for {scope}."),
        ["baseline.version-below"] = ("{mta} {version}은(는) 기준선 '{name}'의 {scope} 최소 버전 {minimum}보다 낮음", "{mta} {version} is below the baseline '{name}' minimum {minimum} for {scope}."),
        ["baseline.needs-either"] = ("패키지 {package} 또는 버전 {version}", "package {package} or version {version}"),
        ["baseline.needs-package"] = ("패키지 {package}", "package {package}"),
        ["baseline.needs-version"] = ("버전 {version}", "version {version}"),
        ["baseline.incomparable"] = ("패키지 버전 {version}({manager})을(를) dpkg/rpm 최소 버전과 비교할 수 없음", "its package version {version} ({manager}) cannot be compared with a dpkg/rpm minimum"),
        ["baseline.version-unknown"] = ("설치된 버전을 알 수 없음", "the installed version is unknown"),
        ["baseline.cannot-judge"] = ("기준선 '{name}'은(는) {scope}에 {needed} 이상을 요구하나 {why}", "The baseline '{name}' requires {needed} for {scope}, but {why}."),
        ["baseline.scope"] = ("{where}의 {mta}", "{mta} on {where}"),

        // What the host's evidence as a whole says (Assess/HostEvidence.cs).
        ["host.in-containers"] = ("컨테이너에서도 실행 중 (이 호스트의 것이 아니므로 판정하지 않음): {list}", "also running in containers (not this host's, not judged here): {list}"),
        ["host.unsafe"] = ("안전하지 않아 실행하지 않음: {path} ({why}). 수집 스크립트는 프로그램과 상위 디렉터리가 root 소유이고 그룹·다른 사용자 쓰기 권한이 없을 때만 실행함: 누가 설치했는지 확인 필요", "not run, unsafe: {path} ({why}); the collector runs a candidate MTA program only when it and its directories are root-owned and not writable by group or others: find out who put it there"),
        ["host.unsafe-writable"] = ("{path}에 그룹·다른 사용자 쓰기 권한 있음", "{path} is writable by group or others"),
        ["host.unsafe-owner"] = ("{path}의 소유자가 root가 아님 (uid {uid})", "{path} is owned by uid {uid}, not root"),
        ["host.nonroot"] = ("일반 사용자 권한으로 수집됨 (user: nonroot): 포트를 연 프로세스, 다른 사용자 프로세스의 네임스페이스, 읽을 수 없는 파일은 확인되지 않았으며 이에 달린 판정은 확인 불가로 표시함 (root로 재수집 권장)", "collected as a normal user (user: nonroot): the owners of listening sockets, other users' process namespaces and unreadable files were not visible; what they could decide is reported as unknown (re-run the collector as root)"),
        ["host.facts-unknown"] = ("메일 서비스 설치·실행 여부를 완전히 확인할 수 없음: 다음 정보가 확인되지 않음", "whether a mail service is installed or running cannot be fully established: these facts are unknown"),
        ["host.unowned-port"] = ("메일 포트({ports})를 여는 프로세스를 수집 정보로 알 수 없음 (root 아님): 메일 서비스일 수 있음. 수동 확인: {how}", "something listens on a mail port ({ports}) but the evidence does not name the process (not root): it may be a mail service; check by hand: {how}"),
        ["host.impostors"] = ("메일 데몬과 같은 이름의 프로세스가 예상 밖의 사용자로 실행 중이며 MTA로 보지 않음: {list}. 정체 확인 필요", "processes named like a mail daemon run under an unexpected user and were not counted as the MTA: {list}; find out what they are"),
        ["host.not-counted"] = ("{mta}(으)로 보지 않음: 예상 밖의 사용자 프로세스 ({list})", "not counted as {mta}: processes of an unexpected user ({list})"),
        ["host.mta-in-containers"] = ("{mta}은(는) 컨테이너에서도 실행 중이나 이 호스트가 아님: {list}", "{mta} also runs in containers, which are not this host: {list}"),

        // The OS's support life (Assess/OsLifecycleJudge.cs).
        ["lifecycle.the-os"] = ("이 OS", "the OS"),
        ["lifecycle.source-kb"] = ("지식 베이스", "knowledge base"),
        ["lifecycle.supported"] = ("OS {os}: 표준 보안 지원 {end}까지 ({source})", "OS {os}: standard security support until {end} ({source})"),
        ["lifecycle.free-extended"] = ("OS {os}: 표준 지원 {end} 종료, {program}{until} 지원 중", "OS {os}: standard support ended {end}; still supported by {program}{until}"),
        ["lifecycle.paid-extended"] = ("OS {os}: 표준 지원 {end} 종료, 확장 지원 {program}{until} 저장소가 설정됨 ({evidence})", "OS {os}: standard support ended {end}; extended support {program}{until} is configured ({evidence})"),
        ["lifecycle.until"] = (" ({date}까지)", " until {date}"),
        ["lifecycle.end-unknown"] = (" (종료일 미확인)", " (end date not established)"),
        ["lifecycle.upgrade"] = ("지원되는 OS 릴리스로 업그레이드", "upgrade the OS to a supported release"),
        ["lifecycle.upgrade-to"] = ("지원되는 OS 릴리스({releases})로 업그레이드", "upgrade the OS to a supported release ({releases})"),
        ["lifecycle.no-paid-source"] = ("; {program} 저장소가 설정되지 않음", "; no {program} source is configured"),
        ["lifecycle.sources-not-collected"] = ("; 패키지 저장소 목록(pkg.sources)이 수집되지 않아 {program} 저장소 설정 여부 확인 불가", "; the package sources (pkg.sources) were not collected, so no {program} source is shown"),
        ["lifecycle.ended"] = ("OS 지원 종료 {date} ({os}{note}): 벤더 수정이 더 이상 나오지 않아 업스트림 기준으로 판정함. 조치: {remedy}", "OS end of life since {date} ({os}{note}): no vendor fix will come, so the package is judged against upstream; remedy: {remedy}"),

        // A vulnerability's preconditions on this host (Assess/CvePreconditions.cs).
        ["applies.build-feature"] = ("빌드 기능 {feature}", "build feature {feature}"),
        ["applies.tls-library"] = ("TLS 라이브러리 {library}", "TLS library {library}"),
        ["applies.lookup"] = ("조회 유형 {lookup}", "lookup {lookup}"),
        ["applies.authenticator"] = ("인증 모듈 {driver}", "authenticator {driver}"),
        ["applies.hints-db"] = ("힌트 데이터베이스 {db}", "hints database {db}"),
        ["applies.libc"] = ("C 라이브러리 {libc}", "C library {libc}"),
        ["applies.libc-host"] = ("C 라이브러리 {libc} (이 호스트: {host})", "C library {libc} (host: {host})"),
        ["applies.and"] = (" 및 ", " and "),
        ["applies.lacks"] = ("이 빌드에 {what}이(가) 없어 해당 없음", "not applicable, because this build lacks {what}"),
        ["applies.needs-present"] = ("필요 조건 {what}: 있음", "needs {what}: present"),
        ["applies.needs-unknown"] = ("필요 조건 {what}: 수집 정보로 확인되지 않아 해당으로 셈", "needs {what}: not shown by the evidence, so counted"),
        ["applies.local-account"] = ("로컬 계정 필요", "needs a local account"),
        ["applies.config"] = ("{config} 설정일 때만 해당 (설정은 점검하지 않음)", "only with {config} (settings not checked)"),

        // Remediation (Remediation/*.cs): what to do, in the guide's 조치 방법.
        ["fix.none"] = ("조치 불필요", "nothing to do"),
        ["fix.update-package"] = ("벤더 보안 업데이트로 {package} 패키지를 최신 수정 버전으로 업데이트함", "update the {package} package to the vendor's fixed version"),
        ["fix.upgrade-upstream"] = ("{mta}를 {version} 이상으로 업그레이드함", "upgrade {mta} to {version} or later"),
        ["fix.disable"] = ("사용하지 않는 메일 서비스는 중지하고 부팅 시 시작되지 않도록 설정함", "stop an unused mail service and keep it from starting at boot"),
        ["fix.stop-if-unneeded"] = ("메일 서비스를 사용하지 않는 경우 서비스 중지 및 비활성화: {steps}", "If the mail service is not needed, stop it and disable it at boot: {steps}"),
        ["fix.keep-stopped"] = ("중지 및 비활성화 상태를 유지하고, 필요 없으면 패키지를 제거{package}", "Keep it stopped and disabled; if it is not needed, remove the package{package}"),
        ["fix.patch-policy"] = ("패치 관리 정책을 수립하여 주기적으로 보안 패치 적용 (패치 적용 시 서비스 영향도 사전 검토)", "Set a patch management policy and apply vendor security updates regularly; consider the impact on the service before patching"),
        ["fix.update-vendor-package"] = ("벤더 패키지 업데이트{to}: {action}", "Update the vendor package{to}: {action}"),
        ["fix.to-upstream"] = (" (업스트림 {target} 또는 해당 수정이 반영된 벤더 빌드)", " (upstream {target} or a vendor build with its fixes)"),
        ["fix.to-package"] = (" (벤더 패키지 {target} 이상)", " (vendor package {target} or later)"),
        ["fix.solaris10-patch"] = ("{package}에 대한 Oracle Solaris 10 패치 적용 (patchadd)", "apply the Oracle Solaris 10 patch for {package} (patchadd)"),
        ["fix.aix-fix"] = ("파일셋 {package}에 대한 IBM 수정(TL/SP 또는 iFix) 적용 (Fix Central, installp/emgr)", "apply the IBM fix (TL/SP or iFix) for fileset {package} (Fix Central, installp/emgr)"),
        ["fix.hpux-patch"] = ("{package}에 대한 HPE 패치 적용 (swinstall)", "apply the HPE patch for {package} (swinstall)"),
        ["fix.update-package-named"] = ("패키지 {package} 업데이트", "update package {package}"),
        ["fix.not-packaged"] = ("패키지가 아닌 설치: {site} 에서 최신 버전을 받아 보안 패치 적용{to}", "Not from a package: download and install the current release from {site}{to}"),
        ["fix.leftover-process"] = ("서비스 관리자 밖에서 실행 중인 프로세스 {pid} ({args}): 시작한 곳을 확인하고 kill {pid} (SIGTERM)로 종료한 뒤 부팅 스크립트에서 제거", "process {pid} ({args}) is not under a service manager: check what started it, end it with kill {pid} (SIGTERM), and remove it from the boot scripts"),
        ["fix.postfix-stop-boot"] = ("{cmd} ; 부팅 스크립트에서 제거", "{cmd} ; remove it from the boot scripts"),
        ["fix.stop-by-script"] = ("{mta} 시작 스크립트로 중지하고 부팅 스크립트에서 제거", "stop {mta} with its own start script and remove it from the boot scripts"),
        ["fix.nothing-to-do"] = ("{mta}: {verdict}, 조치할 것 없음 (필요 없는 서비스라면 --unused {mta})", "{mta}: {verdict}, nothing to do unless it is not needed (--unused {mta})"),
        ["fix.not-installed"] = ("{mta}: 이 호스트에 설치되어 있지 않아 중지할 것 없음", "{mta} is not installed on this host: nothing to stop"),
        ["fix.hint-no-port"] = ("참고: TCP 포트에서 대기하지 않아 네트워크로부터 메일을 받지 않음", "hint: it listens on no TCP port, so it receives no mail from the network"),
        ["fix.hint-loopback"] = ("참고: 루프백 주소에서만 대기함 (로컬 메일 전용)", "hint: it listens on loopback only (local mail only)"),
        ["fix.hint-queue-empty"] = ("참고: 메일 큐가 비어 있음 (대기 중인 메일 없음)", "hint: nothing is queued (no message waits in its queue)"),
        ["fix.queued"] = ("주의: 메일 큐에 {n}건 대기 중: 중지하면 전달되지 않으므로 먼저 확인", "note: {n} messages wait in its queue: stopped, it will not deliver them; look at them first"),
        ["fix.in-use-update-only"] = ("{mta} 사용 중: 업데이트만 계획함. 필요 없는 서비스라면 --unused {mta} 로 다시 실행", "{mta} is in use: only its update is planned; if it is not needed, run again with --unused {mta}"),
        ["fix.aix-comment-start"] = ("{path} 파일의 시작 줄 주석 처리: {line}", "comment out the start line in {path}: {line}"),
        ["fix.hpux-mailservs"] = ("{path} 파일에 {setting} 설정", "set {setting} in {path}"),
        ["step.stop"] = ("{target} 중지", "stop {target}"),
        ["step.disable"] = ("{target} 부팅 시 시작 해제", "disable {target} at boot"),
        ["step.mask"] = ("{target} 마스크", "mask {target}"),
        ["step.edit"] = ("{target} 수정", "edit {target}"),
        ["step.update"] = ("{target} 업데이트", "update {target}"),
        ["step.remove"] = ("전혀 필요 없으면 {target} 제거 (--apply 로 실행하지 않음)", "if it is not needed at all, remove {target} (not done by --apply)"),
        ["step.manual"] = ("수동 조치", "by hand"),
        ["step.line"] = ("{what}{states}: {action}", "{what}{states}: {action}"),
        ["step.states"] = (" ({before} → {after})", " ({before} → {after})"),
        // A step's states as the checks report them (systemctl is-active / is-enabled, lssrc, files).
        ["state.active"] = ("실행 중", "active"),
        ["state.inactive"] = ("중지됨", "inactive"),
        ["state.stopped"] = ("중지됨", "stopped"),
        ["state.failed"] = ("실패 상태", "failed"),
        ["state.enabled"] = ("부팅 시 시작", "enabled"),
        ["state.disabled"] = ("부팅 시 시작 안 함", "disabled"),
        ["state.static"] = ("다른 유닛이 시작함(static)", "static"),
        ["state.masked"] = ("마스크됨", "masked"),
        ["state.not-masked"] = ("마스크 안 됨", "not masked"),
        ["state.removed"] = ("제거됨", "removed"),
        ["state.unknown"] = ("확인 불가", "unknown"),
        ["state.start-line-active"] = ("시작 줄 활성", "start line active"),
        ["state.start-line-commented-out"] = ("시작 줄 주석 처리됨", "start line commented out"),
        ["state.newer-than"] = ("{version}보다 새 버전", "newer than {version}"),
        ["state.installed"] = ("{version} 설치됨", "installed {version}"),

        // The fix plan and its outcome (Remediation/PlanText.cs, the fix command).
        ["plan.host"] = ("호스트:", "host:"),
        ["plan.unused"] = ("사용하지 않음 (--unused): 중지 및 비활성화", "not used (--unused): stop and disable"),
        ["plan.in-use"] = ("사용 중: 벤더 업데이트", "in use: vendor update"),
        ["plan.by-hand"] = ("수동", "by hand"),
        ["plan.no-steps"] = ("조치할 단계 없음", "no steps"),
        ["plan.done"] = ("완료", "done"),
        ["plan.already"] = ("이미 적용됨", "already so"),
        ["plan.failed"] = ("실패", "FAILED"),
        ["plan.unchanged"] = ("변경 사항 없음: 모든 단계가 이미 적용되어 있음", "nothing changed: every step was already in place"),
        ["plan.journal"] = ("작업 기록: {path}", "journal: {path}"),

        // Checking a fix after --apply (Fix/PlanVerifier.cs).
        ["verify.step-not-held"] = ("{n}단계가 유지되지 않음: {target} 현재 '{now}' (기대: '{after}')", "step {n} did not hold: {target} is now '{now}', not '{after}'"),
        ["verify.still-running"] = ("새로 수집한 정보에서 {mta} 실행 중으로 보임 ({state})", "the fresh evidence still shows {mta} running ({state})"),
        ["verify.still-enabled"] = ("새로 수집한 정보에서 {mta} 부팅 시 시작으로 보임 ({state})", "the fresh evidence still shows {mta} starting at boot ({state})"),
        ["verify.not-installed"] = ("설치되지 않음", "not installed"),
        ["verify.package-not-updated"] = ("새로 수집한 정보에서 {package} {now} (기대: {after})", "the fresh evidence shows {package} {now}, not {after}"),

        // The knowledge base's age (Knowledge/DataDates.cs).
        ["kb.stale"] = ("경고: 지식 베이스 정보는 {date}까지이며 점검 시점보다 {age}일 오래됨 ({max}일 초과): 그 이후의 릴리스·취약점은 반영되지 않음. 'mta-audit db update'(폐쇄망은 외부에서 'db fetch' 후 'db update --from')로 최신 정보를 반영하거나 mta-audit을 갱신해야 함", "WARNING: the knowledge base's data runs to {date}, {age} days before this scan (more than {max}): releases and vulnerabilities since then are unknown to it; run 'mta-audit db update' (air-gapped: 'db fetch' elsewhere, then 'db update --from') or update mta-audit"),

        // Fleet scans.
        ["fleet.nonroot"] = ("root 권한 없이 점검함 (--sudo 없음 또는 일반 사용자 로그인): 일부 증거가 빠졌을 수 있음", "judged without root (no --sudo, or a non-root login): some evidence may be missing"),
        ["fleet.partial"] = ("수집이 '{kind}'(으)로 끝남: 일부만 수집된 증거로는 양호로 판단할 수 없음", "collection ended with '{kind}': a partial bundle cannot show GOOD"),
        ["fleet.not-checked"] = ("점검하지 못함: '{kind}'", "not checked: {kind}"),

        // Input handling.
        ["note.duplicate"] = ("{host}: 같은 호스트의 번들이 {count}개 있어 가장 최근 수집분({at}, {source})만 판정함",
                              "{host}: {count} bundles of the same host; only the newest ({at}, {source}) is judged"),

        // The HTML page.
        ["html.search"] = ("검색 (호스트, IP, 버전, CVE…)", "Search (host, IP, version, CVE…)"),
        ["html.all"] = ("전체", "All"),
        ["html.print"] = ("인쇄", "Print"),
        ["html.expand"] = ("상세 전체 펼치기", "Expand all details"),
        ["html.prev"] = ("이전", "Previous"),
        ["html.next"] = ("다음", "Next"),
        ["html.shown"] = ("{shown} / {total}대 표시", "{shown} of {total} shown"),
        ["html.page"] = ("{page} / {pages} 쪽", "page {page} of {pages}"),
        ["html.chart-verdicts"] = ("점검 결과", "Results"),
        ["html.chart-mtas"] = ("MTA·버전", "MTAs and versions"),
        ["html.chart-os"] = ("운영체제", "Operating systems"),
        ["html.sort-hint"] = ("열 제목을 누르면 정렬됨", "click a column heading to sort"),
        ["html.close"] = ("닫기", "Close"),
        ["html.nojs"] = ("이 보고서의 표는 JavaScript로 그려짐. 브라우저에서 JavaScript를 허용해야 함", "The tables of this report are drawn with JavaScript; allow JavaScript to see them"),

        // Follow-up comparison.
        ["cmp.old"] = ("이전 점검", "Earlier check"),
        ["cmp.new"] = ("이번 점검", "This check"),
        ["cmp.fixed"] = ("조치 완료 (취약 → 양호)", "Fixed (vulnerable → good)"),
        ["cmp.newly-vulnerable"] = ("신규 취약", "Newly vulnerable"),
        ["cmp.verdict-changed"] = ("기타 결과 변경", "Other result changes"),
        ["cmp.version-changed"] = ("버전 변경", "Versions changed"),
        ["cmp.added"] = ("추가된 호스트", "Hosts added"),
        ["cmp.removed"] = ("제외된 호스트", "Hosts removed"),
        ["cmp.unchanged"] = ("변경 없음", "Unchanged"),
        ["cmp.change"] = ("변경 내용", "Change"),
        ["cmp.none"] = ("해당 호스트 없음", "none"),
        ["cmp.count"] = ("{label}: {n}대", "{label}: {n}"),
        // Command-line help (--help) and the CLI's own messages, Korean when the locale or --lang is Korean.
        ["help.cmd.root"] = ("mta-audit: KISA U-45 메일 서비스 버전 점검 (Sendmail, Postfix, Exim, OpenSMTPD)", "mta-audit: KISA U-45 mail service version check (Sendmail, Postfix, Exim, OpenSMTPD)"),
        ["help.cmd.analyze"] = ("수집된 증거 번들을 판정함 (수집 스크립트, SSH 점검, 자체 도구의 출력)", "Judge evidence bundles (from the collector, an SSH scan, or your own tools)"),
        ["help.cmd.scan"] = ("이 서버에서 증거를 수집하고 판정함 (완전한 수집을 위해 root로 실행)", "Collect evidence on this machine and judge it (run as root for complete evidence)"),
        ["help.cmd.collector"] = ("POSIX sh 수집 스크립트를 출력함: 대상 서버에서 'sh collect.sh > host.evidence'로 실행한 뒤 'mta-audit analyze host.evidence'", "Print the POSIX sh collector: run it on a host as 'sh collect.sh > host.evidence', then 'mta-audit analyze host.evidence'"),
        ["help.cmd.db"] = ("지식 베이스(릴리스, 지원 계열, CVE, 벤더 패키지): 내장 데이터와 가져온 로컬 데이터", "The knowledge base (releases, branches, CVEs, vendor packages): embedded, plus a local overlay of imported records"),
        ["help.cmd.status"] = ("지식 베이스의 버전, 기준일, 경과 일수, 건수와 로컬 데이터를 보여 줌", "Show the knowledge base's version, date, age and counts, and the local overlay"),
        ["help.cmd.import"] = ("OSV / NVD JSON 파일을 로컬 데이터로 가져옴 (전부 또는 전무)", "Import OSV / NVD JSON files into the local overlay (all or nothing)"),
        ["help.cmd.report"] = ("이전 결과로 보고서(text, json, csv, xlsx, html)를 만들거나 두 점검을 비교함", "Write a report (text, json, csv, xlsx, html) from earlier results, or compare two runs"),
        ["help.arg.analyze.files"] = ("증거 번들 파일 (표준 입력은 '-'); 한 파일에 여러 번들 가능", "evidence bundle files ('-' for standard input); a file may hold many bundles"),
        ["help.arg.import.files"] = ("OSV JSON 레코드와 NVD CVE API 2.0 JSON (레코드 하나 또는 API 응답)", "OSV JSON records and NVD CVE API 2.0 JSON (one record or an API response)"),
        ["help.opt.--format"] = ("text, json, csv (KISA 양식, BOM 포함 UTF-8), xlsx (엑셀, -o 또는 출력 재지정 필요), html (단일 파일)", "text, json, csv (the KISA form, UTF-8 with BOM), xlsx (Excel; needs -o or a redirected output) or html (one self-contained page)"),
        ["help.opt.--lang"] = ("ko 또는 en (기본: 로캘이 한국어이면 ko, 아니면 en)", "ko or en (default: ko when the locale is Korean, else en)"),
        ["help.opt.--policy"] = ("'최신 버전'의 의미: vendor (기본, 벤더 보안 패치), upstream-branch (업스트림 지원 계열의 최신 패치), upstream-latest (업스트림 최신 릴리스)", "what 'latest' means: vendor (default: the vendor's fixed package), upstream-branch (newest patch of a supported upstream series) or upstream-latest (newest upstream release)"),
        ["help.opt.--no-mta-na"] = ("MTA가 없는 서버를 양호 대신 N/A로 보고함", "report a host without any MTA as NA instead of GOOD"),
        ["help.opt.--output"] = ("보고서를 표준 출력 대신 이 파일에 씀", "write the report to this file instead of standard output"),
        ["help.opt.--baseline"] = ("기관의 최소 버전(JSON, docs/baseline.md)으로 판정함; 적용 정책은 baseline", "judge versions against your organisation's minimums (JSON, see docs/baseline.md); sets the policy to 'baseline'"),
        ["help.opt.--brief"] = ("text, html: 원본 수집 근거 줄을 생략함", "text and HTML: leave out the raw evidence lines"),
        ["help.opt.--all-cves"] = ("text: 주요 10건이 아닌 모든 취약점을 나열함", "text: list every vulnerability, not the ten most serious"),
        ["help.opt.--org"] = ("보고서 머리말의 기관명", "organisation name (기관명) for the report header"),
        ["help.opt.--auditor"] = ("보고서 머리말의 점검자", "auditor name (점검자) for the report header"),
        ["help.opt.--from"] = ("JSON 보고서, 증거 파일, 그 디렉터리 또는 점검 결과 저장소(SQLite, 실행 N은 STORE#N) (표준 입력은 '-')", "JSON reports, evidence files, directories of them, or a fleet results store (SQLite; run N as STORE#N) ('-' for standard input)"),
        ["help.opt.--compare"] = ("이전 이번: 두 점검 비교 (JSON 보고서, 증거 파일, 디렉터리 또는 점검 결과 저장소, 실행 N은 STORE#N): 조치 완료, 신규 취약, 버전 변경, 추가·제외된 호스트", "OLD NEW: compare two runs (JSON reports, evidence files, directories or results stores, run N as STORE#N): fixed, newly vulnerable, versions changed, hosts added/removed"),
        ["help.opt.--save-evidence"] = ("증거 번들을 이 파일에도 저장함 (나중에 'mta-audit analyze'로 판정)", "also keep the evidence bundle in this file (for 'mta-audit analyze' later)"),
        ["help.opt.--probe-timeout"] = ("수집 명령 하나의 제한 시간(초), 넘으면 중단 (rc=timeout)", "seconds a single probe may run before it is cut (rc=timeout)"),
        ["help.opt.--timeout"] = ("전체 수집의 제한 시간(초)", "seconds the whole collection may take"),
        ["help.opt.--data-dir"] = ("로컬 데이터 kb-local.json의 디렉터리 (기본: $MTA_AUDIT_DATA_DIR, 없으면 /var/lib/mta-audit)", "directory of the local overlay kb-local.json (default: $MTA_AUDIT_DATA_DIR, else /var/lib/mta-audit)"),
        ["help.opt.--help"] = ("도움말과 사용법을 보여 줌", "Show help and usage information"),
        ["help.opt.--version"] = ("버전 정보를 보여 줌", "Show version information"),
        ["help.cmd.fix"] = ("쓰지 않는 MTA를 중지하거나 쓰는 MTA를 업데이트하는 절차를 보여 줌 (--apply를 주면 실행함)", "Show (or with --apply, carry out) the steps that stop an unused MTA or update a used one"),
        ["help.cmd.update"] = ("OSV(업스트림과 배포판), NVD CVE API 2.0, endoflife.date(OS 지원 기간), endoflife.date release-data(Postfix, Exim 릴리스)로 로컬 데이터를 갱신함; 모든 출처가 완전하고 올바르게 응답할 때만 바뀜", "Refresh the local overlay from OSV (upstream and distributions), the NVD CVE API 2.0, endoflife.date (OS support dates) and endoflife.date's release-data (Postfix and Exim releases); nothing changes unless every source answers completely and validly"),
        ["help.cmd.fetch"] = ("'db update'의 출처를 내려받아 검증한 뒤 디렉터리에 저장함: 폐쇄망으로 옮겨 'db update --from DIR'로 가져옴", "Download and validate the sources of 'db update' into a directory, to carry to an air-gapped site ('db update --from DIR')"),
        ["help.opt.update.--from"] = ("내려받는 대신 'mta-audit db fetch --to DIR'로 만든 디렉터리를 가져옴 (폐쇄망)", "import a directory written by 'mta-audit db fetch --to DIR' (air-gapped sites) instead of downloading"),
        ["help.opt.update.--timeout"] = ("출처 하나의 제한 시간(초)", "seconds each source may take"),
        ["help.opt.fetch.--timeout"] = ("출처 하나의 제한 시간(초)", "seconds each source may take"),
        ["help.opt.fix.--timeout"] = ("수집 한 번의 제한 시간(초)", "seconds a collection may take"),
        ["help.opt.--source"] = ("이름이 이것으로 시작하는 출처만 (여러 번 가능): osv, nvd, endoflife.date, 'endoflife.date rhel', release-data, …", "only the sources whose name starts with this (repeatable): osv, nvd, endoflife.date, 'endoflife.date rhel', release-data, …"),
        ["help.opt.--mirror"] = ("공개 출처와 같은 경로를 제공하는 https:// 주소 (내부 미러)", "an https:// origin serving the same paths as the public sources (an internal mirror)"),
        ["help.opt.--ca-file"] = ("시스템 CA에 더해 신뢰할 CA의 PEM 파일 (내부 미러용)", "PEM file of a CA trusted in addition to the system's (an internal mirror's)"),
        ["help.opt.--to"] = ("받은 응답과 MANIFEST.tsv(SHA-256)를 쓸 디렉터리", "directory to write the answers and their MANIFEST.tsv (SHA-256) into"),
        ["help.opt.--accept-new-host-keys"] = ("known_hosts에 없는 호스트의 키를 받아들이고 기록함 (바뀐 키는 항상 거부함)", "accept and record keys of hosts not yet in known_hosts (a changed key is always refused)"),
        ["help.opt.--apply"] = ("계획을 실행함: 이 서버, 또는 --host/--inventory의 각 호스트 (기록, 백업, 새 수집으로 확인)", "carry out the plan: on this machine, or on each --host/--inventory host (journal, backups, check by a fresh collection)"),
        ["help.opt.--connect-timeout"] = ("SSH 연결과 인증의 제한 시간(초)", "seconds to open and authenticate an SSH connection"),
        ["help.opt.--evidence"] = ("이 서버에서 수집하는 대신 이 증거 번들 파일로 계획함 (계획만)", "plan from this evidence bundle file instead of collecting on this machine (plan only)"),
        ["help.opt.--evidence-dir"] = ("호스트마다 NAME.evidence를 여기에도 저장함 (NAME: 인벤토리 이름)", "also keep one NAME.evidence per host here (NAME: the inventory name)"),
        ["help.opt.--forks"] = ("동시에 점검하는 호스트 수", "hosts scanned at once"),
        ["help.opt.--host"] = ("SSH로 점검할 [user@]HOST[:PORT] (여러 번 가능)", "[user@]HOST[:PORT] to scan over SSH (repeatable)"),
        ["help.opt.--host-timeout"] = ("호스트 하나의 전체 제한 시간(초) (기본: --timeout + --connect-timeout + 30)", "seconds one host may take in all (default: --timeout + --connect-timeout + 30)"),
        ["help.opt.--identity"] = ("개인 키 파일 (여러 번 가능; 기본 ~/.ssh/id_ed25519, id_ecdsa, id_rsa); 암호는 MTA_AUDIT_SSH_KEY_PASSPHRASE", "private key file (repeatable; default ~/.ssh/id_ed25519, id_ecdsa, id_rsa); passphrase from MTA_AUDIT_SSH_KEY_PASSPHRASE"),
        ["help.opt.--inventory"] = ("점검할 호스트: 목록 파일(한 줄에 [user@]host[:port]) 또는 Ansible 인벤토리(INI, YAML)", "hosts to scan: a plain list ([user@]host[:port] a line) or an Ansible inventory (INI or YAML)"),
        ["help.opt.--journal"] = ("기록 파일 (기본 /var/lib/mta-audit/fix/HOST-TIME.journal; 백업은 JOURNAL.backup/)", "the journal file to write (default /var/lib/mta-audit/fix/HOST-TIME.journal; backups in JOURNAL.backup/)"),
        ["help.opt.--journal-dir"] = ("기록 파일을 둘 디렉터리, 파일 이름은 호스트 이름 (--host/--inventory 사용 시 인벤토리 이름); 기본 /var/lib/mta-audit/fix", "where journals go, named after the host (with --host/--inventory: its inventory name); default /var/lib/mta-audit/fix"),
        ["help.opt.--jump"] = ("모든 호스트에 이 SSH 경유 호스트를 거쳐 접속함: [user@]HOST[:PORT]", "reach every host through this SSH jump host: [user@]HOST[:PORT]"),
        ["help.opt.--identity-agent"] = ("키를 제시할 ssh-agent 소켓 (기본 SSH_AUTH_SOCK; 'none': 에이전트 사용 안 함)", "ssh-agent socket whose keys are offered (default: SSH_AUTH_SOCK; 'none': no agent)"),
        ["help.opt.--known-hosts"] = ("호스트 키를 확인할 known_hosts 파일 (기본 ~/.ssh/known_hosts)", "known_hosts file to check host keys against (default ~/.ssh/known_hosts)"),
        ["help.opt.--legacy-algorithms"] = ("SHA-1 키 교환과 서명, ssh-dss, CBC 암호도 허용함 (오래된 Solaris, AIX, HP-UX sshd)", "also offer SHA-1 key exchange and signatures, ssh-dss and CBC ciphers (old Solaris/AIX/HP-UX sshd)"),
        ["help.opt.--limit"] = ("인벤토리의 이 그룹이나 호스트만 (쉼표로 구분, Ansible의 --limit과 같음)", "only these groups or hosts of the inventory (comma-separated, as Ansible's --limit)"),
        ["help.opt.--mask"] = ("쓰지 않는 MTA의 systemd 유닛을 mask도 함", "also mask the systemd units of an unused MTA"),
        ["help.opt.--max-output"] = ("호스트마다 보관하는 수집 출력(MiB); 넘으면 잘리고 그 호스트는 최선이 수동점검", "MiB of collector output kept per host; past it the output is cut (the host is at best MANUAL)"),
        ["help.opt.--password-prompt"] = ("SSH 암호를 터미널에서 물음 (또는 MTA_AUDIT_SSH_PASSWORD; 명령행에는 절대 쓰지 않음)", "ask for the SSH password on the terminal (or set MTA_AUDIT_SSH_PASSWORD; never on the command line)"),
        ["help.opt.--resume"] = ("저장소의 마지막 실행을 이어 감: 끝난 호스트는 건너뜀", "continue the store's last run: hosts already done are skipped"),
        ["help.opt.--retry-failed"] = ("--resume/--run과 함께: 오류로 끝난 호스트도 다시 시도함", "with --resume/--run: also try again the hosts that ended with an error"),
        ["help.opt.--run"] = ("저장소의 이 실행을 이어 가거나 보고만 함", "continue (or only report) this run of the store"),
        ["help.opt.--step-timeout"] = ("절차 하나의 명령 제한 시간(초)", "seconds one step's command may run"),
        ["help.opt.--store"] = ("점검 결과 저장소(SQLite); 기본 ~/.local/state/mta-audit/fleet.sqlite", "the results store (SQLite); default ~/.local/state/mta-audit/fleet.sqlite"),
        ["help.opt.--sudo"] = ("수집 스크립트를 sudo로 실행함 (sudo -n; --sudo-password-prompt나 MTA_AUDIT_SUDO_PASSWORD가 있으면 암호는 표준 입력으로 전달)", "run the collector with sudo (sudo -n; with --sudo-password-prompt or MTA_AUDIT_SUDO_PASSWORD the password goes over stdin)"),
        ["help.opt.--sudo-password-prompt"] = ("sudo 암호를 터미널에서 물음", "ask for the sudo password on the terminal"),
        ["help.opt.--undo"] = ("이 기록 파일의 실행이 바꾼 것을 되돌림", "revert what the run of this journal did"),
        ["help.opt.--unused"] = ("이 MTA는 여기서 쓰지 않음: 중지하고 부팅 시 시작하지 않게 함 (postfix, exim, sendmail, opensmtpd; 여러 번 가능)", "this MTA is not used here: stop it and disable it at boot (postfix, exim, sendmail, opensmtpd; repeatable)"),
        ["help.opt.--unused-file"] = ("MTA를 실행하면 안 되는 호스트를 적은 파일 (한 줄에 하나, # 주석)", "a file naming hosts (one a line, # comments) that must not run any MTA"),
        ["help.opt.--user"] = ("대상에 사용자가 없을 때 쓸 SSH 사용자 (기본: 현재 사용자 이름)", "SSH user when the target names none (default: your user name)"),
        // System.CommandLine's own help headings and parse errors ({0} is what the user typed, shown as given).
        ["help.head.Description:"] = ("설명:", "Description:"),
        ["help.head.Usage:"] = ("사용법:", "Usage:"),
        ["help.head.Options:"] = ("옵션:", "Options:"),
        ["help.head.Commands:"] = ("명령:", "Commands:"),
        ["help.head.Arguments:"] = ("인수:", "Arguments:"),
        ["help.head.Additional Arguments:"] = ("추가 인수:", "Additional Arguments:"),
        ["help.word.command"] = ("명령", "command"),
        ["help.word.options"] = ("옵션", "options"),
        ["help.word.default"] = ("기본값", "default"),
        ["help.word.required"] = ("필수", "REQUIRED"),
        ["cli.type.integer"] = ("정수", "an integer"),
        ["cli.type.number"] = ("숫자", "a number"),
        ["cli.err.unrecognized"] = ("알 수 없는 명령 또는 인수: '{0}'", "Unrecognized command or argument '{0}'."),
        ["cli.err.not-one-of"] = ("'{0}'은(는) 쓸 수 없는 값임. 가능한 값:{1}", "Argument '{0}' not recognized. Must be one of:{1}"),
        ["cli.err.command-argument-missing"] = ("'{0}' 명령에 필요한 인수가 없음", "Required argument missing for command: '{0}'."),
        ["cli.err.option-argument-missing"] = ("'{0}' 옵션에 필요한 값이 없음", "Required argument missing for option: '{0}'."),
        ["cli.err.option-required"] = ("'{0}' 옵션이 필요함", "Option '{0}' is required."),
        ["cli.err.command-required"] = ("명령이 주어지지 않음", "Required command was not provided."),
        ["cli.err.one-argument"] = ("'{0}' 옵션에는 값이 하나만 와야 하나 {1}개가 주어짐", "Option '{0}' expects a single argument but {1} were provided."),
        ["cli.err.cannot-parse-option"] = ("'{1}' 옵션의 값 '{0}'을(를) {2}(으)로 읽을 수 없음", "Cannot parse argument '{0}' for option '{1}' as expected type '{2}'."),
        ["cli.err.cannot-parse-command"] = ("'{1}' 명령의 인수 '{0}'을(를) {2}(으)로 읽을 수 없음", "Cannot parse argument '{0}' for command '{1}' as expected type '{2}'."),
        ["cli.err.cannot-parse"] = ("인수 '{0}'을(를) {1}(으)로 읽을 수 없음", "Cannot parse argument '{0}' as expected type '{1}'."),
        ["cli.err.file-missing"] = ("파일이 없음: '{0}'", "File does not exist: '{0}'."),
        ["cli.err.directory-missing"] = ("디렉터리가 없음: '{0}'", "Directory does not exist: '{0}'."),
        ["cli.err.path-missing"] = ("파일 또는 디렉터리가 없음: '{0}'", "File or directory does not exist: '{0}'."),
        ["cli.err.not-matched"] = ("'{0}'은(는) 맞는 것이 없음. 다음 중 하나인지 확인할 것:", "'{0}' was not matched. Did you mean one of the following?"),
        ["cli.err.version-alone"] = ("{0} 옵션은 다른 인수와 함께 쓸 수 없음", "{0} option cannot be combined with other arguments."),
        ["cli.try-help"] = ("'mta-audit --help'로 사용법을 확인할 수 있음.", "Try 'mta-audit --help'."),
        ["cli.report-needs-input"] = ("report에는 --from FILE|DIR... 또는 --compare OLD NEW 중 하나가 필요함", "report needs either --from FILE|DIR... or --compare OLD NEW"),
        ["cli.xlsx-terminal"] = ("--format xlsx는 이진 파일을 씀: -o FILE을 주거나 표준 출력을 재지정해야 함", "--format xlsx writes a binary file: give -o FILE (or redirect standard output)"),
        ["cli.compare-format"] = ("report --compare는 text, csv, xlsx, html 형식만 씀", "report --compare writes text, csv, xlsx or html"),
        ["cli.no-host"] = ("{path}: 호스트가 없음", "{path}: no host found"),
        // The CLI's own errors and notices on stderr. A .NET cause ({cause}) is English in both: quoted in Korean.
        ["err.internal"] = ("내부 오류: {type}: \"{cause}\"{more}", "internal error: {type}: {cause}{more}"),
        ["err.internal.more"] = (" (자세한 내용은 -v)", " (-v for details)"),
        ["err.unknown-option"] = ("알 수 없는 옵션 '{option}' ('mta-audit {command} --help'로 확인할 것)", "unknown option '{option}' (try 'mta-audit {command} --help')"),
        ["err.cannot-write-report"] = ("{path}: 보고서를 쓸 수 없음: \"{cause}\"", "{path}: cannot write the report: {cause}"),
        ["err.data"] = ("데이터 파일 오류: \"{cause}\"", "{cause}"),
        ["err.input.cannot-read"] = ("{path}: 읽을 수 없음: \"{cause}\"", "{path}: cannot read: {cause}"),
        ["err.input.store-needs-kb"] = ("{path}: 점검 결과 저장소를 판정하려면 지식 베이스가 필요함", "{path}: a results store needs the knowledge base to be judged"),
        ["err.input.evidence-needs-kb"] = ("{path}: 증거를 판정하려면 지식 베이스가 필요함", "{path}: evidence needs the knowledge base to be judged"),
        ["err.input.read-failed"] = ("{path}: 번들 {count}개를 읽은 뒤 읽기 실패: \"{cause}\"", "{path}: read failed after {count} bundles: {cause}"),
        ["err.input.bundle"] = ("{path}:{line}: 증거 번들 오류: {cause}", "{path}:{line}: {cause}"),
        ["err.input.no-bundle"] = ("{path}: 증거 번들이 없음 (첫 줄이 '{magic}'이어야 함)", "{path}: no evidence bundle found (expected a first line '{magic}')"),
        ["err.input.store-no-runs"] = ("{path}: 점검 결과 저장소에 실행이 없음", "{path}: the results store holds no run"),
        ["err.input.store-no-run"] = ("{path}: 점검 결과 저장소에 실행 {run}이(가) 없음", "{path}: the results store has no run {run}"),
        ["err.input.store"] = ("점검 결과 저장소 오류: \"{cause}\"", "{cause}"),
        ["err.input.not-report"] = ("{path}: {schema} 보고서가 아님 (schema '{found}')", "{path}: not a {schema} report (schema '{found}')"),
        ["err.input.cannot-read-json"] = ("{path}: JSON 보고서를 읽을 수 없음: \"{cause}\"", "{path}: cannot read the JSON report: {cause}"),
        ["err.input.empty-dir"] = ("{path}: 디렉터리에 *.evidence 또는 *.json 파일이 없음", "{path}: the directory holds no *.evidence or *.json file"),
        ["err.input.earlier"] = ("이전 보고서의 입력 오류: \"{cause}\"", "{cause}"),
        ["err.scan.save-evidence-fleet"] = ("--save-evidence는 이 서버의 번들 하나를 저장함; SSH 점검은 --evidence-dir DIR로 호스트마다 NAME.evidence를 저장함", "--save-evidence keeps this machine's one bundle; a scan over SSH keeps one NAME.evidence per host with --evidence-dir DIR"),
        ["err.scan.evidence-dir-local"] = ("--evidence-dir는 SSH 점검(--host, --inventory, --resume)용임; 이 서버는 --save-evidence FILE을 쓸 것", "--evidence-dir is for scans over SSH (--host, --inventory, --resume); for this machine use --save-evidence FILE"),
        ["err.scan.cannot-save"] = ("{path}: 증거를 저장할 수 없음: \"{cause}\"", "{path}: cannot save the evidence: {cause}"),
        ["err.scan.timed-out"] = ("수집 스크립트가 제한 시간 {seconds}초를 넘어 중지됨; 증거가 불완전함", "the collector passed its time limit of {seconds} s and was stopped; the evidence is partial"),
        ["err.scan.output-cut"] = ("수집 스크립트의 출력이 크기 제한을 넘어 잘림; 증거가 불완전함", "the collector's output passed its size cap and was cut; the evidence is partial"),
        ["err.scan.exit"] = ("수집 스크립트가 상태 {rc}로 끝남: \"{cause}\"", "the collector exited with status {rc}: {cause}"),
        ["err.fleet.forks"] = ("--forks는 1 이상이어야 함", "--forks must be at least 1"),
        ["err.fleet.max-output"] = ("--max-output은 1(MiB) 이상이어야 함", "--max-output must be at least 1 (MiB)"),
        ["err.fleet.no-run-to-resume"] = ("{path}: 이어 갈 실행이 없음", "{path}: no run to resume"),
        ["err.fleet.no-such-run"] = ("{path}: 실행 {run}이(가) 없음", "{path}: there is no run {run}"),
        ["err.fix.apply-evidence"] = ("--apply는 실제 호스트에만 적용됨: --evidence를 빼야 함 (계획은 그 호스트에서 새로 수집해 세움)", "--apply works on a live host only: leave out --evidence (the plan is made from a fresh collection there)"),
        ["err.fix.evidence-or-hosts"] = ("--evidence와 --host/--inventory 중 하나만 지정할 것", "--evidence and --host/--inventory: give one of them"),
        ["err.fix.no-bundle"] = ("{path}: 증거 번들이 없음", "{path}: no evidence bundle found"),
        ["err.fix.no-journal"] = ("{path}: 기록 파일이 없음", "{path}: no such journal"),
        ["err.fix.journal-host"] = ("{path}: 기록 파일에 대상 호스트가 적혀 있음 ({host}); --host/--inventory는 무시함", "{path}: the journal names its own host ({host}); --host/--inventory are ignored"),
        ["err.fix.journal-this-machine"] = ("이 서버", "this machine"),
        ["err.fix.journal-remote"] = ("{path}: 기록 파일의 원격 호스트 오류: \"{cause}\"", "{path}: the journal's remote host {cause}"),
        ["err.fix.not-undone"] = ("되돌리지 않음: \"{cause}\"", "{cause}; nothing was undone"),
        ["err.fix.cannot-write-journal"] = ("{path}: 기록 파일을 쓸 수 없음: \"{cause}\"; 아무것도 바꾸지 않음", "{path}: cannot write the journal: {cause}; nothing was changed"),
        ["err.fix.step-failed"] = ("{n}단계 실패 ({action}): \"{cause}\"", "step {n} failed ({action}): {cause}"),
        ["err.fix.how-to-undo"] = ("한 일을 되돌리려면: mta-audit fix --undo {journal}", "to undo what was done: mta-audit fix --undo {journal}"),
        ["err.fix.nothing-to-undo"] = ("되돌릴 것이 없음", "nothing to undo"),
        ["err.fix.no-hosts"] = ("조치할 호스트가 없음 (인벤토리가 비었거나 --limit에 맞는 호스트가 없음)", "no hosts to fix (the inventory is empty, or --limit left none)"),
        ["err.fix.one-journal"] = ("--journal은 파일 하나임: 호스트가 여럿이면 --journal-dir를 쓸 것", "--journal names one file: with several hosts use --journal-dir"),
        ["err.fleet.no-hosts"] = ("점검할 호스트가 없음 (인벤토리가 비었거나 --limit에 맞는 호스트가 없음)", "no hosts to scan (the inventory is empty, or --limit left none)"),
        ["err.fleet.setup"] = ("점검 준비 오류: \"{cause}\"", "{cause}"),
        ["note.fleet.resume-ignores-hosts"] = ("실행 {run}을(를) 이어 감: 그 실행의 호스트 목록을 쓰며 --host/--inventory는 무시함", "resuming run {run}: its own host list is used; --host/--inventory are ignored"),
        ["note.fleet.resumed"] = ("실행 {run} ({path}): 호스트 {total}개 중 {left}개 남음", "run {run} ({path}): {left} of {total} hosts left"),
        ["note.fleet.started"] = ("실행 {run} ({path}): 호스트 {count}개, 동시에 {forks}개", "run {run} ({path}): {count} hosts, {forks} at once"),
        ["note.fleet.stopped"] = ("실행 {run}이(가) 호스트 {left}개를 점검하지 못하고 멈춤; 이어 가려면: mta-audit scan --resume (또는 --run {run})", "run {run} stopped with {left} hosts not scanned; continue it with: mta-audit scan --resume (or --run {run})"),
        ["note.fleet.evidence"] = ("증거 파일 오류: \"{cause}\"", "{cause}"),
        ["fleet.progress.partial"] = ("{verdict} ('{failure}': 증거 불완전)", "{verdict} ({failure}: partial evidence)"),
        ["fleet.progress.failed"] = ("실패: '{failure}': {cause}", "failed: {failure}: {cause}"),
        ["fleet.progress.live"] = ("{done}/{total} 완료, 실패 {failed}, 진행 중 {running}, 남음 {left}, 초당 {rate}개, 남은 시간 {eta}", "{done}/{total} done, {failed} failed, {running} running, {left} left, {rate} hosts/s, ETA {eta}"),
        ["fleet.progress.seconds"] = ("{seconds}초", "{seconds} s"),
        ["fleet.progress.line"] = ("[{done}/{total}] {host}: {what} ({seconds}초)", "[{done}/{total}] {host}: {what} ({seconds} s)"),
        // db status, update, fetch.
        ["db.status.head"] = ("지식 베이스 {version} ({schema}), 배포본 작성일 {date}; 정보 기준일 {through}, 오늘보다 {age}일 전", "knowledge base {version} ({schema}), edition {date}; data runs to {through}, {age} days before today"),
        ["db.status.source"] = ("  {through}까지의 정보: {source}{note}", "  data to {through}: {source}{note}"),
        ["db.status.counts"] = ("  MTA {mtas}종, 릴리스 {releases}건, 취약점 {cves}건, 벤더 패키지 {packages}건, 미검증 표시 {unverified}건", "  {mtas} MTAs, {releases} releases, {cves} vulnerabilities, {packages} vendor packages, {unverified} items marked unverified"),
        ["db.status.mta"] = ("  {mta} 최신 {newest}{date}; 지원 계열 최신: {supported}; 취약점 {cves}건", "  {mta} newest {newest}{date}; supported series at: {supported}; {cves} vulnerabilities"),
        ["db.status.no-overlay"] = ("로컬 데이터: 없음 ({path}); 'mta-audit db import FILE...'로 추가함", "local overlay: none ({path}); add records with 'mta-audit db import FILE...'"),
        ["db.status.overlay"] = ("로컬 데이터 {path}, 갱신 {updated}", "local overlay {path}, updated {updated}"),
        ["db.status.unknown"] = ("(알 수 없음)", "(unknown)"),
        ["db.status.overlay-counts"] = ("  취약점 {cves}건 (내장 {cvesReplacing}건 대체), 벤더 패키지 {packages}건 (내장 {packagesReplacing}건 대체), OS 지원 주기 {os}건, MTA 릴리스 {releases}건 (파일 {files}개에서 가져옴)", "  {cves} vulnerabilities ({cvesReplacing} replace embedded ones), {packages} vendor packages ({packagesReplacing} replace embedded ones), {os} OS lifecycle cycles, {releases} MTA releases, from {files} files"),
        ["db.status.refreshed"] = ("  갱신됨: {source}, 정보 기준일 {through}", "  refreshed: {source} data to {through}"),
        ["db.error"] = ("오류: {cause}", "ERROR: {cause}"),
        ["db.mirror-not-https"] = ("--mirror {mirror}: https:// 주소가 아님", "--mirror {mirror}: not an https:// URL"),
        ["db.ca-file"] = ("--ca-file {path}: \"{cause}\"", "--ca-file {path}: {cause}"),
        ["db.no-source"] = ("--source '{names}': 해당하는 출처가 없음", "--source {names}: names no source"),
        ["db.cause"] = ("갱신 실패: \"{cause}\"", "{cause}"),
        ["db.nothing-updated"] = ("바뀐 것 없음; 로컬 데이터 {path}는 그대로임", "nothing updated; the local overlay {path} is unchanged"),
        ["db.nothing-written"] = ("{path}에 쓴 것 없음", "nothing written to {path}"),
        ["db.read-sources"] = ("출처 {sources}개를 읽음 ({bytes}바이트), 모두 완전하고 올바름", "read {sources} sources ({bytes} bytes), each complete and valid"),
        ["db.overlay-written"] = ("로컬 데이터 {path}를 씀: 취약점 {cves}건, 벤더 패키지 {packages}건; OS 지원 주기 {os}건과 MTA 릴리스 {releases}건을 읽음", "local overlay {path} written: {cves} vulnerabilities, {packages} vendor packages; read {os} OS lifecycle cycles and {releases} MTA releases"),
        ["db.overlay-unchanged"] = ("로컬 데이터 {path}는 그대로임 (새 정보 없음)", "local overlay {path} unchanged (nothing new)"),
        ["db.fetched"] = ("{path}에 {manifest}와 함께 씀; 그곳에서 'mta-audit db update --from DIR'로 가져옴", "written to {path} with {manifest}; import there with 'mta-audit db update --from DIR'"),
        // db import (Knowledge/Import): what was skipped or left out, and the command's lines.
        ["import.note.in-file"] = ("{file}: {note}", "{file}: {note}"),
        ["import.note.in-record"] = ("{file}: {id}: {note}", "{file}: {id}: {note}"),
        ["import.note.no-mta-osv"] = ("{id}: 영향받는 패키지 중 MTA가 없어 건너뜀", "{id}: no affected package is an MTA's; skipped"),
        ["import.note.no-mta-nvd"] = ("{id}: 취약한 CPE 중 MTA(postfix, exim, sendmail, opensmtpd)가 없어 건너뜀{more}", "{id}: no vulnerable CPE names an MTA (postfix, exim, sendmail, opensmtpd); skipped{more}"),
        ["import.note.because"] = (" ({notes})", " ({notes})"),
        ["import.note.cpe-version"] = ("{criteria}: 버전 '{version}'은(는) 업스트림 버전이 아니어서 범위에서 뺌", "{criteria}: version '{version}' is not an upstream version; range left out"),
        ["import.note.range-bound"] = ("{member} '{version}'은(는) 업스트림 버전이 아니어서 범위에서 뺌", "{member} '{version}' is not an upstream version; range left out"),
        ["import.note.not-upstream-release"] = ("{at}: \"{name}\"은(는) 업스트림 버전이 아님", "{at}: \"{name}\" is not an upstream version"),
        ["import.note.no-fixed"] = ("{distro} {release} {package}에 수정 버전이 없어 기록하지 않음", "{distro} {release} {package} has no fixed version; nothing to record"),
        ["import.note.commit-range"] = ("{type} 범위의 이벤트가 업스트림 버전이 아니어서(커밋?) 범위에서 뺌", "{type} range events are not upstream versions (commits?); range left out"),
        ["db.import.note"] = ("참고: {note}", "note: {note}"),
        ["db.import.read"] = ("파일 {files}개를 읽음: 취약점 레코드 {cves}건, 벤더 수정 {packages}건, 건너뛴 레코드 {skipped}건 (MTA 아님)", "read {files} files: {cves} vulnerability records, {packages} vendor fixes, {skipped} records skipped (no MTA)"),
        ["db.import.written"] = ("로컬 데이터 {path}을(를) 씀: 취약점 {cves}건, 벤더 패키지 {packages}건", "local overlay {path} written: {cves} vulnerabilities, {packages} vendor packages"),
        ["db.import.unchanged"] = ("로컬 데이터 {path}은(는) 그대로임 (이미 가져온 레코드임)", "local overlay {path} unchanged (these records were already imported)"),
        ["db.import.error"] = ("{file}: {path}: 가져올 수 없음: \"{problem}\"", "{file}: {path}: {problem}"),
        ["db.import.nothing"] = ("가져온 것 없음; 로컬 데이터 {path}은(는) 그대로임", "nothing imported; the local overlay {path} is unchanged"),
        ["db.import.damaged"] = ("로컬 데이터 오류: \"{cause}\"", "{cause}"),
        ["db.import.move-damaged"] = ("가져온 것 없음; 손상된 로컬 데이터를 다른 곳으로 옮긴 뒤 다시 가져올 것", "nothing imported; move the damaged overlay away to start a new one"),
        ["db.import.cannot-write"] = ("로컬 데이터 {path}를 쓸 수 없음: \"{cause}\"", "cannot write the local overlay {path}: {cause}"),
        ["db.status.note.newest-dated"] = ("읽은 릴리스·권고문 중 가장 최근 날짜", "newest dated release or advisory read"),
        ["db.status.note.eol-snapshot"] = ("endoflife.date 스냅숏", "endoflife.date snapshot"),
        ["db.status.note.db-update"] = ("db update로 갱신", "db update"),
        // Secrets asked for on the terminal (--password-prompt, --sudo-password-prompt).
        ["secret.ssh-password"] = ("SSH 암호", "SSH password"),
        ["secret.sudo-password"] = ("sudo 암호", "sudo password"),
        ["secret.prompt"] = ("{what}: ", "{what}: "),
        ["secret.no-terminal"] = ("{what}를 물을 수 없음: 표준 입력이 터미널이 아님; 대신 환경 변수 {variable}을(를) 설정할 것", "cannot ask for the {what}: standard input is not a terminal; set {variable} instead"),
        // fix: a host that cannot be planned or checked (Fix/FixSession.cs, Fix/SshTargets.cs).
        ["fix.err.collector-timeout"] = ("{target}: 수집 스크립트가 제한 시간 {seconds}초를 넘음", "{target}: the collector passed its time limit of {seconds} s"),
        ["fix.err.collector-cut"] = ("{target}: 수집 스크립트 출력이 잘림 (\"{stderr}\"); 잘린 번들로는 계획하거나 확인하지 않음", "{target}: the collector's {stderr}; no plan or check rests on a cut bundle"),
        ["fix.err.no-bundle"] = ("{target}: 수집 스크립트가 증거 번들을 내지 않음 (\"{why}\")", "{target}: the collector gave no evidence bundle ({why})"),
        ["fix.err.jump-failed"] = ("{target}: 경유 호스트 접속 실패", "{target}: the jump host failed"),
        ["fix.err.cannot-connect"] = ("{target}: 접속할 수 없음", "{target}: cannot connect"),
        ["fix.err.cannot-run"] = ("{target}: 명령을 실행할 수 없음{sudo}: \"{cause}\"", "{target}: cannot run a command{sudo}: {cause}"),
        ["fix.err.through-sudo"] = (" (sudo 사용)", " through sudo"),
        // Inventories, --host and --jump (Fleet/*Inventory.cs, Fleet/Target.cs): {text} is what the user wrote.
        ["target.empty-user"] = ("'{text}': '@' 앞의 사용자 이름이 비어 있음", "'{text}': empty user before '@'"),
        ["target.bracket"] = ("'{text}': '['에 맞는 ']'가 없음", "'{text}': '[' without ']'"),
        ["target.bad-port"] = ("'{text}': 포트 '{port}'이(가) 올바르지 않음", "'{text}': bad port '{port}'"),
        ["target.not-host"] = ("'{text}': 호스트 이름이나 주소가 아님", "'{text}': not a host name or address"),
        ["target.not-user"] = ("'{text}': 사용자 이름이 아님", "'{text}': not a user name"),
        ["inv.limit-needs-inventory"] = ("--limit에는 --inventory가 필요함", "--limit needs --inventory"),
        ["inv.option"] = ("{option} {problem}", "{option} {problem}"),
        ["inv.at-line"] = ("{source}:{line}: {problem}", "{source}:{line}: {problem}"),
        ["inv.ini.section-bracket"] = ("구역 줄에 ']'가 없음", "section line without ']'"),
        ["inv.ini.unknown-section"] = ("알 수 없는 구역 [{header}]", "unknown section [{header}]"),
        ["inv.ini.unclosed-quote"] = ("따옴표가 닫히지 않음", "unclosed quote"),
        ["inv.ini.empty-entry"] = ("빈 항목", "empty entry"),
        ["inv.ini.not-key-value"] = ("'{text}'이(가) '이름=값' 형식이 아님", "'{text}' is not key=value"),
        ["inv.ini.bad-range"] = ("호스트 범위 '{name}'은(는) 숫자로 된 [시작:끝]이어야 함", "host range '{name}' must be [FROM:TO] with numbers"),
        ["inv.limit-none"] = ("{source}: --limit '{limit}'에 해당하는 호스트나 그룹이 이 인벤토리에 없음", "{source}: --limit '{limit}' names no host or group of this inventory"),
        ["inv.bad-port"] = ("{source}: 호스트 '{name}': 'ansible_port' 값 '{port}'은(는) 포트 번호가 아님", "{source}: host '{name}': ansible_port '{port}' is not a port number"),
        ["inv.bad-address"] = ("{source}: 호스트 '{name}': '{address}'은(는) 호스트 이름이나 주소가 아님", "{source}: host '{name}': '{address}' is not a host name or address"),
        ["inv.bad-user"] = ("{source}: 호스트 '{name}': 'ansible_user' 값 '{user}'은(는) 사용자 이름이 아님", "{source}: host '{name}': ansible_user '{user}' is not a user name"),
        ["inv.cannot-read"] = ("{path}: 인벤토리를 읽을 수 없음: \"{cause}\"", "{path}: cannot read the inventory: {cause}"),
        ["inv.yaml.invalid"] = ("올바른 YAML이 아님: \"{cause}\"", "not valid YAML: {cause}"),
        ["inv.yaml.top-level"] = ("최상위는 그룹의 맵이어야 함 (예: 'all:')", "the top level must be a map of groups (e.g. 'all:')"),
        ["inv.yaml.too-deep"] = ("그룹이 너무 깊이 중첩됨", "groups nested too deep"),
        ["inv.yaml.group-map"] = ("그룹 '{name}'은(는) 'hosts', 'vars', 'children'의 맵이어야 함", "group '{name}' must be a map (hosts, vars, children)"),
        ["inv.yaml.hosts-map"] = ("'{name}.hosts'는 호스트 이름의 맵이어야 함", "'{name}.hosts' must be a map of host names"),
        ["inv.yaml.children-map"] = ("'{name}.children'은 그룹의 맵이어야 함", "'{name}.children' must be a map of groups"),
        ["inv.yaml.unknown-key"] = ("그룹 '{name}'에 '{key}'이(가) 있음; 'hosts', 'vars', 'children' 중 하나여야 함", "group '{name}' has '{key}'; expected hosts, vars or children"),
        ["inv.yaml.vars-map"] = ("변수는 '이름: 값'의 맵이어야 함", "variables must be a map of name: value"),
        ["inv.yaml.name"] = ("여기에는 이름이 와야 함", "expected a name here"),
        ["ssh.key.unusable"] = ("{path}: 이 키를 사용할 수 없음: \"{cause}\"", "{path}: cannot use this key: {cause}"),
        ["ssh.key.needs-passphrase"] = ("{path}: 이 키를 사용할 수 없음: \"{cause}\" (MTA_AUDIT_SSH_KEY_PASSPHRASE 설정 필요)", "{path}: cannot use this key: {cause} (set MTA_AUDIT_SSH_KEY_PASSPHRASE)"),
        ["ssh.key.not-used"] = ("{problem}; 사용하지 않음", "{problem}; not used"),
        ["ssh.agent.no-answer"] = ("ssh-agent {socket}: {seconds}초 안에 응답이 없음", "ssh-agent {socket}: no answer within {seconds} s"),
        ["ssh.agent.cannot-connect"] = ("ssh-agent {socket}: 연결할 수 없음: \"{cause}\"", "ssh-agent {socket}: cannot connect: {cause}"),
        ["ssh.agent.refused"] = ("ssh-agent {socket}이(가) 서명을 거부함 (키가 제거되었거나 확인이 거부됨)", "ssh-agent {socket} refused to sign (key removed, or confirmation denied)"),
        ["ssh.agent.without"] = ("{problem}; 에이전트 없이 진행함", "{problem}; going on without the agent"),
        ["ssh.no-credentials-but-agent"] = ("{problem}; 키 파일과 암호도 없음 (--identity FILE 또는 --password-prompt / MTA_AUDIT_SSH_PASSWORD를 줄 것)", "{problem}; no key file and no password either (give --identity FILE, or --password-prompt / MTA_AUDIT_SSH_PASSWORD)"),
        ["ssh.no-credentials"] = ("SSH 키와 암호가 없음: --identity FILE을 주거나 (~/.ssh/id_ed25519, id_ecdsa, id_rsa 또는 SSH_AUTH_SOCK의 ssh-agent도 됨) --password-prompt / MTA_AUDIT_SSH_PASSWORD를 줄 것", "no SSH key and no password: give --identity FILE (or have ~/.ssh/id_ed25519, id_ecdsa or id_rsa, or an ssh-agent in SSH_AUTH_SOCK), or --password-prompt / MTA_AUDIT_SSH_PASSWORD"),
        // Why a host of a fleet scan has no complete bundle (Collect/Ssh): stored coded, worded when the report is written.
        // {where} is the target as given, {cause} a quoted cause from SSH.NET or .NET, {stderr} the target's own words.
        ["ssh.fail.key-unknown"] = ("{where}이(가) 제시한 {type} 키 {fp}는 {path}에 없어 거부함 (키를 확인한 뒤 추가하거나 --accept-new-host-keys 사용)", "{where} offered {type} key {fp}, which {path} does not list; refused (check it, then add it, or use --accept-new-host-keys)"),
        ["ssh.fail.key-changed"] = ("{where}이(가) 제시한 {type} 키 {fp}가 {path} {line}번째 줄의 키와 달라 거부함 (중간자 공격 가능성 또는 호스트 재설치)", "{where} offered {type} key {fp}, which differs from {path} line {line}; refused (possible man-in-the-middle, or the host was reinstalled)"),
        ["ssh.fail.key-revoked"] = ("{where}이(가) 제시한 {type} 키 {fp}는 {path} {line}번째 줄에 @revoked로 표시되어 거부함", "{where} offered {type} key {fp}, which {path} line {line} marks @revoked; refused"),
        ["ssh.fail.cancelled"] = ("접속 전에 중지됨", "stopped before connecting"),
        ["ssh.fail.connect-timeout"] = ("{where}: {seconds}초 안에 SSH 세션을 열지 못함 (접속 시간 초과)", "{where}: no SSH session within {seconds} s (connect timeout)"),
        ["ssh.fail.connect-total-timeout"] = ("{where}: 접속 중 전체 제한 시간 {seconds}초를 넘음", "{where}: passed the total time limit of {seconds} s while connecting"),
        ["ssh.fail.auth"] = ("{where}: '{user}' 계정 인증 실패: \"{cause}\"{more}", "{where}: authentication as '{user}' failed: {cause}{more}"),
        ["ssh.fail.nothing-offered"] = (" (제시한 키 없음: {socket}의 ssh-agent에 키가 없음)", " (no key was offered: the ssh-agent at {socket} holds none)"),
        ["ssh.fail.refused"] = ("{where}: 연결 거부됨 ({port}번 포트에서 대기하는 서비스 없음)", "{where}: connection refused (nothing listens on port {port})"),
        ["ssh.fail.tcp-timeout"] = ("{where}: TCP 연결 시간 초과", "{where}: TCP connect timed out"),
        ["ssh.fail.socket"] = ("{where}: 네트워크 오류 {code}: \"{cause}\"", "{where}: {code}: {cause}"),
        ["ssh.fail.no-common-algorithm"] = ("{where}: 공통 알고리즘 없음: \"{cause}\"{hint}", "{where}: {cause}{hint}"),
        ["ssh.fail.legacy-hint"] = ("; 오래된 sshd(Solaris, AIX, HP-UX)는 --legacy-algorithms(SHA-1, CBC)가 필요할 수 있음", "; an old sshd (Solaris, AIX, HP-UX) may need --legacy-algorithms (SHA-1, CBC)"),
        ["ssh.fail.session-ended"] = ("{where}: 서버가 SSH 세션을 끊음: \"{cause}\"", "{where}: the server ended the SSH session: {cause}"),
        ["ssh.fail.negotiation"] = ("{where}: SSH 협상 실패: \"{cause}\"", "{where}: SSH negotiation failed: {cause}"),
        ["ssh.fail.other"] = ("{where}: 오류: \"{type}: {cause}\"", "{where}: {type}: {cause}"),
        ["ssh.fail.cannot-start"] = ("{where}: 명령을 시작할 수 없음: \"{cause}\"", "{where}: could not start a command: {cause}"),
        ["ssh.fail.output-cut"] = ("{where}: 수집 스크립트 출력이 제한 {mib} MiB를 넘어 잘림; 증거가 불완전함", "{where}: the collector's output passed the cap of {mib} MiB and was cut there; the evidence is partial"),
        ["ssh.fail.interrupted"] = ("{where}: {seconds}초 후 중단됨", "{where}: stopped (interrupted) after {seconds} s"),
        ["ssh.fail.total-limit"] = ("전체 제한 시간 {seconds}초", "total time limit of {seconds} s"),
        ["ssh.fail.command-limit"] = ("명령 제한 시간 {seconds}초", "command time limit of {seconds} s"),
        ["ssh.fail.collector-timeout"] = ("{where}: 수집 스크립트가 {which}을(를) 넘음; 증거가 불완전함", "{where}: the collector passed its {which}; the evidence is partial"),
        ["ssh.fail.sudo-refused"] = ("{where}: '{user}' 계정의 sudo가 거부됨: \"{stderr}\"", "{where}: sudo refused as '{user}': {stderr}"),
        ["ssh.fail.exit-status"] = ("종료 상태 {rc}", "exit status {rc}"),
        ["ssh.fail.exit-unknown"] = ("종료 상태 알 수 없음", "exit status unknown"),
        ["ssh.fail.no-bundle"] = ("{where}: 수집 스크립트가 번들을 출력하지 않음 ({why}){stderr}{sent}", "{where}: the collector printed no bundle ({why}){stderr}{sent}"),
        ["ssh.fail.stderr"] = (": \"{text}\"", ": {text}"),
        ["ssh.fail.not-sent"] = ("; 스크립트를 보내지 못함", "; the script was not sent"),
        ["ssh.fail.jump"] = ("경유 호스트 {jump}: {problem}", "jump host {jump}: {problem}"),
        ["ssh.fail.jump-forward"] = ("경유 호스트 {jump}: {where}(으)로 전달할 수 없음: \"{cause}\"", "jump host {jump}: cannot forward to {where}: {cause}"),
        ["quote"] = ("\"{text}\"", "{text}"),
        // A host's line of 수집 오류 in a fleet report ({kind} is the failure's stable name: refused, timeout, …).
        ["fleet.error"] = ("'{kind}': {problem}", "{kind}: {problem}"),
        ["fleet.error-partial"] = ("'{kind}': 수집이 정상적으로 끝나지 않아 증거가 불완전함", "{kind}: the collection did not end cleanly; the evidence is partial"),
        ["fleet.not-finished"] = ("이 호스트를 마치기 전에 실행이 멈춤 (--resume으로 이어 감)", "the run stopped before this host finished (--resume continues it)"),
        ["fleet.no-bundle"] = ("증거 번들을 받지 못함", "no evidence bundle came back"),
        ["stored.plain"] = ("기록된 내용: \"{text}\"", "{text}"),
        // What reading the evidence noticed (Evidence/BundleReader.cs, Parse): a host's 수집 오류.
        ["problem.bundle-cut"] = ("증거 번들이 중간에 끊김 (마지막 줄 없음): 빠진 정보를 '설치되지 않음'으로 보지 않음", "the evidence bundle was cut short (no closing line); missing evidence is not read as 'not installed'"),
        ["problem.probe-cut"] = ("{line}번째 줄: 수집 항목 {probe}의 출력이 수집 스크립트의 크기 제한에서 잘려 일부만 있음", "line {line}: the output of probe {probe} was cut at the collector's size cap; it is partial"),
        ["problem.parser-failed"] = ("{line}번째 줄: 수집 항목 {probe}을(를) 읽을 수 없음: \"{type}: {cause}\"", "line {line}: could not read probe {probe}: {type}: {cause}"),
        ["problem.skipped"] = ("MTA_AUDIT_SKIP로 건너뛴 수집 항목 (해당 정보 확인 불가): {probes}", "probes skipped by MTA_AUDIT_SKIP (their facts are unknown): {probes}"),
        ["problem.updates-check-failed"] = ("{probe} ({path})이(가) 상태 {rc}(으)로 끝남: 대기 중인 업데이트를 알 수 없음", "{probe} ({path}) exited {rc}: pending updates may be unknown"),
        ["bundle.err.no-magic"] = ("번들은 '{magic}'(으)로 시작해야 하나 '{found}'이(가) 있음", "expected '{magic}' to start a bundle, found '{found}'"),
        ["bundle.err.header-unended"] = ("번들 머리말이 다음 번들 전까지 끝나지 않음 (빈 줄 없음)", "bundle header never ended (no empty line) before the next bundle"),
        ["bundle.err.header-eof"] = ("번들 머리말 도중에 입력이 끝남", "stream ended inside the bundle header"),
        ["bundle.err.header-line"] = ("머리말 줄이 '이름: 값' 형식이 아님: '{found}'", "header line is not 'key: value': '{found}'"),
        ["bundle.err.no-boundary"] = ("번들 머리말에 'boundary:' 줄이 없음", "bundle header has no 'boundary:' line"),
        ["bundle.err.bad-boundary"] = ("경계 문자열 '{boundary}'은(는) A-Z a-z 0-9 . _ - 로 된 8~70자여야 함", "boundary '{boundary}' must be 8 to 70 characters of A-Z a-z 0-9 . _ -"),
        ["bundle.bad-attribute"] = ("{line}번째 줄: 속성 '{token}'이(가) '이름=값' 형식이 아니어서 무시함", "line {line}: attribute '{token}' is not key=value; ignored"),
        ["bundle.no-probe"] = ("{line}번째 줄: 'probe='가 없는 구역은 무시함", "line {line}: section without probe= ignored"),
        ["bundle.text-before"] = ("첫 구역 앞의 내용은 무시함", "text before the first section ignored"),
        ["bundle.line-cut"] = ("{line}번째 줄: 수집 항목 {probe}의 한 줄이 {max}바이트를 넘어 잘림", "line {line}: a line of probe {probe} was longer than {max} bytes and was cut"),
        ["bundle.no-rc"] = ("{line}번째 줄: 구역에 'rc='가 없어 결과를 알 수 없음", "line {line}: section has no rc=; its outcome is unknown"),
        ["bundle.bad-rc"] = ("{line}번째 줄: 종료 코드 '{rc}'은(는) 숫자, 'absent', 'timeout', 'skipped' 중 하나가 아님", "line {line}: rc='{rc}' is not a number, 'absent', 'timeout' or 'skipped'"),
        ["bundle.ends-inside"] = ("{line}번째 줄: 번들이 수집 항목 {probe} 도중에 끝나 출력이 일부만 있음", "line {line}: the bundle ends inside probe {probe}; its output is partial"),
    };
}
