#!/usr/bin/env bash
# Lays out the server's jar for a fast start: extracts it (Spring Boot's "tools" jar mode: the
# application's jar and lib/ beside it, which the JVM can map classes from), and on a JDK 25 or
# newer trains an ahead-of-time cache (JEP 483/514/515: classes loaded and linked, method profiles)
# with one start of the embedded default up to the end of the context's refresh, in a throw-away data
# directory, with the flags of deploy/jvm.options. The server then starts with
#
#   java <deploy/jvm.options> -XX:AOTCache=DIR/waybill.aot -jar DIR/<the jar's name>
#
# The image (Dockerfile) runs this at build time; bench/run.sh runs it for the builds it measures.
#
#   deploy/aot-cache.sh JAR DIR
#
# Prints the java arguments that start the server from DIR (without deploy/jvm.options): with
# "-XX:AOTCache=..." when a cache was made, else just "-jar DIR/<jar>". A JDK before 25, or a failed
# training start, leaves no cache and is not an error: the server starts as fast as from the jar.
# The cache is only good for the same JDK build, the same jar files at the same paths and the same
# flags: make it where the server runs, and again after every build.
set -euo pipefail

jar=${1:?usage: deploy/aot-cache.sh JAR DIR}
dir=${2:?usage: deploy/aot-cache.sh JAR DIR}
here="$(cd "$(dirname "$0")" && pwd)"
options=""
[ ! -f "$here/jvm.options" ] || options=$(cat "$here/jvm.options")

rm -rf "$dir"
mkdir -p "$dir"
java -Djarmode=tools -jar "$jar" extract --destination "$dir" >&2
app="$dir/$(basename "$jar")"
[ -f "$app" ] || { echo "aot-cache: no $app after extracting $jar" >&2; exit 1; }

version=$(java -XshowSettings:properties -version 2>&1 \
  | awk -F' = ' '/java.specification.version/ {print $2}' | cut -d. -f1)
if [ -z "$version" ] || [ "$version" -lt 25 ]; then
  echo "aot-cache: Java $version has no one-step AOT cache (25+): starting from the extracted jar without one" >&2
  echo "-jar $app"
  exit 0
fi

data=$(mktemp -d "${TMPDIR:-/tmp}/waybill-aot-training.XXXXXX")
trap 'rm -rf "$data"' EXIT
# The training start: the embedded default in its own data directory, ports of its own, no
# external services, stopped once the context is refreshed (migrations, every bean made).
# shellcheck disable=SC2086
if (
  unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD SPRING_DATA_REDIS_URL \
    SPRING_KAFKA_BOOTSTRAP_SERVERS WAYBILL_ADMIN_EMAIL WAYBILL_ADMIN_PASSWORD
  export PORT=0 MANAGEMENT_SERVER_PORT=0 WAYBILL_DATA_DIR="$data"
  exec java $options -XX:AOTCacheOutput="$dir/waybill.aot" -Dspring.context.exit=onRefresh -jar "$app" \
    --waybill.data-dir="$data"
) >"$data.log" 2>&1 && [ -f "$dir/waybill.aot" ]; then
  rm -f "$data.log"
  echo "-XX:AOTCache=$dir/waybill.aot -jar $app"
else
  echo "aot-cache: the training start failed (log: $data.log): starting without a cache" >&2
  rm -f "$dir/waybill.aot"
  echo "-jar $app"
fi
