#!/usr/bin/env bash
# Waybill's benchmark: builds the jar, starts it on the machine's PostgreSQL (and Redis when one
# answers), loads N shipments in bulk, drives each endpoint with wrk, measures the limit of the
# write rows in the same run (pgbench running the same transactions on the same database, with the
# same connections and duration), and writes a table of requests/s, sustained requests/s (until
# the events of the row were handled), p50 and p99 latency, each row's limit (the fastest trivial
# endpoint of the same server, the ceiling, or pgbench's rate) and ratio to it, and the targets of
# "Faster and leaner" with PASS or FAIL, plus the server's RSS and start-up time, to
# bench/results/<stamp>.md and .json. Compare two commits row by row with bench/compare.sh.
#
#   ./bench/run.sh                                  # N=100000, 15 s per row
#   N=1000000 DURATION=10s CONNECTIONS=64 ./bench/run.sh
#
# Settings (environment):
#   N            shipments to load, 100 to 10000000 (default 100000)
#   DURATION     measured time per row (default 15s); WARMUP before each row, not measured (5s)
#   CONNECTIONS  wrk connections (default 64); THREADS wrk threads (default 2)
#   SAMPLE       shipments sampled for the read and status rows (default 10000)
#   DAYS         the bulk bookings spread over the last DAYS days (default 30)
#   BAG_SIZE     shipments in the bag of the bag-scan row (default 500)
#   PINGS        agents' location points loaded for the agents-latest-1 row (default 1000000)
#   LOCATION_AGENTS  agents whose tokens the locations row sends batches with (default 32)
#   JAVA_OPTS    extra JVM options for the server, after the build's deploy/jvm.options (default none)
#   KEEP_DB=1    keep the database waybill_bench afterwards (default: dropped)
#   REUSE_DB=1   reuse a kept waybill_bench loaded with the same N instead of loading again
#   NO_REDIS=1   run without Redis even if one answers (the in-process tracking cache)
#   ROWS         the rows to run, e.g. ROWS="track reports" (default all: track track-16 get reports
#                reports-1 create status locations agents-latest-1 bag-scan); the three trivial rows, of which the fastest is the ceiling,
#                run too unless TRIVIAL=0; create and status bring their pgbench limit rows. The write rows
#                (create, status, locations, bag-scan) also print the database's work per request:
#                transactions, rows written and rows read, their events' handling included
#   EMBEDDED=0   skip the extra start of the embedded default (no SPRING_DATASOURCE_URL, new data dir)
#   LIMIT_WAIT   seconds to wait for PostgreSQL to have CONNECTIONS free connections for pgbench
#                (default 180; without them the write rows have no limit, their targets n/a)
#   KEEP_WORK=1  keep the temporary directory (samples, raw outputs) for a look afterwards
#   AOT=0        start the server from the jar, not as the build deploys (extracted, with the AOT cache
#                deploy/aot-cache.sh makes on a JDK 25+, before the server's first start, not timed)
#   PROFILE=1    record each measured row with Java Flight Recorder, to bench/results/*.KEY.jfr
#                (look with: jfr view hot-methods FILE); it costs the server a few percent
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth) and pgbench. Installs wrk (and
# pgbench, jq) from Debian's packages when missing. Touches only the database waybill_bench and
# Redis database 5. The parts live in bench/lib.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=$PWD/bench
WORK=$(mktemp -d /tmp/waybill-bench.XXXXXX)
# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"

check_settings
check_tools
take_lock

COMMIT=$(git rev-parse --short HEAD)
if [ -n "$(git status --porcelain)" ]; then
  COMMIT="$COMMIT+changes"
fi
STARTED=$(date -u +%Y-%m-%dT%H%M)
mkdir -p bench/results
STEM="$PWD/bench/results/$STARTED-$COMMIT-N$N"
RESULTS="$STEM.md"
SERVER_LOG="$STEM.server.log"
WRK_LOG="$STEM.wrk.txt"
ROWS_FILE="$WORK/rows.tsv"
TARGETS_FILE="$WORK/targets.tsv"
: >"$WRK_LOG"
: >"$ROWS_FILE"

cleanup() {
  status=$?
  stop_server
  drop_database
  [ "${KEEP_WORK:-0}" = 1 ] && say "Kept the work directory $WORK" || rm -rf "$WORK"
  [ "$status" -eq 0 ] || say "Failed; the server's log is in $SERVER_LOG"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "Building the jar with $JAVA_VERSION"
JAR=$(build_jar "$PWD")
prepare_database
flush_redis
start_server "$JAR" "$SERVER_LOG"
setup_accounts
load_data
REDIS_PID=""
[ -z "$REDIS_URL" ] || REDIS_PID=$(pgrep -x redis-server | head -n 1 || true)
! wanted track && ! wanted track-16 || warm_track_cache
! wanted create && ! wanted status && ! wanted locations || prime_events

for row in $(selected_rows); do
  run_row "$row"
done
LOAD_AVERAGE_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
stop_server
data_set_counts
run_limits
if [ "$EMBEDDED" = 1 ]; then
  # From the jar as a newcomer starts it, then as the build deploys (with its AOT cache, when it has one).
  measure_embedded_start "$JAR" "-jar $JAR"
  EMBEDDED_JAR_MS=$EMBEDDED_STARTUP_MS
  [ "$(how_launched "$(launch_of "$JAR")")" = jar ] || measure_embedded_start "$JAR"
fi
LOAD_AVERAGE_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
say "Load average at the end: $LOAD_AVERAGE_AFTER"

evaluate_targets "$ROWS_FILE"
write_report "$ROWS_FILE" >"$RESULTS"
write_json "$ROWS_FILE" >"$STEM.json"
cat "$RESULTS"
say "Results written to $RESULTS and $STEM.json"
