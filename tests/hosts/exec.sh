#!/bin/bash
# exec.sh NAME CMD...: runs CMD inside the booted host NAME (its mount, UTS, IPC, network and PID
# namespaces: the host's own files, hostname, processes and systemd), stdin/stdout/stderr passed
# through and CMD's exit code returned. Example: exec.sh deb12-postfix sh -s < script.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ $# -ge 2 ] || die "usage: exec.sh NAME CMD..."
name=$1; shift
pid=$(init_pid_of "$name") || die "host $name is not booted (tests/hosts/up.sh $name)"
# Entering the mount namespace puts us at the host's root; a clean environment like a login's.
exec nsenter --target "$pid" --mount --uts --ipc --net --pid -- \
    env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"
