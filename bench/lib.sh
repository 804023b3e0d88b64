# shellcheck shell=bash
# The benchmark's parts, sourced by bench/run.sh (one build) and bench/compare.sh (two builds, row
# by row): settings, tools, the machine-wide lock, the database, starting and stopping a server,
# the data set, one measured row (wrk), the event drain, the PostgreSQL limits (pgbench), the
# targets and the report (Markdown and JSON). The settings are described in bench/run.sh.
#
# A caller sets WORK (a temporary directory), sources this file, and calls the functions in the
# order run.sh does. Every measured row goes to the file named by ROWS_FILE, one line of tab-
# separated columns (see measure).

N=${N:-100000}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
SAMPLE=${SAMPLE:-10000}
DAYS=${DAYS:-30}
PINGS=${PINGS:-1000000}
LOCATION_AGENTS=${LOCATION_AGENTS:-32}
JAVA_OPTS=${JAVA_OPTS:-}
KEEP_DB=${KEEP_DB:-0}
REUSE_DB=${REUSE_DB:-0}
NO_REDIS=${NO_REDIS:-0}
PROFILE=${PROFILE:-0}
ROWS=${ROWS:-all}
EMBEDDED=${EMBEDDED:-1}

DB=waybill_bench
REDIS_DB=5
PG="psql -X -q -h 127.0.0.1 -p 5432 -U postgres"
# The rows psql and pgbench write are the default tenant's, as the server's own are (every table's
# tenant_id defaults to the connection's app.tenant_id; docs/API.md#tenants).
export PGOPTIONS="-c client_min_messages=warning -c app.tenant_id=00000000-0000-0000-0000-000000000001"
ADMIN_EMAIL=bench-admin@waybill.local
PASSWORD=bench-password-not-secret
CUSTOMERS=8
AGENTS=4
CITIES=(Chennai Bangalore Mumbai Delhi Kolkata Hyderabad Pune Jaipur)
# The rows "all" stands for, in the order they run. The three trivial rows, of which the fastest is
# the ceiling, always run.
ALL_ROWS="track track-16 get reports reports-1 create status locations agents-latest-1 bag-scan"
TRIVIAL_ROWS="unauthorized docs no-io"
# The targets of the issue "Faster and leaner".
TARGET_WRITE_SHARE=0.5      # bookings and status updates, sustained, against pgbench's rate
TARGET_TRACK_SHARE=0.6      # public track (64 connections) against the ceiling
TARGET_TRACK_16_SHARE=0.5   # public track at 16 connections against the rate at 64
TARGET_P99_MS=50            # public track, authenticated get, /admin/reports at 64 connections
TARGET_REPORTS_1_P99_MS=10  # /admin/reports on one connection
TARGET_AGENTS_LATEST_1_P99_MS=5  # GET /admin/agents/locations on one connection, over PINGS stored points
TARGET_RSS_MB=512           # the server's resident memory after the whole benchmark
TARGET_BAG_SCAN_MS=1000     # POST /bags/{id}/scans of a bag of BAG_SIZE shipments, the slowest of its three scans
BAG_SIZE=${BAG_SIZE:-500}
TARGET_STARTUP_MS=5000      # the server's own "Waybill is up in N ms"

say() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# seconds_of 15s|2m|1h|30: whole seconds, at least 1 (pgbench -T takes seconds; wrk takes the text).
seconds_of() {
  local v=$1 n
  case "$v" in
    *ms) n=$(( ${v%ms} / 1000 )) ;;
    *s) n=${v%s} ;;
    *m) n=$(( ${v%m} * 60 )) ;;
    *h) n=$(( ${v%h} * 3600 )) ;;
    *) n=$v ;;
  esac
  [[ "$n" =~ ^[0-9]+$ ]] || die "not a duration: '$v' (use e.g. 15s, 2m)"
  echo $(( n < 1 ? 1 : n ))
}

check_settings() {
  [[ "$N" =~ ^[0-9]+$ ]] && [ "$N" -ge 100 ] && [ "$N" -le 10000000 ] || die "N must be 100 to 10000000, not '$N'"
  [[ "$SAMPLE" =~ ^[0-9]+$ ]] && [ "$SAMPLE" -ge 1 ] || die "SAMPLE must be a positive number"
  [[ "$CONNECTIONS" =~ ^[0-9]+$ ]] && [ "$CONNECTIONS" -ge "$THREADS" ] || die "CONNECTIONS must be at least THREADS"
  DURATION_S=$(seconds_of "$DURATION")
  WARMUP_S=$(seconds_of "$WARMUP")
  local row
  for row in ${ROWS//,/ }; do
    [ "$row" = all ] || [[ " $ALL_ROWS " == *" $row "* ]] || die "unknown row '$row' in ROWS (rows: $ALL_ROWS)"
  done
}

wanted() { [ "$ROWS" = all ] || [[ " ${ROWS//,/ } " == *" $1 "* ]]; }
# The rows to run, trivial ones first (TRIVIAL=0 leaves them out: no ceiling then), in the order of ALL_ROWS.
selected_rows() {
  local row list=$TRIVIAL_ROWS
  [ "${TRIVIAL:-1}" != 0 ] || list=""
  for row in $ALL_ROWS; do
    ! wanted "$row" || list="$list $row"
  done
  echo "$list"
}

# --- tools -------------------------------------------------------------------------------------

install_package() {
  [ "$(id -u)" -eq 0 ] || die "$1 is missing: install the Debian package $1 (apt-get install $1)"
  say "Installing $1 from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "$1" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$1" >/dev/null; } \
    || die "could not install $1"
}

check_tools() {
  command -v wrk >/dev/null 2>&1 || install_package wrk
  command -v psql >/dev/null 2>&1 || install_package postgresql-client
  command -v pgbench >/dev/null 2>&1 || install_package postgresql-contrib
  command -v curl >/dev/null 2>&1 || install_package curl
  command -v jq >/dev/null 2>&1 || install_package jq

  # The newest JDK 21+ in Debian's JVM directory (virtual threads), as CI picks it; else the default.
  local best_version=0 candidate version
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
  WRK_VERSION=$(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2 || true)
  PGBENCH_VERSION=$(pgbench --version 2>&1 | head -n 1)

  $PG -d postgres -tAc 'select 1' >/dev/null 2>&1 || die "no PostgreSQL answers on 127.0.0.1:5432 as user postgres"
  PG_VERSION=$($PG -d postgres -tAc 'show server_version')

  REDIS_URL=""
  if [ "$NO_REDIS" != 1 ] && command -v redis-cli >/dev/null 2>&1 \
      && [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]; then
    REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB"
  fi
}

# The database and the Redis index are the machine's, whichever checkout runs the script: one run
# at a time, the others wait (they would drop each other's database and share the cores).
take_lock() {
  exec 9>/tmp/waybill-bench.lock
  if ! flock -n 9; then
    say "Another benchmark is running on this machine: waiting for it (up to 30 minutes)"
    flock -w 1800 9 || die "the other benchmark run did not finish in 30 minutes"
  fi
  LOAD_AVERAGE_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  say "Load average at the start: $LOAD_AVERAGE_BEFORE ($(nproc) cores)"
}

# build_jar DIR: packages the checkout in DIR and prints the path of its jar.
build_jar() {
  local dir=$1 log jar
  log="$WORK/build.$(basename "$dir").log"
  (cd "$dir" && ./mvnw -q -DskipTests package) >"$log" 2>&1 || { cat "$log" >&2; die "the build in $dir failed"; }
  jar=$(ls "$dir"/target/waybill-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1)
  [ -f "$jar" ] || die "no jar in $dir/target/"
  echo "$jar"
}

# --- database and server ------------------------------------------------------------------------

prepare_database() {
  if [ "$REUSE_DB" = 1 ] && [ "$($PG -d "$DB" -tAc 'select n from public.bench_load' 2>/dev/null || true)" = "$N" ]; then
    say "Reusing the database $DB, loaded with N=$N"
    LOADED=1
  else
    say "Creating a fresh database $DB"
    $PG -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB" >/dev/null
    LOADED=0
  fi
}

