#!/usr/bin/env bash
# Checks the deployment files without a Docker engine: nothing is built, pulled or started.
#
#   deploy/check.sh
#
# - compose.yaml parses (docker-compose 1.29's `config`, and `docker compose config` too when the
#   Compose v2 plugin is there), with the profiles "monolith" and "services", and refuses to run
#   without the required secrets; only the two nginx publish a port, and the app can be scaled (no
#   container_name);
# - the profile "services" has one container per business module, each with WAYBILL_SERVICES set
#   to its module, its own database and role (waybill_<module>), and Kafka; its nginx waits for all
#   of them; PostgreSQL mounts the init script that creates those databases;
# - every variable compose.yaml reads is listed in .env.example;
# - deploy/nginx/nginx.conf and deploy/nginx/services.conf pass `nginx -t`, and services.conf
#   proxies only to services of the profile "services";
# - deploy/postgres/init/10-service-databases.sh is valid bash;
# - the Dockerfile copies nothing that .dockerignore keeps out of the build context, its JVM flags
#   are deploy/jvm.options (what spring-boot:run and the benchmark use), and the
#   image's health check script is valid bash.
#
# docker-compose (Debian's 1.29) and nginx are installed with apt-get when missing and the script
# runs as root; without apt-get (or as another user) that part is skipped with a message. nginx
# is not installed on a machine that runs systemd, where the package would also start a server on
# port 80: install it yourself there. Exits non-zero on the first failed check.
set -euo pipefail
cd "$(dirname "$0")/.."

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAIL: $*" >&2; failed=1; }
ok() { echo "ok:   $*"; }
skip() { echo "SKIP: $*"; }

apt_updated=0
apt_install() { # package: installs it when apt-get can, else returns 1
  if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" -ne 0 ]; then
    return 1
  fi
  if [ "$apt_updated" -eq 0 ]; then
    apt-get update -qq >/dev/null
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
}

# --- compose.yaml ---------------------------------------------------------------------------------
# The secrets .env.example leaves empty, filled with throw-away values for the check.
sed -e 's/^POSTGRES_PASSWORD=$/POSTGRES_PASSWORD=check-only/' \
    -e 's/^REDIS_PASSWORD=$/REDIS_PASSWORD=checkonly/' \
    -e 's/^WAYBILL_JWT_SECRET=$/WAYBILL_JWT_SECRET=check-only-check-only-check-only-0000/' \
    -e 's/^WAYBILL_ADMIN_PASSWORD=$/WAYBILL_ADMIN_PASSWORD=check-only/' \
    -e 's/^\(WAYBILL_[A-Z]*_DB_PASSWORD\)=$/\1=check-only-\1/' \
    .env.example > "$tmp/filled.env"

# Every ${VARIABLE} compose.yaml reads is documented (and given its default) in .env.example.
missing_vars="$(grep -o '\${[A-Za-z_][A-Za-z0-9_]*' compose.yaml | sed 's/^\${//' | sort -u \
  | while read -r name; do grep -q "^${name}=" .env.example || echo "$name"; done)"
if [ -z "$missing_vars" ]; then
  ok "every variable compose.yaml reads is in .env.example"
else
  fail "compose.yaml reads variables .env.example does not list: $(echo $missing_vars)"
fi

