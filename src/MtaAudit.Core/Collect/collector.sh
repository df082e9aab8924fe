#!/bin/sh
# mta-audit collector: prints an evidence bundle (format v1, see docs/evidence-bundle.md)
# describing this host's mail services to standard output.
#
#   sh collect.sh > host.evidence        or        sh -s < collect.sh > host.evidence
#
# It only reads: the one thing it writes is a private temporary directory under
# $TMPDIR (or /tmp), removed on exit. It runs as any user; probes whose output is
# partial without root say root=needed.
#
# Environment (all optional):
#   MTA_AUDIT_PROBE_TIMEOUT   seconds a probe may run before it is killed (default 10)
#   MTA_AUDIT_PROBE_MAX_KIB   KiB of output kept per probe (default 4096)
#   MTA_AUDIT_EXTRA_PATHS     colon-separated directories searched first for MTA programs
#   MTA_AUDIT_EXTRA_PACKAGES  package names also treated as MTA packages, separated by spaces
#   MTA_AUDIT_SKIP            probe ids not to run, separated by spaces (each still gets a section,
#                             rc=skipped, so that the analyzer reads its facts as unknown)
#   MTA_AUDIT_JOBS            probes run at once (default 4; output order never changes)
#   MTA_AUDIT_TIMINGS         1: add ms=N, each probe's wall time, to its section (benchmarks)
#
# Beyond the spec's attributes (probe, path, rc, cmd) a section may carry, all optional:
#   root=needed     run as a normal user; root would have seen more (ss -p, unreadable files)
#   cut=yes         the output passed the cap (MTA_AUDIT_PROBE_MAX_KIB) and was cut there
#   overflow=killed the program was killed for printing far past the cap
#   wrapper=KIND    mta.sendmail.version, rc=absent: that sendmail is KIND's compatibility
#                   wrapper (postfix, exim, opensmtpd, other:PACKAGE) and was not run
#   note=TEXT       why a probe is absent although its program exists (systemd-not-running,
#                   not-opensmtpd)
#   unsafe=WHY:PATH a version probe, rc=absent: the program was NOT run because it or a directory
#                   above it is not root-owned or is group/world-writable (owner-uid-N, writable)
#   package=NAME    pkg.changelog: the package the changelog belongs to
#   now=EPOCH       pkg.repo-age: this host's clock, UTC seconds, to age the file times
#   ms=N            with MTA_AUDIT_TIMINGS=1: the probe's wall time in milliseconds
# and the header a line "user: root" or "user: nonroot".
#
# Strictly POSIX sh: it must run under dash, bash, ksh, mksh, posh, yash, busybox
# sh and the XPG4 shells of Solaris, AIX and HP-UX. No GNU-only tools or flags.

# --- Solaris 10's /bin/sh is the old Bourne shell: no $(...), no $((...)).
# This block is Bourne-compatible on purpose; it re-executes the script under a
# POSIX shell before any POSIX-only line is read.
if ( eval 'x=$((1+1)); y=$(echo ok); test "$x$y" = 2ok' ) >/dev/null 2>&1; then
  :
else
  if [ -z "$MTA_AUDIT_REEXEC" ]; then
    MTA_AUDIT_REEXEC=1
    export MTA_AUDIT_REEXEC
    for mta_audit_sh in /usr/xpg4/bin/sh /bin/ksh /usr/bin/ksh /bin/bash /usr/bin/bash; do
      if [ -x "$mta_audit_sh" ]; then
        case "$0" in
          sh|*/sh|-sh|ksh|*/ksh|bash|*/bash) exec "$mta_audit_sh" -s ${1+"$@"} ;;
        esac
        if [ -f "$0" ]; then exec "$mta_audit_sh" "$0" ${1+"$@"}; fi
        exec "$mta_audit_sh" -s ${1+"$@"}
      fi
    done
  fi
  echo "mta-audit-collector: no POSIX shell found (tried /usr/xpg4/bin/sh, ksh, bash)" >&2
  exit 3
fi

VERSION=0.1.0

# --- Settings --------------------------------------------------------------------
case "${MTA_AUDIT_PROBE_TIMEOUT:-}" in
  ''|*[!0-9]*) LIMIT=10 ;;
  *) LIMIT=$MTA_AUDIT_PROBE_TIMEOUT ;;
esac
[ "$LIMIT" -gt 0 ] || LIMIT=10
case "${MTA_AUDIT_PROBE_MAX_KIB:-}" in
  ''|*[!0-9]*) CAPK=4096 ;;
  *) CAPK=$MTA_AUDIT_PROBE_MAX_KIB ;;
esac
[ "$CAPK" -gt 0 ] || CAPK=4096
CAP=$((CAPK * 1024))
SKIP=" ${MTA_AUDIT_SKIP:-} "
NL='
'
CR=$(printf '\r')
# systemd unit name patterns of mail transfer agents (svc.systemd.enabled).
MAIL_UNITS="postfix* exim* sendmail* sm-client* opensmtpd* smtpd* courier-mta* qmail* nullmailer* msmtp* dma* mail-transport-agent*"
# MTA_AUDIT_TIMINGS=1 adds ms=N (each probe's wall time) to its section, where date prints
# nanoseconds (GNU, busybox); for benchmarks, not needed for judging.
TIMING=
if [ "${MTA_AUDIT_TIMINGS:-}" = 1 ]; then
  case $(date +%N 2>/dev/null) in ''|*[!0-9]*) ;; *) TIMING=1 ;; esac
fi

OS=$(uname -s 2>/dev/null)
# A predictable PATH: the system directories first (sbin too, for non-root users),
# then the caller's. Solaris: the XPG4 tools (ps -o, tail -c, awk) before the old ones.
SYSPATH=/usr/sbin:/usr/bin:/sbin:/bin:/usr/local/sbin:/usr/local/bin:/opt/csw/sbin:/opt/csw/bin
[ "$OS" = SunOS ] && SYSPATH=/usr/xpg4/bin:$SYSPATH
PATH=$SYSPATH:$PATH
[ -n "${MTA_AUDIT_EXTRA_PATHS:-}" ] && PATH=$MTA_AUDIT_EXTRA_PATHS:$PATH
export PATH
# Messages in English and bytes as printed: parsers match on English text.
LC_ALL=C
LANG=C
export LC_ALL LANG
unset CDPATH ENV BASH_ENV 2>/dev/null

# Polling step: sleep 1 is the only portable sleep; a fraction where it works
# (GNU, busybox, ksh93, Solaris 11) keeps each probe's overhead small.
if sleep 0.01 >/dev/null 2>&1; then
  TICK=0.05
  TICKS_PER_S=20
else
  TICK=1
  TICKS_PER_S=1
fi

uid=$(id | sed 's/^uid=\([0-9]*\).*/\1/')
if [ "$uid" = 0 ]; then USERKIND=root; else USERKIND=nonroot; fi
NEED_ROOT_NS=
[ "$USERKIND" = root ] || NEED_ROOT_NS=" root=needed"