flush_redis() {
  [ -z "$REDIS_URL" ] || redis-cli -h 127.0.0.1 -p 6379 -n "$REDIS_DB" flushdb >/dev/null
}

free_port() {
  local port=18080
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
  done
  echo "$port"
}

# Every start of the run signs with the same key, so that the tokens taken once stay good.
JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
SERVER_PID=""
PEAK_RSS_KB=""
END_RSS_KB=""
STARTUP_MS=""
STARTUP_PROCESS_MS=""

# startup_of LOG: the server's own start-up time in ms ("Waybill is up in N ms", else Spring's
# "Started ... in S seconds"), then the time since the JVM started ("process running for S"), or
# nothing while the server has not logged them.
startup_of() {
  awk '
    /Waybill is up in [0-9]+ ms/ { for (i = 1; i < NF; i++) if ($i == "in" && $(i + 2) ~ /^ms/) up = $(i + 1) }
    /Started .* in [0-9.]+ seconds/ {
      for (i = 1; i < NF; i++) if ($i == "in" && $(i + 2) == "seconds") started = $(i + 1) * 1000
      if (match($0, /process running for [0-9.]+/)) process = substr($0, RSTART + 20, RLENGTH - 20) * 1000
    }
    END { if (up == "" && started != "") up = started; if (up != "") printf "%d %d\n", up, process }' "$1"
}

# start_server JAR LOG: starts the jar on the benchmark database (and Redis), waits until it answers
# and has logged its start-up time; sets SERVER_PID, BASE, STARTUP_MS and STARTUP_PROCESS_MS.
# jvm_options_of JAR: the JVM flags the build's checkout deploys with (deploy/jvm.options beside its
# target/), so that the server runs as the image and spring-boot:run run it; none for a checkout
# without that file. JAVA_OPTS come after them and win.
jvm_options_of() {
  local file
  file="$(dirname "$(dirname "$1")")/deploy/jvm.options"
  [ ! -f "$file" ] || cat "$file"
}

# launch_of JAR: the java arguments after the JVM flags that start the build as it deploys: from the
# extracted jar with the build's ahead-of-time cache when its checkout has deploy/aot-cache.sh and
# AOT is not 0 (made once per jar, on a JDK 25+; see that script), else "-jar JAR". Says which.
AOT=${AOT:-1}
launch_of() {
  local jar=$1 script made
  script="$(dirname "$(dirname "$jar")")/deploy/aot-cache.sh"
  if [ "$AOT" = 0 ] || [ ! -f "$script" ]; then
    echo "-jar $jar"
    return
  fi
  made="$WORK/aot.$(echo "$jar" | md5sum | cut -c1-12)"
  if [ ! -f "$made.args" ]; then
    say "Laying out $(basename "$(dirname "$(dirname "$jar")")")'s jar with its AOT cache (deploy/aot-cache.sh; a training start, not timed)"
    bash "$script" "$jar" "$made" >"$made.args" 2>"$made.log" || echo "-jar $jar" >"$made.args"
  fi
  cat "$made.args"
}

# how_launched ARGS: "AOT cache" or "jar", for the report.
how_launched() {
  case "$1" in *-XX:AOTCache=*) echo "AOT cache" ;; *) echo "jar" ;; esac
}

start_server() {
  local jar=$1 log=$2 port times launch
  launch=$(launch_of "$jar")
  SERVER_LAUNCH=$(how_launched "$launch")
  port=$(free_port)
  BASE="http://127.0.0.1:$port"
  say "Starting $(basename "$(dirname "$(dirname "$jar")")")'s server on port $port (cache: ${REDIS_URL:-in-process}; from the $(how_launched "$launch"))"
  (
    unset SPRING_DATA_REDIS_URL SPRING_KAFKA_BOOTSTRAP_SERVERS
    export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres \
      SPRING_DATASOURCE_PASSWORD="" WAYBILL_JWT_SECRET="$JWT_SECRET" \
      WAYBILL_ADMIN_EMAIL="$ADMIN_EMAIL" WAYBILL_ADMIN_PASSWORD="$PASSWORD" WAYBILL_JWT_ACCESS_TOKEN_TTL=PT12H \
      PORT="$port"
    [ -z "$REDIS_URL" ] || export SPRING_DATA_REDIS_URL="$REDIS_URL"
    # Per-address rate limits (where the server has them) would answer nearly all of a load test
    # from one address with 429: raise them out of reach, so that their cost stays in the figures
    # but their refusals do not. A server without them ignores these settings.
    exec 9>&-  # the benchmark's lock is not the server's to hold
    # shellcheck disable=SC2046,SC2086
    exec java $(jvm_options_of "$jar") $JAVA_OPTS $launch --waybill.rate-limits.tracking.capacity=1000000000 \
      --waybill.rate-limits.registration.capacity=1000000 --waybill.rate-limits.login-address.capacity=1000000 \
      --waybill.rate-limits.login-account.capacity=1000000 --waybill.rate-limits.mail-request.capacity=1000000 \
      --waybill.rate-limits.login-account-total.capacity=1000000 --waybill.rate-limits.booking.capacity=1000000000 \
      --waybill.rate-limits.locations.capacity=1000000000
  ) >"$log" 2>&1 &
  SERVER_PID=$!
  SERVER_STARTED_AT=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)
  SERVER_LOG=$log
  for _ in $(seq 1 240); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/auth/me" || true)" = 401 ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$log" >&2; die "the server stopped while starting"; }
    sleep 0.5
  done
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/auth/me" || true)" = 401 ] || die "the server did not answer in 120 s"
  times=""
  for _ in $(seq 1 20); do
    times=$(startup_of "$log")
    [ -z "$times" ] || break
    sleep 0.25
  done
  STARTUP_MS=${times% *}
  STARTUP_PROCESS_MS=${times#* }
  [ -n "$times" ] || say "WARNING: the server did not log its start-up time"
  say "Up in ${STARTUP_MS:-?} ms (JVM started ${STARTUP_PROCESS_MS:-?} ms before it was ready)"
}

# Stops the server; keeps its resident memory (VmRSS) and peak (VmHWM) in END_RSS_KB and PEAK_RSS_KB.
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    END_RSS_KB=$(awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null || true)
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

drop_database() {
  if [ "$KEEP_DB" != 1 ]; then
    $PG -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  fi
}

# measure_embedded_start JAR: the start-up of the embedded default (no SPRING_DATASOURCE_URL, a new
# data directory: the embedded PostgreSQL runs initdb first); sets EMBEDDED_STARTUP_MS.
EMBEDDED_STARTUP_MS=""
EMBEDDED_PROCESS_MS=""
EMBEDDED_LAUNCH=""
measure_embedded_start() {
  local jar=$1 launch=${2:-} dir port pid times=""
  [ -n "$launch" ] || launch=$(launch_of "$jar")
  EMBEDDED_LAUNCH=$(how_launched "$launch")
  dir=$(mktemp -d /tmp/waybill-bench-embedded.XXXXXX)
  port=$(free_port)
  say "Starting the embedded default once (new data directory $dir, port $port, from the $EMBEDDED_LAUNCH)"
  (
    unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD SPRING_DATA_REDIS_URL \
      SPRING_KAFKA_BOOTSTRAP_SERVERS WAYBILL_JWT_SECRET WAYBILL_ADMIN_EMAIL WAYBILL_ADMIN_PASSWORD
    export PORT=$port
    exec 9>&-
    # shellcheck disable=SC2046,SC2086
    export MANAGEMENT_SERVER_PORT=0
    exec java $(jvm_options_of "$jar") $JAVA_OPTS $launch --waybill.data-dir="$dir"
  ) >"$dir.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 480); do
    times=$(startup_of "$dir.log")
    [ -z "$times" ] || break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -n "$times" ]; then
    EMBEDDED_STARTUP_MS=${times% *}
    EMBEDDED_PROCESS_MS=${times#* }
    say "Embedded default up in $EMBEDDED_STARTUP_MS ms"
  else
    say "WARNING: the embedded default did not start in 120 s; its log: $dir.log"
    cp "$dir.log" "$STEM.embedded.log" 2>/dev/null || true
  fi
  rm -rf "$dir" "$dir.log"
}

