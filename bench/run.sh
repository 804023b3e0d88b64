#!/usr/bin/env bash
# Waybill's benchmark: builds the jar, starts it on the machine's PostgreSQL (and Redis when one
# answers), loads N shipments in bulk, drives each endpoint with wrk, and writes a table of
# requests/s, p50 and p99 latency and the ratio to the fastest trivial endpoint of the same server
# (the ceiling), plus the server's peak RSS, to bench/results/.
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
#   JAVA_OPTS    extra JVM options for the server (default none)
#   KEEP_DB=1    keep the database waybill_bench afterwards (default: dropped)
#   REUSE_DB=1   reuse a kept waybill_bench loaded with the same N instead of loading again
#   NO_REDIS=1   run without Redis even if one answers (the in-process tracking cache)
#   ROWS         the rows to run, e.g. ROWS="track reports" (default all: track get reports reports-1
#                create status); the three trivial rows, of which the fastest is the ceiling, always run
#   PROFILE=1    record each measured row with Java Flight Recorder, to bench/results/*.KEY.jfr
#                (look with: jfr view hot-methods FILE); it costs the server a few percent
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth). Installs wrk from Debian's
# packages when it is missing. Touches only the database waybill_bench and Redis database 5.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-100000}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
SAMPLE=${SAMPLE:-10000}
DAYS=${DAYS:-30}
JAVA_OPTS=${JAVA_OPTS:-}
KEEP_DB=${KEEP_DB:-0}
REUSE_DB=${REUSE_DB:-0}
NO_REDIS=${NO_REDIS:-0}
PROFILE=${PROFILE:-0}
ROWS=${ROWS:-all}

DB=waybill_bench
REDIS_DB=5
PG="psql -X -q -h 127.0.0.1 -p 5432 -U postgres"
ADMIN_EMAIL=bench-admin@waybill.local
PASSWORD=bench-password-not-secret
CUSTOMERS=8
AGENTS=4
CITIES=(Chennai Bangalore Mumbai Delhi Kolkata Hyderabad Pune Jaipur)

say() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

[[ "$N" =~ ^[0-9]+$ ]] && [ "$N" -ge 100 ] && [ "$N" -le 10000000 ] || die "N must be 100 to 10000000, not '$N'"
[[ "$SAMPLE" =~ ^[0-9]+$ ]] && [ "$SAMPLE" -ge 1 ] || die "SAMPLE must be a positive number"
[[ "$CONNECTIONS" =~ ^[0-9]+$ ]] && [ "$CONNECTIONS" -ge "$THREADS" ] || die "CONNECTIONS must be at least THREADS"

# --- tools -------------------------------------------------------------------------------------

install_package() {
  [ "$(id -u)" -eq 0 ] || die "$1 is missing: install the Debian package $1 (apt-get install $1)"
  say "Installing $1 from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "$1" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$1" >/dev/null; } \
    || die "could not install $1"
}
command -v wrk >/dev/null 2>&1 || install_package wrk
command -v psql >/dev/null 2>&1 || install_package postgresql-client
command -v curl >/dev/null 2>&1 || install_package curl

