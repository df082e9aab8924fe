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
# Needs root, openssh-server, sqlite3 and GNU time (installed with apt when missing), 2 GB of memory at 10,000.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
forks=${1:-50}; [ $# -gt 0 ] && shift
if [ $# -gt 0 ]; then counts=("$@"); else counts=(50 1000 10000); fi
rounds=${ROUNDS:-1}
floor_max=${FLOOR_MAX:-1000}
port=2261

need=()
for p in openssh-server time sqlite3; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
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

. "$here/bench/fleet-common.sh"
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
medians "$rounds"
echo
echo "uptime after: $(uptime)"
