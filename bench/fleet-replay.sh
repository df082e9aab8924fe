#!/usr/bin/env bash
# The scanner's own cost as the fleet grows, up to 10,000 hosts on this one machine:
#   mta-audit scan --inventory (Native AOT)   vs   xargs -P N ssh host sh -s < collect.sh (OpenSSH, the floor)
# Hosts: COUNT real sshd on 127.1.x.y:2261 (tests/sshd/fleet-sshd.sh, each its own host key). Each session
# reads the collector script sent to it, then answers with a real bundle captured from a Debian test host
# (tests/MtaAudit.Tests/Fixtures/testhosts, 15 to 35 KB, round robin): every host's answer keeps one size
# as the fleet grows, and the collectors' own work (seconds of CPU a host on these shared 2 cores in
# bench/fleet-vs-ansible.sh) is left out. What is measured is the scanner's side: SSH handshakes,
# sending the script, reading the answer, judging, storing, the report. The sshd processes still share
# the machine's 2 cores with the scanner.
# Reported per run: wall time, the scanner's own CPU per host (GNU time: user+sys of it and its waited-for
# children), peak memory (max RSS), the 1-minute load at the start. Tools alternate, ROUNDS times.
#
#   [MTA_AUDIT_BIN=path] [BASE_BIN=path] [ROUNDS=1] [FLOOR_MAX=1000] bench/fleet-replay.sh [FORKS] [COUNT...]
#   default: 50 forks; 50, 1000 and 10000 hosts. xargs+ssh runs at COUNT <= FLOOR_MAX (a process a host).
#   BASE_BIN: another mta-audit binary (e.g. main's) measured alongside, as "mta-audit-base".
# Needs root, openssh-server and GNU time (installed with apt when missing), 2 GB of memory at 10,000.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
forks=${1:-50}; [ $# -gt 0 ] && shift
if [ $# -gt 0 ]; then counts=("$@"); else counts=(50 1000 10000); fi
rounds=${ROUNDS:-1}
floor_max=${FLOOR_MAX:-1000}
port=2261

need=()
for p in openssh-server time; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
bin=${MTA_AUDIT_BIN:-}
if [ -z "$bin" ]; then "$here/mta-audit" --help >/dev/null; bin="$here/.build/bin/mta-audit"; fi

ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
max=0; for c in "${counts[@]}"; do if (( c > max )); then max=$c; fi; done
if (( max > 250 * 256 )); then echo "fleet replay: at most $((250 * 256)) hosts on 127.1.0.0/16" >&2; exit 2; fi
if (( $(ulimit -n) < forks * 4 + 64 )); then echo "fleet replay: ulimit -n $(ulimit -n) is too small for $forks forks" >&2; exit 2; fi

work=$(mktemp -d /tmp/mta-fleet-replay.XXXXXX)
cleanup() { "$here/tests/sshd/fleet-sshd.sh" down "$work/hosts" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
"$bin" collector > "$work/collect.sh"
echo "SetEnv SHLVL=1" > "$work/sshd-extra.conf"   # as in fleet-vs-ansible.sh: no root .bashrc in the sessions
export FLEET_SSHD_EXTRA="$work/sshd-extra.conf"
export FLEET_SSHD_REPLAY="$here/tests/MtaAudit.Tests/Fixtures/testhosts"

load1() { cut -d' ' -f1 /proc/loadavg; }

measure() {
  local name=$1 count=$2; shift 2
  local load; load=$(load1)
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/$name.out" 2>"$work/$name.err" || true
  read -r wall user sys rss < <(tail -n 1 "$work/time")
  awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v c="$count" -v l="$load" -v f="$work/rows" \
    'BEGIN { cpu = (u + s) * 1000 / c; printf "| %s | %d | %.1f | %.0f | %.0f | %s |\n", n, c, w, cpu, r / 1024, l
             printf "%s %d %s %s %s\n", n, c, w, cpu, r / 1024 >> f }'
}

scan_with() {
  local name=$1 bin=$2 count=$3
  rm -f "$work/store.sqlite"*
  measure "$name" "$count" "$bin" scan --inventory "$work/hosts.ini" --identity "$key" --known-hosts "$kh" \
    --forks "$forks" --store "$work/store.sqlite" --format json -o "$work/report.json"
  local got failed
  got=$(grep -c '"host": "h' "$work/report.json" || true)
  failed=$(grep -c ': failed: ' "$work/$name.err" || true)
  echo "$name: $got of $count hosts in the report, $failed failed" >&2
  [ "$failed" = 0 ] || grep ': failed: ' "$work/$name.err" | head -n 3 >&2
}
run_mta() { scan_with mta-audit "$bin" "$1"; }
run_base() { scan_with mta-audit-base "$BASE_BIN" "$1"; }

run_xargs() {
  local count=$1
  rm -rf "$work/xargs"; mkdir -p "$work/xargs"
  measure xargs+ssh "$count" sh -c "xargs -P $forks -I{} sh -c 'ssh -i $key -o UserKnownHostsFile=$kh -o StrictHostKeyChecking=yes -o BatchMode=yes -p $port root@{} sh -s < $work/collect.sh > $work/xargs/{}.evidence' < $work/addresses"
  local ok; ok=$(grep -l '^--mta-.*--$' "$work"/xargs/*.evidence 2>/dev/null | wc -l)
  [ "$ok" = "$count" ] || echo "xargs+ssh: $ok of $count bundles complete" >&2
  rm -rf "$work/xargs"
}

echo "forks $forks; $(nproc) cores; rounds $rounds; ulimit -n $(ulimit -n), -u $(ulimit -u); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "uptime before: $(uptime)"
: > "$work/rows"
for count in "${counts[@]}"; do
  "$here/tests/sshd/fleet-sshd.sh" down "$work/hosts" >/dev/null 2>&1 || true
  rm -rf "$work/hosts"
  started=$(date +%s)
  "$here/tests/sshd/fleet-sshd.sh" fleet "$work/hosts" "$count" "$port"
  cp "$work/hosts/hosts.ini" "$work/hosts.ini"
  key="$work/hosts/client_key"; kh="$work/hosts/known_hosts"
  cut -d@ -f2 "$work/hosts/hosts.txt" | cut -d: -f1 > "$work/addresses"
  tools=(mta); [ -n "${BASE_BIN:-}" ] && tools+=(base)
  if (( count <= floor_max )); then tools+=(xargs); fi
  echo
  echo "$count hosts: $count sshd up in $(( $(date +%s) - started )) s; tools: ${tools[*]}"
  echo
  echo "| tool | hosts | wall s | CPU ms/host | peak MiB | load 1-min at start |"
  echo "|---|---|---|---|---|---|"
  for round in $(seq "$rounds"); do
    for t in "${tools[@]}"; do "run_$t" "$count"; done
  done
done
echo
echo "Medians over $rounds rounds:"
echo
echo "| tool | hosts | wall s | hosts/s | CPU ms/host | peak MiB | wall vs xargs+ssh |"
echo "|---|---|---|---|---|---|---|"
awk '
  { k = $1 " " $2; n[k]++; w[k, n[k]] = $3; c[k, n[k]] = $4; r[k, n[k]] = $5; if (!(k in seen)) { seen[k] = 1; order[++m] = k } }
  function med(a, k, cnt,   i, j, t, v) { for (i = 1; i <= cnt; i++) v[i] = a[k, i]
      for (i = 1; i <= cnt; i++) for (j = i + 1; j <= cnt; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
      return cnt % 2 ? v[(cnt + 1) / 2] : (v[cnt / 2] + v[cnt / 2 + 1]) / 2 }
  END {
    for (i = 1; i <= m; i++) { k = order[i]; W[k] = med(w, k, n[k]) }
    for (i = 1; i <= m; i++) { k = order[i]; split(k, p, " "); fl = W["xargs+ssh " p[2]]
      printf("| %s | %s | %.1f | %.0f | %.0f | %.0f | %s |\n", p[1], p[2], W[k], p[2] / W[k], med(c, k, n[k]), med(r, k, n[k]), (fl > 0 ? sprintf("%.2fx", W[k] / fl) : "-")) } }' "$work/rows"
echo
echo "uptime after: $(uptime)"
