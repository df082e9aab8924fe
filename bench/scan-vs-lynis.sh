#!/usr/bin/env bash
# mta-audit scan (Native AOT) against Lynis's mail tests, side by side in one run, inside one
# booted test host (default deb12-postfix; any name from tests/hosts/hosts.tsv):
#   - wall time of `mta-audit scan --format json` and of
#     `lynis audit system --tests "MAIL-8802 MAIL-8814 MAIL-8818 MAIL-8880"` (Debian's lynis, copied in),
#     each timed inside the host (no nsenter cost), median of RUNS;
#   - the floor: each probe's own wall time, run one at a time (MTA_AUDIT_TIMINGS=1 MTA_AUDIT_JOBS=1), summed;
#   - what each reports.
# Usage (root, after ./run-tests or tests/hosts/build.sh): bench/scan-vs-lynis.sh [HOST] [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
host=${1:-deb12-postfix}
runs=${2:-7}
hosts="$here/tests/hosts"
command -v lynis >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq lynis >/dev/null; }
"$here/mta-audit" --version >/dev/null
bin="$here/.build/bin/mta-audit"

started=no
if ! "$hosts/exec.sh" "$host" true 2>/dev/null; then "$hosts/up.sh" "$host" >/dev/null; started=yes; fi
trap '[ "$started" = yes ] && "$hosts/down.sh" "$host" >/dev/null 2>&1' EXIT

# Into the host's volatile overlay: the AOT binary and Debian's lynis (shell scripts and data).
"$hosts/exec.sh" "$host" sh -c 'cat > /tmp/mta-audit && chmod 755 /tmp/mta-audit' < "$bin"
tar -C / -cf - usr/sbin/lynis usr/share/lynis etc/lynis | "$hosts/exec.sh" "$host" tar -C / -xf -

inside() { "$hosts/exec.sh" "$host" sh -c "$1"; }
# Wall time in ms of a shell command run inside the host.
timed() { inside "s=\$(date +%s%N); $1 >/dev/null 2>&1; e=\$(date +%s%N); echo \$(( (e - s) / 1000000 ))"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

scan_ms=(); lynis_ms=(); floor_ms=()
for _ in $(seq "$runs"); do
  scan_ms+=("$(timed '/tmp/mta-audit scan --format json')")
  lynis_ms+=("$(timed 'lynis audit system --tests "MAIL-8802 MAIL-8814 MAIL-8818 MAIL-8880" --no-colors --quick')")
  floor_ms+=("$("$here/mta-audit" collector | "$hosts/exec.sh" "$host" env MTA_AUDIT_TIMINGS=1 MTA_AUDIT_JOBS=1 sh -s \
     | grep -o ' ms=[0-9]*' | cut -d= -f2 | awk '{s+=$1} END {print s+0}')")
done
s=$(printf '%s\n' "${scan_ms[@]}" | median)
l=$(printf '%s\n' "${lynis_ms[@]}" | median)
f=$(printf '%s\n' "${floor_ms[@]}" | median)

echo "host: $host; median of $runs runs, milliseconds, timed inside the host"
printf '| what | ms | vs floor |\n|---|---|---|\n'
printf '| probe floor (sum of each probe'"'"'s own time) | %s | 1.00x |\n' "$f"
printf '| mta-audit scan --format json (AOT, whole U-45 answer) | %s | %s |\n' "$s" "$(awk -v a="$s" -v b="$f" 'BEGIN{printf "%.2fx", (b>0?a/b:0)}')"
printf '| lynis audit system --tests "MAIL-8802 MAIL-8814 MAIL-8818 MAIL-8880" | %s | %s |\n' "$l" "$(awk -v a="$l" -v b="$f" 'BEGIN{printf "%.2fx", (b>0?a/b:0)}')"
printf 'lynis / mta-audit: %s\n' "$(awk -v a="$l" -v b="$s" 'BEGIN{printf "%.1fx", (b>0?a/b:0)}')"

echo; echo "What mta-audit reports:"
inside '/tmp/mta-audit scan --lang en' | sed -n '/^== /,/^Summary/p' | grep -E '^==|^  \[|^      - (running|package)|^Summary' || true
echo; echo "What Lynis reports (its mail tests in /var/log/lynis.log and report.dat):"
inside 'grep -E "MAIL-88|Test: |Result: " /var/log/lynis.log | grep -iE "mail|exim|postfix|sendmail|smtpd|opensmtpd" | cut -c21- | head -20; grep -iE "^(mail|exim|postfix|sendmail|smtp)" /var/log/lynis-report.dat | head -10' || true
