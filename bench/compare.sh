#!/usr/bin/env bash
# Compares two commits of Waybill row by row, so that a change that slows a path is seen before it
# lands: builds both (git worktrees under a temporary directory, ./mvnw -q -DskipTests package),
# loads one database, then for each row runs A's server, then B's, each started for that row alone
# (two servers up at once would share the event consumers and the cores), and prints a table side
# by side with B/A per row, each side's targets (PASS/FAIL) and the rows where B is slower.
#
#   ./bench/compare.sh main HEAD
#   N=10000 DURATION=5s ROWS="track create" ./bench/compare.sh origin/main my-branch
#
# A and B are anything git rev-parse takes (the same commit twice shows the noise of the machine).
# Settings as bench/run.sh (N, DURATION, WARMUP, CONNECTIONS, THREADS, SAMPLE, DAYS, JAVA_OPTS,
# KEEP_DB, REUSE_DB, NO_REDIS, PROFILE, ROWS), plus:
#   SLOWER       B/A below which a row is marked slower (default 0.9: the machine's noise is large)
#   LIMITS=0     skip the pgbench limits of the write rows (run once, with no server up)
#   EMBEDDED=1   also time a start of each build's embedded default (default 0 here)
#   A_JAVA_OPTS, B_JAVA_OPTS  JVM options for one side's servers only, after JAVA_OPTS: the same
#                commit twice with a setting changed, e.g. B_JAVA_OPTS=-Dwaybill.events.gather=PT0S
# The harness (bench/ of this checkout) drives both builds. Each start of a server costs its
# start-up and its JIT warm-up: WARMUP before each row covers the latter, the same for A and B.
# Results: bench/results/<stamp>-compare-A-B.md and .json, with the wrk/pgbench output and both
# servers' logs beside them.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
BENCH_DIR=$PWD/bench
EMBEDDED=${EMBEDDED:-0}
SLOWER=${SLOWER:-0.9}
LIMITS=${LIMITS:-1}
WORK=$(mktemp -d /tmp/waybill-compare.XXXXXX)
# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"

