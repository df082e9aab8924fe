#!/bin/bash
# collector-cost.sh [RUNS]: the collector's own wall time on this machine, the committed one against
# the one on main (the baseline, in the same run), median of RUNS (default 7), run alternately under dash.
# Shows what the evidence checks of issue 10 (proc.ns, unsafe-program checks, redaction) cost.
set -euo pipefail
runs=${1:-7}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$root" show main:src/MtaAudit.Core/Collect/collector.sh > "$tmp/base.sh"
cp "$root/src/MtaAudit.Core/Collect/collector.sh" "$tmp/new.sh"
time_ms() { local s e; s=$(date +%s%N); MTA_AUDIT_SKIP=pkg.updates dash "$1" > "$tmp/out" 2>/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for i in $(seq "$runs"); do time_ms "$tmp/base.sh" >> "$tmp/base.ms"; time_ms "$tmp/new.sh" >> "$tmp/new.ms"; done
b=$(median < "$tmp/base.ms"); n=$(median < "$tmp/new.ms")
procs=$(ps -e --no-headers | wc -l)
echo "| collector (this machine, $procs processes, dash, median of $runs) | ms | vs main |"
echo "|---|---|---|"
echo "| main (baseline) | $b | 1.00x |"
awk -v b="$b" -v n="$n" 'BEGIN { printf "| this branch (proc.ns, unsafe checks, redaction) | %d | %.2fx |\n", n, n / b }'
