#!/bin/bash
# down.sh NAME... | --all: powers hosts off (SIGRTMIN+4 to the container's systemd: a clean poweroff),
# waits up to MTA_AUDIT_STOP_TIMEOUT s (default 30), then kills systemd-nspawn; removes its run files
# (its veth pair goes with its network namespace). --all: every host with a run file, also those
# of a crashed run.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
[ $# -ge 1 ] || die "usage: down.sh NAME... | --all"
timeout=${MTA_AUDIT_STOP_TIMEOUT:-30}
if [ "$1" = --all ]; then
    set -- $(ls "$RUN_DIR" 2>/dev/null | sed -n 's/\.root$//p')
    [ $# -ge 1 ] || { echo "no hosts up"; exit 0; }
fi

stop_one() {
    local name=$1 nspawn="" init deadline
    [ -f "$RUN_DIR/$name.pid" ] && nspawn=$(cat "$RUN_DIR/$name.pid")
    # Only a pid that is still a systemd-nspawn: after a reboot of this machine the number may be reused.
    if [ -n "$nspawn" ] && [ "$(cat /proc/"$nspawn"/comm 2>/dev/null)" = systemd-nspawn ]; then
        if init=$(init_pid_of "$name"); then kill -s RTMIN+4 "$init" 2>/dev/null; else kill -TERM "$nspawn"; fi
        deadline=$(( $(date +%s) + timeout ))
        while kill -0 "$nspawn" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.5; done
        if kill -0 "$nspawn" 2>/dev/null; then
            echo "$name: no poweroff after ${timeout}s, killing" >&2
            kill -KILL "$nspawn" 2>/dev/null; sleep 1
        fi
    fi
    ip link del "$(link_of "$name")" 2>/dev/null
    rm -f "$RUN_DIR/$name.pid" "$RUN_DIR/$name.root"
    echo "$name: down"
}

pids=()
for n in "$@"; do stop_one "$n" & pids+=($!); done
for p in "${pids[@]}"; do wait "$p"; done
