#!/usr/bin/env bash
# Creates the databases and accounts of the compose stack, on one MySQL server:
#   backhaul                       Backhaul's own data   (user from BACKHAUL_DB_USER)
#   temporal, temporal_visibility  Temporal's persistence (user from TEMPORAL_DB_USER)
#
# The mysql image runs the files in /docker-entrypoint-initdb.d only when the data
# directory is empty, i.e. the first time the named volume is used. Changing the
# passwords later therefore needs `docker compose down -v` (which deletes the data).
#
# Keep this file NOT executable: the image then sources it, which provides its
# docker_process_sql helper (runs SQL as root over the local socket). Passwords must
# not contain single quotes; keep them URL-safe too, since DATABASE_URL embeds one.
#
# No `set -e` and no `exit` here: both would act on the image's entrypoint shell.
# Backticks inside the here-document are escaped so the shell leaves them to MySQL.

backhaul_run_sql() {
	if declare -F docker_process_sql >/dev/null; then
		docker_process_sql --database=mysql
	else
		# Executed rather than sourced: talk to the temporary server directly.
		mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" mysql
	fi
}

backhaul_run_sql <<-EOSQL
	CREATE DATABASE IF NOT EXISTS \`${BACKHAUL_DB_NAME:-backhaul}\`
	  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
	CREATE USER IF NOT EXISTS '${BACKHAUL_DB_USER:-backhaul}'@'%'
	  IDENTIFIED BY '${BACKHAUL_DB_PASSWORD:-backhaul}';
	GRANT ALL PRIVILEGES ON \`${BACKHAUL_DB_NAME:-backhaul}\`.* TO '${BACKHAUL_DB_USER:-backhaul}'@'%';

	CREATE DATABASE IF NOT EXISTS temporal CHARACTER SET utf8mb4;
	CREATE DATABASE IF NOT EXISTS temporal_visibility CHARACTER SET utf8mb4;
	CREATE USER IF NOT EXISTS '${TEMPORAL_DB_USER:-temporal}'@'%'
	  IDENTIFIED BY '${TEMPORAL_DB_PASSWORD:-temporal}';
	GRANT ALL PRIVILEGES ON \`temporal\`.* TO '${TEMPORAL_DB_USER:-temporal}'@'%';
	GRANT ALL PRIVILEGES ON \`temporal\_visibility\`.* TO '${TEMPORAL_DB_USER:-temporal}'@'%';
EOSQL
