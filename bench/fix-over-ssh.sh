#!/usr/bin/env bash
# `mta-audit fix --host` over SSH (Native AOT binary on this machine) against the same change typed over
# OpenSSH's client, side by side in one run, on one booted test host (default deb12-postfix, Postfix running):
#   - baseline: `ssh root@HOST 'systemctl disable postfix.service && systemctl stop postfix.service postfix@-.service'`
#     and back `ssh root@HOST 'systemctl enable postfix.service && systemctl start postfix.service'`;
#   - `mta-audit fix --host root@HOST --unused postfix --apply` (one SSH connection: collect, plan, each step's
#     state before and after, a fresh collection to check) and `mta-audit fix --undo JOURNAL` over SSH;
#   - the collector inside the host with and without its mta.queue probe (MTA_AUDIT_SKIP=mta.queue), i.e. what
#     the "nothing queued" hint costs each collection.
# Median of RUNS. Every run ends with the service back on; the key and known_hosts are temporary.
# Usage (root, hosts built): flock /run/mta-audit-testhosts.lock bench/fix-over-ssh.sh [HOST] [RUNS]
# MTA_AUDIT_BIN=/path/to/mta-audit uses that AOT binary instead of building .build/bin/mta-audit.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
host=${1:-deb12-postfix}
runs=${2:-5}
hosts="$here/tests/hosts"
bin=${MTA_AUDIT_BIN:-}
if [ -z "$bin" ]; then "$here/mta-audit" --version >/dev/null; bin="$here/.build/bin/mta-audit"; fi
addr=$(awk -v h="$host" '$1 == h { print $6 }' "$hosts/hosts.tsv")
tmp=$(mktemp -d)
started=no
if ! "$hosts/exec.sh" "$host" true 2>/dev/null; then "$hosts/up.sh" "$host" >/dev/null; started=yes; fi
trap 'rm -rf "$tmp"; [ "$started" = yes ] && "$hosts/down.sh" "$host" >/dev/null 2>&1' EXIT
ssh-keygen -q -t ed25519 -N "" -f "$tmp/key"
"$hosts/exec.sh" "$host" sh -c "mkdir -p /root/.ssh && chmod 700 /root/.ssh && cat > /root/.ssh/authorized_keys" < "$tmp/key.pub"
echo "$addr $("$hosts/exec.sh" "$host" cut -d' ' -f1,2 /etc/ssh/ssh_host_ed25519_key.pub)" > "$tmp/known_hosts"
for i in $(seq 30); do timeout 2 bash -c "echo > /dev/tcp/$addr/22" 2>/dev/null && break; sleep 1; done

ssh_do() { ssh -i "$tmp/key" -o UserKnownHostsFile="$tmp/known_hosts" -o StrictHostKeyChecking=yes -o BatchMode=yes "root@$addr" "$1"; }
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
ssh_opts=(--identity "$tmp/key" --known-hosts "$tmp/known_hosts")
"$hosts/exec.sh" "$host" sh -c 'cat > /tmp/collector.sh' < "$here/src/MtaAudit.Core/Collect/collector.sh"
collect() { "$hosts/exec.sh" "$host" sh -c "s=\$(date +%s%N); MTA_AUDIT_SKIP='$1' sh /tmp/collector.sh >/dev/null 2>&1; e=\$(date +%s%N); echo \$(( (e - s) / 1000000 ))"; }

off=(); on=(); apply=(); undo=(); with=(); without=()
for i in $(seq "$runs"); do
  off+=("$(ms ssh_do 'systemctl disable postfix.service && systemctl stop postfix.service postfix@-.service')")
  on+=("$(ms ssh_do 'systemctl enable postfix.service && systemctl start postfix.service')")
  apply+=("$(ms "$bin" fix --host "root@$addr" "${ssh_opts[@]}" --unused postfix --apply --journal "$tmp/bench-$i.journal")")
  undo+=("$(ms "$bin" fix --undo "$tmp/bench-$i.journal" "${ssh_opts[@]}")")
  without+=("$(collect mta.queue)")
  with+=("$(collect '')")
done
ssh_do 'systemctl is-active postfix.service postfix@-.service; systemctl is-enabled postfix.service' | tr '\n' ' '; echo "(state after the runs)"
o=$(printf '%s\n' "${off[@]}" | median); n=$(printf '%s\n' "${on[@]}" | median)
a=$(printf '%s\n' "${apply[@]}" | median); u=$(printf '%s\n' "${undo[@]}" | median)
w=$(printf '%s\n' "${with[@]}" | median); wo=$(printf '%s\n' "${without[@]}" | median)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2fx", (b>0?a/b:0)}'; }
echo "host: $host ($addr); median of $runs runs, milliseconds, timed on this machine (collector: inside the host)"
printf '| what | ms | vs its baseline |\n|---|---|---|\n'
printf '| ssh: systemctl disable + stop (baseline: off) | %s | 1.00x |\n' "$o"
printf '| mta-audit fix --host --unused postfix --apply (2 collections, steps checked, journal) | %s | %s |\n' "$a" "$(ratio "$a" "$o")"
printf '| ssh: systemctl enable + start (baseline: back on) | %s | 1.00x |\n' "$n"
printf '| mta-audit fix --undo JOURNAL (over SSH) | %s | %s |\n' "$u" "$(ratio "$u" "$n")"
printf '| collector without mta.queue (baseline) | %s | 1.00x |\n' "$wo"
printf '| collector with mta.queue | %s | %s |\n' "$w" "$(ratio "$w" "$wo")"
