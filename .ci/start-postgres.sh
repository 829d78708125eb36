#!/usr/bin/env bash
# Starts a throwaway Postgres 15 on loopback from Debian's packages: initdb in DIR, pg_ctl start, no system
# service. Prints the connection URL on stdout. Stop it with: pg_ctl -D DIR/data stop (as user postgres).
# Usage: .ci/start-postgres.sh DIR [PORT]
set -euo pipefail
DIR="$1"
PORT="${2:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}"
BIN=/usr/lib/postgresql/15/bin
if [ ! -x "$BIN/pg_ctl" ]; then
  echo "installing postgresql-15 from Debian's packages" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >&2
fi
id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
mkdir -p "$DIR"
chown postgres "$DIR"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_pg "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null
as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
