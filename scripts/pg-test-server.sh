#!/usr/bin/env bash
# A throw-away PostgreSQL for the team-store tests and the team benchmark.
#
#   eval "$(scripts/pg-test-server.sh start)"   # starts it, prints `export CSR_TEST_PG_URL=…; export CSR_TEST_PG_DIR=…`
#   scripts/pg-test-server.sh stop DIR          # stops it and removes its folder
#   scripts/pg-test-server.sh restart DIR       # restarts it (fast shutdown), as the restart test does
#   scripts/pg-test-server.sh pause DIR / resume DIR  # stops it keeping its data / starts it again
#   scripts/pg-test-server.sh install           # installs Debian's postgresql when missing (root, or sudo)
#
# CSR_TEST_PG_SOCKET_ONLY=1 starts one that listens on no TCP port at all, only on a Unix
# socket in its folder (password-checked too): the restart test makes a private one this way,
# so restarting it disturbs no other test and needs no second port.
#
# The server listens on 127.0.0.1 only (port CSR_TEST_PG_PORT, default 55432, never 5432), keeps
# its data and socket in a fresh temporary folder, and asks every TCP client for a password
# (scram-sha-256), so the wrong-credentials tests mean something. The superuser is `postgres`
# with a random password, in the URL it prints. PostgreSQL refuses to run as root: as root the
# server runs as the OS user `postgres` (made by Debian's package).
set -euo pipefail

PORT="${CSR_TEST_PG_PORT:-55432}"

pg_bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir
    return
  fi
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return; fi
  return 1
}

install_pg() {
  if pg_bindir >/dev/null; then return 0; fi
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "pg-test-server: installing Debian's postgresql" >&2
  $sudo apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pg_bindir >/dev/null || { echo "pg-test-server: postgresql installed but initdb not found" >&2; exit 1; }
}

# Runs a PostgreSQL program as the server's OS user. As root, from / (every path given is
# absolute): `postgres` may not enter the folder the tests run from, and pg_ctl says so.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

start() {
  install_pg
  local bin dir pw
  bin="$(pg_bindir)"
  local socket_only="${CSR_TEST_PG_SOCKET_ONLY:-}" listen="127.0.0.1" auth_local="peer"
  if [ -n "$socket_only" ]; then
    listen=""
    auth_local="scram-sha-256"
  else
    # A port given by CSR_TEST_PG_PORT must be free; the default moves on to the next free one
    # (a test server left running by an earlier run, or another checkout's, keeps its port).
    local ready=0 tries=0
    while :; do
      ready=0
      "$bin/pg_isready" -q -h 127.0.0.1 -p "$PORT" || ready=$?
      [ "$ready" -eq 2 ] && break
      if [ -n "${CSR_TEST_PG_PORT:-}" ] || [ "$tries" -ge 20 ]; then echo "pg-test-server: something already listens on 127.0.0.1:$PORT" >&2; exit 1; fi
      PORT=$((PORT + 1))
      tries=$((tries + 1))
    done
  fi
  dir="$(mktemp -d "${TMPDIR:-/tmp}/csr-pg-test.XXXXXX")"
  pw="$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')"
  # A start that fails leaves nothing behind (a server that did start is stopped first).
  trap 'as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"' ERR
  printf '%s\n' "$pw" >"$dir/pwfile"
  chmod 700 "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "pg-test-server: no OS user 'postgres' to run the server as" >&2; exit 1; }
    chown -R postgres "$dir"
  fi
  as_pg "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" --auth-host=scram-sha-256 --auth-local="$auth_local" \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$dir/pwfile"
  # Small and fast: this is a test server (fsync stays on: the restart tests rely on it).
  local opts="-c listen_addresses='$listen' -c port=$PORT -c unix_socket_directories=$dir -c max_connections=200 -c shared_buffers=128MB -c synchronous_commit=on"
  printf '%s\n' "$opts" >"$dir/server.opts"
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$opts" start >&2 || { cat "$dir/server.log" >&2; false; }
  trap - ERR
  if [ -n "$socket_only" ]; then
    echo "export CSR_TEST_PG_URL='postgres://postgres:$pw@localhost:$PORT/postgres?host=$dir'"
  else
    echo "export CSR_TEST_PG_URL='postgres://postgres:$pw@127.0.0.1:$PORT/postgres'"
  fi
  echo "export CSR_TEST_PG_DIR='$dir'"
  # The restart test needs to stop and start this very server.
  echo "export CSR_TEST_PG_CTL='$bin/pg_ctl'"
}

stop() {
  local dir="${1:-${CSR_TEST_PG_DIR:-}}"
  [ -n "$dir" ] || { echo "usage: $0 stop DIR" >&2; exit 2; }
  case "$dir" in */csr-pg-test.*) ;; *) echo "pg-test-server: refusing to remove $dir" >&2; exit 2 ;; esac
  local bin
  bin="$(pg_bindir)"
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  fi
  rm -rf "$dir"
}

restart() {
  local dir="${1:-}"
  [ -n "$dir" ] && [ -f "$dir/data/postmaster.pid" ] || { echo "usage: $0 restart DIR (of a running server)" >&2; exit 2; }
  as_pg "$(pg_bindir)/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 60 restart >&2 </dev/null
}

# pause/resume: the server stopped for a while with its data kept (the team directory's
# offline sign-in test), then started again with the same options.
pause() {
  local dir="${1:-}"
  [ -n "$dir" ] && [ -f "$dir/data/postmaster.pid" ] || { echo "usage: $0 pause DIR (of a running server)" >&2; exit 2; }
  as_pg "$(pg_bindir)/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >&2 </dev/null
}
resume() {
  local dir="${1:-}"
  [ -n "$dir" ] && [ -f "$dir/server.opts" ] || { echo "usage: $0 resume DIR (of a paused server)" >&2; exit 2; }
  as_pg "$(pg_bindir)/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$(cat "$dir/server.opts")" start >&2 </dev/null
}

case "${1:-}" in
  pause) pause "${2:-}" ;;
  resume) resume "${2:-}" ;;
  start) start ;;
  restart) restart "${2:-}" ;;
  stop) stop "${2:-}" ;;
  install) install_pg ;;
  *) echo "usage: $0 start | stop DIR | restart DIR | pause DIR | resume DIR | install" >&2; exit 2 ;;
esac
