#!/bin/sh
# One-shot job (service temporal-schema): creates or upgrades Temporal's two MySQL
# schemas before the server starts. Runs in the temporalio/admin-tools image, whose
# temporal-sql-tool reads SQL_PLUGIN, SQL_HOST, SQL_PORT, SQL_USER and SQL_PASSWORD
# from the environment, and whose schema files live under /etc/temporal/schema.
#
# Safe on every `docker compose up`: "setup-schema -v 0.0" without a schema file
# only creates the version-tracking tables when they are missing, and
# "update-schema" applies just the versions newer than the one recorded.
# The databases themselves are created by docker/mysql-init/10-databases.sh.
set -eu

SCHEMA_ROOT=/etc/temporal/schema/mysql/v8
ATTEMPTS=${SETUP_ATTEMPTS:-30}

# MySQL reports healthy before this container starts, but retry a few times anyway
# in case it is still finishing its own start-up.
attempt=1
until temporal-sql-tool --db temporal setup-schema -v 0.0; do
  if [ "$attempt" -ge "$ATTEMPTS" ]; then
    echo "temporal-schema: MySQL still refuses after $ATTEMPTS attempts" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 2
done
temporal-sql-tool --db temporal update-schema -d "$SCHEMA_ROOT/temporal/versioned"

temporal-sql-tool --db temporal_visibility setup-schema -v 0.0
temporal-sql-tool --db temporal_visibility update-schema -d "$SCHEMA_ROOT/visibility/versioned"

echo "temporal-schema: temporal and temporal_visibility are up to date"
