#!/usr/bin/env bash
# JMH benchmarks of the core (retire-all at 10 / 1,000 / 100,000 devices, the permission check,
# token verification with and without the cache), under the benchmark lock.
#
#   ./mvnw -B -DskipTests package && bench/jmh.sh [JMH options, e.g. TokenVerification -f 1]
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f benchmarks/target/benchmarks.jar ]] || { echo "run ./mvnw -B -DskipTests package first" >&2; exit 1; }
exec flock "${BENCH_LOCK:-/tmp/device-management-bench.lock}" \
  java -jar benchmarks/target/benchmarks.jar -jvmArgs "-Xmx1g" "$@"
