#!/usr/bin/env bash
# same-output-as-main.sh: `mta-audit analyze` of this branch must print exactly what main's prints, byte for
# byte, for every fixture bundle alone and for all of them in one stream, in every format (json, text, csv,
# html; xlsx compared part by part, as the zip's timestamps differ), in English and Korean. A speed change must not change a report.
#   BASE_BIN=path NEW_BIN=path   the two binaries (e.g. main's Native AOT from `git archive main`, and this branch's)
# Exit 0 when all match; else names each difference and exits 1.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
base=${BASE_BIN:?BASE_BIN: the binary of main}
new=${NEW_BIN:?NEW_BIN: the binary of this branch}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mapfile -t sources < <(find "$here/tests/MtaAudit.Tests/Fixtures" -name '*.evidence' | sort)
[ ${#sources[@]} -gt 0 ] || { echo "no fixture bundles under $here/tests/MtaAudit.Tests/Fixtures" >&2; exit 1; }
cat "${sources[@]}" > "$work/all.evidence"
bad=0; n=0
run() { # BIN FORMAT INPUT OUT: stdout and exit code (stderr too: its warnings are output); $lang: en or ko
  local rc=0
  if [ "$2" = xlsx ]; then "$1" analyze --lang "$lang" --format xlsx -o "$4.xlsx" "$3" > "$4.out" 2> "$4.err" || rc=$?
    mkdir -p "$4.d" && (cd "$4.d" && unzip -q -o "$4.xlsx")
  else "$1" analyze --lang "$lang" --format "$2" "$3" > "$4.out" 2> "$4.err" || rc=$?; fi
  echo "$rc" > "$4.rc"
}
for input in "${sources[@]}" "$work/all.evidence"; do
  for f in json text csv html xlsx; do for lang in en ko; do
    n=$((n + 1))
    # Reports carry the time they were made (generatedAt): two runs a second apart differ there, so a
    # difference counts only when it is there again in a second pair of runs.
    for try in 1 2; do
      run "$base" "$f" "$input" "$work/b"; run "$new" "$f" "$input" "$work/n"
      same=1
      for x in out err rc; do cmp -s "$work/b.$x" "$work/n.$x" || same=0; done
      if [ "$f" = xlsx ]; then diff -r -q "$work/b.d" "$work/n.d" > /dev/null || same=0; rm -rf "$work/b.d" "$work/n.d"; fi
      [ "$same" = 0 ] || break
    done
    if [ "$same" = 0 ]; then
      bad=$((bad + 1)); echo "DIFFERENT: --format $f --lang $lang $(basename "$input")"
      for x in out err rc; do cmp -s "$work/b.$x" "$work/n.$x" || { diff "$work/b.$x" "$work/n.$x" | head -n 10 || true; }; done
    fi
  done; done
done
echo "$((n - bad)) of $n (bundle, format) pairs identical: ${#sources[@]} fixture bundles alone and all in one stream; json text csv html xlsx, --lang en and ko"
[ "$bad" = 0 ]