# --- accounts, hubs and the data set -------------------------------------------------------------

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

# Sets ADMIN_TOKEN, CUSTOMER_TOKEN, AGENT_TOKEN, customer_ids and agent_ids.
setup_accounts() {
  local city code k
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
  # The phones of the locations row: agents of their own, so that their batches do not move the
  # positions of the agents the other rows use.
  : >"$WORK/location-agents.txt"
  if wanted locations; then
    for k in $(seq 1 "$LOCATION_AGENTS"); do
      register "phone$k@bench.waybill.local" agent "$ADMIN_TOKEN"
      login "phone$k@bench.waybill.local"
      echo "$TOKEN" >>"$WORK/location-agents.txt"
    done
  fi
}

# Loads N shipments (or finds them loaded), takes the samples; sets LOAD_SECONDS, REPORT_DATE.
load_data() {
  local load_start sample
  if [ "$LOADED" = 1 ]; then
    LOAD_SECONDS=$($PG -d "$DB" -tAc 'select seconds from public.bench_load')
    REPORT_DATE=$($PG -d "$DB" -tAc 'select loaded_on from public.bench_load')
  else
    say "Loading $N shipments in bulk (bench/load.sql)"
    load_start=$(date +%s)
    $PG -d "$DB" -v n="$N" -v days="$DAYS" -v pings="$PINGS" \
      -v customers="{$(IFS=,; echo "${customer_ids[*]}")}" -v agents="{$(IFS=,; echo "${agent_ids[*]}")}" \
      -f "$BENCH_DIR/load.sql" >"$WORK/load.log"
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

  local bulk="description = 'bench bulk load'"
  $PG -d "$DB" -tAc "select tracking_number from shipments.shipments where $bulk
      order by random() limit $SAMPLE" >"$WORK/tracking-numbers.txt"
  $PG -d "$DB" -tAc "select id from shipments.shipments where $bulk and customer_id = '${customer_ids[0]}'
      order by random() limit $SAMPLE" >"$WORK/own-shipments.txt"
  $PG -d "$DB" -tAc "select id from shipments.shipments where $bulk and agent_id = '${agent_ids[0]}'
      and status = 'in_transit' order by random() limit $SAMPLE" >"$WORK/in-transit.txt"
  for sample in tracking-numbers own-shipments in-transit; do
    [ -s "$WORK/$sample.txt" ] || die "the sample $sample is empty: is N too small?"
  done
}

data_set_counts() {
  SHIPMENTS=$($PG -d "$DB" -tAc "select count(*) from shipments.shipments")
  UPDATES=$($PG -d "$DB" -tAc "select count(*) from shipments.tracking_updates")
}

# One pass over the tracking sample, so that the public-track rows read cache hits. It also checks
# that every loaded number (and its check digit) is found.
warm_track_cache() {
  local found
  say "Warming the tracking cache with $(wc -l <"$WORK/tracking-numbers.txt") tracking numbers"
  sed "s|^\\(.*\\)$|url = \"$BASE/track/\\1\"\\noutput = \"/dev/null\"|" "$WORK/tracking-numbers.txt" >"$WORK/warm.curl"
  found=$(curl -s --no-progress-meter --parallel --parallel-max 8 -w '%{http_code}\n' -K "$WORK/warm.curl" 2>/dev/null \
    | grep -c '^200$' || true)
  [ "$found" -eq "$(wc -l <"$WORK/tracking-numbers.txt")" ] \
    || die "only $found of the sampled tracking numbers were found on /track"
}

# --- events -------------------------------------------------------------------------------------

# What EventBacklog.pending() counts, in SQL: events not yet relayed, plus, for each in-process
# consumer group, the relayed events of its topics past its offset. A group's topics live in the
# Java code (EventHandler.topics()), not in the database: they are taken from the receipts, the
# topics of the events each group has handled (eventing.processed_events) since the running server
# started, kept in public.bench_event_topics: a group that the running server does not have (an
# older or newer commit's, in compare.sh) is not waited for. prime_events makes every group handle
# the topics the rows write before any row is measured.
refresh_event_topics() {
  # One statement (one transaction), counted as the harness's own (see pg_work).
  echo refresh >>"$WORK/harness-calls"
  $PG -d "$DB" -c "create table if not exists public.bench_event_topics (consumer_group text, topic text);
      with gone as (delete from public.bench_event_topics)
      insert into public.bench_event_topics
      select distinct p.consumer_group, o.topic from eventing.processed_events p join eventing.outbox o using (event_id)
      where p.processed_at >= '${SERVER_STARTED_AT:-1970-01-01T00:00:00Z}'::timestamptz;" >/dev/null
}
pending_events() {
  echo pending >>"$WORK/harness-calls"
  $PG -d "$DB" -tAc "select (select count(*) from eventing.outbox where published_at is null)
      + (select count(*) from public.bench_event_topics t
         join eventing.consumer_offsets c on c.consumer_group = t.consumer_group
         join eventing.outbox o on o.topic = t.topic and o.position > c.position)"
}

# drain_events SINCE: waits until no event is pending (checked again with the topics refreshed);
# prints the seconds from SINCE (an epoch with fractions: the end of the row) until then.
drain_events() {
  local since=$1 start pending
  start=$(date +%s)
  refresh_event_topics || return 1
  while [ $(( $(date +%s) - start )) -lt 600 ]; do
    pending=$(pending_events) || return 1
    if [ "$pending" = 0 ]; then
      refresh_event_topics || return 1
      pending=$(pending_events) || return 1
      [ "$pending" != 0 ] || break
    fi
    sleep 0.2
  done
  [ "$pending" = 0 ] || { say "WARNING: $pending events still pending after 600 s"; }
  awk -v a="$since" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'
}

# A booking and a status scan through the API, then waiting (not measured) until the outbox is
# relayed and every consumer has stood still for a second: afterwards each group has receipts of
# the topics the write rows produce, which refresh_event_topics needs.
prime_events() {
  local id code previous="" current unpublished start
  say "Priming the event consumers with one booking and one scan"
  code=$(call POST /shipments "$CUSTOMER_TOKEN" '{"source_address":"1 Station Road, Chennai",
    "destination_address":"1 Market Street, Pune","recipient_name":"Bench Recipient","recipient_phone":"+919800000000",
    "weight_kg":1.5,"description":"bench priming"}' | tail -n 1)
  [ "$code" = 201 ] || [ "$code" = 200 ] || die "could not book the priming shipment ($code)"
  id=$(head -n 1 "$WORK/in-transit.txt")
  code=$(call PUT "/shipments/$id/status" "$AGENT_TOKEN" '{"status":"in_transit","location":"Chennai hub"}' | tail -n 1)
  [ "$code" = 200 ] || die "could not scan the priming shipment ($code)"
  if [ -s "$WORK/location-agents.txt" ]; then
    code=$(call POST /agents/me/locations "$(head -n 1 "$WORK/location-agents.txt")" \
      "{\"points\":[{\"lat\":12.97,\"lon\":77.59,\"recorded_at\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"}]}" | tail -n 1)
    [ "$code" = 200 ] || die "could not send the priming location batch ($code)"
  fi
  start=$(date +%s)
  while [ $(( $(date +%s) - start )) -lt 60 ]; do
    unpublished=$($PG -d "$DB" -tAc "select count(*) from eventing.outbox where published_at is null")
    current=$($PG -d "$DB" -tAc "select coalesce(sum(position), 0) from eventing.consumer_offsets")
    [ "$unpublished" != 0 ] || [ "$current" != "$previous" ] || break
    previous=$current
    sleep 1
  done
  refresh_event_topics
}

# --- measuring ----------------------------------------------------------------------------------

