#!/usr/bin/env bash
# analyze-vs-main.sh [COUNT] [RUNS]: `mta-audit analyze` of this branch against main's (the baseline),
# both JIT builds (Release), on the same corpus in the same run: this branch's fixture bundles repeated
# to COUNT bundles (default 3000) with distinct host names; median of RUNS (default 3), alternately.
set -euo pipefail
count=${1:-3000}
runs=${2:-3}
here="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
git -C "$here" archive main | tar -x -C "$work" --one-top-level=main
dotnet build "$work/main/src/MtaAudit.Cli" -c Release -v q --nologo >/dev/null
dotnet build "$here/src/MtaAudit.Cli" -c Release -v q --nologo >/dev/null
base="$work/main/src/MtaAudit.Cli/bin/Release/net10.0/mta-audit"
new="$here/src/MtaAudit.Cli/bin/Release/net10.0/mta-audit"
mapfile -t sources < <(find "$here/tests/MtaAudit.Tests/Fixtures" -name '*.evidence' | sort)
awk -v count="$count" 'FNR == 1 { n++ } { text[n] = text[n] $0 "\n" }
  END { for (i = 0; i < count; i++) { b = text[(i % n) + 1]; sub(/\nhost: [^\n]*/, "\nhost: bench-" i, b); printf "%s", b } }' \
  "${sources[@]}" > "$work/all.evidence"
secs() { local s e; s=$(date +%s%N); "$1" analyze --format json "$work/all.evidence" > /dev/null 2>&1 || true; e=$(date +%s%N); echo "$(( (e - s) / 1000000 ))"; }
for i in $(seq "$runs"); do secs "$base" >> "$work/base"; secs "$new" >> "$work/new"; done
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
b=$(median < "$work/base"); n=$(median < "$work/new")
echo "| analyze --format json, $count bundles (${#sources[@]} fixtures), JIT, median of $runs | ms | vs main |"
echo "|---|---|---|"
echo "| main (baseline) | $b | 1.00x |"
awk -v b="$b" -v n="$n" 'BEGIN { printf "| this branch (evidence model, placement, strict vendor reading) | %d | %.2fx |\n", n, n / b }'
