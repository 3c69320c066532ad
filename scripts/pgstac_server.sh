#!/usr/bin/env bash
# A real, stock stac-fastapi-pgstac on loopback, loaded with the reference server's
# catalogue (`make pgstac-check`; not part of `make test`).
#
#   bash scripts/pgstac_server.sh start   # prints the STAC API url (also in $STATE/url)
#   bash scripts/pgstac_server.sh stop
#   bash scripts/pgstac_server.sh check   # start, run scripts/pgstac_check.py, stop
#
# Needs root on Debian 12 (installs postgresql-15 and PostGIS with apt when missing) or a
# user who already has them. Its own throw-away PostgreSQL cluster (in $STATE, trust auth,
# loopback only, a free port) never touches the machine's own cluster. The server runs in
# its own venv ($PGSTAC_VENV), not the plugin's.
# Environment: PGSTAC_STATE (/tmp/dinamis-pgstac), PGSTAC_VENV (.data/pgstac-venv),
# PGSTAC_PYTHON (python3), PGSTAC_ITEMS (the reference catalogue's size, 300).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PY:-$ROOT/.venv/bin/python}
STATE=${PGSTAC_STATE:-${TMPDIR:-/tmp}/dinamis-pgstac}
PGSTAC_VENV=${PGSTAC_VENV:-$ROOT/.data/pgstac-venv}
PGSTAC_PYTHON=${PGSTAC_PYTHON:-python3}
PG_BIN=/usr/lib/postgresql/15/bin
SERVER_PACKAGES=("stac-fastapi-pgstac==7.2.0" "pypgstac[psycopg]==0.10.0" "uvicorn>=0.30")
say() { echo "pgstac: $*" >&2; }

as_postgres() {  # initdb and postgres refuse to run as root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() { "$PY" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"; }

install_postgres() {
  if [ -x "$PG_BIN/pg_ctl" ] && [ -f /usr/share/postgresql/15/extension/postgis.control ]; then
    return
  fi
  say "installing postgresql-15 and postgresql-15-postgis-3"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 postgresql-15-postgis-3
}

install_server_venv() {
  if [ -x "$PGSTAC_VENV/bin/uvicorn" ] && [ -x "$PGSTAC_VENV/bin/pypgstac" ]; then
    return
  fi
  say "creating $PGSTAC_VENV"
  if ! "$PGSTAC_PYTHON" -m venv "$PGSTAC_VENV"; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv
    "$PGSTAC_PYTHON" -m venv "$PGSTAC_VENV"
  fi
  "$PGSTAC_VENV/bin/pip" install -q "${SERVER_PACKAGES[@]}"
}

start() {
  [ -x "$PY" ] || { say "no plugin venv at $PY: run 'make plugin' first"; exit 1; }
  stop 2>/dev/null || true
  install_postgres
  install_server_venv
  rm -rf "$STATE"
  mkdir -p "$STATE/data" "$STATE/socket" "$STATE/export"
  chmod 755 "$STATE"
  [ "$(id -u)" = 0 ] && chown -R postgres: "$STATE/data" "$STATE/socket"
  local pg_port api_port
  pg_port=$(free_port)
  as_postgres "$PG_BIN/initdb" -D "$STATE/data" -U postgres --auth=trust -E UTF8 \
    --locale=C.UTF-8 >"$STATE/initdb.log"
  as_postgres "$PG_BIN/pg_ctl" -D "$STATE/data" -l "$STATE/socket/postgres.log" -w \
    -o "-p $pg_port -k $STATE/socket -c listen_addresses=127.0.0.1" start >/dev/null
  echo "$pg_port" >"$STATE/pg_port"
  export PGHOST=127.0.0.1 PGPORT=$pg_port PGUSER=postgres PGPASSWORD=unused PGDATABASE=postgres
  "$PGSTAC_VENV/bin/pypgstac" migrate >"$STATE/migrate.log"
  "$PY" scripts/pgstac_export.py "$STATE/export" ${PGSTAC_ITEMS:+--items "$PGSTAC_ITEMS"} >&2
  "$PGSTAC_VENV/bin/pypgstac" load collections "$STATE/export/collections.ndjson" --method insert >&2
  "$PGSTAC_VENV/bin/pypgstac" load items "$STATE/export/items.ndjson" --method insert >&2
  api_port=$(free_port)
  (cd "$STATE" && exec "$PGSTAC_VENV/bin/uvicorn" stac_fastapi.pgstac.app:create_app --factory \
      --host 127.0.0.1 --port "$api_port" >"$STATE/uvicorn.log" 2>&1) &
  echo $! >"$STATE/uvicorn.pid"
  local url=http://127.0.0.1:$api_port
  for _ in $(seq 1 120); do
    if "$PY" -c "import requests,sys; sys.exit(not requests.get(sys.argv[1], timeout=1).ok)" \
        "$url/_mgmt/ping" 2>/dev/null; then
      echo "$url" >"$STATE/url"
      say "stac-fastapi-pgstac $("$PGSTAC_VENV/bin/pip" show stac-fastapi-pgstac | sed -n 's/^Version: //p'), pgstac $("$PGSTAC_VENV/bin/pypgstac" version 2>/dev/null || echo '?') on $url"
      echo "$url"
      return
    fi
    kill -0 "$(cat "$STATE/uvicorn.pid")" 2>/dev/null || break
    sleep 0.5
  done
  say "the API did not start: see $STATE/uvicorn.log"
  tail -n 20 "$STATE/uvicorn.log" >&2 || true
  exit 1
}

stop() {
  if [ -f "$STATE/uvicorn.pid" ]; then
    kill "$(cat "$STATE/uvicorn.pid")" 2>/dev/null || true
    rm -f "$STATE/uvicorn.pid"
  fi
  if [ -f "$STATE/data/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$STATE/data" -m fast -w stop >/dev/null || true
  fi
}

check() {
  trap stop EXIT
  local url
  url=$(start)
  "$PY" scripts/pgstac_check.py "$url" --truth "$STATE/export"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  check) check ;;
  *) echo "usage: $0 start|stop|check" >&2; exit 2 ;;
esac
