# Shared by bench/fleet-vs-ansible.sh and bench/fleet-replay.sh (sourced, not run). The caller sets
# work (a scratch directory), forks, port, and, once its sshd hosts are up, key, kh (known_hosts),
# $work/hosts.ini, $work/addresses and $work/collect.sh.

load1() { cut -d' ' -f1 /proc/loadavg; }

# measure NAME COUNT CMD...: one row "| name | count | wall | cpu ms/host | peak MiB | load |";
# the numbers also go to $work/rows (name count wall cpu rss) for the medians.
measure() {
  local name=$1 count=$2; shift 2
  local load; load=$(load1)
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/$name.out" 2>"$work/$name.err" || true
  # GNU time writes "Command exited with non-zero status N" first when it did (mta-audit: 2 = MANUAL).
  read -r wall user sys rss < <(tail -n 1 "$work/time")
  awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v c="$count" -v l="$load" -v f="$work/rows" \
    'BEGIN { cpu = (u + s) * 1000 / c; printf "| %s | %d | %.1f | %.0f | %.0f | %s |\n", n, c, w, cpu, r / 1024, l
             printf "%s %d %s %s %s\n", n, c, w, cpu, r / 1024 >> f }'
}

# scan_with NAME BIN COUNT: `BIN scan --inventory` of the hosts; says how many hosts reached the report, how
# many failed (the first three named) and the bundles' sizes (they grow with what a host's collector sees).
scan_with() {
  local name=$1 bin=$2 count=$3
  rm -f "$work/store.sqlite"*
  measure "$name" "$count" "$bin" scan --inventory "$work/hosts.ini" --identity "$key" --known-hosts "$kh" \
    --forks "$forks" --store "$work/store.sqlite" --format json -o "$work/report.json"
  local got failed
  got=$(grep -c '"host": "h' "$work/report.json" || true)
  failed=$(grep -c ': failed: ' "$work/$name.err" || true)
  echo "$name: $got of $count hosts in the report, $failed failed; bundles $(sqlite3 "$work/store.sqlite" \
    "SELECT (MIN(LENGTH(bundle)) / 1024) || ' to ' || (MAX(LENGTH(bundle)) / 1024) || ' KiB, ' || COUNT(bundle) || ' of ' || COUNT(*) FROM results" 2>/dev/null || echo '?')" >&2
  [ "$failed" = 0 ] || grep ': failed: ' "$work/$name.err" | head -n 3 >&2
}
run_mta() { scan_with mta-audit "$bin" "$1"; }
run_base() { scan_with mta-audit-base "$BASE_BIN" "$1"; }

# run_xargs COUNT: the transport floor, one OpenSSH client a host.
run_xargs() {
  local count=$1
  rm -rf "$work/xargs"; mkdir -p "$work/xargs"
  measure xargs+ssh "$count" sh -c "xargs -P $forks -I{} sh -c 'ssh -i $key -o UserKnownHostsFile=$kh -o StrictHostKeyChecking=yes -o BatchMode=yes -p $port root@{} sh -s < $work/collect.sh > $work/xargs/{}.evidence' < $work/addresses"
  local ok; ok=$(grep -l '^--mta-.*--$' "$work"/xargs/*.evidence 2>/dev/null | wc -l)
  [ "$ok" = "$count" ] || echo "xargs+ssh: $ok of $count bundles complete" >&2
  rm -rf "$work/xargs"
}

# medians ROUNDS: each tool's median row at each host count, and its wall time against the floor's.
medians() {
  echo
  echo "Medians over $1 rounds:"
  echo
  echo "| tool | hosts | wall s | hosts/s | CPU ms/host | peak MiB | wall vs xargs+ssh |"
  echo "|---|---|---|---|---|---|---|"
  awk '
    { k = $1 " " $2; n[k]++; w[k, n[k]] = $3; c[k, n[k]] = $4; r[k, n[k]] = $5; if (!(k in seen)) { seen[k] = 1; order[++m] = k } }
    function med(a, k, cnt,   i, j, t, v) { for (i = 1; i <= cnt; i++) v[i] = a[k, i]
        for (i = 1; i <= cnt; i++) for (j = i + 1; j <= cnt; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
        return cnt % 2 ? v[(cnt + 1) / 2] : (v[cnt / 2] + v[cnt / 2 + 1]) / 2 }
    END {
      for (i = 1; i <= m; i++) { k = order[i]; W[k] = med(w, k, n[k]) }
      for (i = 1; i <= m; i++) { k = order[i]; split(k, p, " "); fl = W["xargs+ssh " p[2]]
        printf("| %s | %s | %.1f | %.0f | %.0f | %.0f | %s |\n", p[1], p[2], W[k], p[2] / W[k], med(c, k, n[k]), med(r, k, n[k]), (fl > 0 ? sprintf("%.2fx", W[k] / fl) : "-")) } }' "$work/rows"
}
