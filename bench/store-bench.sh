#!/usr/bin/env bash
# Store figures (issue 13): retire-all throughput and p99 through each store's adapter beside a
# hand-written JDBC transaction doing the same writes (memory, SQLite synchronous FULL and NORMAL,
# PostgreSQL), then audit queries by time range on a trail of 1,000,000 events.
#
#   ./mvnw -B -DskipTests package && bench/store-bench.sh [retire|audit|all (default)]
#
# PostgreSQL: the server named by DM_BENCH_PG_HOST/PORT/DATABASE/USER/PASSWORD when DM_BENCH_PG_HOST is
# set; otherwise a throwaway cluster of the installed binaries (/usr/lib/postgresql/N/bin) in a
# temporary directory on port 55432, run as the postgres user when this script runs as root, deleted
# at the end. Without either, the PostgreSQL rows are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f benchmarks/target/benchmarks.jar ]] || { echo "run ./mvnw -B -DskipTests package first" >&2; exit 1; }
what=${1:-all}
JAVA=(java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar)
pg_dir=""
cleanup() {
  if [[ -n "$pg_dir" ]]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
trap cleanup EXIT
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [[ -z "${DM_BENCH_PG_HOST:-}" ]]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [[ -n "$pg_bin" ]]; then
    pg_dir=$(mktemp -d /tmp/dm-bench-pg.XXXXXX)
    [[ $(id -u) == 0 ]] && chown postgres "$pg_dir"
    as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U bench --auth=trust -E UTF8 >/dev/null
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
      -o "-p 55432 -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=50" start >/dev/null
    as_pg "$pg_bin/createdb" -h 127.0.0.1 -p 55432 -U bench bench
    export DM_BENCH_PG_HOST=127.0.0.1 DM_BENCH_PG_PORT=55432 DM_BENCH_PG_DATABASE=bench \
      DM_BENCH_PG_USER=bench DM_BENCH_PG_PASSWORD=""
  fi
fi
engines=(memory sqlite-full sqlite-normal)
[[ -n "${DM_BENCH_PG_HOST:-}" ]] && engines+=(postgresql)

run() {
  flock "${BENCH_LOCK:-/tmp/device-management-bench.lock}" "${JAVA[@]}" "$@" 2>&1 \
    | grep -v -E "^[A-Z][a-z]{2} [0-9]{2}, [0-9]{4} |^INFO: |^WARNING: "
}
if [[ $what == retire || $what == all ]]; then
  for engine in "${engines[@]}"; do
    run org.devicemanagement.benchmarks.StoreBenchmark "$engine" \
      "${USERS:-40000}" "${THREADS:-4}" "${ROUND_SECONDS:-4}" "${ROUNDS:-8}" "${WARM_UP_SECONDS:-30}"
  done
fi
if [[ $what == audit || $what == all ]]; then
  for engine in memory sqlite ${DM_BENCH_PG_HOST:+postgresql}; do
    run org.devicemanagement.benchmarks.AuditQueryBenchmark "$engine" "${EVENTS:-1000000}" "${QUERIES:-2000}"
  done
fi
