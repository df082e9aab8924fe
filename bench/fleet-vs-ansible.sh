#!/usr/bin/env bash
# Fleet scan speed, in one run, on the same sshd hosts at the same concurrency:
#   mta-audit scan --inventory (SSH.NET, Native AOT)   vs
#   ansible all -m script -a collect.sh                 (Debian's ansible; the usual way)   vs
#   xargs -P N ssh host sh -s < collect.sh              (OpenSSH client, one process a host: the transport floor)
# Hosts: COUNT sshd processes on 127.1.x.y:2260 (tests/sshd/fleet-sshd.sh), each its own host key.
# Reported per tool: wall time, the scanner's own CPU (user+sys of it and its children, not sshd's
# nor the collectors') per host, and peak memory (GNU time's max RSS: the largest single process).
#
#   [MTA_AUDIT_BIN=path] bench/fleet-vs-ansible.sh [FORKS] [COUNT...]   default: 50 forks, 50 and 200 hosts
# Needs root, openssh-server, ansible and GNU time (installed with apt when missing).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
forks=${1:-50}; [ $# -gt 0 ] && shift
if [ $# -gt 0 ]; then counts=("$@"); else counts=(50 200); fi
port=2260

need=()
for p in openssh-server ansible time; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# MTA_AUDIT_BIN: an already built binary (e.g. from dotnet publish -p:PublishAot=true); else ./mta-audit builds one.
bin=${MTA_AUDIT_BIN:-}
if [ -z "$bin" ]; then "$here/mta-audit" --help >/dev/null; bin="$here/.build/bin/mta-audit"; fi

work=$(mktemp -d /tmp/mta-fleet-bench.XXXXXX)
cleanup() { "$here/tests/sshd/fleet-sshd.sh" down "$work/hosts" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
"$bin" collector > "$work/collect.sh"

# measure NAME COUNT CMD...: one line "name wall_s cpu_ms_per_host max_rss_mib"
measure() {
  local name=$1 count=$2; shift 2
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/$name.out" 2>"$work/$name.err" || true
  # GNU time writes "Command exited with non-zero status N" first when it did (mta-audit: 2 = MANUAL).
  read -r wall user sys rss < <(tail -n 1 "$work/time")
  awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v c="$count" \
    'BEGIN { printf "| %s | %d | %.1f | %.0f | %.0f |\n", n, c, w, (u + s) * 1000 / c, r / 1024 }'
}

echo "forks $forks; $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| tool | hosts | wall s | CPU ms/host | peak MiB |"
echo "|---|---|---|---|---|"
for count in "${counts[@]}"; do
  "$here/tests/sshd/fleet-sshd.sh" down "$work/hosts" >/dev/null 2>&1 || true
  rm -rf "$work/hosts"
  "$here/tests/sshd/fleet-sshd.sh" fleet "$work/hosts" "$count" "$port"
  cp "$work/hosts/hosts.ini" "$work/hosts.ini"
  key="$work/hosts/client_key"; kh="$work/hosts/known_hosts"
  cut -d@ -f2 "$work/hosts/hosts.txt" | cut -d: -f1 > "$work/addresses"

  rm -f "$work/store.sqlite"*
  measure mta-audit "$count" "$bin" scan --inventory "$work/hosts.ini" --identity "$key" --known-hosts "$kh" \
    --forks "$forks" --store "$work/store.sqlite" --format json -o "$work/report.json"
  got=$(grep -c '"host": "h' "$work/report.json" || true)
  [ "$got" = "$count" ] || echo "mta-audit: report has $got of $count hosts" >&2

  export ANSIBLE_HOST_KEY_CHECKING=True ANSIBLE_STDOUT_CALLBACK=oneline ANSIBLE_PYTHON_INTERPRETER=auto_silent
  export ANSIBLE_SSH_ARGS="-o UserKnownHostsFile=$kh -o StrictHostKeyChecking=yes -o ControlMaster=auto -o ControlPersist=60s"
  measure ansible "$count" ansible all -i "$work/hosts.ini" -m script -a "$work/collect.sh" -f "$forks" --private-key "$key"
  ok=$(grep -c 'CHANGED\|SUCCESS' "$work/ansible.out" || true)
  [ "$ok" = "$count" ] || echo "ansible: $ok of $count hosts succeeded" >&2

  mkdir -p "$work/xargs"
  measure xargs+ssh "$count" sh -c "xargs -P $forks -I{} sh -c 'ssh -i $key -o UserKnownHostsFile=$kh -o StrictHostKeyChecking=yes -o BatchMode=yes -p $port root@{} sh -s < $work/collect.sh > $work/xargs/{}.evidence' < $work/addresses"
  ok=$(grep -l '^--mta-.*--$' "$work"/xargs/*.evidence 2>/dev/null | wc -l)
  [ "$ok" = "$count" ] || echo "xargs+ssh: $ok of $count bundles complete" >&2
  rm -rf "$work/xargs"
done
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
