# Shared by build.sh, up.sh, down.sh and exec.sh: where the cache is, how a root is named, the host table.
# Sourced, not run. Needs bash.

HOSTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
HOSTS_TSV="$HOSTS_DIR/hosts.tsv"
CACHE=${MTA_AUDIT_TESTHOST_CACHE:-/var/cache/mta-audit/testhosts}
RUN_DIR="$CACHE/run"

# What every root gets on top of debootstrap's minbase: enough for `systemd-nspawn -b` to boot a real
# systemd, plus the tools a collector commonly calls (ss, ps) and an sshd as on a real server.
BASE_PACKAGES="systemd,systemd-sysv,dbus,iproute2,procps,openssh-server,ca-certificates"

die() { echo "testhosts: $*" >&2; exit 1; }

# The scripts that decide what a root contains; their content is part of every cache key, so editing
# either rebuilds. (This file and up/down/exec only find and run roots: not part of the key.)
build_inputs() { cat "$HOSTS_DIR/build.sh" "$HOSTS_DIR/configure-host.sh"; }

sha() { sha256sum | cut -c1-16; }

# A base depends on build.sh only (configure-host.sh works on copies of it).
base_key() { { cat "$HOSTS_DIR/build.sh"; echo "base $1 $BASE_PACKAGES"; } | sha; }

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

# This machine's end of a host's veth pair, from the host's address 10.213.N.2: mta-audit-N, 10.213.N.1.
link_of() { local a; a=$(address_of "$1"); a=${a%.*}; echo "mta-audit-${a##*.}"; }
gateway_of() { local a; a=$(address_of "$1"); echo "${a%.*}.1"; }

# PID 1 of a booted host: the child of its systemd-nspawn whose PID in its own namespace is 1.
# Works without machined (nspawn runs with --register=no).
init_pid_of() {
    local nspawn c
    [ -f "$RUN_DIR/$1.pid" ] || return 1
    nspawn=$(cat "$RUN_DIR/$1.pid")
    [ "$(cat "/proc/$nspawn/comm" 2>/dev/null)" = systemd-nspawn ] || return 1
    for c in $(cat /proc/"$nspawn"/task/*/children 2>/dev/null); do
        if awk '$1 == "NSpid:" { exit !($NF == 1 && NF > 2) }' "/proc/$c/status" 2>/dev/null; then
            echo "$c"; return 0
        fi
    done
    return 1
}
