#!/bin/bash
# up.sh NAME...: boots each host with systemd-nspawn -b in the background and waits until its
# systemd reports running or degraded. Each host has a private network: a veth pair, eth0 inside
# (its address, set by its own mta-audit-net.service before other services), mta-audit-N here.
# Console output goes to $CACHE/run/NAME.log; the nspawn PID and root to $CACHE/run/NAME.{pid,root}
# (down.sh --all uses them after a crash). MTA_AUDIT_BOOT_TIMEOUT (s, default 90) bounds the wait.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ $# -ge 1 ] || die "usage: up.sh NAME..."
timeout=${MTA_AUDIT_BOOT_TIMEOUT:-90}
mkdir -p "$RUN_DIR"

start_one() {
    local name=$1 root link
    # MTA_AUDIT_BOOT_ROOT / MTA_AUDIT_VOLATILE: kept.sh boots one host from a persistent overlay instead.
    root=${MTA_AUDIT_BOOT_ROOT:-$(root_of "$name")}; link=$(link_of "$name")
    [ -d "$root" ] || die "root of $name missing ($root): run tests/hosts/build.sh"
    if init_pid_of "$name" >/dev/null; then echo "$name: already up"; return 0; fi
    ip link del "$link" 2>/dev/null || true # left by a killed run
    echo "$root" > "$RUN_DIR/$name.root"
    # --register=no --keep-unit: no machined here. --console=read-only: output to the log, no tty.
    # --volatile=overlay: writes go to a tmpfs over the root, so every boot starts from the root as
    # built (no journal, queue or state left by an earlier run) and the cache stays as built.
    # The host outlives this script: it must not keep its callers' descriptors open, above all the test-host
    # lock that flock(1) holds for a run (flock's descriptor is inherited), or hosts a killed run left behind
    # would hold the lock and every later run would wait on it.
    (
        for fd in /proc/self/fd/*; do
            n=${fd##*/}
            if [ "$n" -gt 2 ] 2>/dev/null; then eval "exec $n>&-" 2>/dev/null || true; fi
        done
        exec setsid systemd-nspawn -b --register=no --keep-unit --console=read-only --volatile="${MTA_AUDIT_VOLATILE:-overlay}" \
            -M "$name" -D "$root" \
            --network-veth-extra="$link:eth0" \
            > "$RUN_DIR/$name.log" 2>&1 < /dev/null
    ) &
    echo $! > "$RUN_DIR/$name.pid"
}

# Under this machine's mixed cgroup setup an early unit now and then fails "at step CGROUP" (no
# such file or directory) when several hosts boot at once. Start such units once more, so a host is
# not left without, say, its MTA for a reason that has nothing to do with the host.
# The address unit goes first and alone: sshd and the MTA bind the host's address, and restarted in
# the same command as mta-audit-net they race it and fail again (seen in CI: sshd left down).
retry_failed() {
    local name=$1 units round state
    for round in 1 2 3; do
        units=$("$HOSTS_DIR/exec.sh" "$name" systemctl list-units --failed --plain --no-legend 2>/dev/null | awk '{print $1}' | tr '\n' ' ')
        [ -n "${units// /}" ] || break
        "$HOSTS_DIR/exec.sh" "$name" systemctl reset-failed $units 2>/dev/null || true
        case " $units " in
        *" mta-audit-net.service "*)
            "$HOSTS_DIR/exec.sh" "$name" systemctl restart mta-audit-net.service 2>/dev/null || true
            units=${units//mta-audit-net.service/} ;;
        esac
        [ -z "${units// /}" ] || "$HOSTS_DIR/exec.sh" "$name" systemctl restart $units 2>/dev/null || true
        echo "$name: restarted after failing at boot (round $round): $units"
    done
    state=$("$HOSTS_DIR/exec.sh" "$name" systemctl is-system-running 2>/dev/null || true)
    echo "$name: $state"
}

wait_one() {
    local name=$1 deadline state="" link
    deadline=$(( $(date +%s) + timeout )); link=$(link_of "$name")
    # This machine's end of the veth pair appears once nspawn has set up the container.
    until ip link show "$link" >/dev/null 2>&1; do
        [ "$(date +%s)" -lt "$deadline" ] || die "$name: no link $link after ${timeout}s, log $RUN_DIR/$name.log"
        kill -0 "$(cat "$RUN_DIR/$name.pid")" 2>/dev/null || { tail -n 30 "$RUN_DIR/$name.log" >&2; die "$name: systemd-nspawn exited"; }
        sleep 0.2
    done
    ip addr replace "$(gateway_of "$name")/30" dev "$link"
    ip link set "$link" up
    while [ "$(date +%s)" -lt "$deadline" ]; do
        if ! kill -0 "$(cat "$RUN_DIR/$name.pid")" 2>/dev/null; then
            tail -n 30 "$RUN_DIR/$name.log" >&2; die "$name: systemd-nspawn exited during boot"
        fi
        state=$("$HOSTS_DIR/exec.sh" "$name" systemctl is-system-running 2>/dev/null || true)
        case "$state" in
        running) echo "$name: running"; return 0 ;;
        degraded) retry_failed "$name"; return 0 ;;
        esac
        sleep 1
    done
    tail -n 30 "$RUN_DIR/$name.log" >&2
    die "$name: not running after ${timeout}s (systemctl is-system-running: '${state:-no answer}'), log $RUN_DIR/$name.log"
}

for n in "$@"; do start_one "$n"; done
pids=()
for n in "$@"; do wait_one "$n" & pids+=($!); done
rc=0
for p in "${pids[@]}"; do wait "$p" || rc=1; done
exit $rc
