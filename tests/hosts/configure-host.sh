#!/bin/bash
# configure-host.sh ROOT LINE: turns a copy of a suite's base root into one test host from its
# hosts.tsv line: hostname, MTA package, MTA and sshd bound to the host's own address, unit state.
# Called by build.sh on a temporary copy; never on a root in use.
set -euo pipefail
root=$1; line=$2
IFS=$'\t' read -r name suite mta packages unit address state <<<"$line"
fqdn="$name.localdomain"

in_root() {
    # A UTS namespace with the host's name: package scripts (sendmail's above all) look up the
    # hostname, and must see this host's, resolvable through its /etc/hosts, not the builder's.
    unshare --uts sh -c 'hostname "$1"; shift; exec chroot "$@"' _ "$name" "$root" \
        env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}

echo "$name" > "$root/etc/hostname"
echo "$fqdn" > "$root/etc/mailname"
cat > "$root/etc/hosts" <<EOF
127.0.0.1	localhost
$address	$fqdn $name
::1	localhost ip6-localhost ip6-loopback
${address%.*}.1	mta-audit-tester
EOF

mount -t proc proc "$root/proc"
trap 'umount "$root/proc" 2>/dev/null || true' EXIT

if [ "$packages" != - ]; then
    # Answers the packages would otherwise ask: a local-only MTA named after this host.
    in_root debconf-set-selections <<EOF
postfix postfix/main_mailer_type select Local only
postfix postfix/mailname string $fqdn
exim4-config exim4/dc_eximconfig_configtype select local delivery only; not on a network
exim4-config exim4/dc_local_interfaces string $address
exim4-config exim4/mailname string $fqdn
opensmtpd opensmtpd/mailname string $fqdn
opensmtpd opensmtpd/root_address string
EOF
    in_root apt-get install -y --no-install-recommends ${packages//,/ }
fi

# The MTA listens on this host's address only (the hosts share one network namespace).
case "$mta" in
postfix)
    in_root postconf -e "inet_interfaces = $address" "inet_protocols = ipv4" "myhostname = $fqdn"
    ;;
exim)
    sed -i -E "s/^dc_local_interfaces=.*/dc_local_interfaces='$address'/" "$root/etc/exim4/update-exim4.conf.conf"
    grep -q "^dc_local_interfaces='$address'" "$root/etc/exim4/update-exim4.conf.conf"
    in_root update-exim4.conf
    ;;
sendmail)
    sed -i -E "s/Addr=127\.0\.0\.1/Addr=$address/" "$root/etc/mail/sendmail.mc"
    grep -q "Name=MTA-v4.*Addr=$address" "$root/etc/mail/sendmail.mc"
    # Sendmail refuses connections when the load average is high, and this machine's is (other
    # work shares it): a test host must answer whatever the load.
    sed -i -E "0,/^DAEMON_OPTIONS/s//define(\`confREFUSE_LA', \`999')dnl\ndefine(\`confQUEUE_LA', \`999')dnl\ndefine(\`confDELAY_LA', \`999')dnl\nDAEMON_OPTIONS/" "$root/etc/mail/sendmail.mc"
    grep -q "^define(\`confREFUSE_LA', \`999')dnl" "$root/etc/mail/sendmail.mc"
    in_root m4 /etc/mail/sendmail.mc > "$root/etc/mail/sendmail.cf.new"
    mv "$root/etc/mail/sendmail.cf.new" "$root/etc/mail/sendmail.cf"
    ;;
opensmtpd)
    sed -i -E "s/^listen on .*/listen on $address/" "$root/etc/smtpd.conf"
    grep -q "^listen on $address\$" "$root/etc/smtpd.conf"
    in_root smtpd -n
    ;;
none) ;;
*) echo "unknown mta '$mta'" >&2; exit 1 ;;
esac

echo "ListenAddress $address" >> "$root/etc/ssh/sshd_config"

# The host's address on eth0 (its end of the veth pair up.sh asks nspawn for) before any service
# starts: Postfix, for one, will not start while its inet_interfaces address does not exist.
# No default route: the host has no DNS server it could reach, and without a route a lookup fails at
# once instead of timing out (MTAs look up connecting clients; the tester is in /etc/hosts above).
cat > "$root/etc/systemd/system/mta-audit-net.service" <<EOF
[Unit]
Description=Test host address $address on eth0
DefaultDependencies=no
Before=sysinit.target network-pre.target
Wants=network-pre.target

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/bin/sh -c 'ip link set lo up; ip addr replace $address/30 dev eth0; ip link set eth0 up'

[Install]
WantedBy=sysinit.target
EOF
in_root systemctl enable mta-audit-net.service

if [ "$unit" != - ]; then
    case "$state" in
    running) in_root systemctl enable "$unit" ;;
    stopped) in_root systemctl disable "$unit" ;;
    *) echo "unknown state '$state'" >&2; exit 1 ;;
    esac
fi

# A bounded poweroff: trixie's OpenSMTPD, for one, ignores its stop signal for 90 s.
mkdir -p "$root/etc/systemd/system.conf.d"
printf '[Manager]\nDefaultTimeoutStopSec=5s\n' > "$root/etc/systemd/system.conf.d/mta-audit-testhost.conf"

rm -f "$root/usr/sbin/policy-rc.d"
in_root apt-get clean
printf '%s\n' "$line" > "$root/etc/mta-audit-testhost"
echo "configured $name"
