#!/usr/bin/env bash
# Checks the deployment files without a Docker engine: nothing is built, pulled or started.
#
#   deploy/check.sh
#
# - compose.yaml parses (docker-compose 1.29's `config`, and `docker compose config` too when the
#   Compose v2 plugin is there), with the profile "monolith", and refuses to run without the
#   required secrets; only nginx publishes a port, and the app can be scaled (no container_name);
# - deploy/nginx/nginx.conf passes `nginx -t`;
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
    .env.example > "$tmp/filled.env"

check_compose() { # label, then the compose command words
  local label="$1"; shift
  if "$@" --env-file "$tmp/filled.env" -f compose.yaml --profile monolith config > "$tmp/config.yaml" 2> "$tmp/config.err"; then
    ok "$label: compose.yaml --profile monolith config"
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
published = sorted(name for name, s in services.items() if s.get("ports"))
if published != ["nginx"]:
    problems.append(f"services with host ports: {published}, expected only nginx")
app = services.get("app", {})
if "container_name" in app:
    problems.append("app has a container_name: --scale app=N would fail")
for name in ("app", "nginx"):
    if services.get(name, {}).get("profiles") != ["monolith"]:
        problems.append(f"{name} is not in the profile monolith")
for name, s in services.items():
    if "healthcheck" not in s and name != "app":  # app: the image's HEALTHCHECK
        problems.append(f"{name} has no healthcheck")
    for dep, cond in (s.get("depends_on") or {}).items():
        if cond.get("condition") != "service_healthy":
            problems.append(f"{name} does not wait for {dep} to be healthy")
if any("services" in (s.get("profiles") or []) for s in services.values()):
    problems.append("a 'services' profile exists, but the per-service split does not yet")
for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
    then
      ok "$label: only nginx publishes a port; app scalable; health-gated start-up"
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
  # "app" need not resolve: nginx.conf names it through a variable, resolved per request.
  mkdir -p "$tmp/nginx"
  if "$nginx_bin" -t -q -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$PWD/deploy/nginx/nginx.conf" \
      -g "pid $tmp/nginx/nginx.pid;" 2> "$tmp/nginx.err"; then
    ok "nginx $("$nginx_bin" -v 2>&1 | sed 's|.*/||'): deploy/nginx/nginx.conf syntax"
  else
    fail "deploy/nginx/nginx.conf:"; cat "$tmp/nginx.err" >&2
  fi
else
  skip "nginx is not installed: deploy/nginx/nginx.conf unchecked"
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