# --- Temporary directory: private (umask 077), a fresh name, fail closed ---------
umask 077
TBASE=${TMPDIR:-/tmp}
case "$TBASE" in /*) ;; *) TBASE=/tmp ;; esac
TBASE=${TBASE%/}
STAMP=$(date -u +%Y%m%d%H%M%S 2>/dev/null)
W=$TBASE/mta-audit.$$.$STAMP
# The same PID in the same second meets another collector where a temporary directory is shared across
# PID namespaces (containers, hosts run as namespaces): then the next name. Never an existing directory:
# mkdir fails on any name that exists, so a directory planted in advance is never used (fail closed).
# The next names carry random digits where /dev/urandom is readable (many collectors may share PID
# and second), else a counter.
W_TRY=0
until mkdir "$W" 2>/dev/null; do
  W_TRY=$((W_TRY + 1))
  if [ "$W_TRY" -gt 100 ]; then
    printf '%s\n' "mta-audit-collector: cannot create a new private directory $W (exists or not writable); stopping" >&2
    exit 2
  fi
  W_RND=$(od -An -N4 -tu4 /dev/urandom 2>/dev/null | tr -cd 0-9)
  W=$TBASE/mta-audit.$$.$STAMP.${W_RND:-0}$W_TRY
done
QUEUE=
cleanup() {
  # Lingering watchdogs stand down when their directory is gone.
  [ -n "$W" ] && [ -d "$W" ] && rm -rf "$W"
}
# Stopped from outside (Ctrl-C, SSH hang-up, a caller's time limit): the directory goes first (one
# rm: a caller may follow its SIGTERM with SIGKILL within seconds, and finding each probe's process tree
# takes a few ps runs on a loaded host), then the running probes; the bundle stays without its closing
# line, so it reads as cut. A probe still writing writes to an unlinked file; its watchdog stands down.
on_signal() {
  cleanup
  for os_n in $QUEUE; do
    eval "os_pid=\$Q_PID_$os_n"
    [ -n "$os_pid" ] && kill_tree "$os_pid"
  done
  trap - 0
  exit "$1"
}
trap cleanup 0
trap 'on_signal 129' 1
trap 'on_signal 130' 2
trap 'on_signal 143' 15
# The reader went away (| head, a dropped SSH session): stop and clean up all the same.
trap 'on_signal 141' 13

MAIN_PID=$$
# The boundary: time, PID and a counter make it unlikely to occur in any output.
B=mta-$STAMP-$$-1
HOST=$(hostname 2>/dev/null || uname -n 2>/dev/null)
HOST=$(printf '%s' "$HOST" | tr -d '\r\n')

printf '%s\n' "MTA-AUDIT-EVIDENCE/1" "boundary: $B" "host: $HOST" \
  "collected-at: $(date -u +%Y-%m-%dT%H:%M:%SZ)" "collector: mta-audit-collector $VERSION" \
  "user: $USERKIND" ""

# --- Process tree helpers ----------------------------------------------------------
# pid ppid pairs of every process (POSIX ps -o; ps -ef columns where that fails).
pid_pairs() {
  UNIX95=1 ps -e -o pid= -o ppid= 2>/dev/null || ps -ef 2>/dev/null | awk 'NR > 1 { print $2, $3 }'
}

# The pid given and all its descendants.
tree_pids() {
  pid_pairs | awk "BEGIN { want[$1] = 1 }
    { p[NR] = \$1; pp[NR] = \$2 }
    END {
      changed = 1
      while (changed) {
        changed = 0
        for (i = 1; i <= NR; i++)
          if (!(p[i] in want) && (pp[i] in want)) { want[p[i]] = 1; changed = 1 }
      }
      for (k in want) print k
    }"
}

# Stop the tree first (so nothing forks or escapes while we look), then kill it. The root is
# our own child: it is not stopped, or ksh93 reports "Stopped" on our stderr.
kill_tree() {
  kt_pids=$(tree_pids "$1" | awk "\$1 != $1")
  [ -n "$kt_pids" ] && kill -STOP $kt_pids 2>/dev/null
  kt_pids=$(tree_pids "$1" | awk "\$1 != $1")
  # The root first: a shell left alive while its child dies prints "Killed" into the output.
  kill -KILL "$1" 2>/dev/null
  [ -n "$kt_pids" ] && kill -KILL $kt_pids 2>/dev/null
}

# file_size FILE: bytes, digits only (wc pads with spaces on some systems).
file_size() {
  fs_n=$(wc -c < "$1" 2>/dev/null | tr -d ' \t')
  printf '%s' "${fs_n:-0}"
}

# watchdog PID N: kills the tree of PID when probe N runs past the limit, or when its
# output grows far past the cap (a runaway must not fill the disk). Exits as soon as
# the probe is done (the main shell creates done.N) or the directory is gone.
watchdog() {
  wd_max=$((LIMIT * SLOW * TICKS_PER_S))
  wd_n=0
  while :; do
    sleep $TICK
    # Gone or done: stand down. Never kill by a pid whose owner may be gone (pids are reused).
    [ -d "$W" ] || exit 0
    kill -0 "$MAIN_PID" 2>/dev/null || exit 0
    [ -f "$W/done.$2" ] && exit 0
    wd_n=$((wd_n + 1))
    if [ $wd_n -ge $wd_max ]; then
      [ -f "$W/done.$2" ] && exit 0
      : > "$W/timeout.$2"
      kill_tree "$1"
      exit 0
    fi
    if [ $((wd_n % TICKS_PER_S)) -eq 0 ] && [ "$(file_size "$W/out.$2")" -gt $((CAP * 4)) ]; then
      : > "$W/overflow.$2"
      kill_tree "$1"
      exit 0
    fi
  done
}

# --- Running and writing one probe ---------------------------------------------------
N=0
INFLIGHT=0
# Probes run at once (MTA_AUDIT_JOBS, default 4; 1 runs them one after another).
case "${MTA_AUDIT_JOBS:-}" in
  ''|*[!0-9]*) JOBS=4 ;;
  *) JOBS=$MTA_AUDIT_JOBS ;;
esac
[ "$JOBS" -gt 0 ] || JOBS=1
# Package managers may read their whole database: they get SLOW times the limit.
SLOW=1

# probe ID ATTRS CMDTEXT RUN...
#   ID: probe id; ATTRS: extra attributes ("path=/usr/sbin/x root=needed" or "");
#   CMDTEXT: the cmd= text for people; RUN: the command and its arguments (a program
#   or one of the functions below). Standard input is always /dev/null.
probe() {
  p_id=$1 p_attr=$2 p_cmd=$3
  shift 3
  case "$SKIP" in *" $p_id "*) skipped "$p_id" "$p_attr" "$p_cmd"; return 0 ;; esac
  N=$((N + 1))
  p_out=$W/out.$N
  # The job marks itself done the moment its command ends: with several probes in flight the
  # main shell may reach it only later, and its watchdog must not count that wait as its run time.
  p_n=$N
  if [ -n "$TIMING" ]; then
    ( t0=$(date +%s%N); ( "$@" ) < /dev/null > "$p_out" 2>&1; r=$?; : > "$W/done.$p_n"
      echo $((($(date +%s%N) - t0) / 1000000)) > "$W/ms.$p_n"; exit $r ) &
  else
    ( ( "$@" ) < /dev/null > "$p_out" 2>&1; r=$?; : > "$W/done.$p_n"; exit $r ) &
  fi
  p_pid=$!
  watchdog "$p_pid" "$N" < /dev/null > /dev/null 2>&1 &
  eval "Q_ID_$N=\$p_id Q_ATTR_$N=\$p_attr Q_CMD_$N=\$p_cmd Q_PID_$N=\$p_pid"
  QUEUE="$QUEUE $N"
  INFLIGHT=$((INFLIGHT + 1))
  # Up to JOBS probes run at once; sections still come out in order (the queue is first in, first out).
  while [ "$INFLIGHT" -ge "$JOBS" ]; do finish_oldest; done
}

# finish_oldest: the queue's head: waits for it when it runs, then writes its section.
finish_oldest() {
  set -- $QUEUE
  f_n=$1
  shift
  f_rest=$*
  eval "f_id=\$Q_ID_$f_n f_attr=\$Q_ATTR_$f_n f_cmd=\$Q_CMD_$f_n f_pid=\$Q_PID_$f_n f_qrc=\${Q_RC_$f_n:-absent}"
  if [ -z "$f_pid" ]; then
    QUEUE=$f_rest
    emit_section "$f_id" "$f_attr" "$f_qrc" "$f_cmd" ""
    return 0
  fi
  # Still queued while waited for, so that a signal's handler stops it too.
  wait "$f_pid" 2>/dev/null
  f_rc=$?
  QUEUE=$f_rest
  INFLIGHT=$((INFLIGHT - 1))
  eval "Q_PID_$f_n="
  : > "$W/done.$f_n"
  [ -f "$W/timeout.$f_n" ] && f_rc=timeout
  [ -f "$W/overflow.$f_n" ] && f_attr="$f_attr overflow=killed"
  [ -f "$W/ms.$f_n" ] && read -r f_ms < "$W/ms.$f_n" && f_attr="$f_attr ms=$f_ms"
  emit_section "$f_id" "$f_attr" "$f_rc" "$f_cmd" "$W/out.$f_n"
  # done.N stays until the end: the watchdog may not have looked yet, and must see it. The
  # other files stay too (one rm less per probe); the directory goes at exit.
}

# drain: every queued section, in order.
drain() {
  while [ -n "$QUEUE" ]; do finish_oldest; done
}

# absent ID ATTRS CMDTEXT: the program or file is not on this host (queued behind running probes).
absent() {
  case "$SKIP" in *" $1 "*) skipped "$@"; return 0 ;; esac
  N=$((N + 1))
  eval "Q_ID_$N=\$1 Q_ATTR_$N=\$2 Q_CMD_$N=\$3 Q_PID_$N= Q_RC_$N=absent"
  QUEUE="$QUEUE $N"
  [ "$INFLIGHT" -gt 0 ] || drain
}

# skipped ID ATTRS CMDTEXT: MTA_AUDIT_SKIP named it; its section says so (rc=skipped), so that a
# caller's environment never thins the evidence unnoticed.
skipped() {
  N=$((N + 1))
  eval "Q_ID_$N=\$1 Q_ATTR_$N=\$2 Q_CMD_$N=\$3 Q_PID_$N= Q_RC_$N=skipped"
  QUEUE="$QUEUE $N"
  [ "$INFLIGHT" -gt 0 ] || drain
}

# emit_section ID ATTRS RC CMDTEXT FILE
emit_section() {
  e_attr=" probe=$1"
  [ -n "$2" ] && e_attr="$e_attr $2"
  e_attr="$e_attr rc=$3"
  e_cmd=$4
  e_file=$5
  # Few forks here: this runs for every probe, and forks are most of the collector's own time.
  if [ -n "$e_file" ] && [ -s "$e_file" ]; then
    set -- $(wc -c < "$e_file" 2>/dev/null)
    if [ "${1:-0}" -gt "$CAP" ]; then
      e_attr="$e_attr cut=yes"
      dd if="$e_file" of="$W/cut" bs=1024 count="$CAPK" 2>/dev/null
      e_file=$W/cut
    fi
  fi
  case $e_cmd in
    *"$NL"*|*"$CR"*) e_cmd=$(printf '%s' "$e_cmd" | tr '\r\n' '  ') ;;
  esac
  printf '%s\n' "--$B$e_attr cmd=$e_cmd"
  if [ -n "$e_file" ] && [ -s "$e_file" ]; then
    cat "$e_file"
    # Every section's content ends with a line end, so the next delimiter starts a line.
    # $(...) drops a final newline: anything left means the last byte was something else.
    [ -n "$(tail -c 1 "$e_file")" ] && printf '\n'
  fi
  return 0
}

have() { command -v "$1" >/dev/null 2>&1; }

# which_all NAME...: absolute paths of the programs found on PATH, one per line.
which_all() {
  for wa in "$@"; do
    wa_p=$(command -v "$wa" 2>/dev/null)
    case "$wa_p" in /*) printf '%s\n' "$wa_p" ;; esac
  done
}

# resolve FILE: follows symbolic links (no readlink -f on old systems); prints the target.
resolve() {
  rs_f=$1
  rs_n=0
  while [ -h "$rs_f" ] && [ $rs_n -lt 20 ]; do
    rs_l=$(ls -ld "$rs_f" 2>/dev/null)
    rs_t=${rs_l#*" -> "}
    [ "$rs_t" = "$rs_l" ] && break
    case "$rs_t" in
      /*) rs_f=$rs_t ;;
      *) rs_f=${rs_f%/*}/$rs_t ;;
    esac
    rs_n=$((rs_n + 1))
  done
  rs_d=${rs_f%/*}
  rs_b=${rs_f##*/}
  if rs_d=$(cd -P "${rs_d:-/}" 2>/dev/null && pwd -P); then
    printf '%s\n' "${rs_d%/}/$rs_b"
  else
    printf '%s\n' "$rs_f"
  fi
}

