#!/usr/bin/env bash
# Start-up benchmark: from launching `java -jar bootstrap/target/device-management.jar serve` to the
# first 204 of removeAllDevicesFromManagement (demo tenant, a valid token), median of RUNS runs.
# The variants run alternately, round by round, so that a busy machine slows them alike:
#   default  java -jar device-management.jar serve
#   cds      the same with an application class-data archive (made by one training run first:
#            java -XX:ArchiveClassesAtExit=dm.jsa -jar ... serve, then -XX:SharedArchiveFile=dm.jsa)
#   cds-c1   cds plus -XX:TieredStopAtLevel=1 -XX:+UseSerialGC (fastest start, lower peak speed)
#   launcher bin/device-management serve: the launcher, with the archive it made on its first run
#   bare     the benchmarks module's bare JAX-RS 204 server on the same Jersey+Jetty (the floor)
#   bare-cds the bare server with its own class-data archive (the floor for cds and launcher)
#
#   ./mvnw -B -DskipTests package && bench/startup-bench.sh [RUNS]
#
# Environment: DM_JAR, PORT (default 18091), BENCH_LOCK (flock file, default
# /tmp/device-management-bench.lock). The client polls with curl every 10 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
if [[ -z "${BENCH_LOCKED:-}" ]]; then
  export BENCH_LOCKED=1
  exec flock "${BENCH_LOCK:-/tmp/device-management-bench.lock}" "$0" "$@"
fi

RUNS=${1:-7}
DM_JAR=${DM_JAR:-$ROOT/bootstrap/target/device-management.jar}
BENCH_JAR=$ROOT/benchmarks/target/benchmarks.jar
PORT=${PORT:-18091}
command -v curl >/dev/null || { echo "curl is missing: apt-get install curl" >&2; exit 1; }
for jar in "$DM_JAR" "$BENCH_JAR"; do
  [[ -f $jar ]] || { echo "$jar is missing: run ./mvnw -B -DskipTests package first" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/dm-startup-bench.XXXXXX)
SERVER=""
cleanup() { [[ -n $SERVER ]] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

ADELE=6e1d3b7a-4f2c-4b8e-9a51-2c7d8e0f1a23 # a user of the embedded demo tenant
# Minting creates the signing key, so no run pays for key generation.
TOKEN=$(java -jar "$DM_JAR" token --data-dir "$WORK/data" --user "$ADELE" 2>/dev/null)
URL=http://127.0.0.1:$PORT/v1.0/users/$ADELE/removeAllDevicesFromManagement
JSA=$WORK/dm.jsa
BARE_JSA=$WORK/bare.jsa

first_204() { # waits for the first 204 from the server started as "$@"; prints the milliseconds
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 &
  SERVER=$!
  until [[ $(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" "$URL" \
    || true) == 204 ]]; do
    kill -0 "$SERVER" 2>/dev/null || { echo "the server exited: $*" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
  echo $(((end - start) / 1000000))
}

serve=(-jar "$DM_JAR" serve --port "$PORT" --data-dir "$WORK/data")
launcher=(env DM_JAR="$DM_JAR" DM_CACHE_DIR="$WORK/cache" "$ROOT/bin/device-management" serve
  --port "$PORT" --data-dir "$WORK/data")
# The training runs that write the class-data archives (each is dumped when its server exits).
first_204 java -XX:ArchiveClassesAtExit="$JSA" "${serve[@]}" >/dev/null
first_204 "${launcher[@]}" >/dev/null
first_204 java -XX:ArchiveClassesAtExit="$BARE_JSA" -cp "$BENCH_JAR" \
  org.devicemanagement.benchmarks.BareServer "$PORT" >/dev/null
sleep 1

declare -A CMD=(
  [default]="java ${serve[*]}"
  [cds]="java -XX:SharedArchiveFile=$JSA ${serve[*]}"
  [cds-c1]="java -XX:SharedArchiveFile=$JSA -XX:TieredStopAtLevel=1 -XX:+UseSerialGC ${serve[*]}"
  [launcher]="${launcher[*]}"
  [bare]="java -cp $BENCH_JAR org.devicemanagement.benchmarks.BareServer $PORT"
  [bare-cds]="java -XX:SharedArchiveFile=$BARE_JSA -cp $BENCH_JAR org.devicemanagement.benchmarks.BareServer $PORT"
)
ORDER=(default cds cds-c1 launcher bare bare-cds)
declare -A TIMES

echo "machine: $(nproc) cpus, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo);" \
  "$(java -version 2>&1 | head -1); $(date -u +%FT%TZ); load $(cut -d' ' -f1-3 /proc/loadavg)"
for ((run = 1; run <= RUNS; run++)); do
  line="run $run:"
  for variant in "${ORDER[@]}"; do
    # shellcheck disable=SC2086
    ms=$(first_204 ${CMD[$variant]})
    TIMES[$variant]+="$ms "
    line+=" $variant=${ms}ms"
  done
  echo "$line"
done
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo
for variant in "${ORDER[@]}"; do
  printf '%-9s launch to first 204: median %5d ms  (%s)\n' "$variant" "$(median "${TIMES[$variant]}")" \
    "${CMD[$variant]//$WORK/\$WORK}"
done
echo "target: < 1500 ms (issue 5)"