# The newest JDK 21+ in Debian's JVM directory (virtual threads), as CI picks it; else the default.
best_version=0
for candidate in /usr/lib/jvm/*/; do
  [ -x "${candidate}bin/javac" ] || continue
  version=$("${candidate}bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F' = ' '/java.specification.version/ {print $2}' | cut -d. -f1)
  if [ -n "$version" ] && [ "$version" -ge 21 ] && [ "$version" -gt "$best_version" ]; then
    export JAVA_HOME="${candidate%/}"
    best_version=$version
  fi
done
[ -n "${JAVA_HOME:-}" ] && export PATH="$JAVA_HOME/bin:$PATH"
JAVA_VERSION=$(java -version 2>&1 | head -n 1)
[ "$best_version" -ge 21 ] || say "WARNING: no JDK 21+ found, running on $JAVA_VERSION: the targets assume 21+"

$PG -d postgres -tAc 'select 1' >/dev/null 2>&1 || die "no PostgreSQL answers on 127.0.0.1:5432 as user postgres"

# The database and the Redis index are the machine's, whichever checkout runs the script: one run
# at a time, the others wait (they would drop each other's database and share the cores).
exec 9>/tmp/waybill-bench.lock
if ! flock -n 9; then
  say "Another benchmark is running on this machine: waiting for it (up to 30 minutes)"
  flock -w 1800 9 || die "the other benchmark run did not finish in 30 minutes"
fi

REDIS_URL=""
if [ "$NO_REDIS" != 1 ] && command -v redis-cli >/dev/null 2>&1 \
    && [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]; then
  REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB"
fi

# --- where things go ---------------------------------------------------------------------------

COMMIT=$(git rev-parse --short HEAD)
if [ -n "$(git status --porcelain)" ]; then
  COMMIT="$COMMIT+changes"
fi
STARTED=$(date -u +%Y-%m-%dT%H%M)
mkdir -p bench/results
STEM="bench/results/$STARTED-$COMMIT-N$N"
RESULTS="$STEM.md"
SERVER_LOG="$STEM.server.log"
WRK_LOG="$STEM.wrk.txt"
WORK=$(mktemp -d /tmp/waybill-bench.XXXXXX)
LOAD_AVERAGE_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
WRK_VERSION=$(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2 || true)
: >"$WRK_LOG"

SERVER_PID=""
PEAK_RSS_KB=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    PEAK_RSS_KB=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null || true)
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.5
    done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
cleanup() {
  status=$?
  stop_server
  if [ "$KEEP_DB" != 1 ]; then
    $PG -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
  [ "$status" -eq 0 ] || say "Failed; the server's log is in $SERVER_LOG"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- build and start ---------------------------------------------------------------------------

say "Building the jar with $JAVA_VERSION"
./mvnw -q -DskipTests package >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; die "the build failed"; }
JAR=$(ls target/waybill-*.jar | grep -v '\.original$' | head -n 1)
[ -f "$JAR" ] || die "no jar in target/"

if [ "$REUSE_DB" = 1 ] && [ "$($PG -d "$DB" -tAc 'select n from public.bench_load' 2>/dev/null || true)" = "$N" ]; then
  say "Reusing the database $DB, loaded with N=$N"
  LOADED=1
else
  say "Creating a fresh database $DB"
  $PG -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB" >/dev/null
  LOADED=0
fi
if [ -n "$REDIS_URL" ]; then
  redis-cli -h 127.0.0.1 -p 6379 -n "$REDIS_DB" flushdb >/dev/null
fi

PORT=18080
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do
  PORT=$((PORT + 1))
done
BASE="http://127.0.0.1:$PORT"

say "Starting the server on port $PORT (cache: ${REDIS_URL:-in-process})"
(
  unset SPRING_DATA_REDIS_URL SPRING_KAFKA_BOOTSTRAP_SERVERS
  export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres \
    SPRING_DATASOURCE_PASSWORD="" WAYBILL_JWT_SECRET="$(head -c 48 /dev/urandom | base64 | tr -d '\n')" \
    WAYBILL_ADMIN_EMAIL="$ADMIN_EMAIL" WAYBILL_ADMIN_PASSWORD="$PASSWORD" WAYBILL_JWT_ACCESS_TOKEN_TTL=PT12H \
    PORT="$PORT"
  [ -z "$REDIS_URL" ] || export SPRING_DATA_REDIS_URL="$REDIS_URL"
  # Per-address rate limits (where the server has them) would answer nearly all of a load test
  # from one address with 429: raise them out of reach, so that their cost stays in the figures
  # but their refusals do not. A server without them ignores these settings.
  exec 9>&-  # the benchmark's lock is not the server's to hold
  # shellcheck disable=SC2086
  exec java $JAVA_OPTS -jar "$JAR" --waybill.rate-limits.tracking.capacity=1000000000 \
    --waybill.rate-limits.registration.capacity=1000000 --waybill.rate-limits.login-address.capacity=1000000 \
    --waybill.rate-limits.login-account.capacity=1000000 --waybill.rate-limits.mail-request.capacity=1000000 \
    --waybill.rate-limits.booking.capacity=1000000000
) >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 240); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/auth/me" || true)" = 401 ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$SERVER_LOG" >&2; die "the server stopped while starting"; }
  sleep 0.5
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/auth/me" || true)" = 401 ] || die "the server did not answer in 120 s"

# --- accounts and hubs, through the API ---------------------------------------------------------

# call METHOD PATH TOKEN [JSON]: prints the body, then the status code on a line of its own.
call() {
  local method=$1 path=$2 token=$3 body=${4:-}
  local args=(-s -X "$method" -w '\n%{http_code}' -H 'Accept: application/json')
  [ -z "$token" ] || args+=(-H "Authorization: Bearer $token")
  [ -z "$body" ] || args+=(-H 'Content-Type: application/json' --data "$body")
  curl "${args[@]}" "$BASE$path"
}
field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p" | head -n 1; }
# login EMAIL: sets TOKEN and USER_ID
login() {
  local answer
  answer=$(call POST /auth/login "" "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}")
  [ "$(tail -n 1 <<<"$answer")" = 200 ] || die "could not log in as $1: $answer"
  TOKEN=$(field access_token <<<"$answer")
  USER_ID=$(field user_id <<<"$answer")
}
# register EMAIL ROLE [ADMIN_TOKEN]: 201, or 409 when a reused database has the account already
register() {
  local code
  code=$(call POST /auth/register "${3:-}" \
    "{\"email\":\"$1\",\"password\":\"$PASSWORD\",\"full_name\":\"Bench $2\",\"role\":\"$2\"}" | tail -n 1)
  [ "$code" = 201 ] || [ "$code" = 409 ] || die "could not register $1 ($code)"
}

login "$ADMIN_EMAIL"
ADMIN_TOKEN=$TOKEN
for city in "${CITIES[@]}"; do
  code=$(call POST /admin/hubs "$ADMIN_TOKEN" "{\"hub_name\":\"$city hub\",\"city\":\"$city\"}" | tail -n 1)
  [ "$code" = 201 ] || [ "$code" = 409 ] || die "could not create the hub of $city ($code)"
done
customer_ids=()
for k in $(seq 1 $CUSTOMERS); do
  register "customer$k@bench.waybill.local" customer
  login "customer$k@bench.waybill.local"
  customer_ids+=("$USER_ID")
  [ "$k" -gt 1 ] || CUSTOMER_TOKEN=$TOKEN
done
agent_ids=()
for k in $(seq 1 $AGENTS); do
  register "agent$k@bench.waybill.local" agent "$ADMIN_TOKEN"
  login "agent$k@bench.waybill.local"
  agent_ids+=("$USER_ID")
  [ "$k" -gt 1 ] || AGENT_TOKEN=$TOKEN
done

# --- the data set -------------------------------------------------------------------------------

if [ "$LOADED" = 1 ]; then
  LOAD_SECONDS=$($PG -d "$DB" -tAc 'select seconds from public.bench_load')
  REPORT_DATE=$($PG -d "$DB" -tAc 'select loaded_on from public.bench_load')
else
  say "Loading $N shipments in bulk (bench/load.sql)"
  load_start=$(date +%s)
  $PG -d "$DB" -v n="$N" -v days="$DAYS" \
    -v customers="{$(IFS=,; echo "${customer_ids[*]}")}" -v agents="{$(IFS=,; echo "${agent_ids[*]}")}" \
    -f bench/load.sql >"$WORK/load.log"
  say "Vacuuming and analysing the loaded tables"
  $PG -d "$DB" -c 'vacuum (analyze) shipments.shipments, shipments.tracking_updates, reporting.shipments,
      reporting.daily_status_members, reporting.daily_status, reporting.daily_totals, reporting.daily_hubs,
      reporting.delivery_durations' >/dev/null
  LOAD_SECONDS=$(( $(date +%s) - load_start ))
  REPORT_DATE=$(date -u +%F)
  $PG -d "$DB" -c "create table public.bench_load as
      select $N::bigint as n, $LOAD_SECONDS as seconds, date '$REPORT_DATE' as loaded_on" >/dev/null
  say "Loaded in $LOAD_SECONDS s"
fi
DB_SIZE=$($PG -d "$DB" -tAc "select pg_size_pretty(pg_database_size('$DB'))")
SHIPMENTS=$($PG -d "$DB" -tAc "select count(*) from shipments.shipments")
UPDATES=$($PG -d "$DB" -tAc "select count(*) from shipments.tracking_updates")

bulk="description = 'bench bulk load'"
$PG -d "$DB" -tAc "select tracking_number from shipments.shipments where $bulk
    order by random() limit $SAMPLE" >"$WORK/tracking-numbers.txt"
$PG -d "$DB" -tAc "select id from shipments.shipments where $bulk and customer_id = '${customer_ids[0]}'
    order by random() limit $SAMPLE" >"$WORK/own-shipments.txt"
$PG -d "$DB" -tAc "select id from shipments.shipments where $bulk and agent_id = '${agent_ids[0]}'
    and status = 'in_transit' order by random() limit $SAMPLE" >"$WORK/in-transit.txt"
for sample in tracking-numbers own-shipments in-transit; do
  [ -s "$WORK/$sample.txt" ] || die "the sample $sample is empty: is N too small?"
done

# One pass over the tracking sample, so that the public-track row reads cache hits. It also checks
# that every loaded number (and its check digit) is found.
say "Warming the tracking cache with $(wc -l <"$WORK/tracking-numbers.txt") tracking numbers"
sed "s|^\\(.*\\)$|url = \"$BASE/track/\\1\"\\noutput = \"/dev/null\"|" "$WORK/tracking-numbers.txt" >"$WORK/warm.curl"
found=$(curl -s --no-progress-meter --parallel --parallel-max 8 -w '%{http_code}\n' -K "$WORK/warm.curl" 2>/dev/null \
  | grep -c '^200$' || true)
[ "$found" -eq "$(wc -l <"$WORK/tracking-numbers.txt")" ] \
  || die "only $found of the sampled tracking numbers were found on /track"

# --- load ---------------------------------------------------------------------------------------

redis_stat() {
  [ -n "$REDIS_URL" ] || { echo 0; return; }
  redis-cli -h 127.0.0.1 -p 6379 info stats | tr -d '\r' | awk -F: -v key="$1" '$1 == key {print $2}'
}

# The events of a write row are handled in the background: wait until the outbox is published and
# the consumers have stopped moving (two looks a second apart), so that rows do not overlap.
drain_events() {
  local start previous="" current unpublished
  start=$(date +%s)
  while [ $(( $(date +%s) - start )) -lt 300 ]; do
    unpublished=$($PG -d "$DB" -tAc "select count(*) from eventing.outbox where published_at is null") || return 1
    current=$($PG -d "$DB" -tAc "select coalesce(sum(position), 0) from eventing.consumer_offsets") || return 1
    if [ "$unpublished" = 0 ] && [ "$current" = "$previous" ]; then
      break
    fi
    previous=$current
    sleep 1
  done
  current=$(( $(date +%s) - start - 1 ))
  echo $(( current > 0 ? current : 0 ))
}

# CPU used so far (user + system, in clock ticks) by the given processes, and by the whole machine.
cpu_ticks() {
  local total=0 pid ticks
  for pid in "$@"; do
    ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$((total + ${ticks:-0}))
  done
  echo "$total"
}
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }
CLOCK_TICKS=$(getconf CLK_TCK)
REDIS_PID=""
[ -z "$REDIS_URL" ] || REDIS_PID=$(pgrep -x redis-server | head -n 1 || true)

wanted() { [ "$ROWS" = all ] || [[ " ${ROWS//,/ } " == *" $1 "* ]]; }

# measure KEY LABEL CONNECTIONS EXPECT WRK-ARGS...: a warm-up run, then the measured one; appends
# key, label, connections, requests/s, p50 ms, p99 ms, requests, unexpected answers and the cores
# used by the server, by PostgreSQL's backends of this database, by Redis and by the whole machine
# to rows.tsv. EXPECT is 2xx (wrk counts 3xx with them), or 4xx for the rows whose answer is meant
# to be an error.
measure() {
  local key=$1 label=$2 connections=$3 expect=$4
  shift 4
  local threads=$THREADS
  [ "$connections" -ge "$threads" ] || threads=$connections
  say "$label: $connections connections, $WARMUP warm-up + $DURATION"
  wrk -t"$threads" -c"$connections" -d"$WARMUP" --timeout 10s "$@" >/dev/null
  local pg_pids cpu_before cpu_after
  pg_pids=$(grep -al "$DB" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3 | tr '\n' ' ' || true)
  [ "$PROFILE" != 1 ] || jcmd "$SERVER_PID" JFR.start name="$key" settings=profile >/dev/null
  # shellcheck disable=SC2086
  cpu_before="$(date +%s.%N) $(cpu_ticks "$SERVER_PID") $(cpu_ticks $pg_pids) $(cpu_ticks $REDIS_PID) $(machine_ticks)"
  wrk -t"$threads" -c"$connections" -d"$DURATION" --timeout 10s --latency "$@" >"$WORK/$key.out"
  # shellcheck disable=SC2086
  cpu_after="$(date +%s.%N) $(cpu_ticks "$SERVER_PID") $(cpu_ticks $pg_pids) $(cpu_ticks $REDIS_PID) $(machine_ticks)"
  [ "$PROFILE" != 1 ] || jcmd "$SERVER_PID" JFR.stop name="$key" filename="$PWD/$STEM.$key.jfr" >/dev/null
  { echo "### $label ($connections connections)"; cat "$WORK/$key.out"; echo; } >>"$WRK_LOG"
  awk -v key="$key" -v label="$label" -v connections="$connections" -v expect="$expect" '
    function atleast0(x) { return x < 0 ? 0 : x }
    function ms(v) {
      if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 }
      if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 }
      if (v ~ /s$/)  { sub(/s$/, "", v);  return v * 1000 }
      if (v ~ /m$/)  { sub(/m$/, "", v);  return v * 60000 }
      if (v ~ /h$/)  { sub(/h$/, "", v);  return v * 3600000 }
      return v + 0
    }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    $1 == "Requests/sec:" { rps = $2 }
    / requests in / { requests = $1 }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { gsub(",", ""); socket = $4 + $6 + $8 + $10 }
    END {
      unexpected = (expect == "2xx" ? non2xx : requests - non2xx) + socket
      split(before, b, " "); split(after, a, " ")
      seconds = a[1] - b[1]
      cores = ncpu * (a[5] - b[5]) / (a[6] - b[6])
      # A process that ended during the row takes its CPU time with it: never below zero.
      printf "%s\t%s\t%d\t%.0f\t%.2f\t%.2f\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\n", key, label, connections, rps, p50,
        p99, requests, unexpected, atleast0((a[2] - b[2]) / hz / seconds), atleast0((a[3] - b[3]) / hz / seconds),
        atleast0((a[4] - b[4]) / hz / seconds), cores
    }' before="$cpu_before" after="$cpu_after" hz="$CLOCK_TICKS" ncpu="$(nproc)" "$WORK/$key.out" >>"$WORK/rows.tsv"
}

: >"$WORK/rows.tsv"
CREATE_DRAIN="-"
STATUS_DRAIN="-"
TRACK_HITS=""
# The ceiling: the fastest of three trivial answers, each through Tomcat and every security filter
# with no work behind it. Which is fastest depends on the server: a refusal stops in the security
# filters, unless refusals are audited (a database write); the redirect to Swagger UI and the 404
# of a tracking number with a wrong check digit go through Spring MVC.
measure unauthorized "trivial: GET /auth/me without a token (401 from the security filters)" "$CONNECTIONS" 4xx \
  "$BASE/auth/me"
measure docs "trivial: GET /docs (302 to Swagger UI)" "$CONNECTIONS" 2xx "$BASE/docs"
measure no-io "trivial: GET /track with a wrong check digit (404 before any lookup)" "$CONNECTIONS" 4xx \
  "$BASE/track/TRK00000000001"
if wanted track; then
  hits_before=$(redis_stat keyspace_hits)
  misses_before=$(redis_stat keyspace_misses)
  measure track "GET /track/{number}, public, cache hit" "$CONNECTIONS" 2xx \
    -s bench/wrk/track.lua "$BASE" -- "$WORK/tracking-numbers.txt"
  TRACK_HITS=$(( $(redis_stat keyspace_hits) - hits_before ))
  TRACK_MISSES=$(( $(redis_stat keyspace_misses) - misses_before ))
fi
if wanted get; then
  measure get "GET /shipments/{id}, customer token" "$CONNECTIONS" 2xx \
    -s bench/wrk/shipment.lua "$BASE" -- "$WORK/own-shipments.txt" "$CUSTOMER_TOKEN"
fi
if wanted reports; then
  measure reports "GET /admin/reports, admin token" "$CONNECTIONS" 2xx \
    -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/admin/reports?date=$REPORT_DATE"
fi
if wanted reports-1; then
  measure reports-1 "GET /admin/reports, admin token" 1 2xx \
    -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/admin/reports?date=$REPORT_DATE"
fi
if wanted create; then
  measure create "POST /shipments, customer token" "$CONNECTIONS" 2xx \
    -s bench/wrk/book.lua "$BASE" -- "$CUSTOMER_TOKEN"
  say "Waiting for the booking events to be handled"
  CREATE_DRAIN=$(drain_events) || die "could not read the outbox"
fi
if wanted status; then
  measure status "PUT /shipments/{id}/status, in_transit scan, agent token" "$CONNECTIONS" 2xx \
    -s bench/wrk/scan.lua "$BASE" -- "$WORK/in-transit.txt" "$AGENT_TOKEN"
  say "Waiting for the status events to be handled"
  STATUS_DRAIN=$(drain_events) || die "could not read the outbox"
fi
CONSUMER_FAILURES=$(grep -c -E 'Consumer .* failed|Could not relay events' "$SERVER_LOG" || true)
LOAD_AVERAGE_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
stop_server

# --- the report ---------------------------------------------------------------------------------

row() { awk -F'\t' -v key="$1" -v col="$2" '$1 == key {print $col}' "$WORK/rows.tsv"; }
CEILING_KEY=$(awk -F'\t' '$1 == "unauthorized" || $1 == "docs" || $1 == "no-io" {print $4, $1}' "$WORK/rows.tsv" \
  | sort -n | tail -n 1 | cut -d' ' -f2)
CEILING=$(row "$CEILING_KEY" 4)
ratio() { awk -v a="$1" -v b="$CEILING" 'BEGIN { printf "%.0f%%", (b > 0 ? 100 * a / b : 0) }'; }
# target TEXT KEY COLUMN CONDITION MEASURED [NOTE]: one line of the targets table. CONDITION is an
# awk expression in which x stands for the row's COLUMN (4: requests/s, 6: p99 ms).
target() {
  local text=$1 key=$2 column=$3 condition=$4 measured=$5 note=${6:-} value verdict
  value=$(row "$key" "$column")
  if [ -z "$value" ]; then
    echo "| $text | not run | |"
    return
  fi
  if [ -n "$note" ]; then
    verdict=$note
  elif awk -v x="$value" "BEGIN { exit !($condition) }"; then
    verdict=met
  else
    verdict="**missed**"
  fi
  echo "| $text | ${measured//\{\}/$value} | $verdict |"
}

{
  echo "# Waybill benchmark, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| commit | \`$COMMIT\` |"
  echo "| data set | N=$N bulk shipments over $DAYS days ($SHIPMENTS shipments, $UPDATES tracking updates after the run); loaded in $LOAD_SECONDS s; database $DB_SIZE |"
  echo "| JDK | $JAVA_VERSION${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS} |"
  echo "| tracking cache | ${REDIS_URL:-in-process (no Redis)} |"
  echo "| machine | $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo); load average $LOAD_AVERAGE_BEFORE before, $LOAD_AVERAGE_AFTER after (wrk, PostgreSQL and anything else running share the cores) |"
  echo "| wrk | $WRK_VERSION, $THREADS threads, $WARMUP warm-up then $DURATION per row, timeout 10 s |"
  echo
  echo "| endpoint | connections | requests/s | p50 ms | p99 ms | vs ceiling | unexpected answers | CPU cores: server / PostgreSQL / Redis / machine |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  while IFS=$'\t' read -r key label connections rps p50 p99 requests unexpected server pg redis machine; do
    [ "$key" != "$CEILING_KEY" ] || label="**ceiling**, $label"
    echo "| $label | $connections | $rps | $p50 | $p99 | $(ratio "$rps") | $unexpected of $requests | $server / $pg / $redis / $machine |"
  done <"$WORK/rows.tsv"
  echo
  echo "Peak RSS of the server (VmHWM): $(( ${PEAK_RSS_KB:-0} / 1024 )) MB."
  if [ -n "$REDIS_URL" ] && [ -n "$TRACK_HITS" ]; then
    echo "Redis during the public-track row and its warm-up: $TRACK_HITS keyspace hits, $TRACK_MISSES misses (counters of the whole Redis server)."
  fi
  echo "Events still being handled after the create row: $CREATE_DRAIN s; after the status row: $STATUS_DRAIN s."
  echo "Consumer or relay failures in the server log: $CONSUMER_FAILURES."
  if grep -qh '^Unexpected answer' "$WORK"/*.out 2>/dev/null; then
    echo
    echo "First unexpected answers (per wrk thread):"
    echo
    grep -h '^Unexpected answer' "$WORK"/*.out | head -n 8 | sed 's/^/    /'
  fi
  echo
  echo "## Targets"
  echo
  echo "| target | measured | |"
  echo "|---|---|---|"
  target "public track (cache hit) ≥ 60% of the ceiling" track 4 "x >= 0.6 * $CEILING" "$(ratio "$(row track 4)")"
  target "status updates ≥ 2,000/s" status 4 "x >= 2000" "{}/s"
  target "create ≥ 2,000/s" create 4 "x >= 2000" "{}/s"
  not64=""
  [ "$CONNECTIONS" = 64 ] || not64="not measured at 64 connections"
  target "p99 < 50 ms at 64 connections: public track" track 6 "x < 50" "{} ms at $CONNECTIONS" "$not64"
  target "p99 < 50 ms at 64 connections: authenticated get" get 6 "x < 50" "{} ms at $CONNECTIONS" "$not64"
  target "p99 < 50 ms at 64 connections: /admin/reports" reports 6 "x < 50" "{} ms at $CONNECTIONS" "$not64"
  small=""
  [ "$N" -ge 1000000 ] || small="needs N ≥ 1000000"
  target "/admin/reports < 10 ms at 1 million shipments (p99, one connection)" reports-1 6 "x < 10" \
    "{} ms at N=$N" "$small"
  echo
  echo "Raw wrk output: \`$WRK_LOG\`; server log: \`$SERVER_LOG\`."
} >"$RESULTS"

cat "$RESULTS"
say "Results written to $RESULTS"
