#!/usr/bin/env bash
# Start-up benchmark: from launching `java -jar bootstrap/target/device-management.jar serve` to the
# first 204 of removeAllDevicesFromManagement (demo tenant, a valid token), median of RUNS runs.
#
#   ./mvnw -B -DskipTests package && bench/startup-bench.sh [RUNS]
#
# Environment: DM_JAR, JAVA_OPTS (extra JVM flags for the server), PORT (default 18091),
# BENCH_LOCK (flock file, default /tmp/device-management-bench.lock).
# The client polls with curl every 10 ms, so figures are at most ~15 ms late.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
if [[ -z "${BENCH_LOCKED:-}" ]]; then
  export BENCH_LOCKED=1
  exec flock "${BENCH_LOCK:-/tmp/device-management-bench.lock}" "$0" "$@"
fi

RUNS=${1:-7}
DM_JAR=${DM_JAR:-$ROOT/bootstrap/target/device-management.jar}
JAVA_OPTS=${JAVA_OPTS:-}
PORT=${PORT:-18091}
command -v curl >/dev/null || { echo "curl is missing: apt-get install curl" >&2; exit 1; }
[[ -f $DM_JAR ]] || { echo "$DM_JAR is missing: run ./mvnw -B -DskipTests package first" >&2; exit 1; }

WORK=$(mktemp -d /tmp/dm-startup-bench.XXXXXX)
SERVER=""
cleanup() { [[ -n $SERVER ]] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

ADELE=6e1d3b7a-4f2c-4b8e-9a51-2c7d8e0f1a23 # a user of the embedded demo tenant
# Minting creates the signing key, so no run pays for key generation.
TOKEN=$(java -jar "$DM_JAR" token --data-dir "$WORK/data" --user "$ADELE" 2>/dev/null)
URL=http://127.0.0.1:$PORT/v1.0/users/$ADELE/removeAllDevicesFromManagement

echo "machine: $(nproc) cpus, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo);" \
  "$(java -version 2>&1 | head -1); JAVA_OPTS='$JAVA_OPTS'; $(date -u +%FT%TZ)"
TIMES=()
for ((run = 1; run <= RUNS; run++)); do
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$DM_JAR" serve --port "$PORT" --data-dir "$WORK/data" >/dev/null 2>&1 &
  SERVER=$!
  until [[ $(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" "$URL" \
    || true) == 204 ]]; do
    kill -0 "$SERVER" 2>/dev/null || { echo "the server exited" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
  ms=$(((end - start) / 1000000))
  TIMES+=("$ms")
  echo "run $run: ${ms} ms"
done
median=$(printf '%s\n' "${TIMES[@]}" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
echo "launch to first 204: median ${median} ms over $RUNS runs (target < 1500 ms)"