[ $# -eq 2 ] || die "usage: bench/compare.sh A B (two commits, branches or tags)"
A_REF=$1
B_REF=$2
A_COMMIT=$(git rev-parse --verify --quiet "$A_REF^{commit}") || die "not a commit: $A_REF"
B_COMMIT=$(git rev-parse --verify --quiet "$B_REF^{commit}") || die "not a commit: $B_REF"
check_settings
check_tools
take_lock

STARTED=$(date -u +%Y-%m-%dT%H%M)
COMMIT="A ${A_COMMIT:0:7} ($A_REF), B ${B_COMMIT:0:7} ($B_REF)"
mkdir -p bench/results
STEM="$PWD/bench/results/$STARTED-compare-${A_COMMIT:0:7}-${B_COMMIT:0:7}-N$N"
WRK_LOG="$STEM.wrk.txt"
ROWS_FILE="$WORK/rows.tsv"
: >"$WRK_LOG"
: >"$ROWS_FILE"
: >"$STEM.A.server.log"
: >"$STEM.B.server.log"

cleanup() {
  status=$?
  stop_server
  drop_database
  for side in a b; do
    [ ! -d "$WORK/$side" ] || git -C "$REPO" worktree remove --force "$WORK/$side" >/dev/null 2>&1 || true
  done
  git -C "$REPO" worktree prune >/dev/null 2>&1 || true
  [ "${KEEP_WORK:-0}" = 1 ] && say "Kept the work directory $WORK" || rm -rf "$WORK"
  [ "$status" -eq 0 ] || say "Failed; the servers' logs are in $STEM.A.server.log and $STEM.B.server.log"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for side in a b; do
  commit=$A_COMMIT
  [ "$side" = a ] || commit=$B_COMMIT
  git worktree add --detach --quiet "$WORK/$side" "$commit" >/dev/null 2>&1 || die "could not check out $commit"
done
say "Building A (${A_COMMIT:0:7}) with $JAVA_VERSION"
JAR_A=$(build_jar "$WORK/a")
say "Building B (${B_COMMIT:0:7})"
JAR_B=$(build_jar "$WORK/b")

# side_start SIDE: starts that side's server, its start-up time and log kept per side.
SHARED_JAVA_OPTS=$JAVA_OPTS
side_start() {
  local jar=$JAR_A side_opts=${A_JAVA_OPTS:-}
  [ "$1" = A ] || { jar=$JAR_B; side_opts=${B_JAVA_OPTS:-}; }
  flush_redis
  JAVA_OPTS="$SHARED_JAVA_OPTS $side_opts"
  start_server "$jar" "$WORK/server.log"
  echo "$STARTUP_MS $STARTUP_PROCESS_MS" >>"$WORK/startup.$1"
}
# side_stop SIDE: stops it, keeps its memory after the row and appends its log to the side's log.
side_stop() {
  stop_server
  echo "${END_RSS_KB:-0} ${PEAK_RSS_KB:-0}" >>"$WORK/rss.$1"
  { echo "===== $(date -u +%H:%M:%S)"; cat "$WORK/server.log"; } >>"$STEM.$1.server.log"
}

# The data set once, through A.
prepare_database
side_start A
setup_accounts
load_data
REDIS_PID=""
[ -z "$REDIS_URL" ] || REDIS_PID=$(pgrep -x redis-server | head -n 1 || true)
! wanted create && ! wanted status && ! wanted locations || prime_events
side_stop A

for row in $(selected_rows); do
  for side in A B; do
    side_start "$side"
    case "$row" in track | track-16) warm_track_cache ;; esac
    SERVER_LOG=$WORK/server.log
    run_row "$row" "$side"
    side_stop "$side"
  done
done
JAVA_OPTS=$SHARED_JAVA_OPTS
LOAD_AVERAGE_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
data_set_counts
if [ "$LIMITS" = 1 ]; then
  run_limits
else
  for row in create status; do echo "LIMITS=0" >"$WORK/limit-$row.skipped"; done
fi
if [ "$EMBEDDED" = 1 ]; then
  measure_embedded_start "$JAR_A"
  echo "$EMBEDDED_STARTUP_MS $EMBEDDED_PROCESS_MS" >"$WORK/embedded.A"
  measure_embedded_start "$JAR_B"
  echo "$EMBEDDED_STARTUP_MS $EMBEDDED_PROCESS_MS" >"$WORK/embedded.B"
fi
LOAD_AVERAGE_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
say "Load average at the end: $LOAD_AVERAGE_AFTER"

# --- each side's targets, from its rows and the shared limits -----------------------------------

for side in A B; do
  { awk -F'\t' -v OFS='\t' -v tag="$side:" 'index($1, tag) == 1 { $1 = substr($1, length(tag) + 1); print }' "$ROWS_FILE"
    awk -F'\t' '$1 ~ /^limit-/' "$ROWS_FILE"; } >"$WORK/rows.$side.tsv"
  # The side's memory: the most any of its servers held after its row; start-up: the mean.
  END_RSS_KB=$(awk 'max < $1 {max = $1} END {print max + 0}' "$WORK/rss.$side")
  PEAK_RSS_KB=$(awk 'max < $2 {max = $2} END {print max + 0}' "$WORK/rss.$side")
  STARTUP_MS=$(awk '$1 != "" {sum += $1; n++} END {if (n) printf "%.0f", sum / n}' "$WORK/startup.$side")
  STARTUP_PROCESS_MS=$(awk '$2 != "" {sum += $2; n++} END {if (n) printf "%.0f", sum / n}' "$WORK/startup.$side")
  if [ "$EMBEDDED" = 1 ]; then
    read -r EMBEDDED_STARTUP_MS EMBEDDED_PROCESS_MS <"$WORK/embedded.$side" || true
  fi
  TARGETS_FILE="$WORK/targets.$side.tsv"
  evaluate_targets "$WORK/rows.$side.tsv"
  printf '%s\t%s\t%s\t%s\n' "$END_RSS_KB" "$PEAK_RSS_KB" "$STARTUP_MS" "${EMBEDDED_STARTUP_MS:-}" >"$WORK/figures.$side"
done

# --- the table ------------------------------------------------------------------------------------

# side_row SIDE ROW: "rate sustained p50 p99 drain transactions written verdict" of a row (the rate
# that counts: the sustained one for the write rows; the database's transactions and rows written
# per request, "-" for the rows that write nothing), or nothing.
side_row() {
  local line verdict
  line=$(awk -F'\t' -v key="$2" '$1 == key {print $4, ($14 == "-" ? $4 : $15), $5, $6, $14,
      ($16 == "" ? "-" : $16), ($17 == "" ? "-" : $17)}' "$WORK/rows.$1.tsv")
  [ -n "$line" ] || return 0
  TARGETS_FILE="$WORK/targets.$1.tsv"
  verdict=$(row_targets "$2")
  echo "$line ${verdict##*$'\t'}"
}
ratio_of() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.2f", b / a; else printf "-" }'; }

{
  echo "# Waybill benchmark: B against A, row by row, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| A | \`${A_COMMIT:0:10}\` ($A_REF): $(git log -1 --format=%s "$A_COMMIT") |"
  echo "| B | \`${B_COMMIT:0:10}\` ($B_REF): $(git log -1 --format=%s "$B_COMMIT") |"
  echo "| data set | N=$N bulk shipments over $DAYS days, one database for both ($SHIPMENTS shipments, $UPDATES tracking updates at the end); loaded in $LOAD_SECONDS s; database $DB_SIZE |"
  echo "| JDK | $JAVA_VERSION${SHARED_JAVA_OPTS:+, JAVA_OPTS=$SHARED_JAVA_OPTS}${A_JAVA_OPTS:+, A: $A_JAVA_OPTS}${B_JAVA_OPTS:+, B: $B_JAVA_OPTS} |"
  echo "| PostgreSQL | $PG_VERSION; limits by $PGBENCH_VERSION, prepared mode |"
  echo "| tracking cache | ${REDIS_URL:-in-process (no Redis)}, emptied before each start |"
  echo "| machine | $(nproc) cores; load average $LOAD_AVERAGE_BEFORE at the start, $LOAD_AVERAGE_AFTER at the end |"
  echo "| wrk | $WRK_VERSION, $THREADS threads, $CONNECTIONS connections unless shown, $WARMUP warm-up then $DURATION per row; each row on a server started for it, A then B |"
  echo
  echo "| row | conn. | A req/s | B req/s | B/A | A p99 ms | B p99 ms | B/A p99 | A | B | |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|"
  for row in $(selected_rows); do
    label=$(col "$WORK/rows.A.tsv" "$row" 2)
    connections=$(col "$WORK/rows.A.tsv" "$row" 3)
    read -r a_rate a_sustained _ a_p99 a_drain a_commits a_written a_verdict <<<"$(side_row A "$row")"
    read -r b_rate b_sustained _ b_p99 b_drain b_commits b_written b_verdict <<<"$(side_row B "$row")"
    flag=""
    if [ "$a_drain" != "-" ]; then
      label="$label, sustained (requests/s before the drain: A $a_rate, B $b_rate"
      if [ "$a_commits" != "-" ]; then
        label="$label; per request, database transactions: A $a_commits, B $b_commits, rows written: A $a_written, B $b_written"
      fi
      label="$label)"
    fi
    rate_ratio=$(ratio_of "$a_sustained" "$b_sustained")
    if [ "$rate_ratio" != "-" ] && awk -v r="$rate_ratio" -v t="$SLOWER" 'BEGIN { exit !(r < t) }'; then
      flag="**slower**"
    fi
    case "$row" in unauthorized | docs | no-io) a_verdict="" b_verdict="" ;; esac
    echo "| $label | $connections | $a_sustained | $b_sustained | $rate_ratio | $a_p99 | $b_p99 | $(ratio_of "$a_p99" "$b_p99") | ${a_verdict:-} | ${b_verdict:-} | $flag |"
  done
  IFS=$'\t' read -r a_rss a_peak a_start a_embedded <"$WORK/figures.A"
  IFS=$'\t' read -r b_rss b_peak b_start b_embedded <"$WORK/figures.B"
  echo "| server RSS after its row, most of any row, MB | | $(( a_rss / 1024 )) | $(( b_rss / 1024 )) | $(ratio_of "$a_rss" "$b_rss") | | | | | | |"
  echo "| start-up (Waybill is up in), mean of the starts, ms | | ${a_start:--} | ${b_start:--} | $(ratio_of "${a_start:-0}" "${b_start:-0}") | | | | | | |"
  if [ "$EMBEDDED" = 1 ]; then
    echo "| start-up of the embedded default, new data directory, ms | | ${a_embedded:--} | ${b_embedded:--} | $(ratio_of "${a_embedded:-0}" "${b_embedded:-0}") | | | | | | |"
  fi
  echo
  echo "B/A: B's rate over A's (below 1: B is slower; rows below $SLOWER are marked), and B's p99 over"
  echo "A's (above 1: B is slower). A and B: the row's targets on each side (see the targets below)."
  for key in limit-create limit-status; do
    line=$(awk -F'\t' -v key="$key" '$1 == key {printf "%s: %s transactions/s, p50 %s ms, p99 %s ms", $2, $4, $5, $6}' "$ROWS_FILE")
    [ -z "$line" ] || echo "The $line (the same for A and B)."
  done
  echo
  echo "## Targets"
  echo
  echo "| target | A | B | wanted | A | B |"
  echo "|---|---:|---:|---|---|---|"
  paste -d'|' "$WORK/targets.A.tsv" "$WORK/targets.B.tsv" \
    | awk -F'|' '{ a = $7; b = $14; if (a ~ /^FAIL/) a = "**" a "**"; if (b ~ /^FAIL/) b = "**" b "**"
                   am = $3 ($5 != "" ? sprintf(" (%.1f%%)", 100 * $5) : ""); bm = $10 ($12 != "" ? sprintf(" (%.1f%%)", 100 * $12) : "")
                   name = $1; sub(/ \(.*\)$/, "", name)
                   printf "| %s | %s | %s | %s | %s | %s |\n", name, am, bm, $6, a, b }'
  echo
  echo "Raw wrk and pgbench output: \`$WRK_LOG\`; servers' logs: \`$STEM.A.server.log\`, \`$STEM.B.server.log\`."
} >"$STEM.md"