redis_stat() {
  [ -n "$REDIS_URL" ] || { echo 0; return; }
  redis-cli -h 127.0.0.1 -p 6379 info stats | tr -d '\r' | awk -F: -v key="$1" '$1 == key {print $2}'
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
postgres_pids() { grep -al "$DB" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3 | tr '\n' ' ' || true; }
# cpu_snapshot PG_PIDS: time, server, PostgreSQL, Redis and machine ticks, for cpu_columns.
cpu_snapshot() {
  # shellcheck disable=SC2086
  echo "$(date +%s.%N) $(cpu_ticks ${SERVER_PID:-}) $(cpu_ticks $1) $(cpu_ticks ${REDIS_PID:-}) $(machine_ticks)"
}

# pg_work: "transactions rows-written" the benchmark's database has done so far, less the harness's
# own: its transactions (the drain's polls, each one statement, counted in harness-calls, and this
# function's look at the tables) and its rows (tables public.bench_*). Per request, these figures do
# not depend on how busy the machine is, as rates do: a change that makes a write cost more
# transactions or rows shows there even in a noisy run. PostgreSQL publishes a backend's counts when
# it goes idle or at most a second later, hence the pause. (Rows read are left out: the drain's
# polls read the outbox too.)
pg_work() {
  local commits written calls
  sleep 1.2
  commits=$($PG -d postgres -tAc "select xact_commit from pg_stat_database where datname = '$DB'")
  written=$($PG -d "$DB" -tAc "select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) from pg_stat_user_tables
      where not (schemaname = 'public' and relname like 'bench\_%')")
  echo pg_work >>"$WORK/harness-calls"
  calls=$(wc -l <"$WORK/harness-calls")
  echo "$commits $written $calls"
}

# The columns of ROWS_FILE, tab-separated:
#   1 key  2 label  3 connections  4 requests/s  5 p50 ms  6 p99 ms  7 requests  8 unexpected answers
#   9-12 cores used by the server, PostgreSQL's backends of this database, Redis, the whole machine
#   13 measured seconds  14 drain seconds ("-" for rows that write no events)  15 sustained requests/s
#   16-17 the database's work per request of a write row, its events' handling included ("-" for
#         the others): transactions committed, rows written (inserted, updated, deleted); see pg_work
#   (requests over measured plus drain seconds; requests/s for the other rows)
# awk that turns a wrk output into columns 1 to 13.
WRK_AWK='
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
  / requests in / { requests = $1; elapsed = ms(substr($4, 1, length($4) - 1)) / 1000 }
  /Non-2xx or 3xx responses:/ { non2xx = $NF }
  /Socket errors:/ { gsub(",", ""); socket = $4 + $6 + $8 + $10 }
  END {
    unexpected = (expect == "2xx" ? non2xx : requests - non2xx) + socket
    split(before, b, " "); split(after, a, " ")
    seconds = a[1] - b[1]
    cores = ncpu * (a[5] - b[5]) / (a[6] - b[6])
    # A process that ended during the row takes its CPU time with it: never below zero.
    printf "%s\t%s\t%d\t%.0f\t%.2f\t%.2f\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f", key, label, connections, rps, p50,
      p99, requests, unexpected, atleast0((a[2] - b[2]) / hz / seconds), atleast0((a[3] - b[3]) / hz / seconds),
      atleast0((a[4] - b[4]) / hz / seconds), cores, elapsed
  }'

# measure KEY LABEL CONNECTIONS EXPECT WRK-ARGS...: a warm-up run, then the measured one; writes
# columns 1 to 13 (no newline) to $WORK/last.tsv and the end of the measured run to ROW_END. EXPECT
# is 2xx (wrk counts 3xx with them), or 4xx for the rows whose answer is meant to be an error.
measure() {
  local key=$1 label=$2 connections=$3 expect=$4
  shift 4
  local threads=$THREADS
  [ "$connections" -ge "$threads" ] || threads=$connections
  say "$label: $connections connections, $WARMUP warm-up + $DURATION"
  wrk -t"$threads" -c"$connections" -d"$WARMUP" --timeout 10s "$@" >/dev/null
  if [ "$WRITE_ROW" = 1 ]; then
    # The warm-up's events are handled before the row starts, so that the row's drain and its
    # database work are its own requests'.
    drain_events "$(date +%s.%N)" >/dev/null || die "could not read the outbox"
    PG_WORK_BEFORE=$(pg_work)
  fi
  local pg_pids cpu_before cpu_after
  pg_pids=$(postgres_pids)
  [ "$PROFILE" != 1 ] || jcmd "$SERVER_PID" JFR.start name="$key" settings=profile >/dev/null
  cpu_before=$(cpu_snapshot "$pg_pids")
  wrk -t"$threads" -c"$connections" -d"$DURATION" --timeout 10s --latency "$@" >"$WORK/$key.out"
  ROW_END=$(date +%s.%N)
  cpu_after=$(cpu_snapshot "$pg_pids")
  [ "$PROFILE" != 1 ] || jcmd "$SERVER_PID" JFR.stop name="$key" filename="$STEM.$key.jfr" >/dev/null
  { echo "### $label ($connections connections)"; cat "$WORK/$key.out"; echo; } >>"$WRK_LOG"
  awk -v key="$key" -v label="$label" -v connections="$connections" -v expect="$expect" "$WRK_AWK" \
    before="$cpu_before" after="$cpu_after" hz="$CLOCK_TICKS" ncpu="$(nproc)" "$WORK/$key.out" >"$WORK/last.tsv"
}

# measure_bag_scan KEY: a bag of BAG_SIZE bulk shipments waiting at one hub (created or picked up),
# opened, filled and sealed through the API, then its three scans (dispatched, arrived, opened),
# each writing an entry and an event on every shipment inside in one transaction, timed one by one
# on one connection. Writes the row like measure: requests/s over the three scans, p50 the median
# scan, p99 the slowest. Each run takes shipments no bag took yet (the scans move them on).
measure_bag_scan() {
  local key=$1 label="POST /bags/{id}/scans, a bag of $BAG_SIZE shipments, admin token"
  local origin destination ids answer bag event times="" unexpected=0 started ended
  origin=$($PG -d "$DB" -tAc "select hub_id from shipments.shipments where status in ('created', 'picked_up')
      and hub_id is not null group by hub_id having count(*) >= $BAG_SIZE order by count(*) desc limit 1")
  [ -n "$origin" ] || die "no hub has $BAG_SIZE shipments waiting for a bag (raise N)"
  destination=$($PG -d "$DB" -tAc "select id from network.hubs where id <> '$origin' limit 1")
  ids=$($PG -d "$DB" -tAc "select json_agg(id) from (select id from shipments.shipments
      where hub_id = '$origin' and status in ('created', 'picked_up') limit $BAG_SIZE) s")
  say "$label: one connection, three scans"
  answer=$(call POST /bags "$ADMIN_TOKEN" "{\"origin_hub_id\":\"$origin\",\"destination_hub_id\":\"$destination\"}")
  [ "$(tail -n 1 <<<"$answer")" = 201 ] || die "could not open a bag: $answer"
  bag=$(field id <<<"$answer")
  answer=$(call POST "/bags/$bag/shipments" "$ADMIN_TOKEN" "{\"shipment_ids\":$ids}")
  [ "$(tail -n 1 <<<"$answer")" = 200 ] || die "could not fill the bag: $(tail -c 300 <<<"$answer")"
  [ "$(call POST "/bags/$bag/seal" "$ADMIN_TOKEN" | tail -n 1)" = 200 ] || die "could not seal the bag"
  drain_events "$(date +%s.%N)" >/dev/null || die "could not read the outbox"
  PG_WORK_BEFORE=$(pg_work)
  started=$(date +%s.%N)
  for event in dispatched arrived opened; do
    answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X POST -H "Authorization: Bearer $ADMIN_TOKEN" \
      -H 'Content-Type: application/json' --data "{\"event\":\"$event\"}" "$BASE/bags/$bag/scans")
    [ "${answer% *}" = 201 ] || unexpected=$((unexpected + 1))
    times="$times ${answer#* }"
  done
  ended=$(date +%s.%N)
  ROW_END=$ended
  { echo "### $label"; echo "bag $bag, scan times (s):$times, unexpected answers: $unexpected"; echo; } >>"$WRK_LOG"
  # key, label, connections, requests/s, p50 ms, p99 ms, requests, unexpected, CPU (not sampled), seconds
  awk -v key="$key" -v label="$label" -v times="$times" -v unexpected="$unexpected" -v started="$started" \
    -v ended="$ended" 'BEGIN {
      n = split(times, t, " "); sum = 0
      for (i = 1; i <= n; i++) { sum += t[i]; for (j = i; j > 1 && t[j - 1] > t[j]; j--) { x = t[j]; t[j] = t[j - 1]; t[j - 1] = x } }
      printf "%s\t%s\t1\t%.0f\t%.2f\t%.2f\t%d\t%d\t0.00\t0.00\t0.00\t0.00\t%.2f", key, label,
        (sum > 0 ? n / sum : 0), 1000 * t[int((n + 1) / 2)], 1000 * t[n], n, unexpected, ended - started
    }' >"$WORK/last.tsv"
}

# finish_row [DRAIN]: appends the last measured row to ROWS_FILE, with its drain and sustained rate.
finish_row() {
  local drain=${1:--} before=${2:-} after=${3:-}
  awk -F'\t' -v OFS='\t' -v drain="$drain" -v before="$before" -v after="$after" '{
      sustained = (drain == "-" ? $4 : ($13 + drain > 0 ? $7 / ($13 + drain) : 0))
      work = "-\t-"
      if (before != "" && after != "" && $7 > 0) {
        # Less the harness transactions in between: as many as its calls counted (see pg_work).
        split(before, b, " "); split(after, a, " ")
        work = sprintf("%.1f\t%.1f", (a[1] - b[1] - (a[3] - b[3])) / $7, (a[2] - b[2]) / $7)
      }
      printf "%s\t%s\t%.0f\t%s\n", $0, drain, sustained, work }' "$WORK/last.tsv" >>"$ROWS_FILE"
}

