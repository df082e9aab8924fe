#!/bin/bash
# Builds every test host root listed in hosts.tsv that is missing from the cache
# ($MTA_AUDIT_TESTHOST_CACHE, default /var/cache/mta-audit/testhosts).
#
#   build.sh            build what is missing (an unchanged cache is reused as is)
#   build.sh --check    exit 1 and list what is missing, build nothing
#   build.sh --prune    also delete cached roots no current key names
#
# Each root is named by a hash of the build scripts, its suite and its table line, so any change
# rebuilds it. Roots are built under a temporary name and renamed when complete: a build that
# died halfway never looks complete.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

JOBS=${MTA_AUDIT_BUILD_JOBS:-4}
mode=${1:-build}

missing_hosts() {
    local line
    while IFS= read -r line; do
        [ -d "$(root_of_line "$line")" ] || field "$line" 1
    done < <(host_lines)
}

if [ "$mode" = --check ]; then
    m=$(missing_hosts)
    [ -z "$m" ] && exit 0
    echo "testhosts: missing roots in $CACHE: $(echo $m)" >&2
    echo "testhosts: run tests/hosts/build.sh (as root) to build them" >&2
    exit 1
fi

[ "$(id -u)" = 0 ] || die "build.sh must run as root (debootstrap, chroot)"
for tool in debootstrap systemd-nspawn unshare nsenter; do
    command -v "$tool" >/dev/null || die "$tool missing: apt-get install debootstrap systemd-container util-linux"
done
[ -f /etc/apt/sources.list.d/debian.sources ] || die "/etc/apt/sources.list.d/debian.sources missing: it is copied into each root"

mkdir -p "$CACHE/base" "$CACHE/roots" "$CACHE/logs" "$RUN_DIR"
# One build at a time: a second would delete the first's temporary roots below.
exec 9> "$CACHE/.build.lock"
flock -n 9 || { echo "testhosts: another build.sh is running; waiting for it" >&2; flock 9; }
start=$(date +%s)

# A temp dir of ours left behind by a killed build: remove it (only ours: .tmp-* under the cache).
rm -rf "$CACHE"/base/.tmp-* "$CACHE"/roots/.tmp-*

build_base() {
    local suite=$1 dir tmp log
    dir=$(base_dir "$suite"); tmp="$CACHE/base/.tmp-$(basename "$dir")"; log="$CACHE/logs/base-$suite.log"
    [ -d "$dir" ] && return 0
    echo "base $suite: debootstrap (log $log)"
    {
        # No mirror argument: debootstrap's default is the one this machine's apt uses.
        debootstrap --variant=minbase --include="$BASE_PACKAGES" "$suite" "$tmp"
        # apt sources: this machine's file with only the suite names rewritten.
        rm -f "$tmp/etc/apt/sources.list"
        local mine; mine=$(. /etc/os-release && echo "$VERSION_CODENAME")
        sed -E "s/\b$mine\b/$suite/g" /etc/apt/sources.list.d/debian.sources > "$tmp/etc/apt/sources.list.d/debian.sources"
        chroot "$tmp" apt-get update
        # Forbid starting services while packages are installed into the chroot.
        printf '#!/bin/sh\nexit 101\n' > "$tmp/usr/sbin/policy-rc.d"; chmod 755 "$tmp/usr/sbin/policy-rc.d"
        # The host shares this machine's network: nothing inside may configure interfaces, DNS or time.
        for u in systemd-networkd.service systemd-networkd.socket systemd-resolved.service \
                 systemd-timesyncd.service apt-daily.timer apt-daily-upgrade.timer; do
            ln -sf /dev/null "$tmp/etc/systemd/system/$u"
        done
        rm -rf "$tmp/var/cache/apt/archives/"*.deb
    } > "$log" 2>&1 || { tail -n 30 "$log" >&2; die "base $suite failed, see $log"; }
    mv "$tmp" "$dir"
}

build_host() {
    local line=$1 name dir tmp log t0
    name=$(field "$line" 1); dir=$(root_of_line "$line"); tmp="$CACHE/roots/.tmp-$(basename "$dir")"
    log="$CACHE/logs/$name.log"; t0=$(date +%s)
    [ -d "$dir" ] && return 0
    {
        cp -a "$(base_dir "$(field "$line" 2)")" "$tmp"
        bash "$HOSTS_DIR/configure-host.sh" "$tmp" "$line"
    } > "$log" 2>&1 || { tail -n 30 "$log" >&2; echo "host $name FAILED, see $log" >&2; rm -rf "$tmp"; return 1; }
    # Older roots of this host (an earlier key) are replaced by the new one.
    find "$CACHE/roots" -maxdepth 1 -name "$name-*" ! -name "$(basename "$dir")" -exec rm -rf {} +
    mv "$tmp" "$dir"
    echo "host $name: built in $(( $(date +%s) - t0 )) s"
}
export -f build_host field root_of_line host_key base_key base_dir build_inputs sha die
export CACHE HOSTS_DIR BASE_PACKAGES

# Bases in parallel (network bound), then hosts in parallel.
pids=()
for suite in $(host_lines | cut -f2 | sort -u); do
    build_base "$suite" & pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || die "a base build failed"; done
echo "bases ready after $(( $(date +%s) - start )) s"

fail=0
host_lines | tr '\n' '\0' | xargs -0 -r -P "$JOBS" -I{} bash -c 'build_host "$1"' _ {} || fail=1

if [ "$mode" = --prune ]; then
    keep=$( { for s in $(host_lines | cut -f2 | sort -u); do base_dir "$s"; done
              while IFS= read -r l; do root_of_line "$l"; done < <(host_lines); } )
    for d in "$CACHE"/base/* "$CACHE"/roots/*; do
        [ -d "$d" ] || continue
        grep -qxF "$d" <<<"$keep" || { echo "prune $d"; rm -rf "$d"; }
    done
fi

echo "build finished in $(( $(date +%s) - start )) s; cache $CACHE uses $(du -sh "$CACHE" 2>/dev/null | cut -f1)"
[ "$fail" = 0 ] || die "some hosts failed to build"
missing=$(missing_hosts)
[ -z "$missing" ] || die "still missing: $missing"
