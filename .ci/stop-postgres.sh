#!/usr/bin/env bash
# Stops the Postgres that start-postgres.sh started in DIR and removes DIR. Usage: .ci/stop-postgres.sh DIR
set -uo pipefail
DIR="$1"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ -d "$DIR/data" ] && as_pg /usr/lib/postgresql/15/bin/pg_ctl -D "$DIR/data" -m fast -w stop >/dev/null 2>&1
rm -rf "$DIR"