# run_row KEY [TAG]: measures one row on the running server (BASE), TAG prefixing its key; the
# write rows then wait for their events to be handled.
run_row() {
  local row=$1 key=${2:+$2:}$1 drain hits_before misses_before
  WRITE_ROW=0
  case "$row" in create | status | locations | bag-scan) WRITE_ROW=1 ;; esac
  PG_WORK_BEFORE=""
  case "$row" in
    unauthorized) measure "$key" "trivial: GET /auth/me without a token (401 from the security filters)" \
      "$CONNECTIONS" 4xx "$BASE/auth/me" ;;
    docs) measure "$key" "trivial: GET /docs (302 to Swagger UI)" "$CONNECTIONS" 2xx "$BASE/docs" ;;
    no-io) measure "$key" "trivial: GET /track with a wrong check digit (404 before any lookup)" "$CONNECTIONS" 4xx \
      "$BASE/track/TRK00000000001" ;;
    track | track-16)
      local connections=$CONNECTIONS
      [ "$row" = track ] || connections=16
      hits_before=$(redis_stat keyspace_hits)
      misses_before=$(redis_stat keyspace_misses)
      measure "$key" "GET /track/{number}, public, cache hit" "$connections" 2xx \
        -s "$BENCH_DIR/wrk/track.lua" "$BASE" -- "$WORK/tracking-numbers.txt"
      if [ "$row" = track ]; then
        TRACK_HITS=$(( $(redis_stat keyspace_hits) - hits_before ))
        TRACK_MISSES=$(( $(redis_stat keyspace_misses) - misses_before ))
      fi ;;
    get) measure "$key" "GET /shipments/{id}, customer token" "$CONNECTIONS" 2xx \
      -s "$BENCH_DIR/wrk/shipment.lua" "$BASE" -- "$WORK/own-shipments.txt" "$CUSTOMER_TOKEN" ;;
    reports) measure "$key" "GET /admin/reports, admin token" "$CONNECTIONS" 2xx \
      -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/admin/reports?date=$REPORT_DATE" ;;
    reports-1) measure "$key" "GET /admin/reports, admin token" 1 2xx \
      -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/admin/reports?date=$REPORT_DATE" ;;
    create) measure "$key" "POST /shipments, customer token" "$CONNECTIONS" 2xx \
      -s "$BENCH_DIR/wrk/book.lua" "$BASE" -- "$CUSTOMER_TOKEN" ;;
    status) measure "$key" "PUT /shipments/{id}/status, in_transit scan, agent token" "$CONNECTIONS" 2xx \
      -s "$BENCH_DIR/wrk/scan.lua" "$BASE" -- "$WORK/in-transit.txt" "$AGENT_TOKEN" ;;
    locations) measure "$key" "POST /agents/me/locations, batches of 10 points, $LOCATION_AGENTS agents" \
      "$CONNECTIONS" 2xx -s "$BENCH_DIR/wrk/locations.lua" "$BASE" -- "$WORK/location-agents.txt" 10 ;;
    bag-scan) measure_bag_scan "$key" ;;
    agents-latest-1) measure "$key" "GET /admin/agents/locations (latest positions over $PINGS points), admin token" \
      1 2xx -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/admin/agents/locations" ;;
    *) die "unknown row $row" ;;
  esac
  case "$row" in
    create | status | locations | bag-scan)
      say "Waiting for the events of the row to be handled"
      drain=$(drain_events "$ROW_END") || die "could not read the outbox"
      say "Events handled $drain s after the row ended"
      finish_row "$drain" "$PG_WORK_BEFORE" "$(pg_work)" ;;
    *) finish_row ;;
  esac
}

# --- the limits: the same transactions through pgbench ------------------------------------------

PGBENCH_RUN=0
LIMIT_WAIT=${LIMIT_WAIT:-180}

# Connections PostgreSQL would still take (the postgres role may use the reserved ones too).
free_connections() {
  $PG -d postgres -tAc "select current_setting('max_connections')::int
      - (select count(*) from pg_stat_activity where backend_type = 'client backend')"
}

# wait_for_connections NEEDED: waits up to LIMIT_WAIT seconds until PostgreSQL has NEEDED free
# connections (other work on the machine may hold many); false if it never had.
wait_for_connections() {
  local needed=$1 start free
  start=$(date +%s)
  while :; do
    free=$(free_connections)
    [ "$free" -lt "$needed" ] || return 0
    [ $(( $(date +%s) - start )) -lt "$LIMIT_WAIT" ] || return 1
    [ $(( $(date +%s) - start )) -gt 0 ] || say "PostgreSQL has $free free connections, pgbench needs $needed: waiting up to $LIMIT_WAIT s"
    sleep 2
  done
}

