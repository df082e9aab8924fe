#!/bin/sh
# bench/huge-section.sh [MIB...]: `analyze` of one bundle whose proc.list section is MIB MiB (default
# 256 512 1024 2048), peak RSS and wall time from /usr/bin/time -v. The bundle is generated in /tmp
# (lines of a real-looking ps row) and deleted afterwards. BIN= the binary (default the AOT build).
# A section past BundleReader.MaxSectionBytes (64 MiB) is read past, not kept: memory stays flat and
# time grows linearly with the input.
set -eu
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/bin/mta-audit}
[ -x "$BIN" ] || BIN=src/MtaAudit.Cli/bin/Release/net10.0/mta-audit
[ -x "$BIN" ] || { echo "no binary (run ./mta-audit once, build -c Release, or set BIN=)" >&2; exit 3; }
echo "binary: $BIN"
[ $# -gt 0 ] || set -- 256 512 1024 2048
F=$(mktemp /tmp/huge-section.XXXXXX)
trap 'rm -f "$F"' 0 1 2 15
printf '%-6s %10s %12s %10s %s\n' MiB "wall s" "peak RSS MiB" "MiB/s" "exit"
for mib in "$@"; do
  {
    printf 'MTA-AUDIT-EVIDENCE/1\nboundary: huge-section-0001\nhost: huge\ncollected-at: 2026-12-08T00:00:00Z\n\n'
    printf -- '--huge-section-0001 probe=os.uname rc=0 cmd=uname -a\nLinux huge 6.1.0-26-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.112-1 (2024-09-30) x86_64 GNU/Linux\n'
    printf -- '--huge-section-0001 probe=proc.list rc=0 cmd=ps -eo pid,ppid,user,args\n'
    yes '   4242       1 www-data /usr/sbin/apache2 -k start' | head -c $((mib * 1024 * 1024))
    printf '\n'
    printf -- '--huge-section-0001--\n'
  } > "$F"
  /usr/bin/time -v "$BIN" analyze --format json -o /dev/null "$F" 2> "$F.time" && rc=0 || rc=$?
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$F.time")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$F.time")
  rm -f "$F.time"
  printf '%-6s %10s %12s %10s %s\n' "$mib" "$wall" "$rss" "$(awk "BEGIN { printf \"%.0f\", $mib / $wall }")" "$rc"
done
