#!/usr/bin/env bash
# Offboarding figures (issue 14), against the emulator with Intune's limits (`serve --limits intune`):
#   rate     10,000 users with 2 devices each: the write rate `offboard --execute` achieves against the
#            200 writes per 20 s the emulator enforces, whether any user was lost or sent twice. The
#            tenant's 1,000 retired devices a day stop the run every 500 users: the script then moves
#            the emulator's virtual clock a day on and resumes the run, 19 times.
#   speedup  500 users with 2 devices each (one day's budget): `offboard --execute` beside the one-call
#            loop IT teams run today (OneCallLoop), alternating, through a proxy adding a round-trip
#            latency (LATENCIES, default "0 250" ms) to every HTTP request.
#
#   ./mvnw -B -DskipTests package && bench/offboard-bench.sh [rate|speedup|all (default)]
#
# Needs python3 (to count the emulator's journal). Writes its work files under a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f benchmarks/target/benchmarks.jar && -f bootstrap/target/device-management.jar ]] \
  || { echo "run ./mvnw -B -DskipTests package first" >&2; exit 1; }
what=${1:-all}
RATE_USERS=${RATE_USERS:-10000}     # smaller values give a quick trial run, not the figure
SPEEDUP_USERS=${SPEEDUP_USERS:-500}
JAR=bootstrap/target/device-management.jar
BENCH=(java -cp benchmarks/target/benchmarks.jar)
work=$(mktemp -d /tmp/dm-offboard-bench.XXXXXX)
export HOME=$work/home
mkdir -p "$HOME"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

start_serve() { # PORT TENANT_FILE
  java -jar "$JAR" serve --port "$1" --limits intune --clock virtual=2026-01-05T00:00:00Z \
    --tenant "$2" --journal-size 100000 >"$work/serve-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 200); do grep -q "Stop with Ctrl-C" "$work/serve-$1.log" && return; sleep 0.1; done
  echo "serve did not start:" >&2; cat "$work/serve-$1.log" >&2; exit 1
}
stop_serve() { kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true; unset 'pids[-1]'; }
advance_day() { curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
  -d '{"by":"P1D"}' "http://localhost:$1/_emulator/clock/advance"; }
users_file() { # COUNT FILE
  { echo userPrincipalName; for ((i = 0; i < $1; i++)); do echo "user$i@contoso.com"; done; } >"$2"; }
accepted_once() { # PORT: users whose retire-all the emulator accepted, and how many were accepted twice
  curl -s "http://localhost:$1/_emulator/requests?limit=100000" | python3 -c '
import json, sys, collections
c = collections.Counter(e["path"].split("/users/")[1].split("/")[0]
    for e in json.load(sys.stdin)["value"]
    if e["path"].endswith("/removeAllDevicesFromManagement") and e["status"] == 204)
print("%d users accepted, %d accepted more than once" % (len(c), sum(1 for n in c.values() if n > 1)))'
}
# offboard until the run completes, moving the emulator a day on at each daily-limit stop.
offboard_all() { # PORT BASE USERS_FILE DATA_DIR LOG
  local port=$1 base=$2 users=$3 data=$4 log=$5 run="" code=0
  java -jar "$JAR" token --user it.admin@contoso.com >"$work/token"
  while :; do
    if [[ -z "$run" ]]; then
      java -jar "$JAR" offboard --data-dir "$data" --graph-base-url "$base" --token-file "$work/token" \
        --progress lines --daily-limit 1000000 --users "$users" --execute --report "$work/report.jsonl" \
        >>"$log" 2>&1 && code=0 || code=$?
      run=$(grep -o '^Run [^:]*' "$log" | tail -1 | cut -d' ' -f2)
    else
      java -jar "$JAR" offboard --data-dir "$data" --graph-base-url "$base" --token-file "$work/token" \
        --progress lines --daily-limit 1000000 --resume "$run" --report "$work/report.jsonl" \
        >>"$log" 2>&1 && code=0 || code=$?
    fi
    if grep -q "stopped at the tenant's daily retire limit" <(tail -30 "$log") && [[ $code == 3 ]]; then
      advance_day "$port"
      continue
    fi
    break
  done
  echo "$code"
}