# JSON: both sides' rows and targets, as run.sh writes them, and the ratios.
for side in A B; do
  TARGETS_FILE="$WORK/targets.$side.tsv"
  IFS=$'\t' read -r END_RSS_KB PEAK_RSS_KB STARTUP_MS EMBEDDED_STARTUP_MS <"$WORK/figures.$side"
  STARTUP_PROCESS_MS=""
  write_json "$WORK/rows.$side.tsv" >"$WORK/side.$side.json"
done
jq -n --arg a "$A_COMMIT" --arg a_ref "$A_REF" --arg b "$B_COMMIT" --arg b_ref "$B_REF" \
  --slurpfile A "$WORK/side.A.json" --slurpfile B "$WORK/side.B.json" '
  ($A[0].rows | map({(.key): .}) | add) as $ra | ($B[0].rows | map({(.key): .}) | add) as $rb
  | {a: {commit: $a, ref: $a_ref, run: $A[0]}, b: {commit: $b, ref: $b_ref, run: $B[0]},
     ratios: [$A[0].rows[] | select(.key | startswith("limit-") | not) | .key as $k
              | {key: $k, label: .label,
                 rate_b_over_a: (if ($ra[$k].sustained_rate // 0) > 0 and $rb[$k] != null
                                 then ($rb[$k].sustained_rate / $ra[$k].sustained_rate) else null end),
                 p99_b_over_a: (if ($ra[$k].p99_ms // 0) > 0 and $rb[$k] != null
                                then ($rb[$k].p99_ms / $ra[$k].p99_ms) else null end)}]}' >"$STEM.json"

cat "$STEM.md"
say "Results written to $STEM.md and $STEM.json"