# link_chain FILE: the file and every link it passes through, one per line.
link_chain() {
  lc_f=$1
  lc_n=0
  printf '%s\n' "$lc_f"
  while [ -h "$lc_f" ] && [ $lc_n -lt 20 ]; do
    lc_l=$(ls -ld "$lc_f" 2>/dev/null)
    lc_t=${lc_l#*" -> "}
    [ "$lc_t" = "$lc_l" ] && break
    case "$lc_t" in
      /*) lc_f=$lc_t ;;
      *) lc_f=${lc_f%/*}/$lc_t ;;
    esac
    printf '%s\n' "$lc_f"
    lc_n=$((lc_n + 1))
  done
}

# existing_unique FILE...: files that exist, one per real target (first name kept),
# names with blanks skipped (attribute values hold no spaces).
existing_unique() {
  eu_seen=
  for eu in "$@"; do
    case "$eu" in *" "*|*"	"*|'') continue ;; esac
    [ -f "$eu" ] || continue
    eu_r=$(resolve "$eu")
    case " $eu_seen " in *" $eu_r "*) continue ;; esac
    eu_seen="$eu_seen $eu_r"
    printf '%s\n' "$eu"
  done
}

# Package names of the mail transport agents and their parts, for filtering; a vendor
# prefix is allowed (zimbra-postfix). MTA_AUDIT_EXTRA_PACKAGES adds exact names.
MTA_PKG_RE='(^|-)(sendmail|postfix|exim|exim4|opensmtpd|ssmtp|msmtp|msmtp-mta|nullmailer|dma|esmtp|esmtp-run|courier-mta|qmail|netqmail|notqmail|masqmail)([-_.+].*)?$'
EXTRA_PKGS=$(printf '%s' "${MTA_AUDIT_EXTRA_PACKAGES:-}" | tr -c 'A-Za-z0-9.+_-' ' ' | tr 'A-Z' 'a-z')
# An awk condition on the lower-cased name n.
IS_MTA_PKG='(n ~ /'"$MTA_PKG_RE"'/ || index(" '"$EXTRA_PKGS"' ", " " n " ") > 0)'

# --- Probe bodies (run in the probe's own subshell) -----------------------------------

# filtered FILTER PROGRAM ARGS...: runs the program, keeps stdout lines whose first
# field matches the package pattern, keeps all of stderr, and exits with the
# program's status (no pipefail in POSIX sh).
filtered() {
  f_awk=$1
  shift
  "$@" > "$W/f.out.$N" 2> "$W/f.err.$N"
  f_rc=$?
  awk "$f_awk" "$W/f.out.$N"
  cat "$W/f.err.$N"
  rm -f "$W/f.out.$N" "$W/f.err.$N"
  return $f_rc
}
AWK_FIRST_FIELD='{ n = tolower($1); if '"$IS_MTA_PKG"' print }'
AWK_ANY_MTA='{ l = tolower($0); if (l ~ /sendmail|postfix|exim|opensmtpd|smtpd/) print }'

run_os_release_aix() { oslevel -s; }

# host.id: which machine this is, one "KIND VALUE" line per source that answers (read-only), so that
# hosts sharing a name (localhost, a cloned image) are told apart in one report. Fails when none does.
run_host_id() {
  hi_any=
  case "$OS" in
    Linux)
      for hi_f in /etc/machine-id /var/lib/dbus/machine-id; do
        [ -r "$hi_f" ] || continue
        read -r hi_v < "$hi_f" && [ -n "$hi_v" ] && printf 'machine-id %s\n' "$hi_v" && hi_any=1
        break
      done
      # Root only (mode 0400): a normal user's bundle has the machine-id alone.
      if [ -r /sys/class/dmi/id/product_uuid ]; then
        read -r hi_v < /sys/class/dmi/id/product_uuid && [ -n "$hi_v" ] && printf 'dmi-uuid %s\n' "$hi_v" && hi_any=1
      fi ;;
    SunOS)
      hi_v=$(hostid 2>/dev/null) && [ -n "$hi_v" ] && printf 'hostid %s\n' "$hi_v" && hi_any=1 ;;
    AIX)
      hi_v=$(uname -u 2>/dev/null) && [ -n "$hi_v" ] && printf 'uname-u %s\n' "$hi_v" && hi_any=1
      hi_v=$(lsattr -El sys0 -a systemid 2>/dev/null | awk '{ print $2; exit }') && [ -n "$hi_v" ] && printf 'systemid %s\n' "$hi_v" && hi_any=1 ;;
    HP-UX)
      hi_v=$(getconf MACHINE_SERIAL 2>/dev/null) && [ -n "$hi_v" ] && printf 'serial %s\n' "$hi_v" && hi_any=1
      hi_v=$(uname -i 2>/dev/null) && [ -n "$hi_v" ] && printf 'uname-i %s\n' "$hi_v" && hi_any=1 ;;
  esac
  [ -n "$hi_any" ]
}

run_ps() {
  if [ "$OS" = HP-UX ]; then
    UNIX95=1 ps -eo pid,ppid,user,args > "$W/ps.out.$N"
    ps_rc=$?
  else
    ps -eo pid,ppid,user,args > "$W/ps.out.$N" 2> "$W/ps.err.$N"
    ps_rc=$?
    if [ $ps_rc -ne 0 ]; then
      ps -ef > "$W/ps.out.$N"
      ps_rc=$?
    fi
  fi
  # Arguments that look like secrets never reach the bundle.
  redact < "$W/ps.out.$N"
  rm -f "$W/ps.err.$N" "$W/ps.out.$N"
  return $ps_rc
}

# redact: process arguments that look like secrets become <redacted>: the value after a word
# naming a password, pass, passwd, token, secret, credential or key (ACCESS_KEY, api_key), written
# name=value, name:value, "name": "value" (JSON in an argument) or --name value; and the password
# of a URL's user:password@. Basic regular expressions only (Solaris 10 sed has no -E or \|).
redact() {
  rd_args=
  for rd_w in '[Pp][Aa][Ss][Ss][A-Za-z_]*' '[Tt][Oo][Kk][Ee][Nn][A-Za-z_]*' '[Ss][Ee][Cc][Rr][Ee][Tt][A-Za-z_]*' \
      '[Cc][Rr][Ee][Dd][Ee][Nn][Tt][Ii][Aa][Ll][A-Za-z_]*' '[A-Za-z_]*[Kk][Ee][Yy]'; do
    rd_args="$rd_args -e 's/\\($rd_w\"*[=:] *\"*\\)[^ \",}]*/\\1<redacted>/g'"
    rd_args="$rd_args -e 's/\\(-[-]*$rd_w \\)[^ -][^ ]*/\\1<redacted>/g'"
  done
  eval "sed $rd_args -e 's|\\(://[^/:@ ]*:\\)[^/@ ]*@|\\1<redacted>@|g'"
}

# proc.ns (Linux): where each process runs, so that containers' daemons are not taken for the
# host's: "self PID" (this collector), the PID and network namespace links (a normal user can
# read only its own) and each process's distinct cgroup paths (readable by anyone).
run_proc_ns() {
  echo "self $MAIN_PID"
  ls -l /proc/[0-9]*/ns/pid /proc/[0-9]*/ns/net 2>/dev/null | awk '$(NF-1) == "->" { print "ns", $(NF-2), $NF }'
  awk '{ p = $0; sub(/^[^:]*:[^:]*:/, "", p); k = FILENAME " " p; if (!(k in seen)) { seen[k] = 1; print "cgroup", k } }' /proc/[0-9]*/cgroup 2>/dev/null
  return 0
}

run_sysv() {
  if have chkconfig; then chkconfig --list; return $?; fi
  sv_dirs=
  for sv in /etc/rc?.d /etc/rc.d/rc?.d /sbin/rc?.d; do [ -d "$sv" ] && sv_dirs="$sv_dirs $sv"; done
  ls -l $sv_dirs
}

run_dpkg() {
  filtered "$AWK_FIRST_FIELD" dpkg-query -W -f='${Package} ${Version} ${db:Status-Abbrev}\n' && return 0
  # dpkg before 1.16.2 (Debian 6, Ubuntu 10.04) has no db:Status-Abbrev: the long status instead.
  filtered "$AWK_FIRST_FIELD" dpkg-query -W -f='${Package} ${Version} ${Status}\n'
}

run_rpm() {
  filtered "$AWK_FIRST_FIELD" rpm -qa --qf '%{NAME} %{EPOCHNUM}:%{VERSION}-%{RELEASE} %{ARCH}\n'
}

run_pkg_solaris11() { filtered "$AWK_ANY_MTA" pkg list -H; }

# Solaris 10 SVR4 packages: the Sendmail ones (SUNWsndmr, SUNWsndmu) and any other
# MTA package (CSW postfix, exim), in full.
run_pkginfo() {
  pi_names=$(pkginfo 2>/dev/null | awk '{ l = tolower($2 " " $3 " " $4 " " $5); if ($2 ~ /^SUNWsndm/ || l ~ /postfix|exim|opensmtpd/) print $2 }')
  [ -n "$pi_names" ] || { pkginfo -l SUNWsndmr SUNWsndmu; return $?; }
  pkginfo -l $pi_names
}

run_lslpp() { filtered '/sendmail|postfix|exim|bos\.net\.tcp\.client:/ || NR == 1' lslpp -Lc; }

run_swlist() { filtered '{ l = tolower($0); if (l ~ /sendmail|postfix|exim|internetsrvcs|^#/) print }' swlist -l product; }

# Pending updates, from the local package cache only (never the network, never a lock).
run_apt_updates() {
  # apt-cache policy reads the cached metadata only (no network, no lock) and answers in
  # milliseconds where "apt-get -s upgrade" resolves the whole system. Only the package,
  # Installed and Candidate lines are kept: the version table names the mirrors.
  au_pkgs=$(dpkg-query -W -f='${Package} ${Status}\n' 2>/dev/null | awk '$NF == "installed" { n = tolower($1); if '"$IS_MTA_PKG"' print $1 }')
  if [ -z "$au_pkgs" ]; then
    echo "no MTA package installed"
    return 0
  fi
  # shellcheck disable=SC2086
  filtered '/^[^ \t].*:$/ || /^  (Installed|Candidate):/ { print }' apt-cache policy $au_pkgs
}
run_dnf_updates() { filtered "$AWK_FIRST_FIELD" dnf -q -C check-update; }
run_yum_updates() { filtered "$AWK_FIRST_FIELD" yum -q -C check-update; }
run_zypper_updates() { filtered '{ l = tolower($0); if (l ~ /sendmail|postfix|exim|opensmtpd|^s *\|/) print }' zypper -q --no-refresh lu; }

# Debian changelog: CVE lines with the header line of the entry each came from.
run_deb_changelog() {
  gzip -dc "$1" | awk '
    /^[^ \t].*\(.*\).*;.*urgency=/ { head = $0; shown = 0; next }
    /CVE-[0-9][0-9][0-9][0-9]-[0-9]/ { if (!shown) { print head; shown = 1 } print }'
}

# RPM changelog: entries start "* Day Mon DD YYYY Name <mail> - version".
run_rpm_changelog() {
  rpm -q --changelog "$1" | awk '
    /^\* / { head = $0; shown = 0; next }
    /CVE-[0-9][0-9][0-9][0-9]-[0-9]/ { if (!shown) { print head; shown = 1 } print }'
}

run_ls_l() { ls -l "$@"; }

# ls -l of the package metadata, with apt's list names cut to their suite part
# (host_path_dists_SUITE_... -> SUITE_...): the ages are the evidence, not the mirrors.
run_repo_age() {
  ls -l "$@" | awk '{ n = $NF; sub(/^.*_dists_/, "", n); $NF = n; print }'
}

# The package that owns a file, where that is cheap; empty when unknown.
owner_of() {
  if have dpkg; then
    # Skip "diversion by ..." lines: the owner is on the "package: path" line.
    dpkg -S "$1" 2>/dev/null | awk -F: '!/^diversion / { print $1; exit }'
  elif have rpm; then
    rpm -qf --qf '%{NAME}\n' "$1" 2>/dev/null | awk 'NR == 1 && !/not owned/ { print }'
  fi
}

# sendmail_kind FILE: sendmail when FILE is (or may be) the real Sendmail; else the
# MTA whose compatibility wrapper it is. -bt must never reach a wrapper (OpenSMTPD's
# is smtpctl), and -bv is never used at all (it sends probe mail on Postfix).
sendmail_kind() {
  sk_r=$(resolve "$1")
  case "${sk_r##*/}" in
    *postfix*|postdrop) echo postfix; return ;;
    *exim*) echo exim; return ;;
    smtpctl|*opensmtpd*) echo opensmtpd; return ;;
    ssmtp|msmtp*|nullmailer*|dma|esmtp|masqmail) echo other; return ;;
  esac
  case "$sk_r" in
    */postfix/*) echo postfix; return ;;
    */exim*) echo exim; return ;;
  esac
  sk_o=$(owner_of "$sk_r")
  [ -n "$sk_o" ] || sk_o=$(owner_of "$1")
  case "$sk_o" in
    '') echo sendmail ;;
    sendmail*) echo sendmail ;;
    postfix*) echo postfix ;;
    exim*) echo exim ;;
    opensmtpd*) echo opensmtpd ;;
    *) echo "other:$sk_o" | tr -c 'A-Za-z0-9._:+\n-' '_' ;;
  esac
}