# run_limit KEY LABEL SCRIPT [-D NAME=VALUE...]: pgbench in prepared mode with the rows' connections
# and threads, a warm-up and then the measured run, against the benchmark database with no server
# running; appends a row (drain "-") to ROWS_FILE. p50 and p99 come from pgbench's transaction log.
run_limit() {
  local key=$1 label=$2 script=$3
  shift 3
  local threads=$THREADS cpu_before cpu_after
  [ "$CONNECTIONS" -ge "$threads" ] || threads=$CONNECTIONS
  local common=(-n -h 127.0.0.1 -p 5432 -U postgres -M prepared -c "$CONNECTIONS" -j "$threads" -f "$script" "$@")
  say "$label: $CONNECTIONS connections, $WARMUP_S s warm-up + $DURATION_S s"
  if ! wait_for_connections $((CONNECTIONS + 1)); then
    say "WARNING: no limit for $key: PostgreSQL had only $(free_connections) free connections for $CONNECTIONS"
    echo "PostgreSQL had too few free connections for pgbench" >"$WORK/$key.skipped"
    return 0
  fi
  PGBENCH_RUN=$((PGBENCH_RUN + 1))
  pgbench "${common[@]}" -D run="$PGBENCH_RUN" -T "$WARMUP_S" "$DB" >"$WORK/$key.warm.out" 2>&1 \
    || { cat "$WORK/$key.warm.out" >&2; say "WARNING: pgbench failed in the warm-up of $key"; }
  PGBENCH_RUN=$((PGBENCH_RUN + 1))
  rm -f "$WORK/pgbench-$key".*
  cpu_before=$(cpu_snapshot "")
  pgbench "${common[@]}" -D run="$PGBENCH_RUN" -T "$DURATION_S" -l --log-prefix="$WORK/pgbench-$key" "$DB" \
    >"$WORK/$key.out" 2>&1 || say "WARNING: pgbench reported errors for $key (see $WRK_LOG)"
  cpu_after=$(cpu_snapshot "")
  { echo "### $label ($CONNECTIONS connections)"; cat "$WORK/$key.out"; echo; } >>"$WRK_LOG"
  # Latency is the third column of the transaction log, in microseconds.
  cat "$WORK/pgbench-$key".* 2>/dev/null | awk '{print $3}' | sort -n >"$WORK/$key.latencies" || true
  local count p50 p99
  count=$(wc -l <"$WORK/$key.latencies")
  if [ "$count" -gt 0 ]; then
    p50=$(sed -n "$(( (count + 1) / 2 ))p" "$WORK/$key.latencies")
    p99=$(sed -n "$(( (count * 99 + 99) / 100 ))p" "$WORK/$key.latencies")
  else
    p50=0 p99=0
  fi
  awk -v key="$key" -v label="$label" -v connections="$CONNECTIONS" -v p50="$p50" -v p99="$p99" \
    -v before="$cpu_before" -v after="$cpu_after" -v ncpu="$(nproc)" -v seconds="$DURATION_S" '
    /^tps = / { tps = $3 }
    /number of transactions actually processed:/ { split($NF, t, "/"); done = t[1] }
    /number of failed transactions:/ { failed = $5 }
    /aborted/ { aborted = 1 }
    END {
      split(before, b, " "); split(after, a, " ")
      cores = (a[6] - b[6]) > 0 ? ncpu * (a[5] - b[5]) / (a[6] - b[6]) : 0
      # pgbench and the backends it talks to are the load: the machine column holds it all.
      printf "%s\t%s\t%d\t%.0f\t%.2f\t%.2f\t%d\t%d\t-\t-\t-\t%.2f\t%d\t-\t%.0f\n", key, label, connections, tps,
        p50 / 1000, p99 / 1000, done, failed + (aborted ? 1 : 0), cores, seconds, tps
    }' "$WORK/$key.out" >>"$ROWS_FILE"
}

# The PostgreSQL limits of the write rows wanted: run with the server stopped (so that no relay
# takes pgbench's events), then their rows removed again when the database is kept.
run_limits() {
  wanted create || wanted status || return 0
  local outbox_before
  outbox_before=$($PG -d "$DB" -tAc "select coalesce(max(id), 0) from eventing.outbox")
  if wanted create; then
    run_limit limit-create "limit: pgbench, a booking's transaction (bench/pgbench/book.sql)" \
      "$BENCH_DIR/pgbench/book.sql" -D n=0 -D customer="${customer_ids[0]}"
  fi
  if wanted status; then
    $PG -d "$DB" -c "drop table if exists public.bench_pgbench_sample;
        create table public.bench_pgbench_sample (k int primary key, id uuid not null)" >/dev/null
    awk 'NF {print NR "\t" $1}' "$WORK/in-transit.txt" \
      | $PG -d "$DB" -c "\\copy public.bench_pgbench_sample from stdin" >/dev/null
    $PG -d "$DB" -c "analyze public.bench_pgbench_sample" >/dev/null
    run_limit limit-status "limit: pgbench, a status update's transaction (bench/pgbench/status.sql)" \
      "$BENCH_DIR/pgbench/status.sql" -D samples="$(grep -c . "$WORK/in-transit.txt")"
  fi
  if [ "$KEEP_DB" = 1 ]; then
    say "Removing the rows pgbench wrote"
    $PG -d "$DB" -c "delete from eventing.outbox where id > $outbox_before" \
      -c "delete from shipments.tracking_updates where location = 'Pgbench hub'" \
      -c "delete from shipments.tracking_updates t using shipments.shipments s
          where t.shipment_id = s.id and s.tracking_number like 'PGB%'" \
      -c "delete from shipments.shipments where tracking_number like 'PGB%'" \
      -c "drop table if exists public.bench_pgbench_sample" >/dev/null
  fi
}

# --- targets and report -------------------------------------------------------------------------

# col FILE KEY COLUMN: one column of one row.
col() { awk -F'\t' -v key="$2" -v col="$3" '$1 == key {print $col}' "$1"; }
# calc EXPRESSION: awk arithmetic, printed with up to 4 decimals.
calc() { awk "BEGIN { x = $1; printf \"%.4f\", x }"; }

# per_request_work COMMITS WRITTEN: "a / b", or nothing for a row that writes nothing.
per_request_work() { [ -z "${1:-}" ] || [ "$1" = "-" ] || echo "$1 / $2"; }

# ceiling_key FILE [TAG]: the key of the fastest trivial row.
ceiling_key() {
  awk -F'\t' -v tag="${2:+$2:}" '$1 == tag "unauthorized" || $1 == tag "docs" || $1 == tag "no-io" {print $4, $1}' "$1" \
    | sort -n | tail -n 1 | cut -d' ' -f2
}

# limit_of FILE ROW [TAG]: prints "LIMIT|KIND" for a row (a "|" between, as LIMIT may be empty:
# a space would let read take KIND for it): the ceiling, pgbench's rate, or the
# rate of the 64-connection track row; nothing for the trivial and limit rows.
limit_of() {
  local file=$1 row=$2 tag=${3:+$3:}
  case "$row" in
    track | get | reports | reports-1 | locations | agents-latest-1)
      echo "$(col "$file" "$(ceiling_key "$file" "${3:-}")" 4)|ceiling" ;;
    track-16) echo "$(col "$file" "${tag}track" 4)|track-64" ;;
    create) echo "$(col "$file" limit-create 4)|pgbench" ;;
    status) echo "$(col "$file" limit-status 4)|pgbench" ;;
  esac
}

# add_target NAME ROW MEASURED LIMIT RATIO TARGET VERDICT: one line of TARGETS_FILE, separated by
# "|" (a tab is white space to read, which would run empty fields together).
add_target() { printf '%s|%s|%s|%s|%s|%s|%s\n' "$@" >>"$TARGETS_FILE"; }
# verdict CONDITION (awk, true or false)
verdict() { if awk "BEGIN { exit !($1) }"; then echo PASS; else echo FAIL; fi; }