check_compose() { # label, then the compose command words
  local label="$1"; shift
  if "$@" --env-file "$tmp/filled.env" -f compose.yaml --profile monolith --profile services config \
      > "$tmp/config.yaml" 2> "$tmp/config.err"; then
    ok "$label: compose.yaml --profile monolith --profile services config"
  else
    fail "$label: compose.yaml does not parse:"; cat "$tmp/config.err" >&2; return
  fi
  # The required secrets really are required: .env.example as it is (empty secrets) must fail.
  if "$@" --env-file .env.example -f compose.yaml --profile monolith config > /dev/null 2> "$tmp/empty.err"; then
    fail "$label: compose.yaml accepted empty secrets"
  elif grep -q "set POSTGRES_PASSWORD in .env" "$tmp/empty.err"; then
    ok "$label: empty secrets are refused (\"set POSTGRES_PASSWORD in .env ...\")"
  else
    fail "$label: empty secrets refused, but not with the expected message:"; cat "$tmp/empty.err" >&2
  fi
  if command -v python3 >/dev/null 2>&1 && python3 -c 'import yaml' 2>/dev/null; then
    if python3 - "$tmp/config.yaml" <<'PY'
import sys, yaml
services = yaml.safe_load(open(sys.argv[1]))["services"]
problems = []
modules = ["identity", "shipments", "network", "tracking", "reporting", "notifications", "delivery", "care"]
published = sorted(name for name, s in services.items() if s.get("ports"))
if published != ["nginx", "nginx-services"]:
    problems.append(f"services with host ports: {published}, expected only nginx and nginx-services")
for name in ["app"] + modules:
    if "container_name" in services.get(name, {}):
        problems.append(f"{name} has a container_name: --scale {name}=N would fail")
for name in ("app", "nginx"):
    if services.get(name, {}).get("profiles") != ["monolith"]:
        problems.append(f"{name} is not in the profile monolith")
for name in modules + ["nginx-services"]:
    if services.get(name, {}).get("profiles") != ["services"]:
        problems.append(f"{name} is not in the profile services")
# The profile "services": one container per module, on its own database and role, with Kafka.
passwords = set()
for name in modules:
    env = services.get(name, {}).get("environment") or {}
    # Line haul depends on the shipments module and runs in its process.
    expected = {"WAYBILL_SERVICES": "shipments,linehaul" if name == "shipments" else name,
                "SPRING_DATASOURCE_URL": f"jdbc:postgresql://postgres:5432/waybill_{name}",
                "SPRING_DATASOURCE_USERNAME": f"waybill_{name}"}
    for key, value in expected.items():
        if env.get(key) != value:
            problems.append(f"{name}: {key} is {env.get(key)!r}, expected {value!r}")
    if not env.get("SPRING_DATASOURCE_PASSWORD"):
        problems.append(f"{name}: no SPRING_DATASOURCE_PASSWORD")
    passwords.add(env.get("SPRING_DATASOURCE_PASSWORD"))
    if not env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"):
        problems.append(f"{name}: no Kafka (split mode refuses to start without it)")
    if not env.get("WAYBILL_JWT_SECRET"):
        problems.append(f"{name}: no WAYBILL_JWT_SECRET")
    if "kafka" not in (services.get(name, {}).get("depends_on") or {}):
        problems.append(f"{name} does not wait for kafka")
if len(passwords) != len(modules):
    problems.append("the services do not each have a database password of their own")
if sorted((services.get("nginx-services", {}).get("depends_on") or {})) != sorted(modules):
    problems.append("nginx-services does not wait for every service")
postgres = services.get("postgres", {})
if not any(str(v).endswith(":/docker-entrypoint-initdb.d:ro") and "deploy/postgres/init" in str(v)
           for v in postgres.get("volumes") or []):
    problems.append("postgres does not mount deploy/postgres/init as /docker-entrypoint-initdb.d")
for module in modules:
    if f"WAYBILL_{module.upper()}_DB_PASSWORD" not in (postgres.get("environment") or {}):
        problems.append(f"postgres does not pass WAYBILL_{module.upper()}_DB_PASSWORD to its init script")
for name, s in services.items():
    # app and the module services: the image's HEALTHCHECK
    if "healthcheck" not in s and name not in ["app"] + modules:
        problems.append(f"{name} has no healthcheck")
    for dep, cond in (s.get("depends_on") or {}).items():
        if cond.get("condition") != "service_healthy":
            problems.append(f"{name} does not wait for {dep} to be healthy")
for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
    then
      ok "$label: only the two nginx publish a port; app and services scalable; one database, role and Kafka per service; health-gated start-up"
    else
      fail "$label: compose.yaml shape (above)"
    fi
  fi
}

if ! command -v docker-compose >/dev/null 2>&1; then
  apt_install docker-compose || true
fi
if command -v docker-compose >/dev/null 2>&1; then
  check_compose "docker-compose $(docker-compose version --short 2>/dev/null || echo '?')" docker-compose