# unsafe_reason FILE: prints nothing when FILE, every link on the way to it, the file it resolves
# to and every directory above each of them are owned by root (or the file belongs to a package)
# and not writable by group or others; else why not, "writable:PATH" or "owner-uid-N:PATH".
# A candidate MTA program is run (as root, often) only when this prints nothing.
unsafe_reason() {
  for ur_f in $(link_chain "$1") $(resolve "$1"); do
    ur_p=$ur_f
    while [ -n "$ur_p" ]; do
      ur_l=$(ls -ldn "$ur_p" 2>/dev/null)
      if [ -n "$ur_l" ]; then
        set -- $ur_l
        # A sticky directory (/tmp, drwxrwxrwt) lets no one but an entry's owner rename or remove it,
        # so it is safe above a root-owned entry; the program itself is never writable by others.
        case "$1" in
          l*) ;;
          d????????[tT]*) if [ "$3" != 0 ]; then printf 'owner-uid-%s:%s\n' "$3" "$ur_p"; return 0; fi ;;
          ?????w*|????????w*) printf 'writable:%s\n' "$ur_p"; return 0 ;;
          *) if [ "$3" != 0 ] && [ -z "$(owner_of "$ur_p")" ]; then printf 'owner-uid-%s:%s\n' "$3" "$ur_p"; return 0; fi ;;
        esac
      fi
      [ "$ur_p" = / ] && break
      ur_p=${ur_p%/*}
      [ -n "$ur_p" ] || ur_p=/
    done
  done
  return 0
}

# --- The probes ----------------------------------------------------------------------

probe os.uname "" "uname -a" uname -a
case "$OS" in
  Linux) probe host.id "" "cat /etc/machine-id /sys/class/dmi/id/product_uuid" run_host_id ;;
  SunOS) probe host.id "" "hostid" run_host_id ;;
  AIX) probe host.id "" "uname -u; lsattr -El sys0 -a systemid" run_host_id ;;
  HP-UX) probe host.id "" "getconf MACHINE_SERIAL; uname -i" run_host_id ;;
  *) absent host.id "" "hostid" ;;
esac

case "$OS" in
  Linux)
    for f in /etc/os-release /etc/redhat-release /etc/lsb-release /etc/SuSE-release; do
      if [ -f "$f" ]; then probe os.release "path=$f" "cat $f" cat "$f"
      elif [ "$f" = /etc/os-release ]; then absent os.release "path=$f" "cat $f"
      fi
    done ;;
  SunOS)
    if [ -f /etc/release ]; then probe os.release "path=/etc/release" "cat /etc/release" cat /etc/release
    else absent os.release "path=/etc/release" "cat /etc/release"; fi ;;
  AIX)
    if have oslevel; then probe os.release "" "oslevel -s" run_os_release_aix
    else absent os.release "" "oslevel -s"; fi ;;
  *)
    probe os.release "" "uname -r" uname -r ;;
esac

# The process list runs alone: a probe running beside it (postconf, sendmail -bt) would show
# up in it as if it were the host's own.
drain
if [ "$OS" = HP-UX ]; then
  probe proc.list "" "UNIX95=1 ps -eo pid,ppid,user,args" run_ps
else
  probe proc.list "" "ps -eo pid,ppid,user,args (else ps -ef)" run_ps
fi
drain
if [ "$OS" = Linux ] && [ -r /proc/self/cgroup ]; then
  probe proc.ns "${NEED_ROOT_NS# }" "ls -l /proc/*/ns/pid /proc/*/ns/net; cat /proc/*/cgroup" run_proc_ns
else
  absent proc.ns "" "ls -l /proc/*/ns/pid /proc/*/ns/net; cat /proc/*/cgroup"
fi

# Listening sockets. Linux ss/netstat -p show other users' processes only to root.
NEED_ROOT=
[ "$USERKIND" = root ] || NEED_ROOT=" root=needed"
if [ "$OS" = Linux ]; then
  if have ss; then probe net.listen "${NEED_ROOT# }" "ss -ltnp" ss -ltnp
  elif have netstat; then probe net.listen "${NEED_ROOT# }" "netstat -ltnp" netstat -ltnp
  else absent net.listen "" "ss -ltnp"; fi
else
  if have netstat; then probe net.listen "" "netstat -an" netstat -an
  else absent net.listen "" "netstat -an"; fi
fi

# The host's own addresses, for the report (never for the judgement). HP-UX's ifconfig wants an
# interface name, so its netstat -in lists them; elsewhere ifconfig -a (ip where Linux has it).
case "$OS" in
  Linux)
    if have ip; then probe net.addr "" "ip -o addr show" ip -o addr show
    elif have ifconfig; then probe net.addr "" "ifconfig -a" ifconfig -a
    else absent net.addr "" "ip -o addr show"; fi ;;
  HP-UX)
    if have netstat; then probe net.addr "" "netstat -in" netstat -in
    else absent net.addr "" "netstat -in"; fi ;;
  *)
    if have ifconfig; then probe net.addr "" "ifconfig -a" ifconfig -a
    else absent net.addr "" "ifconfig -a"; fi ;;
