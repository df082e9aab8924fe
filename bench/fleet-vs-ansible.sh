#!/usr/bin/env bash
# Fleet scan speed, in one run, on the same sshd hosts at the same concurrency:
#   mta-audit scan --inventory (SSH.NET, Native AOT)   vs
#   ansible all -m script -a collect.sh                 (Debian's ansible; the usual way)   vs
#   xargs -P N ssh host sh -s < collect.sh              (OpenSSH client, one process a host: the transport floor)
# Hosts: COUNT sshd processes on 127.1.x.y:2260 (tests/sshd/fleet-sshd.sh), each its own host key.
# Reported per run: wall time, the scanner's own CPU (user+sys of it and the children it waits for,
# not sshd's nor the collectors') per host, peak memory (GNU time's max RSS: the largest single
# process) and the 1-minute load average when the run started. The tools run alternately, ROUNDS
# times (A B C A B C ...), so a change in the machine's load hits each of them; the summary row of a
# tool is the median of its rounds.
#
#   [MTA_AUDIT_BIN=path] [BASE_BIN=path] [PIDNS=1] [ROUNDS=2] [ANSIBLE_ROUNDS=ROUNDS] [ANSIBLE_MAX=200] \
#     bench/fleet-vs-ansible.sh [FORKS] [COUNT...]
#   default: 50 forks, 50 and 200 hosts. Ansible runs only at COUNT <= ANSIBLE_MAX (it takes minutes
#   a round at 200 hosts on 2 cores; at 1,000 it is skipped and the output says so).
#   BASE_BIN: another mta-audit binary (e.g. main's) measured alongside, as "mta-audit-base".
#   PIDNS=1: each sshd host in its own PID namespace (tests/sshd/fleet-sshd.sh FLEET_SSHD_PIDNS), so a
#   host's collector sees its own processes only and bundles keep one size as the fleet grows.
# Needs root, openssh-server, ansible, sqlite3 and GNU time (installed with apt when missing).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
forks=${1:-50}; [ $# -gt 0 ] && shift
if [ $# -gt 0 ]; then counts=("$@"); else counts=(50 200); fi
rounds=${ROUNDS:-2}
ansible_rounds=${ANSIBLE_ROUNDS:-$rounds}
ansible_max=${ANSIBLE_MAX:-200}
port=2260

need=()
for p in openssh-server ansible time sqlite3; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# MTA_AUDIT_BIN: an already built binary (e.g. from dotnet publish -p:PublishAot=true); else ./mta-audit builds one.
bin=${MTA_AUDIT_BIN:-}
if [ -z "$bin" ]; then "$here/mta-audit" --help >/dev/null; bin="$here/.build/bin/mta-audit"; fi

# Limits that 1,000 hosts meet: every sshd listener holds a few descriptors and each scanner
# connection one socket; one process a host for xargs+ssh. Raise the soft limit to the hard one.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
max=0; for c in "${counts[@]}"; do if (( c > max )); then max=$c; fi; done
if (( max > 250 * 256 )); then echo "fleet bench: at most $((250 * 256)) hosts on 127.1.0.0/16" >&2; exit 2; fi
if (( $(ulimit -n) < forks * 4 + 64 )); then echo "fleet bench: ulimit -n $(ulimit -n) is too small for $forks forks" >&2; exit 2; fi
if (( $(ulimit -u) != 0 )) && [ "$(ulimit -u)" != unlimited ] && (( $(ulimit -u) < max + forks * 3 + 200 )); then
  echo "fleet bench: ulimit -u $(ulimit -u) is too small for $max sshd and $forks clients" >&2; exit 2
fi

work=$(mktemp -d /tmp/mta-fleet-bench.XXXXXX)
cleanup() { "$here/tests/sshd/fleet-sshd.sh" down "$work/hosts" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
"$bin" collector > "$work/collect.sh"
# WHY: Debian's bash sources ~/.bashrc when sshd starts it (SSH_CLIENT set, SHLVL < 2), so every
# session would run whatever root's .bashrc runs on this machine (here pyenv init, whose rehash waits
# up to 60 s for a lock when sessions overlap): that measures .bashrc, not the transport. SHLVL=1 from
# sshd makes the session's bash SHLVL 2, which skips it; a server's plain login shell does the same.
echo "SetEnv SHLVL=1" > "$work/sshd-extra.conf"
export FLEET_SSHD_EXTRA="$work/sshd-extra.conf"
[ "${PIDNS:-0}" = 1 ] && export FLEET_SSHD_PIDNS=1

. "$here/bench/fleet-common.sh"

run_ansible() {
  local count=$1
  export ANSIBLE_HOST_KEY_CHECKING=True ANSIBLE_STDOUT_CALLBACK=oneline ANSIBLE_PYTHON_INTERPRETER=auto_silent
  export ANSIBLE_SSH_ARGS="-o UserKnownHostsFile=$kh -o StrictHostKeyChecking=yes -o ControlMaster=auto -o ControlPersist=60s"
  measure ansible "$count" ansible all -i "$work/hosts.ini" -m script -a "$work/collect.sh" -f "$forks" --private-key "$key"
  local ok; ok=$(grep -c 'CHANGED\|SUCCESS' "$work/ansible.out" || true)
  [ "$ok" = "$count" ] || echo "ansible: $ok of $count hosts succeeded" >&2
}

echo "forks $forks; $(nproc) cores; rounds $rounds; PID namespace a host: ${PIDNS:-0}; ulimit -n $(ulimit -n), -u $(ulimit -u); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "uptime before: $(uptime)"
: > "$work/rows"
for count in "${counts[@]}"; do
  "$here/tests/sshd/fleet-sshd.sh" down "$work/hosts" >/dev/null 2>&1 || true
  rm -rf "$work/hosts"
  "$here/tests/sshd/fleet-sshd.sh" fleet "$work/hosts" "$count" "$port"
  cp "$work/hosts/hosts.ini" "$work/hosts.ini"
  key="$work/hosts/client_key"; kh="$work/hosts/known_hosts"
  cut -d@ -f2 "$work/hosts/hosts.txt" | cut -d: -f1 > "$work/addresses"
  sshd_kib=$(for p in "$work"/hosts/*/sshd.pid; do awk '/^Pss:/ { print $2 }' "/proc/$(cat "$p")/smaps_rollup" 2>/dev/null; done | awk '{ s += $1 } END { print s + 0 }')
  tools=(mta); [ -n "${BASE_BIN:-}" ] && tools+=(base); tools+=(xargs)
  if (( count <= ansible_max )); then tools+=(ansible); fi
  echo
  echo "$count hosts: $count sshd listeners up, $((sshd_kib / 1024)) MiB PSS together; tools: ${tools[*]}"
  if (( count > ansible_max )); then echo "ansible skipped at $count hosts (ANSIBLE_MAX=$ansible_max)"; fi
  echo
  echo "| tool | hosts | wall s | CPU ms/host | peak MiB | load 1-min at start |"
  echo "|---|---|---|---|---|---|"
  for round in $(seq "$rounds"); do
    for t in "${tools[@]}"; do
      # ANSIBLE_ROUNDS: Ansible in the first rounds only (minutes a round at 200 hosts).
      if [ "$t" = ansible ] && (( round > ansible_rounds )); then continue; fi
      "run_$t" "$count"
    done
  done
done
medians "$rounds"
echo
echo "uptime after: $(uptime)"
