#!/usr/bin/env bash
# Composes evidence bundles for the OSes that cannot run here (AIX, Solaris, HP-UX) and for
# older Linux families, from REAL outputs in ../shared/fixtures/public (copied beside this
# folder under Fixtures/<os>/). Every section's content is one fixture's output, byte for
# byte, except where noted (markdown indentation removed, prompt lines dropped). The
# 'source-N' headers name the fixture of each section. Re-run after changing a recipe:
#   tests/MtaAudit.Tests/Fixtures/bundles/compose.sh
set -euo pipefail
cd "$(dirname "$0")"
fx=..   # tests/MtaAudit.Tests/Fixtures

# out FILE: the output part of a fixture (after its '---' line)
out() { sed '1,/^---$/d' "$fx/$1"; }
B=composed-0001-fixture
n=0
begin() { exec 3>"$1.evidence"; n=0; printf 'MTA-AUDIT-EVIDENCE/1\nboundary: %s\nhost: %s\ncollector: compose.sh (real fixture outputs)\n' "$B" "$1" >&3; }
src() { n=$((n + 1)); printf 'source-%d: %s\n' "$n" "$1" >&3; }
body() { printf '\n' >&3; }
sec() { printf -- '--%s %s\n' "$B" "$1" >&3; cat >&3; }
end() { printf -- '--%s--\n' "$B" >&3; exec 3>&-; }

# --- AIX 7.2: sendmail active under SRC, boot line commented out in rc.tcpip ---
begin aix72-sendmail
src "os.release: aix/startsrc-boot-0513-059-sendmail-started-aix7.2-tl4.txt (last line)"
src "svc.src: aix/lssrc-a-ansible-service_facts-fixture.txt"
src "file.aix.rc.tcpip: aix/rc.tcpip-sendmail-start-line-commented.txt"
src "pkg.aix: aix/lslpp-Lc-aix7.2-tl4-salt-fixture-excerpt.txt"
src "mta.sendmail.version: aix/sendmail-AIX7.2-8.14.4-d0-bt-stig.txt"
body
out aix/startsrc-boot-0513-059-sendmail-started-aix7.2-tl4.txt | grep -E '^[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{4}$' | sec "probe=os.release rc=0 cmd=oslevel -s"
out aix/lssrc-a-ansible-service_facts-fixture.txt | sec "probe=svc.src rc=0 cmd=lssrc -a"
out aix/rc.tcpip-sendmail-start-line-commented.txt | sec "probe=file.aix.rc.tcpip path=/etc/rc.tcpip rc=0 cmd=cat /etc/rc.tcpip"
out aix/lslpp-Lc-aix7.2-tl4-salt-fixture-excerpt.txt | sec "probe=pkg.aix rc=0 cmd=lslpp -Lc"
out aix/sendmail-AIX7.2-8.14.4-d0-bt-stig.txt | sec "probe=mta.sendmail.version path=/usr/sbin/sendmail rc=0 cmd=/usr/sbin/sendmail -d0.1 -bt < /dev/null"
end

# --- Solaris 11.4: sendmail online in SMF; no version output was captured ---
begin solaris114-sendmail
src "os.uname: solaris/uname-a-solaris-10-and-11-samples.txt (SunOS sol11 line)"
src "os.release: solaris/release-file-solaris_11.4_etc_release.txt"
src "svc.smf: solaris/svcs-listing-with-sendmail.txt (prompt line dropped)"
body
out solaris/uname-a-solaris-10-and-11-samples.txt | grep '^SunOS sol11 ' | sec "probe=os.uname rc=0 cmd=uname -a"
out solaris/release-file-solaris_11.4_etc_release.txt | sec "probe=os.release path=/etc/release rc=0 cmd=cat /etc/release"
out solaris/svcs-listing-with-sendmail.txt | grep -v '^\$ ' | sec "probe=svc.smf rc=0 cmd=svcs -a"
end

# --- HP-UX 11.31: sendmail switched on at boot in mailservs; no version output captured ---
begin hpux1131-sendmail
src "os.uname: hpux/uname-a-hpux-11.31-samples.txt (deblndw0 line)"
src "file.hpux.mailservs: hpux/rc.config.d-mailservs-documented-lines.txt"
body
out hpux/uname-a-hpux-11.31-samples.txt | grep '^HP-UX deblndw0 ' | sec "probe=os.uname rc=0 cmd=uname -a"
out hpux/rc.config.d-mailservs-documented-lines.txt | sec "probe=file.hpux.mailservs path=/etc/rc.config.d/mailservs rc=0 cmd=cat /etc/rc.config.d/mailservs"
end