esac

# systemd only when it is the running init (a container or chroot may have systemctl).
if have systemctl && [ -d /run/systemd/system ]; then
  probe svc.systemd "" "systemctl list-units --type=service --all --no-legend --no-pager" \
    systemctl list-units --type=service --all --no-legend --no-pager
  # Mail units only: with patterns systemd works out the state of matching units alone
  # (27 ms where the whole list takes 700 ms on a small Debian host).
  # set -f: the patterns go to systemctl as they are, never expanded against file names here.
  set -f
  probe svc.systemd.enabled "" "systemctl list-unit-files --type=service --no-legend --no-pager $MAIL_UNITS" \
    systemctl list-unit-files --type=service --no-legend --no-pager $MAIL_UNITS
  set +f
else
  if have systemctl; then SD_NOTE="note=systemd-not-running"; else SD_NOTE=""; fi
  absent svc.systemd "$SD_NOTE" "systemctl list-units --type=service --all --no-legend --no-pager"
  absent svc.systemd.enabled "$SD_NOTE" "systemctl list-unit-files --type=service --no-legend --no-pager"
fi

if have chkconfig; then
  probe svc.sysv "" "chkconfig --list" run_sysv
else
  SV_FOUND=
  for sv in /etc/rc?.d /etc/rc.d/rc?.d /sbin/rc?.d; do [ -d "$sv" ] && SV_FOUND=yes; done
  if [ -n "$SV_FOUND" ]; then probe svc.sysv "" "ls -l /etc/rc?.d /etc/rc.d/rc?.d /sbin/rc?.d" run_sysv
  else absent svc.sysv "" "ls -l /etc/rc?.d /etc/rc.d/rc?.d /sbin/rc?.d"; fi
