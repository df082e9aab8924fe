#!/usr/bin/env bash
# A 10,000-host HTML report in Debian's headless Chromium: file size; time from navigation start
# until the table is drawn (measured inside the page: reading and parsing the file, the page's
# script), plain and with a filter from the URL fragment; the script's own share; and the whole
# browser run (start-up and DOM dump included), median of RUNS. Baseline in the same run: an empty
# page (the browser's own start-up and exit).
# Usage: bench/html-10k.sh [COUNT] [RUNS]     Writes its table to stdout; paste into BENCHMARKS.md.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
count=${1:-10000}
runs=${2:-5}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
command -v chromium >/dev/null || { echo "needs Debian's chromium (apt-get install chromium)" >&2; exit 1; }
"$here/mta-audit" --version >/dev/null

mapfile -t sources < <(find "$here/tests/MtaAudit.Tests/Fixtures" -name '*.evidence' | sort)
awk -v count="$count" '
  FNR == 1 { n++ } { text[n] = text[n] $0 "\n" }
  END { for (i = 0; i < count; i++) { b = text[(i % n) + 1]; sub(/\nhost: [^\n]*/, "\nhost: bench-" i, b); printf "%s", b } }' "${sources[@]}" > "$work/all.evidence"
"$here/mta-audit" analyze --format html -o "$work/report.html" "$work/all.evidence" || true
printf '<!DOCTYPE html><html><body><p>empty</p></body></html>' > "$work/empty.html"
size=$(stat -c %s "$work/report.html")

flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run)
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# label, url: prints label, median wall ms of the browser run, median in-page ms (script start to table drawn), rows shown
measure() {
  local label=$1 url=$2 walls=() inpage=() ready=() shown=""
  for _ in $(seq "$runs"); do
    local profile; profile=$(mktemp -d)
    local s e; s=$(date +%s%N)
    chromium "${flags[@]}" --user-data-dir="$profile" --dump-dom "$url" > "$work/dom" 2>/dev/null
    e=$(date +%s%N); rm -rf "$profile"
    walls+=($(( (e - s) / 1000000 )))
    inpage+=("$(grep -o 'data-render-ms="[0-9.]*"' "$work/dom" | head -n1 | tr -dc '0-9.' || true)")
    ready+=("$(grep -o 'data-ready-ms="[0-9.]*"' "$work/dom" | head -n1 | tr -dc '0-9.' || true)")
    shown=$(grep -o 'data-count="[0-9]*"' "$work/dom" | head -n1 | tr -dc '0-9' || true)
  done
  printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${ready[@]:-0}" | median)" "$(printf '%s\n' "${inpage[@]:-0}" | median)" "${shown:--}"
}

echo "report: $count hosts, $((size / 1024)) KiB ($size bytes); median of $runs runs"
printf 'what\tbrowser run ms\tnavigation to table drawn ms\tscript ms\trows matched\n'
measure "empty page (browser floor)" "file://$work/empty.html"
measure "open the report" "file://$work/report.html"
measure "open filtered (#q=bench-99)" "file://$work/report.html#q=bench-99"
measure "open filtered (#v=vulnerable&sort=host&dir=desc)" "file://$work/report.html#v=vulnerable&sort=host&dir=desc"
