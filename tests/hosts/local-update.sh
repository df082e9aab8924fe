#!/bin/sh
# local-update.sh [PACKAGE]: run INSIDE a booted test host (tests/hosts/exec.sh NAME sh -s < local-update.sh,
# or with PACKAGE: exec.sh NAME sh -s PACKAGE). Makes a newer build of the installed PACKAGE (default postfix)
# available from a local file-based apt repository, without installing it:
#   - repacks the installed package from dpkg's own records (its file list, control fields and
#     maintainer scripts: what dpkg-repack does; the host has no network to fetch the .deb),
#   - gives it the version "<installed>+mtaaudit1" and builds it with dpkg-deb -b,
#   - puts it in /srv/local-repo with a Packages index and an (unsigned) Release,
#   - adds "deb [trusted=yes] file:/srv/local-repo ./" and runs apt-get update for that source only,
#     so the other lists keep their times (pkg.repo-age) and nothing reaches for the network.
# Hosts boot with --volatile=overlay: all of this is gone at the next boot. Prints the new version.
set -eu
pkg=${1:-postfix}
repo=/srv/local-repo
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

old=$(dpkg-query -W -f='${Version}' "$pkg")
arch=$(dpkg-query -W -f='${Architecture}' "$pkg")
new="$old+mtaaudit1"
info=/var/lib/dpkg/info
list=$info/$pkg.list
[ -f "$list" ] || list=$info/$pkg:$arch.list
base=${list%.list}

# The files as installed (directories only as entries: --no-recursion). A directory that is a
# symlink here (/lib -> usr/lib on merged-/usr systems) is left out: the package ships a real one.
mkdir -p "$work/root/DEBIAN"
grep -v '^/\.$' "$list" | while IFS= read -r f; do
    if [ -L "$f" ] && [ -d "$f" ]; then continue; fi
    printf '%s\n' "${f#/}"
done > "$work/files"
tar -C / --no-recursion --ignore-failed-read -cf - -T "$work/files" 2>/dev/null | tar -C "$work/root" -xf -

# Control: dpkg's record without its own bookkeeping fields, with the new version.
dpkg-query -s "$pkg" | awk -v v="$new" '
    /^[^ \t]/ { skip = ($1 == "Status:" || $1 == "Conffiles:" || $1 == "Config-Version:") }
    skip { next }
    $1 == "Version:" { print "Version: " v; next }
    { print }' > "$work/root/DEBIAN/control"
for s in preinst postinst prerm postrm config templates triggers conffiles shlibs; do
    [ -f "$base.$s" ] && cp -p "$base.$s" "$work/root/DEBIAN/$s"
done
# dpkg-deb -b wants maintainer scripts 0755 and the control area's files 0644.
chmod 0644 "$work/root/DEBIAN"/*
for s in preinst postinst prerm postrm config; do
    [ -f "$work/root/DEBIAN/$s" ] && chmod 0755 "$work/root/DEBIAN/$s"
done

mkdir -p "$repo"
deb="${pkg}_$(echo "$new" | sed 's/^[0-9]*://')_$arch.deb"
dpkg-deb --root-owner-group -Zgzip -b "$work/root" "$repo/$deb" >/dev/null

# Packages: the control fields plus where the file is and its checksums, as apt-ftparchive writes.
{
    dpkg-deb -f "$repo/$deb"
    echo "Filename: ./$deb"
    echo "Size: $(wc -c < "$repo/$deb" | tr -d ' ')"
    echo "MD5sum: $(md5sum "$repo/$deb" | cut -d' ' -f1)"
    echo "SHA256: $(sha256sum "$repo/$deb" | cut -d' ' -f1)"
    echo
} > "$repo/Packages"
{
    echo "Date: $(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S UTC')"
    echo "SHA256:"
    echo " $(sha256sum "$repo/Packages" | cut -d' ' -f1) $(wc -c < "$repo/Packages" | tr -d ' ') Packages"
} > "$repo/Release"

echo "deb [trusted=yes] file:$repo ./" > /etc/apt/sources.list.d/local.list
apt-get update -q \
    -o Dir::Etc::sourcelist=/etc/apt/sources.list.d/local.list \
    -o Dir::Etc::sourceparts=- \
    -o APT::Get::List-Cleanup=0 >&2
echo "$new"