# evaluate_targets FILE: the targets of the issue, from the rows of FILE and the run's figures,
# to TARGETS_FILE (name, row, measured, limit, ratio, target, PASS / FAIL / n/a).
evaluate_targets() {
  local file=$1 rate limit ratio p99 at64=1 row label key
  : >"$TARGETS_FILE"
  [ "$CONNECTIONS" = 64 ] || at64=0
  for row in create status; do
    [ "$row" = create ] && label="bookings (POST /shipments)" || label="status updates (PUT /shipments/{id}/status)"
    rate=$(col "$file" "$row" 15)
    limit=$(col "$file" "limit-$row" 4)
    if [ -z "$rate" ]; then
      add_target "$label, sustained ≥ 50% of pgbench" "$row" "" "" "" "≥ 50%" "not run"
    elif [ -z "$limit" ] || [ "$limit" = 0 ]; then
      local why="pgbench failed"
      [ ! -f "$WORK/limit-$row.skipped" ] || why=$(cat "$WORK/limit-$row.skipped")
      add_target "$label, sustained ≥ 50% of pgbench" "$row" "$rate/s" "" "" "≥ 50%" "n/a (no limit: $why)"
    else
      ratio=$(calc "$rate / $limit")
      add_target "$label, sustained ≥ 50% of pgbench" "$row" "$rate/s" "$limit/s" "$ratio" "≥ 50%" \
        "$(verdict "$ratio >= $TARGET_WRITE_SHARE")"
    fi
  done
  rate=$(col "$file" track 4)
  limit=$(col "$file" "$(ceiling_key "$file")" 4)
  if [ -z "$rate" ]; then
    add_target "public track ≥ 60% of the ceiling at 64 connections" track "" "" "" "≥ 60%" "not run"
  else
    ratio=$(calc "$rate / $limit")
    add_target "public track ≥ 60% of the ceiling at 64 connections" track "$rate/s" "$limit/s" "$ratio" "≥ 60%" \
      "$([ $at64 = 1 ] && verdict "$ratio >= $TARGET_TRACK_SHARE" || echo "n/a (not at 64 connections)")"
  fi
  rate=$(col "$file" track-16 4)
  limit=$(col "$file" track 4)
  if [ -z "$rate" ] || [ -z "$limit" ]; then
    add_target "public track at 16 connections ≥ half the rate at 64" track-16 "${rate:+$rate/s}" "" "" "≥ 50%" "not run"
  else
    ratio=$(calc "$rate / $limit")
    add_target "public track at 16 connections ≥ half the rate at 64" track-16 "$rate/s" "$limit/s" "$ratio" "≥ 50%" \
      "$([ $at64 = 1 ] && verdict "$ratio >= $TARGET_TRACK_16_SHARE" || echo "n/a (not at 64 connections)")"
  fi
  for key in track get reports; do
    case "$key" in
      track) label="public track" ;; get) label="authenticated get" ;; reports) label="/admin/reports" ;;
    esac
    p99=$(col "$file" "$key" 6)
    if [ -z "$p99" ]; then
      add_target "p99 < 50 ms at 64 connections: $label" "$key" "" "" "" "< 50 ms" "not run"
    else
      add_target "p99 < 50 ms at 64 connections: $label" "$key" "$p99 ms" "" "" "< 50 ms" \
        "$([ $at64 = 1 ] && verdict "$p99 < $TARGET_P99_MS" || echo "n/a (not at 64 connections)")"
    fi
  done
  p99=$(col "$file" reports-1 6)
  if [ -z "$p99" ]; then
    add_target "/admin/reports p99 < 10 ms on one connection" reports-1 "" "" "" "< 10 ms" "not run"
  else
    add_target "/admin/reports p99 < 10 ms on one connection (N=$N)" reports-1 "$p99 ms" "" "" "< 10 ms" \
      "$(verdict "$p99 < $TARGET_REPORTS_1_P99_MS")"
  fi
  p99=$(col "$file" bag-scan 6)
  if [ -z "$p99" ]; then
    add_target "bag scan of $BAG_SIZE shipments < 1 s" bag-scan "" "" "" "< 1000 ms" "not run"
  else
    add_target "bag scan of $BAG_SIZE shipments < 1 s (the slowest of its three scans)" bag-scan "$p99 ms" "" "" \
      "< 1000 ms" "$(verdict "$p99 < $TARGET_BAG_SCAN_MS")"
  fi
  p99=$(col "$file" agents-latest-1 6)
  if [ -z "$p99" ]; then
    add_target "/admin/agents/locations p99 < 5 ms on one connection" agents-latest-1 "" "" "" "< 5 ms" "not run"
  else
    add_target "/admin/agents/locations p99 < 5 ms on one connection (over $PINGS points)" agents-latest-1 \
      "$p99 ms" "" "" "< 5 ms" "$(verdict "$p99 < $TARGET_AGENTS_LATEST_1_P99_MS")"
  fi
  if [ -n "${END_RSS_KB:-}" ]; then
    add_target "RSS ≤ 512 MB after the whole benchmark (peak $(( ${PEAK_RSS_KB:-0} / 1024 )) MB)" rss \
      "$(( END_RSS_KB / 1024 )) MB" "" "" "≤ 512 MB" "$(verdict "$END_RSS_KB / 1024 <= $TARGET_RSS_MB")"
  fi
  if [ -n "${STARTUP_MS:-}" ]; then
    add_target "start-up ≤ 5 s on PostgreSQL, as the build deploys (Waybill is up in; JVM to ready ${STARTUP_PROCESS_MS:-?} ms)" startup \
      "$STARTUP_MS ms" "" "" "≤ 5000 ms" "$(verdict "$STARTUP_MS <= $TARGET_STARTUP_MS")"
  else
    add_target "start-up ≤ 5 s on PostgreSQL" startup "" "" "" "≤ 5000 ms" "n/a (not logged)"
  fi
  if [ "$EMBEDDED" = 1 ]; then
    if [ -n "$EMBEDDED_STARTUP_MS" ]; then
      add_target "start-up ≤ 5 s, embedded default, new data directory, as the build deploys (JVM to ready ${EMBEDDED_PROCESS_MS:-?} ms$([ -z "${EMBEDDED_JAR_MS:-}" ] || [ "$EMBEDDED_LAUNCH" = jar ] || echo "; from the jar ${EMBEDDED_JAR_MS} ms"))" \
        startup-embedded "$EMBEDDED_STARTUP_MS ms" "" "" "≤ 5000 ms" "$(verdict "$EMBEDDED_STARTUP_MS <= $TARGET_STARTUP_MS")"
    else
      add_target "start-up ≤ 5 s, embedded default" startup-embedded "" "" "" "≤ 5000 ms" "FAIL (did not start)"
    fi
  fi
}

percent() { [ -z "$1" ] || awk -v x="$1" 'BEGIN { printf "%.1f%%", 100 * x }'; }

# row_targets ROW: the targets of a row, joined, and their verdict (PASS when all pass, FAIL when
# one fails, else n/a); prints "TARGETS<tab>VERDICT".
row_targets() {
  awk -F'|' -v row="$1" '$2 == row {
      text = text (text == "" ? "" : "; ") $6
      if ($7 ~ /^FAIL/) failed = 1; else if ($7 == "PASS") passed = 1
    }
    END { if (text != "") printf "%s\t%s\n", text, (failed ? "FAIL" : passed ? "PASS" : "n/a") }' "$TARGETS_FILE"
}

