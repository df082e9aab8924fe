#!/usr/bin/env bash
# analyze-vs-main.sh [COUNT] [RUNS] [FORMAT...]: `mta-audit analyze` of this branch against main's (the
# baseline) on the same corpus in the same run: this branch's fixture bundles repeated to COUNT bundles
# (default 3000) with distinct host names; median of RUNS (default 3), the two binaries alternately
# (base, new, base, new, ...) so a change in the machine's load hits both. FORMAT: json (default), text, ...
#   AOT=1          both as Native AOT binaries (dotnet publish -p:PublishAot=true), as users run them;
#                  default: both JIT Release builds.
#   BASE_BIN=path NEW_BIN=path   already built binaries (no build); BASE_BIN e.g. main's AOT from
#                  `git archive main` built in /tmp.
# Prints wall seconds, user+sys CPU seconds, bundles per second (by wall and by CPU: one core) and peak RSS.
set -euo pipefail
count=${1:-3000}
runs=${2:-3}
shift $(( $# > 2 ? 2 : $# ))
formats=("$@"); [ ${#formats[@]} -gt 0 ] || formats=(json)
here="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

build() { # DIR OUT: the CLI of the tree in DIR, built to OUT
  if [ "${AOT:-0}" = 1 ]; then
    dotnet publish "$1/src/MtaAudit.Cli/MtaAudit.Cli.csproj" -c Release -r linux-x64 -p:PublishAot=true -p:SelfContained=true \
      -o "$2" --nologo -v q >/dev/null
  else
    dotnet build "$1/src/MtaAudit.Cli" -c Release -v q --nologo -o "$2" >/dev/null
  fi
}
base=${BASE_BIN:-}
new=${NEW_BIN:-}
if [ -z "$base" ]; then
  git -C "$here" archive main | tar -x -C "$work" --one-top-level=main
  build "$work/main" "$work/main-bin"; base="$work/main-bin/mta-audit"
fi
if [ -z "$new" ]; then build "$here" "$work/new-bin"; new="$work/new-bin/mta-audit"; fi

mapfile -t sources < <(find "$here/tests/MtaAudit.Tests/Fixtures" -name '*.evidence' | sort)
awk -v count="$count" 'FNR == 1 { n++ } { text[n] = text[n] $0 "\n" }
  END { for (i = 0; i < count; i++) { b = text[(i % n) + 1]; sub(/\nhost: [^\n]*/, "\nhost: bench-" i, b); printf "%s", b } }' \
  "${sources[@]}" > "$work/all.evidence"
mib=$(( $(stat -c %s "$work/all.evidence") / 1024 / 1024 ))

one() { # BIN FORMAT -> "wall cpu rss_kib"
  /usr/bin/time -f '%e %U %S %M' -o "$work/t" "$1" analyze --format "$2" "$work/all.evidence" > /dev/null 2>&1 || true
  tail -n 1 "$work/t" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

echo "corpus: $count bundles from ${#sources[@]} fixture bundles, $mib MiB; median of $runs runs, alternately; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| analyze --format | binary | wall s | CPU s | bundles/s (wall) | bundles/s (CPU) | peak RSS MiB |"
echo "|---|---|---|---|---|---|---|"
for f in "${formats[@]}"; do
  : > "$work/base.$f"; : > "$work/new.$f"
  for _ in $(seq "$runs"); do one "$base" "$f" >> "$work/base.$f"; one "$new" "$f" >> "$work/new.$f"; done
  for who in base new; do
    w=$(cut -d' ' -f1 "$work/$who.$f" | median); c=$(cut -d' ' -f2 "$work/$who.$f" | median); r=$(cut -d' ' -f3 "$work/$who.$f" | median)
    label=$([ "$who" = base ] && echo "main (baseline)" || echo "this branch")
    awk -v f="$f" -v l="$label" -v w="$w" -v c="$c" -v r="$r" -v n="$count" \
      'BEGIN { printf("| %s | %s | %.2f | %.2f | %.0f | %.0f | %.0f |\n", f, l, w, c, n / w, n / c, r / 1024) }'
  done
done
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