fi

if [ "$OS" = SunOS ] && have svcs; then probe svc.smf "" "svcs -a" svcs -a
else absent svc.smf "" "svcs -a"; fi

if [ "$OS" = AIX ] && have lssrc; then probe svc.src "" "lssrc -a" lssrc -a
else absent svc.src "" "lssrc -a"; fi

if [ -f /etc/rc.tcpip ]; then probe file.aix.rc.tcpip "path=/etc/rc.tcpip" "cat /etc/rc.tcpip" cat /etc/rc.tcpip
else absent file.aix.rc.tcpip "path=/etc/rc.tcpip" "cat /etc/rc.tcpip"; fi

if [ -f /etc/rc.config.d/mailservs ]; then
  probe file.hpux.mailservs "path=/etc/rc.config.d/mailservs" "cat /etc/rc.config.d/mailservs" cat /etc/rc.config.d/mailservs
else absent file.hpux.mailservs "path=/etc/rc.config.d/mailservs" "cat /etc/rc.config.d/mailservs"; fi

# --- MTA binaries ------------------------------------------------------------------------
SENDMAIL_PATHS="/usr/sbin/sendmail /usr/lib/sendmail /usr/sbin/sendmail.sendmail /usr/libexec/sendmail/sendmail /usr/local/sbin/sendmail /opt/csw/lib/sendmail /opt/csw/sbin/sendmail"
POSTCONF_PATHS="/usr/sbin/postconf /usr/lib/postfix/postconf /usr/lib/postfix/sbin/postconf /usr/libexec/postfix/postconf /usr/local/sbin/postconf /opt/csw/sbin/postconf"
EXIM_PATHS="/usr/sbin/exim4 /usr/sbin/exim /usr/exim/bin/exim /usr/local/sbin/exim /usr/local/exim/bin/exim /opt/csw/sbin/exim /opt/csw/bin/exim"
SMTPD_PATHS="/usr/sbin/smtpd /usr/local/sbin/smtpd /opt/csw/sbin/smtpd"
OTHER_PATHS="/usr/sbin/sendmail.postfix /usr/sbin/postfix /usr/sbin/sendmail.exim /usr/sbin/smtpctl /usr/local/sbin/smtpctl /opt/csw/sbin/postfix"

# Searched first: directories from MTA_AUDIT_EXTRA_PATHS, then the fixed places, then PATH.
EXTRA_FOUND=$(
  IFS=:
  for d in ${MTA_AUDIT_EXTRA_PATHS:-}; do
    for n in sendmail postconf postfix exim exim4 smtpd smtpctl; do
      [ -n "$d" ] && [ -f "$d/$n" ] && printf '%s\n' "$d/$n"
    done
  done
)
ON_PATH=$(which_all sendmail postconf postfix exim exim4 smtpd smtpctl)
# Every candidate, then every link it passes through, listed once.
BIN_LIST=$(
  for c in $EXTRA_FOUND $SENDMAIL_PATHS $POSTCONF_PATHS $EXIM_PATHS $SMTPD_PATHS $OTHER_PATHS $ON_PATH; do
    [ -f "$c" ] || [ -h "$c" ] || continue
    link_chain "$c"
  done | awk '!seen[$0]++'
)
if [ -n "$BIN_LIST" ]; then
  probe mta.binaries "" "ls -l $(printf '%s' "$BIN_LIST" | tr '\n' ' ')" run_ls_l $BIN_LIST
else
  absent mta.binaries "" "ls -l $SENDMAIL_PATHS $POSTCONF_PATHS $EXIM_PATHS $SMTPD_PATHS $OTHER_PATHS"
fi

pick() {
  # pick NAME CANDIDATES...: EXTRA ones named NAME first, then the candidates.
  pk_n=$1
  shift
  for pk in $EXTRA_FOUND; do
    case "$pk" in */"$pk_n") printf '%s\n' "$pk" ;; esac
  done
  for pk in "$@"; do printf '%s\n' "$pk"; done
}

# Sendmail: for each distinct real Sendmail binary, with no input (-bt reads stdin).
SM_LIST=$(existing_unique $(pick sendmail $SENDMAIL_PATHS) $(which_all sendmail))
SM_RAN=
for sm in $SM_LIST; do
  kind=$(sendmail_kind "$sm")
  if [ "$kind" = sendmail ] && ur=$(unsafe_reason "$sm") && [ -n "$ur" ]; then
    absent mta.sendmail.version "path=$sm unsafe=$ur" "$sm -d0.1 -bt < /dev/null (not run: unsafe, $ur)"
  elif [ "$kind" = sendmail ]; then
    probe mta.sendmail.version "path=$sm" "$sm -d0.1 -bt < /dev/null" "$sm" -d0.1 -bt
  else
    absent mta.sendmail.version "path=$sm wrapper=$kind" "$sm -d0.1 -bt < /dev/null (not run: not Sendmail)"
  fi
  SM_RAN=yes
