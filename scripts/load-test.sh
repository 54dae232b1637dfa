#!/usr/bin/env bash
# Load test of `serve`: mixed retire-all + list + get with a valid token, at full speed, with wrk.
#
#   scripts/load-test.sh [DURATION_SECONDS] [CONNECTIONS] [THREADS]
#
# Starts `serve` from the shaded jar on a temporary data directory and a generated tenant
# (USERS users x DEVICES_PER_USER devices), mints a delegated token with the `token` command,
# warms up, then runs wrk for DURATION seconds (default 60). Prints the error count (non-2xx
# answers and socket errors; must be 0), throughput, p50/p99 latency and the heap in use after a
# forced full GC before and after the run (jcmd GC.run + GC.heap_info), then stops the server with
# SIGTERM and checks it exited 0. Exits non-zero if any error was seen.
#
# Environment: USERS (default 2000), DEVICES_PER_USER (5), WARMUP_SECONDS (15), PORT (18080),
# JAVA_OPTS (default -Xmx512m), JAR (default bootstrap/target/device-management.jar).
# CPU-heavy: on a shared machine wrap it in `flock /tmp/dm/bench.lock scripts/load-test.sh`.
set -euo pipefail

cd "$(dirname "$0")/.."
DURATION="${1:-60}"
CONNECTIONS="${2:-32}"
THREADS="${3:-2}"
USERS="${USERS:-2000}"
DEVICES_PER_USER="${DEVICES_PER_USER:-5}"
WARMUP_SECONDS="${WARMUP_SECONDS:-15}"
PORT="${PORT:-18080}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
JAR="${JAR:-bootstrap/target/device-management.jar}"

for tool in wrk java jcmd awk; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    if [ "$tool" = wrk ]; then
      echo "error: wrk is not installed; install it with: sudo apt-get install wrk" >&2
    else
      echo "error: $tool is not on the PATH" >&2
    fi
    exit 2
  fi
done
if [ ! -f "$JAR" ]; then
  echo "Building the shaded jar ($JAR)..."
  ./mvnw -B -q package -pl bootstrap -am -DskipTests
fi

WORK="$(mktemp -d -t dm-load.XXXXXX)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# ---- a generated tenant: user i is 00000000-0000-4000-8000-<i>, device d of it 10000000-...-<i*D+d>
awk -v users="$USERS" -v per="$DEVICES_PER_USER" 'BEGIN {
  split("managed unhealthy discovered retireFailed wipePending retireIssued", states, " ");
  printf "{\n  \"users\": [\n";
  for (u = 0; u < users; u++) {
    printf "    {\"id\": \"00000000-0000-4000-8000-%012d\", \"userPrincipalName\": \"user%d@load.example\", \"displayName\": \"User %d\"}%s\n", u, u, u, (u < users - 1 ? "," : "");
  }
  printf "  ],\n  \"managedDevices\": [\n";
  n = users * per;
  for (i = 0; i < n; i++) {
    u = int(i / per);
    printf "    {\"id\": \"10000000-0000-4000-8000-%012d\", \"userId\": \"00000000-0000-4000-8000-%012d\", \"deviceName\": \"LOAD-%d\", \"operatingSystem\": \"Windows\", \"managementState\": \"%s\"}%s\n", i, u, i, states[(i % 6) + 1], (i < n - 1 ? "," : "");
  }
  printf "  ]\n}\n";
}' > "$WORK/tenant.json"

cat > "$WORK/mixed.lua" <<LUA
-- 20 % retire-all, 50 % list a user's devices, 30 % get one device; users and devices at random.
local users = $USERS
local per = $DEVICES_PER_USER
local token = os.getenv("DM_TOKEN")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  errors = 0
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  local r = math.random(100)
  local u = math.random(users) - 1
  local headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
  if r <= 20 then
    headers["Content-Length"] = "0"
    return wrk.format("POST", string.format("/v1.0/users/00000000-0000-4000-8000-%012d/removeAllDevicesFromManagement", u), headers)
  elseif r <= 70 then
    return wrk.format("GET", string.format("/v1.0/users/00000000-0000-4000-8000-%012d/managedDevices", u), headers)
  else
    local d = u * per + math.random(per) - 1
    return wrk.format("GET", string.format("/v1.0/deviceManagement/managedDevices/10000000-0000-4000-8000-%012d", d), headers)
  end
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("errors")
  end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("LUA non2xx=%d socket_errors=%d requests=%d duration_us=%d p50_us=%d p99_us=%d\n",
    total, socket, summary.requests, summary.duration, latency:percentile(50), latency:percentile(99)))
