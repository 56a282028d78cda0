#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the tests. Source it (`. tests/postgres.sh`): it starts a
# cluster in a temporary folder on a free loopback port, exports TALKSTRACKER_POSTGRES (a connection
# string to its maintenance database; fixtures create their own databases in it) and registers
# `talkstracker_postgres_stop`, which run.sh calls from its EXIT trap. Installs postgresql-15 with
# apt if its binaries are missing. Runs the server as the postgres user (as root: runuser).
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

talkstracker_postgres_start() {
  if [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL 15 is missing: installing Debian's postgresql-15 package for the tests."
    local sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql-15 >/dev/null \
      || { echo "Could not install postgresql-15; the PostgreSQL tests need it."; return 1; }
  fi

  local as_pg=()
  if [ "$(id -u)" -eq 0 ]; then
    as_pg=(runuser -u postgres --)
  fi

  TALKSTRACKER_PG_DIR=$(mktemp -d /tmp/talkstracker-pg-XXXXXX)
  chmod 755 "$TALKSTRACKER_PG_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$TALKSTRACKER_PG_DIR"
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  "${as_pg[@]}" "$PG_BIN/initdb" -D "$TALKSTRACKER_PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$TALKSTRACKER_PG_DIR/initdb.log" 2>&1 \
    || { cat "$TALKSTRACKER_PG_DIR/initdb.log"; return 1; }
  # Throwaway data: no fsync. Enough connections for parallel test classes and app instances.
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$TALKSTRACKER_PG_DIR/data" -l "$TALKSTRACKER_PG_DIR/server.log" -w -s \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $TALKSTRACKER_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start \
    || { cat "$TALKSTRACKER_PG_DIR/server.log"; return 1; }
  export TALKSTRACKER_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL 15 for the tests on 127.0.0.1:$port ($TALKSTRACKER_PG_DIR)"
}

talkstracker_postgres_stop() {
  [ -n "${TALKSTRACKER_PG_DIR:-}" ] || return 0
  local as_pg=()
  [ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$TALKSTRACKER_PG_DIR/data" -m immediate -s stop >/dev/null 2>&1
  rm -rf "$TALKSTRACKER_PG_DIR"
  TALKSTRACKER_PG_DIR=""
}

# Run directly (`bash tests/postgres.sh -- command args`): a server for one command, then torn down.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -uo pipefail
  trap talkstracker_postgres_stop EXIT
  talkstracker_postgres_start || exit 1
  [ "${1:-}" = "--" ] && shift
  if [ $# -gt 0 ]; then "$@"; else echo "Press Ctrl-C to stop."; sleep infinity; fi
fi
