#!/usr/bin/env bash
# mta-audit fix --apply / --undo (Native AOT) against the bare systemctl commands that do the same,
# side by side in one run, inside one booted test host (default deb12-postfix, Postfix running):
#   - baseline: `systemctl disable postfix.service; systemctl stop postfix.service postfix@-.service`, then
#     `systemctl enable postfix.service; systemctl start postfix.service` (what a person would type);
#   - `mta-audit fix --unused postfix --apply` (collect, plan, check each step before and after, journal
#     with fsync, a fresh collection to verify) and `mta-audit fix --undo JOURNAL`;
#   - `mta-audit scan --format json`, i.e. one collection, to show where the time goes.
# Each timed inside the host (no nsenter cost), median of RUNS. The host boots with --volatile=overlay, and
# every run ends with the service back on, so nothing is left behind.
# Usage (root, after ./run-tests or tests/hosts/build.sh): bench/fix-vs-systemctl.sh [HOST] [RUNS]
# MTA_AUDIT_BIN=/path/to/mta-audit uses that AOT binary instead of building .build/bin/mta-audit.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
host=${1:-deb12-postfix}
runs=${2:-5}
hosts="$here/tests/hosts"
bin=${MTA_AUDIT_BIN:-}
if [ -z "$bin" ]; then "$here/mta-audit" --version >/dev/null; bin="$here/.build/bin/mta-audit"; fi

started=no
if ! "$hosts/exec.sh" "$host" true 2>/dev/null; then "$hosts/up.sh" "$host" >/dev/null; started=yes; fi
trap '[ "$started" = yes ] && "$hosts/down.sh" "$host" >/dev/null 2>&1' EXIT
"$hosts/exec.sh" "$host" sh -c 'cat > /tmp/mta-audit && chmod 755 /tmp/mta-audit' < "$bin"

inside() { "$hosts/exec.sh" "$host" sh -c "$1"; }
timed() { inside "s=\$(date +%s%N); $1 >/dev/null 2>&1; e=\$(date +%s%N); echo \$(( (e - s) / 1000000 ))"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

off=(); on=(); apply=(); undo=(); scan=()
for i in $(seq "$runs"); do
  off+=("$(timed 'systemctl disable postfix.service && systemctl stop postfix.service postfix@-.service')")
  on+=("$(timed 'systemctl enable postfix.service && systemctl start postfix.service')")
  apply+=("$(timed "/tmp/mta-audit fix --unused postfix --apply --journal /tmp/bench-$i.journal")")
  undo+=("$(timed "/tmp/mta-audit fix --undo /tmp/bench-$i.journal")")
  scan+=("$(timed '/tmp/mta-audit scan --format json')")
done
inside 'systemctl is-active postfix.service postfix@-.service; systemctl is-enabled postfix.service' | tr '\n' ' '; echo "(state after the runs)"
o=$(printf '%s\n' "${off[@]}" | median); n=$(printf '%s\n' "${on[@]}" | median)
a=$(printf '%s\n' "${apply[@]}" | median); u=$(printf '%s\n' "${undo[@]}" | median)
c=$(printf '%s\n' "${scan[@]}" | median)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2fx", (b>0?a/b:0)}'; }

echo "host: $host; median of $runs runs, milliseconds, timed inside the host"
printf '| what | ms | vs its systemctl baseline |\n|---|---|---|\n'
printf '| systemctl disable + stop (baseline: off) | %s | 1.00x |\n' "$o"
printf '| mta-audit fix --unused postfix --apply (2 collections, 4 steps checked, journal) | %s | %s |\n' "$a" "$(ratio "$a" "$o")"
printf '| systemctl enable + start (baseline: back on) | %s | 1.00x |\n' "$n"
printf '| mta-audit fix --undo JOURNAL | %s | %s |\n' "$u" "$(ratio "$u" "$n")"
printf '| one collection (mta-audit scan --format json) | %s | |\n' "$c"
