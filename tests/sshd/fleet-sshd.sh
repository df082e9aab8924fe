#!/usr/bin/env bash
# Real sshd instances on loopback addresses for the fleet tests and bench/fleet-vs-ansible.sh.
# Each instance: its own host key, config and log under DIR/NAME, `sshd -D -f` in the background,
# listening on ADDR:PORT only. Needs root (sshd's privilege separation) and openssh-server.
#
#   fleet-sshd.sh key DIR                       client key DIR/client_key (ed25519, no passphrase)
#   fleet-sshd.sh host DIR NAME ADDR PORT [FILE] one instance; FILE: extra sshd_config lines
#                                               (ForceCommand, AuthorizedKeysFile, ...); its key is
#                                               added to DIR/known_hosts as [ADDR]:PORT
#   fleet-sshd.sh fleet DIR COUNT [PORT]        COUNT instances on 127.1.X.Y:PORT (default 2222),
#                                               named hN, plus DIR/hosts.ini and DIR/hosts.txt;
#                                               FLEET_SSHD_EXTRA=FILE: extra sshd_config lines for each
#   fleet-sshd.sh down DIR                      stop every instance under DIR
# FLEET_SSHD_REPLAY=DIR: instance N answers every session with the Nth (round robin) *.evidence file of
# DIR, after reading the client's input (the collector script) to its end: the scanner's side of a
# fleet without the collectors' load on this machine (bench/fleet-replay.sh).
# FLEET_SSHD_PIDNS=1: each instance in its own PID namespace with its own /proc (unshare), so that a
# session's ps and /proc show that "host's" processes only, as on a machine of its own, and not every
# other instance's sshd and collectors (which made each bundle grow with the number of instances).
set -euo pipefail
cmd=${1:?usage: fleet-sshd.sh key|host|fleet|down DIR ...}
dir=${2:?DIR}
mkdir -p "$dir" /run/sshd

key() {
  [ -f "$dir/client_key" ] || ssh-keygen -q -t ed25519 -N '' -C mta-audit-fleet-test -f "$dir/client_key"
  [ -f "$dir/authorized_keys" ] || cp "$dir/client_key.pub" "$dir/authorized_keys"
  touch "$dir/known_hosts"
}

# wait_port ADDR PORT: until the port accepts (5 s at most).
wait_port() {
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; then return 0; fi
    sleep 0.05
  done
  echo "fleet-sshd: $1:$2 does not accept connections; see $dir/$3/log" >&2
  return 1
}

host() {
  local name=$1 addr=$2 port=$3 extra=${4:-}
  local d="$dir/$name"
  mkdir -p "$d"
  [ -f "$d/ssh_host_ed25519_key" ] || ssh-keygen -q -t ed25519 -N '' -C "$name" -f "$d/ssh_host_ed25519_key"
  {
    # First value wins in sshd_config: the extra lines come first, so they override the defaults below
    # (a Match block there would swallow the lines after it: none is used).
    [ -n "$extra" ] && cat "$extra"
    echo "ListenAddress $addr:$port"
    echo "HostKey $d/ssh_host_ed25519_key"
    echo "PidFile $d/pid"
    echo "StrictModes no"
    echo "UsePAM no"
    echo "PasswordAuthentication no"
    echo "KbdInteractiveAuthentication no"
    echo "PermitRootLogin prohibit-password"
    echo "MaxStartups 1000"
    echo "MaxSessions 10"
    echo "LogLevel ERROR"
    echo "Subsystem sftp internal-sftp"
    # Debian's bash sources ~/.bashrc when sshd starts it; this machine's root .bashrc runs pyenv's init,
    # which waits up to 60 s on a lock when sessions overlap. SHLVL=1 (bash makes it 2) skips that, so the
    # tests time the transport and the collector, not a developer's shell setup.
    echo "SetEnv SHLVL=1"
    echo "AuthorizedKeysFile $dir/authorized_keys"
  } > "$d/sshd_config"
  # A port someone else holds (another test run's sshd) would answer for ours with its own host key.
  if (exec 3<>"/dev/tcp/$addr/$port") 2>/dev/null; then
    echo "fleet-sshd: $addr:$port is already in use by another process (another test run?); $name not started" >&2
    return 1
  fi
  # Its own stdout/stderr closed: a caller reading this script's output must not wait for sshd.
  local run=()
  [ "${FLEET_SSHD_PIDNS:-0}" = 1 ] && run=(unshare --pid --fork --mount-proc --kill-child)
  "${run[@]}" /usr/sbin/sshd -D -f "$d/sshd_config" -E "$d/log" </dev/null >/dev/null 2>&1 &
  echo $! > "$d/sshd.pid"
  local entry="[$addr]:$port $(cut -d' ' -f1,2 "$d/ssh_host_ed25519_key.pub")"
  grep -qxF "$entry" "$dir/known_hosts" 2>/dev/null || echo "$entry" >> "$dir/known_hosts"
  wait_port "$addr" "$port" "$name"
  kill -0 "$(cat "$d/sshd.pid")" 2>/dev/null || { echo "fleet-sshd: $name's sshd exited: $(tail -n 3 "$d/log" 2>/dev/null)" >&2; return 1; }
}

