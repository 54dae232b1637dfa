#!/usr/bin/env bash
# HTTP benchmark: our retire-all and list endpoints (and retire-all with the request journal off)
# against a bare JAX-RS 204 on the same Jersey+Jetty container, against WireMock standalone (default and --no-request-journal) and
# against a plain Jetty handler's 204 (the container without JAX-RS),
# all on loopback in one run, alternating the servers round by round; then p99 at half of each
# server's measured maximum rate. See docs/benchmarks.md.
#
#   ./mvnw -B -DskipTests package && bench/http-bench.sh [ROUNDS] [SECONDS]
#
# Environment: WARMUP (s, default 30; WireMock warms slowly), THREADS/CONNECTIONS (wrk, default
# 2/32), ONLY (names of the servers to measure, e.g. "retire bare wiremock"; default all),
# PACED (1: also p99 at half of each maximum rate, the default; 0: skip it), DM_JAR (the
# server jar, default bootstrap/target/device-management.jar), JAVA_OPTS (for every server),
# BENCH_LOCK (a flock file so that heavy runs never overlap; default
# /tmp/device-management-bench.lock), KEEP=1 keeps the work directory.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

if [[ -z "${BENCH_LOCKED:-}" ]]; then
  export BENCH_LOCKED=1
  exec flock "${BENCH_LOCK:-/tmp/device-management-bench.lock}" "$0" "$@"
fi

ROUNDS=${1:-3}
SECONDS_PER_RUN=${2:-10}
WARMUP=${WARMUP:-30}
PACED=${PACED:-1}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DM_JAR=${DM_JAR:-$ROOT/bootstrap/target/device-management.jar}
BENCH_JAR=$ROOT/benchmarks/target/benchmarks.jar
WIREMOCK_JAR=$ROOT/benchmarks/target/wiremock/wiremock-standalone.jar
JAVA_OPTS=${JAVA_OPTS:-}
P_DM=${P_DM:-18081}
P_BARE=${P_BARE:-18082}
P_WM=${P_WM:-18083}
P_WMNJ=${P_WMNJ:-18084}
P_JETTY=${P_JETTY:-18085}
P_DMNJ=${P_DMNJ:-18086}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install curl" >&2; exit 1; }
for jar in "$DM_JAR" "$BENCH_JAR" "$WIREMOCK_JAR"; do
  [[ -f $jar ]] || { echo "$jar is missing: run ./mvnw -B -DskipTests package first" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/dm-http-bench.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [[ -n "${KEEP:-}" ]] && echo "work directory kept: $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

# A tenant of 100 users with 10 devices each; user 0 is the one we act on.
java -cp "$BENCH_JAR" org.devicemanagement.benchmarks.TenantFileWriter "$WORK/tenant.json" 100 10
USER_ID=6e1d3b7a-4f2c-4b8e-9a51-000000000000
RETIRE_PATH=/v1.0/users/$USER_ID/removeAllDevicesFromManagement
LIST_PATH=/v1.0/users/$USER_ID/managedDevices
TOKEN=$(java -jar "$DM_JAR" token --data-dir "$WORK/data" --user "$USER_ID" 2>/dev/null)

mkdir -p "$WORK/wiremock/mappings"
cat > "$WORK/wiremock/mappings/retire.json" <<JSON
{"request": {"method": "POST", "urlPath": "$RETIRE_PATH"}, "response": {"status": 204}}
JSON

# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$DM_JAR" serve --port "$P_DM" --data-dir "$WORK/data" --tenant "$WORK/tenant.json" \
  >"$WORK/dm.out" 2>"$WORK/dm.log" & PIDS+=($!)
# The same product with its request journal off (--journal-size 0), for the journal's cost.
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$DM_JAR" serve --port "$P_DMNJ" --data-dir "$WORK/data" --tenant "$WORK/tenant.json" \
  --journal-size 0 >"$WORK/dmnj.out" 2>"$WORK/dmnj.log" & PIDS+=($!)
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$BENCH_JAR" org.devicemanagement.benchmarks.BareServer "$P_BARE" \
  >"$WORK/bare.out" 2>&1 & PIDS+=($!)
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$BENCH_JAR" org.devicemanagement.benchmarks.BareJettyServer "$P_JETTY" \
  >"$WORK/jetty.out" 2>&1 & PIDS+=($!)
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$WIREMOCK_JAR" --port "$P_WM" --root-dir "$WORK/wiremock" --disable-banner \
  >"$WORK/wm.out" 2>&1 & PIDS+=($!)
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$WIREMOCK_JAR" --port "$P_WMNJ" --root-dir "$WORK/wiremock" --disable-banner \
  --no-request-journal >"$WORK/wmnj.out" 2>&1 & PIDS+=($!)

# name port method path
TARGETS=(
  "retire $P_DM POST $RETIRE_PATH"
  "retire-nojournal $P_DMNJ POST $RETIRE_PATH"
  "list $P_DM GET $LIST_PATH"
  "bare $P_BARE POST $RETIRE_PATH"
  "wiremock $P_WM POST $RETIRE_PATH"
  "wiremock-nj $P_WMNJ POST $RETIRE_PATH"
  "jetty $P_JETTY POST $RETIRE_PATH"
)

expect_status() { # port method path status
  local deadline=$((SECONDS + 60)) code
  while ((SECONDS < deadline)); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X "$2" -H "Authorization: Bearer $TOKEN" \
      "http://127.0.0.1:$1$3" || true)
    [[ $code == "$4" ]] && return 0
    sleep 0.2
  done
  echo "server on port $1 never answered $2 $3 with $4 (last: $code)" >&2
  exit 1
}
if [[ -n "${ONLY:-}" ]]; then
  SELECTED=()
  for target in "${TARGETS[@]}"; do
    read -r name _ <<<"$target"
    [[ " $ONLY " == *" $name "* ]] && SELECTED+=("$target")
  done
  TARGETS=("${SELECTED[@]}")