# write_report FILE: the Markdown report of one build's rows, to stdout.
write_report() {
  local file=$1 ceiling_key ceiling
  ceiling_key=$(ceiling_key "$file")
  ceiling=$(col "$file" "$ceiling_key" 4)
  echo "# Waybill benchmark, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| commit | \`$COMMIT\` |"
  echo "| data set | N=$N bulk shipments over $DAYS days ($SHIPMENTS shipments, $UPDATES tracking updates after the run); loaded in $LOAD_SECONDS s; database $DB_SIZE |"
  echo "| JDK | $JAVA_VERSION${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS} |"
  echo "| PostgreSQL | $PG_VERSION; limits by $PGBENCH_VERSION, prepared mode, $CONNECTIONS connections, $THREADS threads |"
  echo "| tracking cache | ${REDIS_URL:-in-process (no Redis)} |"
  echo "| machine | $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo); load average $LOAD_AVERAGE_BEFORE at the start, $LOAD_AVERAGE_AFTER at the end (wrk, PostgreSQL and anything else running share the cores) |"
  echo "| wrk | $WRK_VERSION, $THREADS threads, $WARMUP warm-up then $DURATION per row, timeout 10 s |"
  echo
  echo "| endpoint | conn. | requests/s | sustained/s | p50 ms | p99 ms | limit | vs limit | target | verdict | unexpected | CPU cores: server / PostgreSQL / Redis / machine | database per request: transactions / rows written |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---|---|"
  local key label connections rps p50 p99 requests unexpected server pg redis machine seconds drain sustained
  local commits written read
  local limit kind ratio targets shown_rate row
  while IFS=$'\t' read -r key label connections rps p50 p99 requests unexpected server pg redis machine seconds drain sustained \
      commits written read; do
    row=$key
    [ "$key" != "$ceiling_key" ] || label="**ceiling**, $label"
    IFS='|' read -r limit kind <<<"$(limit_of "$file" "$row")"
    ratio="" shown_rate=$rps
    [ "$drain" = "-" ] || shown_rate=$sustained
    [ -z "$limit" ] || [ "$limit" = 0 ] || ratio=$(calc "$shown_rate / $limit")
    case "$kind" in
      ceiling) kind="ceiling" ;; track-64) kind="track at $CONNECTIONS" ;; pgbench) kind="pgbench" ;;
    esac
    targets=$(row_targets "$row")
    local sustained_text="" 
    [ "$drain" = "-" ] || sustained_text="$sustained (+${drain} s drain)"
    echo "| $label | $connections | $rps | $sustained_text | $p50 | $p99 | ${limit:+$limit ($kind)} | $(percent "$ratio") | ${targets%$'\t'*} | ${targets##*$'\t'} | $unexpected of $requests | $server / $pg / $redis / $machine | $(per_request_work "$commits" "$written") |"
  done <"$file"
  echo
  echo "Sustained: requests completed / (measured seconds + the seconds until every event was handled"
  echo "after the row ended), the event backlog as EventBacklog.pending() counts it. Database per"
  echo "request (write rows): PostgreSQL's committed transactions and rows written from the row's start"
  echo "until its events were handled, over its requests, the harness's own left out (the warm-up's"
  echo "events are handled before the row starts)."
  echo "Server memory after the whole benchmark: RSS $(( ${END_RSS_KB:-0} / 1024 )) MB, peak (VmHWM) $(( ${PEAK_RSS_KB:-0} / 1024 )) MB."
  echo "Start-up: ${STARTUP_MS:-?} ms on PostgreSQL (JVM to ready ${STARTUP_PROCESS_MS:-?} ms)$([ "$EMBEDDED" != 1 ] || echo "; embedded default with a new data directory ${EMBEDDED_STARTUP_MS:-did not start} ms from the ${EMBEDDED_LAUNCH:-jar} (JVM to ready ${EMBEDDED_PROCESS_MS:-?} ms)$([ -z "${EMBEDDED_JAR_MS:-}" ] || [ "${EMBEDDED_LAUNCH:-jar}" = jar ] || echo ", from the jar ${EMBEDDED_JAR_MS} ms")")."
  if [ -n "$REDIS_URL" ] && [ -n "${TRACK_HITS:-}" ]; then
    echo "Redis during the public-track row and its warm-up: $TRACK_HITS keyspace hits, $TRACK_MISSES misses (counters of the whole Redis server)."
  fi
  echo "Consumer or relay failures in the server log: $(grep -c -E 'Consumer .* failed|Could not relay events' "$SERVER_LOG" || true)."
  if grep -qh '^Unexpected answer' "$WORK"/*.out 2>/dev/null; then
    echo
    echo "First unexpected answers (per wrk thread):"
    echo
    grep -h '^Unexpected answer' "$WORK"/*.out | head -n 8 | sed 's/^/    /'
  fi
  echo
  echo "## Targets"
  echo
  echo "| target | measured | limit | ratio | wanted | |"
  echo "|---|---:|---:|---:|---|---|"
  local name measured t_limit t_ratio wanted_text result
  while IFS='|' read -r name row measured t_limit t_ratio wanted_text result; do
    [ "$result" != FAIL ] || result="**FAIL**"
    echo "| $name | ${measured:--} | ${t_limit:--} | $(percent "$t_ratio") | $wanted_text | $result |"
  done <"$TARGETS_FILE"
  echo
  echo "Raw wrk and pgbench output: \`$WRK_LOG\`; server log: \`$SERVER_LOG\`; JSON: \`$STEM.json\`."
}

# write_json FILE: the run as JSON, to stdout: settings, figures, rows (each with its limit, ratio,
# targets and pass) and targets.
write_json() {
  local file=$1 ceiling_key
  ceiling_key=$(ceiling_key "$file")
  local rows_json="[]" key label connections rps p50 p99 requests unexpected server pg redis machine seconds drain sustained
  local commits written read
  local limit kind ratio targets rate
  while IFS=$'\t' read -r key label connections rps p50 p99 requests unexpected server pg redis machine seconds drain sustained \
      commits written read; do
    IFS='|' read -r limit kind <<<"$(limit_of "$file" "$key")"
    rate=$rps
    [ "$drain" = "-" ] || rate=$sustained
    ratio=""
    [ -z "$limit" ] || [ "$limit" = 0 ] || ratio=$(calc "$rate / $limit")
    targets=$(row_targets "$key")
    rows_json=$(jq -c --arg key "$key" --arg row_label "$label" --argjson connections "$connections" \
      --argjson rate "$rps" --arg sustained "$sustained" --arg drain "$drain" --argjson p50 "$p50" --argjson p99 "$p99" \
      --argjson requests "$requests" --argjson unexpected "$unexpected" --arg server "$server" --arg pg "$pg" \
      --arg redis "$redis" --arg machine "$machine" --arg commits "${commits:--}" --arg written "${written:--}" \
      --arg limit "$limit" --arg kind "$kind" --arg ratio "$ratio" \
      --arg target "${targets%$'\t'*}" --arg pass "${targets##*$'\t'}" --argjson ceiling "$([ "$key" = "$ceiling_key" ] && echo true || echo false)" '
      def num: if . == "" or . == "-" then null else tonumber end;
      . + [{key: $key, label: $row_label, connections: $connections, rate: $rate, sustained_rate: ($sustained | num),
            drain_s: ($drain | num), p50_ms: $p50, p99_ms: $p99, requests: $requests, unexpected: $unexpected,
            ceiling: $ceiling,
            cpu_cores: {server: ($server | num), postgresql: ($pg | num), redis: ($redis | num), machine: ($machine | num)},
            database_per_request: {transactions: ($commits | num), rows_written: ($written | num)},
            limit: ($limit | num), limit_kind: (if $kind == "" then null else $kind end), ratio: ($ratio | num),
            target: (if $target == "" then null else $target end),
            pass: (if $pass == "PASS" then true elif $pass == "FAIL" then false else null end)}]' <<<"$rows_json")
  done <"$file"
  local targets_json
  targets_json=$(jq -R -s -c 'split("\n") | map(select(length > 0) | split("|")
      | {name: .[0], row: .[1], measured: (if .[2] == "" then null else .[2] end), limit: (if .[3] == "" then null else .[3] end),
         ratio: (if .[4] == "" then null else (.[4] | tonumber) end), target: .[5], verdict: .[6],
         pass: (if .[6] == "PASS" then true elif (.[6] | startswith("FAIL")) then false else null end)})' "$TARGETS_FILE")
  jq -n --arg commit "$COMMIT" --argjson n "$N" --arg duration "$DURATION" --arg warmup "$WARMUP" \
    --argjson connections "$CONNECTIONS" --argjson threads "$THREADS" --arg started "$STARTED" \
    --arg load_before "$LOAD_AVERAGE_BEFORE" --arg load_after "$LOAD_AVERAGE_AFTER" --argjson cores "$(nproc)" \
    --arg jdk "$JAVA_VERSION" --arg postgres "$PG_VERSION" --arg cache "${REDIS_URL:-in-process}" \
    --arg rss "${END_RSS_KB:-}" --arg peak "${PEAK_RSS_KB:-}" --arg startup "${STARTUP_MS:-}" \
    --arg startup_process "${STARTUP_PROCESS_MS:-}" --arg embedded "${EMBEDDED_STARTUP_MS:-}" \
    --arg ceiling "$ceiling_key" --argjson rows "$rows_json" --argjson targets "$targets_json" '
    def num: if . == "" then null else tonumber end;
    {commit: $commit, started: $started, n: $n, duration: $duration, warmup: $warmup, connections: $connections,
     wrk_threads: $threads, machine: {cores: $cores, load_average_start: $load_before, load_average_end: $load_after},
     jdk: $jdk, postgresql: $postgres, tracking_cache: $cache, ceiling_row: $ceiling,
     rss_mb_end: (($rss | num) // null | if . == null then null else (. / 1024 | floor) end),
     rss_mb_peak: (($peak | num) // null | if . == null then null else (. / 1024 | floor) end),
     startup_ms: ($startup | num), startup_jvm_to_ready_ms: ($startup_process | num),
     startup_embedded_ms: ($embedded | num), rows: $rows, targets: $targets}'
}
