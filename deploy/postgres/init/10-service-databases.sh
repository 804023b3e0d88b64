#!/usr/bin/env bash
# Run by the postgres image on its first start (an empty data volume), as the superuser
# POSTGRES_USER: creates the database and role of each service of the compose profile "services"
# (service-databases.psql, next to this file, has the statements and the grants). Safe to run again,
# e.g. on a volume made before this file existed:
#
#   docker compose exec postgres /docker-entrypoint-initdb.d/10-service-databases.sh
#
# A service whose WAYBILL_<SERVICE>_DB_PASSWORD is empty gets no database: the profile "monolith"
# needs none of them.
set -euo pipefail

services=(identity shipments network tracking reporting notifications delivery care)
args=()
for service in "${services[@]}"; do
  variable="WAYBILL_${service^^}_DB_PASSWORD"
  password="${!variable:-}"
  if [ -z "$password" ]; then
    echo "service-databases: $variable is empty: no database for the $service service"
  fi
  args+=(-v "${service}_password=${password}")
done

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}" \
  -v "main_database=${POSTGRES_DB:-$POSTGRES_USER}" "${args[@]}" \
  -f "$(dirname "$0")/service-databases.psql"