fi

expect_status "$P_DM" POST "$RETIRE_PATH" 204
expect_status "$P_DM" GET "$LIST_PATH" 200
expect_status "$P_DMNJ" POST "$RETIRE_PATH" 204
expect_status "$P_BARE" POST "$RETIRE_PATH" 204
expect_status "$P_WM" POST "$RETIRE_PATH" 204
expect_status "$P_WMNJ" POST "$RETIRE_PATH" 204
expect_status "$P_JETTY" POST "$RETIRE_PATH" 204

to_ms() { # 512.00us | 1.23ms | 1.01s -> ms
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0;
    else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}

# run_wrk OUTFILE SECONDS port method path [lua] -> "rps p50 p99 errors"
run_wrk() {
  local out=$1 secs=$2 port=$3 method=$4 path=$5 script=${6:-$ROOT/bench/request.lua}
  RATE=${RATE:-} METHOD=$method TOKEN=$TOKEN THREADS=$THREADS wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" \
    --latency -s "$script" "http://127.0.0.1:$port$path" >"$out" 2>&1
  local rps p50 p99 non2xx sockerr
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out")
  sockerr=$(grep -c 'Socket errors' "$out" || true)
  echo "$rps $p50 $p99 $(( ${non2xx:-0} + sockerr ))"
}

median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

echo "machine: $(nproc) cpus, $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo)," \
  "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
echo "java: $(java -version 2>&1 | head -1); wrk -t$THREADS -c$CONNECTIONS; $(date -u +%FT%TZ)"
echo "warm-up ${WARMUP}s per server, then $ROUNDS rounds of ${SECONDS_PER_RUN}s, servers alternating"

for target in "${TARGETS[@]}"; do
  read -r name port method path <<<"$target"
  run_wrk "$WORK/warmup-$name.txt" "$WARMUP" "$port" "$method" "$path" >/dev/null
done