echo "# offboard benchmark, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), $(nproc) CPUs"
echo "# $(java -version 2>&1 | head -1)"

if [[ $what == rate || $what == all ]]; then
  "${BENCH[@]}" org.devicemanagement.benchmarks.TenantFileWriter "$work/tenant.json" $((RATE_USERS + 400)) 2 >/dev/null
  start_serve 18080 "$work/tenant.json"
  # Warm-up (30 s or more): 400 users of their own, then a fresh day and a closed throttling window.
  { echo userPrincipalName; for ((i = RATE_USERS; i < RATE_USERS + 400; i++)); do echo "user$i@contoso.com"; done; } \
    >"$work/warmup.txt"
  t0=$(date +%s)
  offboard_all 18080 http://localhost:18080/v1.0 "$work/warmup.txt" "$work/warm" "$work/warmup.log" >/dev/null
  while (( $(date +%s) - t0 < 30 )); do sleep 1; done
  advance_day 18080
  curl -s -o /dev/null -X DELETE http://localhost:18080/_emulator/requests
  sleep 21
  users_file "$RATE_USERS" "$work/leavers.txt"
  start=$(date +%s.%N)
  code=$(offboard_all 18080 http://localhost:18080/v1.0 "$work/leavers.txt" "$work/data" "$work/run.log")
  end=$(date +%s.%N)
  stops=$(grep -c "stopped at the tenant's daily retire limit" "$work/run.log" || true)
  done_users=$(grep -c '"outcome":"done"' "$work/report.jsonl")
  python3 - "$start" "$end" "$done_users" "$stops" "$code" "$RATE_USERS" <<'PY'
import sys
start, end, done, stops, code = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
s = end - start
print(f"rate: {done:,} of {int(sys.argv[6]):,} users x 2 devices done, exit {code}, {stops} daily-limit stops resumed, {s:.1f} s")
print(f"rate: {done / s:.2f} retire-alls/s against the enforced 10.00/s (200 per 20 s): {done / s / 10:.3f}x")
PY
  echo "rate: $(accepted_once 18080)"
  grep -h "429s:" "$work/run.log" | tail -1 | sed 's/^/rate: last progress line: /'
  stop_serve
fi

if [[ $what == speedup || $what == all ]]; then
  "${BENCH[@]}" org.devicemanagement.benchmarks.TenantFileWriter "$work/small.json" "$SPEEDUP_USERS" 2 >/dev/null
  users_file "$SPEEDUP_USERS" "$work/small.txt"
  for latency in ${LATENCIES:-0 250}; do
    for round in 1 2; do
      for who in loop offboard; do
        start_serve 18090 "$work/small.json"
        "${BENCH[@]}" org.devicemanagement.benchmarks.LatencyProxy 18091 http://localhost:18090 "$latency" \
          >"$work/proxy.log" 2>&1 &
        pids+=($!)
        for _ in $(seq 100); do grep -q ready "$work/proxy.log" && break; sleep 0.1; done
        java -jar "$JAR" token --user it.admin@contoso.com >"$work/token"
        start=$(date +%s.%N)
        if [[ $who == loop ]]; then
          line=$("${BENCH[@]}" org.devicemanagement.benchmarks.OneCallLoop http://localhost:18091/v1.0 \
            "$work/token" "$work/small.txt")
        else
          rm -rf "$work/sdata"
          java -jar "$JAR" offboard --data-dir "$work/sdata" --graph-base-url http://localhost:18091/v1.0 \
            --token-file "$work/token" --progress lines --users "$work/small.txt" --execute \
            --report "$work/small-report.jsonl" >"$work/small.log" 2>&1 || true
          line="offboard: $(grep -c '"outcome":"done"' "$work/small-report.jsonl") users done"
        fi
        end=$(date +%s.%N)
        echo "speedup: latency ${latency} ms, round $round, $who: $(python3 -c "print(f'{$end - $start:.1f} s')"); $line; $(accepted_once 18090)"
        kill "${pids[-1]}"; unset 'pids[-1]'
        stop_serve
      done
    done
  done
fi
