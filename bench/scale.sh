#!/usr/bin/env bash
# Scale probe: tenants of 1,000 and 1,000,000 devices (10 per user) built in-process; load time,
# heap per stored device, and retire-all / list latency for one user in each, alternating.
#
#   ./mvnw -B -DskipTests package && bench/scale.sh [LARGE_USERS (default 100000)]
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f benchmarks/target/benchmarks.jar ]] || { echo "run ./mvnw -B -DskipTests package first" >&2; exit 1; }
exec flock "${BENCH_LOCK:-/tmp/device-management-bench.lock}" \
  java -Xms3g -Xmx3g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar \
  org.devicemanagement.benchmarks.ScaleProbe "$@"
