# Shared by build.sh, up.sh, down.sh and exec.sh: where the cache is, how a root is named, the host table.
# Sourced, not run. Needs bash.

HOSTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
HOSTS_TSV="$HOSTS_DIR/hosts.tsv"
CACHE=${MTA_AUDIT_TESTHOST_CACHE:-/var/cache/mta-audit/testhosts}
RUN_DIR="$CACHE/run"

# What every root gets on top of debootstrap's minbase: enough for `systemd-nspawn -b` to boot a real
# systemd, plus the tools a collector commonly calls (ss, ps) and an sshd as on a real server.
BASE_PACKAGES="systemd,systemd-sysv,dbus,iproute2,procps,openssh-server"

die() { echo "testhosts: $*" >&2; exit 1; }

# The scripts that decide what a root contains; their content is part of every cache key, so editing
# any of them rebuilds. (up/down/exec only run roots, so they are not part of the key.)
build_inputs() { cat "$HOSTS_DIR/lib.sh" "$HOSTS_DIR/build.sh" "$HOSTS_DIR/configure-host.sh"; }

sha() { sha256sum | cut -c1-16; }

base_key() { { build_inputs; echo "base $1 $BASE_PACKAGES"; } | sha; }

# host_key LINE: the base's key plus the host's own table line (packages, address, state).
host_key() {
    local suite; suite=$(printf '%s\n' "$1" | cut -f2)
    { echo "$(base_key "$suite")"; build_inputs; printf 'host %s\n' "$1"; } | sha
}

base_dir() { echo "$CACHE/base/$1-$(base_key "$1")"; }

# Host table lines without comments or blanks.
host_lines() { grep -v -e '^#' -e '^[[:space:]]*$' "$HOSTS_TSV"; }

host_line() { host_lines | awk -F'\t' -v n="$1" '$1 == n' ; }

# Fields of a host line: name suite mta packages unit address state.
field() { printf '%s\n' "$1" | cut -f"$2"; }

root_of_line() { echo "$CACHE/roots/$(field "$1" 1)-$(host_key "$1")"; }

root_of() {
    local line; line=$(host_line "$1")
    [ -n "$line" ] || die "no host '$1' in $HOSTS_TSV"
    root_of_line "$line"
}

address_of() { field "$(host_line "$1")" 6; }

# PID 1 of a booted host: the process whose root is the host's root and whose PID in its own
# namespace is 1. Works without machined (nspawn runs with --register=no).
init_pid_of() {
    local root pidfile nspawn p
    pidfile="$RUN_DIR/$1.pid"
    [ -f "$pidfile" ] || return 1
    nspawn=$(cat "$pidfile")
    [ -d "/proc/$nspawn" ] || return 1
    root=$(head -n1 "$RUN_DIR/$1.root" 2>/dev/null) || return 1
    for p in /proc/[0-9]*; do
        [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] || continue
        if awk '$1 == "NSpid:" { exit !($NF == 1 && NF > 2) }' "$p/status" 2>/dev/null; then
            echo "${p#/proc/}"; return 0
        fi
    done
    return 1
}