end
LUA

echo "== device-management load test: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM"
echo "java: $(java -version 2>&1 | head -1)"
echo "load average before start: $(cut -d" " -f1-3 /proc/loadavg)"
echo "tenant: $USERS users x $DEVICES_PER_USER devices; wrk: -t$THREADS -c$CONNECTIONS -d${DURATION}s; JAVA_OPTS=$JAVA_OPTS"

# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" serve --port "$PORT" --data-dir "$WORK/data" --tenant "$WORK/tenant.json" \
  > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVER_PID=$!
for _ in $(seq 1 300); do
  if grep -q "Stop with" "$WORK/serve.out" 2>/dev/null; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "error: serve exited early:" >&2; cat "$WORK/serve.err" >&2; exit 1
  fi
  sleep 0.2
done
grep -q "Stop with" "$WORK/serve.out" || { echo "error: serve did not start" >&2; exit 1; }

DM_TOKEN="$(java -jar "$JAR" token --data-dir "$WORK/data" --user user0@load.example --lifetime 7200)"
export DM_TOKEN
BASE="http://127.0.0.1:$PORT"

heap_used_kib() {
  jcmd "$SERVER_PID" GC.run >/dev/null
  sleep 1
  jcmd "$SERVER_PID" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); gsub(/[K,]/, "", v); print v; exit } }'
}

HEAP_START="$(heap_used_kib)"
echo "heap used after start (after full GC): ${HEAP_START} KiB"
echo "warming up for ${WARMUP_SECONDS}s..."
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" -s "$WORK/mixed.lua" "$BASE" > "$WORK/warmup.txt"
HEAP_BEFORE="$(heap_used_kib)"
echo "heap used before the run (after warm-up and full GC): ${HEAP_BEFORE} KiB"

echo "running for ${DURATION}s: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency -s mixed.lua $BASE"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/mixed.lua" "$BASE" | tee "$WORK/run.txt"
HEAP_AFTER="$(heap_used_kib)"
echo "heap used after the run (after full GC): ${HEAP_AFTER} KiB"

kill -TERM "$SERVER_PID"
STOP_START=$(date +%s%N)
set +e
wait "$SERVER_PID"
EXIT_CODE=$?
set -e
STOP_MS=$(( ($(date +%s%N) - STOP_START) / 1000000 ))
SERVER_PID=""

LUA_LINE="$(grep '^LUA ' "$WORK/run.txt")"
field() { echo "$LUA_LINE" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k { print $2 }'; }
NON2XX="$(field non2xx)"
SOCKET="$(field socket_errors)"
REQUESTS="$(field requests)"
DURATION_US="$(field duration_us)"
ERRORS=$(( NON2XX + SOCKET ))
RPS="$(awk -v r="$REQUESTS" -v d="$DURATION_US" 'BEGIN { printf "%.0f", r / (d / 1000000) }')"
P50="$(awk -v v="$(field p50_us)" 'BEGIN { printf "%.2f", v / 1000 }')"
P99="$(awk -v v="$(field p99_us)" 'BEGIN { printf "%.2f", v / 1000 }')"

echo
echo "== summary"
echo "requests:            $REQUESTS in $(awk -v d="$DURATION_US" 'BEGIN { printf "%.1f", d / 1000000 }') s"
echo "errors:              $ERRORS (non-2xx: $NON2XX, socket: $SOCKET)"
echo "throughput:          $RPS requests/s"
echo "latency p50 / p99:   $P50 ms / $P99 ms"
echo "heap used after GC:  start $HEAP_START KiB, before run $HEAP_BEFORE KiB, after run $HEAP_AFTER KiB"
echo "SIGTERM -> exit:     code $EXIT_CODE after $STOP_MS ms ($(grep -o 'Stopped .*' "$WORK/serve.err" | tail -1))"
grep -E "WARN|ERROR" "$WORK/serve.err" | head -5 || true
if [ "$ERRORS" -ne 0 ] || [ "$EXIT_CODE" -ne 0 ]; then
  echo "FAILED: errors or unclean exit" >&2
  exit 1
fi