done
[ -n "$SM_RAN" ] || absent mta.sendmail.version "" "sendmail -d0.1 -bt < /dev/null"

PC_LIST=$(existing_unique $(pick postconf $POSTCONF_PATHS) $(which_all postconf))
if [ -n "$PC_LIST" ]; then
  for pc in $PC_LIST; do
    ur=$(unsafe_reason "$pc")
    if [ -n "$ur" ]; then absent mta.postfix.version "path=$pc unsafe=$ur" "$pc -d mail_version (not run: unsafe, $ur)"
    else probe mta.postfix.version "path=$pc" "$pc -d mail_version" "$pc" -d mail_version; fi
  done
else
  absent mta.postfix.version "" "postconf -d mail_version"
fi

EX_LIST=$(existing_unique $(pick exim4 $EXIM_PATHS) $(pick exim) $(which_all exim4 exim))
if [ -n "$EX_LIST" ]; then
  for ex in $EX_LIST; do
    ur=$(unsafe_reason "$ex")
    if [ -n "$ur" ]; then absent mta.exim.version "path=$ex unsafe=$ur" "$ex -bV (not run: unsafe, $ur)"
    else probe mta.exim.version "path=$ex" "$ex -bV" "$ex" -bV; fi
  done
else
  absent mta.exim.version "" "exim -bV"
fi

# OpenSMTPD: `smtpd -h` prints the version and usage and exits. Run it only when
# this smtpd is OpenSMTPD's (smtpctl beside it, or the package says so), so that no
# other program called smtpd is started.
SD_LIST=$(existing_unique $(pick smtpd $SMTPD_PATHS) $(which_all smtpd))
SD_RAN=
for sd in $SD_LIST; do
  sd_dir=${sd%/*}
  sd_owner=$(owner_of "$(resolve "$sd")")
  if [ -f "$sd_dir/smtpctl" ] || case "$sd_owner" in opensmtpd*) true ;; *) false ;; esac; then
    ur=$(unsafe_reason "$sd")
    if [ -n "$ur" ]; then absent mta.opensmtpd.version "path=$sd unsafe=$ur" "$sd -h (not run: unsafe, $ur)"
    else probe mta.opensmtpd.version "path=$sd" "$sd -h" "$sd" -h; fi
  else
    absent mta.opensmtpd.version "path=$sd note=not-opensmtpd" "$sd -h (not run: no smtpctl beside it, not packaged as opensmtpd)"
  fi
  SD_RAN=yes
done
[ -n "$SD_RAN" ] || absent mta.opensmtpd.version "" "smtpd -h"

# --- Packages --------------------------------------------------------------------------
if have dpkg-query; then
  probe pkg.dpkg "" "dpkg-query -W -f='\${Package} \${Version} \${db:Status-Abbrev}\\n' (MTA packages)" run_dpkg
else absent pkg.dpkg "" "dpkg-query -W"; fi

if have rpm; then
  probe pkg.rpm "" "rpm -qa --qf '%{NAME} %{EPOCHNUM}:%{VERSION}-%{RELEASE} %{ARCH}\\n' (MTA packages)" run_rpm
else absent pkg.rpm "" "rpm -qa"; fi

if [ "$OS" = SunOS ] && have pkg && [ -d /var/pkg ]; then
  probe pkg.solaris "" "pkg list -H (MTA packages)" run_pkg_solaris11
elif [ "$OS" = SunOS ] && have pkginfo; then
  probe pkg.solaris "" "pkginfo -l SUNWsndm* (and other MTA packages)" run_pkginfo
else absent pkg.solaris "" "pkg list -H"; fi

if [ "$OS" = AIX ] && have lslpp; then probe pkg.aix "" "lslpp -Lc (MTA filesets)" run_lslpp
else absent pkg.aix "" "lslpp -Lc"; fi

if [ "$OS" = HP-UX ] && have swlist; then probe pkg.hpux "" "swlist -l product (MTA products)" run_swlist
else absent pkg.hpux "" "swlist -l product"; fi

SLOW=3
if [ "$OS" = Linux ] && have apt-get && have dpkg-query; then
  probe pkg.updates "path=apt" "apt-cache policy (installed MTA packages)" run_apt_updates
elif [ "$OS" = Linux ] && have dnf; then
  probe pkg.updates "path=dnf" "dnf -q -C check-update (MTA packages)" run_dnf_updates
elif [ "$OS" = Linux ] && have yum; then
  probe pkg.updates "path=yum" "yum -q -C check-update (MTA packages)" run_yum_updates
elif [ "$OS" = Linux ] && have zypper; then
  probe pkg.updates "path=zypper" "zypper -q --no-refresh lu (MTA packages)" run_zypper_updates
else absent pkg.updates "" "apt-get -s upgrade | yum -q -C check-update | zypper -q lu"; fi
SLOW=1

# How old the package metadata behind pkg.updates is. now= is this host's clock (UTC epoch).
NOW=$(date -u +%s 2>/dev/null)
case "$NOW" in ''|*[!0-9]*) NOW_ATTR="" ;; *) NOW_ATTR=" now=$NOW" ;; esac
if ls -l --time-style=+%s / >/dev/null 2>&1; then LS_TIME="--time-style=+%s"; else LS_TIME=""; fi
REPO_DIRS=
for rd in /var/lib/apt/lists /var/cache/dnf /var/cache/yum /var/cache/zypp/raw; do
  [ -d "$rd" ] && REPO_DIRS="$REPO_DIRS $rd"
done
if [ -n "$REPO_DIRS" ]; then
  probe pkg.repo-age "${NOW_ATTR# }" "ls -l $LS_TIME$REPO_DIRS" run_repo_age $LS_TIME $REPO_DIRS
else absent pkg.repo-age "${NOW_ATTR# }" "ls -l /var/lib/apt/lists"; fi

# Changelogs: the CVE ids the vendor says it fixed (backports keep old version numbers).
CL_DONE=
if have dpkg-query; then
  CL_SEEN=
  for pk in $(dpkg-query -W -f='${Package} ${Status}\n' 2>/dev/null | awk '$NF == "installed" { n = tolower($1); if '"$IS_MTA_PKG"' print $1 }'); do
    cl=/usr/share/doc/$pk/changelog.Debian.gz
    [ -f "$cl" ] || continue
    cl_r=$(resolve "$cl")
    case " $CL_SEEN " in *" $cl_r "*) continue ;; esac
    CL_SEEN="$CL_SEEN $cl_r"
    if [ -r "$cl" ]; then
      probe pkg.changelog "path=$cl package=$pk" "gzip -dc $cl | awk (CVE lines and their entry headers)" run_deb_changelog "$cl"
    else
      absent pkg.changelog "path=$cl package=$pk root=needed" "gzip -dc $cl (not readable)"
    fi
    CL_DONE=yes
  done
fi
if have rpm; then
  for pk in $(rpm -qa --qf '%{NAME}\n' 2>/dev/null | awk '{ n = tolower($1); if '"$IS_MTA_PKG"' print $1 }' | sort -u); do
    probe pkg.changelog "package=$pk" "rpm -q --changelog $pk | awk (CVE lines and their entry headers)" run_rpm_changelog "$pk"
    CL_DONE=yes
  done
fi
[ -n "$CL_DONE" ] || absent pkg.changelog "" "changelog of the installed MTA packages"

# --- knowledge: package sources and build facts ---
# Package sources: whether the OS gets updates past its standard support (Ubuntu ESM, Debian ELTS,
# RHEL ELS/EUS, SLES LTSS). Comments and blank lines dropped, user:password@ cut from every URL,
# and for yum/zypper repositories only the lines that say what and where a repository is.
run_pkg_sources() {
  for ps_f in "$@"; do
    printf '==> %s <==\n' "$ps_f"
    case "$ps_f" in
      *.repo) awk '/^[ \t]*\[/ || /^[ \t]*(name|baseurl|mirrorlist|metalink|enabled)[ \t]*=/ { sub(/:\/\/[^\/@ ]*@/, "://"); print }' "$ps_f" ;;
      *) awk '/^[ \t]*#/ { next } /^[ \t]*$/ { print ""; next } { sub(/:\/\/[^\/@ ]*@/, "://"); print }' "$ps_f" ;;
    esac
  done
}
PS_FILES=
for ps_f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources /etc/yum.repos.d/*.repo /etc/zypp/repos.d/*.repo; do
  [ -f "$ps_f" ] && [ -r "$ps_f" ] && PS_FILES="$PS_FILES $ps_f"
done
if [ -n "$PS_FILES" ]; then
  # shellcheck disable=SC2086
  probe pkg.sources "" "awk (apt sources, yum/zypper repositories; comments and URL credentials dropped)" run_pkg_sources $PS_FILES
else absent pkg.sources "" "cat /etc/apt/sources.list /etc/yum.repos.d/*.repo"; fi

# Build facts the MTAs print, for vulnerabilities that need a feature, a table type or a C library.
# exim -bV and sendmail -d0.1 already keep their whole output (mta.*.version); Postfix needs its own.
run_postconf_build() {
  echo "== postconf -m =="
  "$1" -m
  pb_rc=$?
  echo "== postconf -a =="
  "$1" -a
  pa_rc=$?
  [ $pb_rc -eq 0 ] && pb_rc=$pa_rc
  return $pb_rc
}
for pc in $PC_LIST; do
  # The same rule as the version probes: a program others could have replaced is not run.
  ur=$(unsafe_reason "$pc")
  if [ -n "$ur" ]; then absent mta.postfix.build "path=$pc unsafe=$ur" "$pc -m; $pc -a (not run: unsafe, $ur)"
  else probe mta.postfix.build "path=$pc" "$pc -m; $pc -a" run_postconf_build "$pc"; fi
  break
done
[ -n "$PC_LIST" ] || absent mta.postfix.build "" "postconf -m; postconf -a"

run_libc() {
  if have ldd; then ldd --version 2>&1 | sed -n '1,2p'; fi
  ls /lib/libc.so* /lib64/libc.so* /lib/*/libc.so* /usr/lib/libc.so* /lib/ld-musl-* 2>/dev/null
  return 0
}
if [ "$OS" = Linux ]; then probe os.libc "" "ldd --version | sed -n 1,2p; ls /lib*/libc.so* /lib/ld-musl-*" run_libc
else absent os.libc "" "ldd --version"; fi
# --- end of knowledge block ---

