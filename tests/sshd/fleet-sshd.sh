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
    [ -n "$extra" ] && cat "$extra"
    # First value wins in sshd_config: the default comes after the extra lines.
    echo "AuthorizedKeysFile $dir/authorized_keys"
  } > "$d/sshd_config"
  # Its own stdout/stderr closed: a caller reading this script's output must not wait for sshd.
  /usr/sbin/sshd -D -f "$d/sshd_config" -E "$d/log" </dev/null >/dev/null 2>&1 &
  echo $! > "$d/sshd.pid"
  local entry="[$addr]:$port $(cut -d' ' -f1,2 "$d/ssh_host_ed25519_key.pub")"
  grep -qxF "$entry" "$dir/known_hosts" 2>/dev/null || echo "$entry" >> "$dir/known_hosts"
  wait_port "$addr" "$port" "$name"
}

case "$cmd" in
  key) key ;;
  host) key; host "${3:?NAME}" "${4:?ADDR}" "${5:?PORT}" "${6:-}" ;;
  fleet)
    key
    count=${3:?COUNT}; port=${4:-2222}
    : > "$dir/hosts.txt"
    { echo "[fleet]"; } > "$dir/hosts.ini"
    for i in $(seq 1 "$count"); do
      addr="127.1.$(( (i - 1) / 250 )).$(( (i - 1) % 250 + 1 ))"
      host "h$i" "$addr" "$port" "${FLEET_SSHD_EXTRA:-}" >/dev/null &
      echo "root@$addr:$port" >> "$dir/hosts.txt"
      echo "h$i ansible_host=$addr ansible_port=$port ansible_user=root" >> "$dir/hosts.ini"
      # A few at a time: key generation and sshd start share the machine's cores.
      if (( i % 8 == 0 )); then wait; fi
    done
    wait
    ;;
  down)
    for p in "$dir"/*/sshd.pid; do
      [ -f "$p" ] || continue
      kill "$(cat "$p")" 2>/dev/null || true
      rm -f "$p"
    done
    ;;
  *) echo "fleet-sshd: unknown command $cmd" >&2; exit 2 ;;
esac
