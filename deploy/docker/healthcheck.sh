#!/usr/bin/env bash
# Docker HEALTHCHECK of the Waybill image: exits 0 when the readiness probe on the management port
# answers 200 (503 while the database, Redis or Kafka it needs is unreachable). Plain bash, because
# the Temurin JRE image has no curl or wget. HEALTHCHECK's --timeout bounds a probe that hangs.
set -euo pipefail
port="${MANAGEMENT_SERVER_PORT:-8081}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /actuator/health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r status_line <&3
case "$status_line" in
  "HTTP/1."?" 200"*) exit 0 ;;
  *) echo "readiness: ${status_line%$'\r'}" >&2; exit 1 ;;
esac