# --- mail queues: how many messages wait (a hint for `fix`: an MTA with nothing queued may be unused) ---
# Counts only: every listing goes straight into awk, which prints a number, so no envelope, address or
# message text (personal data) reaches the bundle or a file. One line a queue: "MTA COUNT HOW", or
# "MTA unknown HOW" when it could not be counted (a stopped daemon, not root). The probe's time limit holds.
mq_count() {
  # mq_count MTA HOW CMD...: CMD's lines counted; its exit status decides between COUNT and unknown.
  mq_m=$1 mq_how=$2
  shift 2
  mq_r=$({ "$@" 2>/dev/null; echo "mta-audit-rc=$?"; } | awk '/^mta-audit-rc=/ { rc = substr($0, 14); next } { n++ } END { print rc, n + 0 }')
  set -- $mq_r
  if [ "$1" = 0 ]; then echo "$mq_m $2 $mq_how"; else echo "$mq_m unknown $mq_how (exit $1)"; fi
}
mq_files() {
  # mq_files MTA HOW NAME DIR...: regular files called NAME under the DIRs that exist, counted by name only.
  mq_m=$1 mq_how=$2 mq_name=$3
  shift 3
  mq_dirs=
  for mq_d in "$@"; do [ -d "$mq_d" ] && mq_dirs="$mq_dirs $mq_d"; done
  [ -n "$mq_dirs" ] || return 0
  # shellcheck disable=SC2086
  mq_count "$mq_m" "$mq_how" find $mq_dirs -type f -name "$mq_name"
}
# The same rule as the version probes: a program others could have replaced is not run (its queue is not
# counted). Every count goes through awk on the fly, so no output piles up in memory or a file.
run_mail_queues() {
  for mq_pc in $PC_LIST; do
    # postqueue asks the running daemon; a stopped Postfix's queue is counted in its directories.
    mq_pq=${mq_pc%/*}/postqueue
    mq_pf="postfix unknown postqueue (not found or not safe to run)"
    [ -x "$mq_pq" ] && [ -z "$(unsafe_reason "$mq_pq")" ] && mq_pf=$(mq_count postfix "postqueue -j" "$mq_pq" -j)
    case "$mq_pf" in
      "postfix unknown"*)
        # Its queue_directory from main.cf (the default where unset), read, not asked of postconf: a program's
        # output captured in a variable has no cap, and SIGPIPE may be ignored by whoever started us.
        mq_qd=/var/spool/postfix
        if [ -r /etc/postfix/main.cf ]; then
          mq_v=$(awk '/^[ \t]*queue_directory[ \t]*=/ { sub(/^[^=]*=[ \t]*/, ""); sub(/[ \t\r]*$/, ""); v = $0 } END { print v }' /etc/postfix/main.cf)
          [ -n "$mq_v" ] && mq_qd=$mq_v
        fi
        case "$mq_qd" in
          /*) mq_files postfix "find $mq_qd/{maildrop,incoming,active,deferred,hold}" '*' "$mq_qd/maildrop" "$mq_qd/incoming" "$mq_qd/active" "$mq_qd/deferred" "$mq_qd/hold" ;;
          *) echo "$mq_pf" ;;
        esac ;;
      *) echo "$mq_pf" ;;
    esac
    break
  done
  for mq_ex in $EX_LIST; do
    [ -z "$(unsafe_reason "$mq_ex")" ] || { echo "exim unknown $mq_ex -bpc (not safe to run)"; break; }
    mq_c=$("$mq_ex" -bpc 2>/dev/null | awk 'NR == 1 { print }')
    case "$mq_c" in ''|*[!0-9]*) echo "exim unknown $mq_ex -bpc" ;; *) echo "exim $mq_c $mq_ex -bpc" ;; esac
    break
  done
  for mq_sm in $SM_LIST; do
    [ "$(sendmail_kind "$mq_sm")" = sendmail ] || continue
    mq_files sendmail "find qf* (mqueue, clientmqueue)" 'qf*' /var/spool/mqueue /var/spool/clientmqueue
    break
  done
  for mq_sd in $SD_LIST; do
    [ -f "${mq_sd%/*}/smtpctl" ] || continue
    mq_files opensmtpd "find message (/var/spool/smtpd/queue)" message /var/spool/smtpd/queue
    break
  done
  return 0
}
if [ -n "$PC_LIST$EX_LIST$SM_LIST$SD_LIST" ]; then
  probe mta.queue "${NEED_ROOT# }" "postqueue -j | exim -bpc | find qf* | find message, counted by awk (no listing kept)" run_mail_queues
else absent mta.queue "" "postqueue -j | exim -bpc | mailq (counted)"; fi

drain
printf '%s\n' "--$B--"