declare -A RPS P50 P99
for ((round = 1; round <= ROUNDS; round++)); do
  line="round $round:"
  for target in "${TARGETS[@]}"; do
    read -r name port method path <<<"$target"
    read -r rps p50 p99 errors < <(run_wrk "$WORK/r$round-$name.txt" "$SECONDS_PER_RUN" "$port" "$method" "$path")
    if ((errors > 0)); then
      echo "round $round $name: $errors non-2xx responses or socket errors:" >&2
      cat "$WORK/r$round-$name.txt" >&2
      exit 1
    fi
    RPS[$name]+="$rps "; P50[$name]+="$p50 "; P99[$name]+="$p99 "
    line+=" $name=$(printf '%.0f' "$rps")"
  done
  echo "$line"
done

med() { tr ' ' '\n' <<<"$1" | grep -v '^$' | median; }
ratio_median() { # per-round ratios of two targets, then their median ("-" if one was not run)
  [[ -n "${RPS[$1]:-}" && -n "${RPS[$2]:-}" ]] || { echo "-"; return; }
  paste <(tr ' ' '\n' <<<"${RPS[$1]}" | grep -v '^$') <(tr ' ' '\n' <<<"${RPS[$2]}" | grep -v '^$') \
    | awk '{printf "%.3f\n", $1 / $2}' | median
}

echo
printf '| %-12s | %10s | %8s | %8s | %s\n' server "req/s" "p50 ms" "p99 ms" "rounds (req/s)"
printf '|--------------|------------|----------|----------|---\n'
declare -A MAXRPS
for target in "${TARGETS[@]}"; do
  read -r name _ <<<"$target"
  MAXRPS[$name]=$(med "${RPS[$name]}")
  printf '| %-12s | %10.0f | %8.2f | %8.2f | %s\n' "$name" "${MAXRPS[$name]}" \
    "$(med "${P50[$name]}")" "$(med "${P99[$name]}")" "${RPS[$name]}"
done
echo
echo "retire/bare         = $(ratio_median retire bare)   (target >= 0.85; median of per-round ratios)"
echo "retire/wiremock     = $(ratio_median retire wiremock)   (target >= 1.0: WireMock's defaults, journal on)"
echo "retire/wiremock-nj  = $(ratio_median retire wiremock-nj)   (information: WireMock without its journal)"
echo "list/bare           = $(ratio_median list bare)"
echo "bare/wiremock-nj    = $(ratio_median bare wiremock-nj)   (a bare Jersey resource against WireMock)"
echo "retire/jetty        = $(ratio_median retire jetty)   (against a plain Jetty handler's 204, no JAX-RS)"
echo "retire/retire-nojournal = $(ratio_median retire retire-nojournal)   (target >= 0.95: the request journal's cost)"

[[ $PACED == 1 ]] || exit 0
echo
echo "p99 at half of each server's maximum rate (paced wrk, bench/paced.lua, ${SECONDS_PER_RUN}s):"
printf '| %-12s | %12s | %12s | %8s | %8s |\n' server "offered/s" "achieved/s" "p50 ms" "p99 ms"
printf '|--------------|--------------|--------------|----------|----------|\n'
for target in "${TARGETS[@]}"; do
  read -r name port method path <<<"$target"
  rate=$(awk -v m="${MAXRPS[$name]}" 'BEGIN {printf "%d", m / 2}')
  read -r rps p50 p99 errors < <(RATE=$rate run_wrk "$WORK/paced-$name.txt" "$SECONDS_PER_RUN" \
    "$port" "$method" "$path" "$ROOT/bench/paced.lua")
  printf '| %-12s | %12s | %12.0f | %8.2f | %8.2f |\n' "$name" "$rate" "$rps" "$p50" "$p99"
done
echo
echo "WireMock default journal at the end: $(curl -s "http://127.0.0.1:$P_WM/__admin/requests/count" \
  -H 'Content-Type: application/json' -d '{"method": "ANY"}' | tr -d '\n ')"