# --- RHEL/CentOS 7: Postfix master running and listening on loopback ---
begin rhel7-postfix
src "os.release: linux/release-file-redhat_7.7_etc_os-release.txt"
src "net.listen: linux/ps-elf-postfix-master-rhel7.txt (netstat -nap | grep :25 part)"
src "proc.list: linux/ps-elf-postfix-master-rhel7.txt (ps -elf part)"
src "mta.postfix.version: generic/postconf-mail_version-samples-multi-os.txt (CentOS 7 line)"
body
out linux/release-file-redhat_7.7_etc_os-release.txt | sec "probe=os.release path=/etc/os-release rc=0 cmd=cat /etc/os-release"
out linux/ps-elf-postfix-master-rhel7.txt | sed -n '/^# netstat/,/^$/p' | sed '1d;$d' | sec "probe=net.listen rc=0 cmd=netstat -nap | grep :25"
out linux/ps-elf-postfix-master-rhel7.txt | sed -n '/^# ps -elf/,/^$/p' | sed '1d;$d' | sec "probe=proc.list rc=0 cmd=ps -elf | grep 1588"
out generic/postconf-mail_version-samples-multi-os.txt | grep -x 'mail_version = 2.10.1' | sec "probe=mta.postfix.version path=/usr/sbin/postconf rc=0 cmd=postconf -d mail_version"
end

# --- CentOS 7 (end of life 2024-06-30): Postfix master running, no package or source lists ---
begin centos7-postfix
src "os.release: linux/release-file-centos_7_etc_os-release.txt"
src "proc.list: linux/ps-aux-postfix-master-centos7.txt (prompt line dropped)"
src "mta.postfix.version: generic/postconf-mail_version-samples-multi-os.txt (CentOS 7 line)"
body
out linux/release-file-centos_7_etc_os-release.txt | sec "probe=os.release path=/etc/os-release rc=0 cmd=cat /etc/os-release"
out linux/ps-aux-postfix-master-centos7.txt | grep -v '^\[root@' | sec "probe=proc.list rc=0 cmd=ps aux"
out generic/postconf-mail_version-samples-multi-os.txt | grep -x 'mail_version = 2.10.1' | sec "probe=mta.postfix.version path=/usr/sbin/postconf rc=0 cmd=postconf -d mail_version"
end

# --- CentOS 6: Postfix package, SysV chkconfig on; sendmail not installed ---
begin centos6-postfix
src "os.release: linux/release-file-centos_6.7_etc_redhat-release.txt"
src "pkg.rpm: linux/rhel6.8-mta-audit-session-postfix-stopped.txt (rpm -q postfix sendmail part)"
src "svc.sysv: linux/chkconfig-list-postfix-and-service-status-centos6.txt (last chkconfig --list, indentation removed)"
body
out linux/release-file-centos_6.7_etc_redhat-release.txt | sec "probe=os.release path=/etc/redhat-release rc=0 cmd=cat /etc/redhat-release"
out linux/rhel6.8-mta-audit-session-postfix-stopped.txt | sed -n '/rpm -q postfix sendmail/,/^\[/p' | sed '1d;$d' | sec "probe=pkg.rpm rc=1 cmd=rpm -q postfix sendmail"
out linux/chkconfig-list-postfix-and-service-status-centos6.txt | grep 'postfix.*2:on' | sed 's/^    //' | sec "probe=svc.sysv rc=0 cmd=chkconfig --list"
end

# --- Debian 8: exim4 package and exim4 -bV; nothing says whether it runs ---
begin debian8-exim
src "pkg.dpkg: linux/dpkg-l-exim4-and-exim4-version-debian8.txt (dpkg -l rows)"
src "mta.exim.version: linux/dpkg-l-exim4-and-exim4-version-debian8.txt (exim4 --version line)"
body
out linux/dpkg-l-exim4-and-exim4-version-debian8.txt | sed -n '2,5p' | sec "probe=pkg.dpkg rc=0 cmd=dpkg -l exim4-daemon-light exim4-base"
out linux/dpkg-l-exim4-and-exim4-version-debian8.txt | grep '^Exim version' | sec "probe=mta.exim.version path=/usr/sbin/exim4 rc=0 cmd=exim4 -bV"
end
echo "composed: $(ls *.evidence | tr '\n' ' ')"
