#!/usr/bin/env bash
# Measures `mta-audit analyze` on 10,000 concatenated bundles (bundles per second, peak memory),
# side by side with the floor of merely reading the same bytes (cat, grep) in the same run.
# Usage: bench/analyze-10k.sh [COUNT] [RUNS]     Writes its table to stdout; paste into BENCHMARKS.md.
# BASELINE=/path/to/older/mta-audit adds that binary's json and text rows (today's figures, same run).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
count=${1:-10000}
runs=${2:-5}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$here/mta-audit" --version >/dev/null   # build first, outside the timings

# The corpus: every bundle under the test fixtures, repeated with a distinct host name each time.
mapfile -t sources < <(find "$here/tests/MtaAudit.Tests/Fixtures" -name '*.evidence' | sort)
[ ${#sources[@]} -gt 0 ] || { echo "no *.evidence fixtures found" >&2; exit 1; }
all="$work/all.evidence"
# One awk pass: the sources are read once and written out round-robin until COUNT bundles.
awk -v count="$count" '
  FNR == 1 { n++ } { text[n] = text[n] $0 "\n" }
  END {
    for (i = 0; i < count; i++) {
      b = text[(i % n) + 1]
      sub(/\nhost: [^\n]*/, "\nhost: bench-" i, b)
      printf "%s", b
    }
  }' "${sources[@]}" > "$all"
bytes=$(stat -c %s "$all")

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_runs() { # label, command...
  local label=$1; shift
  local t=() rss=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/t" "$@" >/dev/null 2>&1 || true
    read -r secs kb < <(tail -n 1 "$work/t"); t+=("$secs"); rss+=("$kb")
  done
  local ms; ms=$(printf '%s\n' "${t[@]}" | median)
  local mem; mem=$(printf '%s\n' "${rss[@]}" | median)
  printf '%s\t%s\t%s\n' "$label" "$ms" "$mem"
}

echo "corpus: $count bundles from ${#sources[@]} fixture bundles, $((bytes / 1024 / 1024)) MiB; median of $runs runs"
printf 'what\tseconds\tpeak RSS KiB\n'
{
  time_runs "cat (read floor)" cat "$all"
  time_runs "grep -c magic (scan floor)" grep -c '^MTA-AUDIT-EVIDENCE/1' "$all"
  if [ -n "${BASELINE:-}" ]; then
    time_runs "baseline analyze --format json" "$BASELINE" analyze --format json "$all"
    time_runs "baseline analyze --format text" "$BASELINE" analyze --format text "$all"
  fi
  for f in json text csv html; do
    time_runs "mta-audit analyze --format $f" "$here/mta-audit" analyze --format "$f" "$all"
  done
  time_runs "mta-audit analyze --format xlsx" "$here/mta-audit" analyze --format xlsx -o "$work/out.xlsx" "$all"
} | tee "$work/rows"
awk -F'\t' -v n="$count" '/analyze --format/ { if ($2 > 0) printf "bundles per second (%s): %.0f\n", $1, n / $2 }' "$work/rows"