case "$cmd" in
  key) key ;;
  host) key; host "${3:?NAME}" "${4:?ADDR}" "${5:?PORT}" "${6:-}" ;;
  fleet)
    key
    count=${3:?COUNT}; port=${4:-2222}; pids=(); failed=0
    : > "$dir/hosts.txt"
    { echo "[fleet]"; } > "$dir/hosts.ini"
    replay=()
    if [ -n "${FLEET_SSHD_REPLAY:-}" ]; then
      replay=("$(cd "$FLEET_SSHD_REPLAY" && pwd)"/*.evidence)
      [ -f "${replay[0]}" ] || { echo "fleet-sshd: no .evidence file in $FLEET_SSHD_REPLAY" >&2; exit 1; }
    fi
    for i in $(seq 1 "$count"); do
      addr="127.1.$(( (i - 1) / 250 )).$(( (i - 1) % 250 + 1 ))"
      extra=${FLEET_SSHD_EXTRA:-}
      if [ ${#replay[@]} -gt 0 ]; then
        mkdir -p "$dir/h$i"
        extra="$dir/h$i/replay.conf"
        { echo "ForceCommand cat >/dev/null; exec cat '${replay[$(( (i - 1) % ${#replay[@]} ))]}'"
          [ -n "${FLEET_SSHD_EXTRA:-}" ] && cat "$FLEET_SSHD_EXTRA"; } > "$extra"
      fi
      host "h$i" "$addr" "$port" "$extra" >/dev/null &
      pids+=($!)
      echo "root@$addr:$port" >> "$dir/hosts.txt"
      echo "h$i ansible_host=$addr ansible_port=$port ansible_user=root" >> "$dir/hosts.ini"
      # A few at a time: key generation and sshd start share the machine's cores.
      if (( i % 8 == 0 )); then for p in "${pids[@]}"; do wait "$p" || failed=1; done; pids=(); fi
    done
    for p in "${pids[@]}"; do wait "$p" || failed=1; done
    [ "$failed" = 0 ] || { echo "fleet-sshd: some instances did not start (see above)" >&2; exit 1; }
    ;;
  down)
    for p in "$dir"/*/sshd.pid; do
      [ -f "$p" ] || continue
      # Under FLEET_SSHD_PIDNS the pid is unshare's, which ignores SIGTERM while it waits: its child (the
      # namespace's sshd) is stopped first, and unshare ends with it.
      pkill -TERM -P "$(cat "$p")" 2>/dev/null || true
      kill "$(cat "$p")" 2>/dev/null || true
      rm -f "$p"
    done
    ;;
  *) echo "fleet-sshd: unknown command $cmd" >&2; exit 2 ;;
esac