else
  skip "docker-compose is not installed and apt-get cannot install it here: compose.yaml unchecked"
fi
if command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  check_compose "docker compose $(docker compose version --short 2>/dev/null)" docker compose
fi

# --- nginx.conf -----------------------------------------------------------------------------------
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  if [ -d /run/systemd/system ]; then
    skip "nginx is not installed (not installed automatically on a systemd machine, where it would start on port 80)"
  else
    apt_install nginx-light || true
  fi
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
if [ -x "$nginx_bin" ]; then
  # "app", "identity", ... need not resolve: the configurations name them through variables,
  # resolved per request.
  for conf in nginx.conf services.conf; do
    mkdir -p "$tmp/nginx-$conf"
    if "$nginx_bin" -t -q -p "$tmp/nginx-$conf" -e "$tmp/nginx-$conf/error.log" -c "$PWD/deploy/nginx/$conf" \
        -g "pid $tmp/nginx-$conf/nginx.pid;" 2> "$tmp/nginx.err"; then
      ok "nginx $("$nginx_bin" -v 2>&1 | sed 's|.*/||'): deploy/nginx/$conf syntax"
    else
      fail "deploy/nginx/$conf:"; cat "$tmp/nginx.err" >&2
    fi
  done
else
  skip "nginx is not installed: deploy/nginx/*.conf unchecked"
fi
# services.conf proxies to the services of the profile "services", and to each of them.
upstreams="$(sed -n 's/^ *set \$[a-z]* *\([a-z-]*\):8080;.*/\1/p' deploy/nginx/services.conf | sort | tr '\n' ' ')"
if [ "$upstreams" = "care delivery identity network notifications reporting shipments tracking " ]; then
  ok "deploy/nginx/services.conf: routes to each of the eight services"
else
  fail "deploy/nginx/services.conf routes to: $upstreams"
fi

# --- PostgreSQL init ------------------------------------------------------------------------------
if bash -n deploy/postgres/init/10-service-databases.sh && [ -x deploy/postgres/init/10-service-databases.sh ]; then
  ok "deploy/postgres/init/10-service-databases.sh: bash syntax, executable"
else
  fail "deploy/postgres/init/10-service-databases.sh: bash syntax or not executable"
fi

# --- Dockerfile and its build context -------------------------------------------------------------
# Every file the Dockerfile copies from the context must exist and be let in by .dockerignore's
# allow-list (a "COPY" of an ignored file fails only at build time, on a machine with Docker).
while read -r source; do
  source="${source%/}"
  if [ ! -e "$source" ]; then
    fail "Dockerfile copies $source, which does not exist"
  elif ! grep -qx "!${source}/\?" .dockerignore; then
    fail "Dockerfile copies $source, which .dockerignore keeps out of the build context"
  fi
done < <(awk '/^COPY / && !/--from=/ { for (i = 2; i < NF; i++) if ($i !~ /^--/) print $i }' Dockerfile)
[ "$failed" -eq 0 ] && ok "Dockerfile: every COPY source is in the build context"
image_flags=$(sed -n 's/^ENV JDK_JAVA_OPTIONS="\(.*\)"$/\1/p' Dockerfile)
if [ -n "$image_flags" ] && [ "$image_flags" = "$(cat deploy/jvm.options)" ]; then
  ok "Dockerfile: JDK_JAVA_OPTIONS are deploy/jvm.options ($image_flags)"
else
  fail "Dockerfile: JDK_JAVA_OPTIONS ($image_flags) differ from deploy/jvm.options ($(cat deploy/jvm.options))"
fi
if bash -n deploy/docker/healthcheck.sh; then
  ok "deploy/docker/healthcheck.sh: bash syntax"
else
  fail "deploy/docker/healthcheck.sh: bash syntax"
fi

if [ "$failed" -ne 0 ]; then
  echo "deploy/check.sh: FAILED" >&2
  exit 1
fi
echo "deploy/check.sh: passed (nothing was built, pulled or started: there is no Docker engine in this check)"
