#!/bin/bash
# kept.sh up NAME | reset NAME: boots a host whose changes survive its reboots, for the fix tests
# (a stopped and disabled MTA must stay off after a reboot). Hosts normally boot with
# --volatile=overlay (a tmpfs that every boot forgets); here the root, as built and never written, is
# the lower layer of an overlayfs whose upper layer is $CACHE/kept/NAME/upper, mounted at
# $CACHE/kept/NAME/merged and booted with --volatile=no. "kept.sh up NAME" again after down.sh NAME is
# a reboot that keeps every change. "reset NAME" powers it off and deletes the upper layer; then
# "up.sh NAME" boots it as built again.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ $# -eq 2 ] || die "usage: kept.sh up|reset NAME"
cmd=$1 name=$2
dir="$CACHE/kept/$name"
case "$cmd" in
up)
    lower=$(root_of "$name")
    [ -d "$lower" ] || die "root of $name missing ($lower): run tests/hosts/build.sh"
    mkdir -p "$dir/upper" "$dir/work" "$dir/merged"
    if ! mountpoint -q "$dir/merged"; then
        mount -t overlay overlay -o "lowerdir=$lower,upperdir=$dir/upper,workdir=$dir/work" "$dir/merged"
    fi
    MTA_AUDIT_BOOT_ROOT="$dir/merged" MTA_AUDIT_VOLATILE=no "$HOSTS_DIR/up.sh" "$name"
    ;;
reset)
    "$HOSTS_DIR/down.sh" "$name"
    if mountpoint -q "$dir/merged"; then umount "$dir/merged"; fi
    rm -rf "$dir"
    echo "$name: kept overlay removed"
    ;;
*) die "usage: kept.sh up|reset NAME" ;;
esac
