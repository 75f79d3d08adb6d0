#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (issue 11): Debian's `postgresql`
# package, `initdb` in a temporary folder, a Unix socket only (no TCP port),
# run as an unprivileged user, removed by `stop`.
#
#   scripts/pg-test-cluster.sh start   creates and starts it; prints its URL
#   scripts/pg-test-cluster.sh url     prints the URL of the running cluster
#   scripts/pg-test-cluster.sh stop    stops it and removes the folder
#
# The folder is $MAMORI_PG_DIR (default /tmp/mamori-pg-test). PostgreSQL refuses
# to run as root, so as root (CI) the cluster runs as the system user
# mamori-test, created on first use; otherwise as the calling user.
# The URL names the socket folder and the database "mamori":
#   postgresql:///mamori?host=/tmp/mamori-pg-test/socket&user=mamori
set -euo pipefail

DIR="${MAMORI_PG_DIR:-/tmp/mamori-pg-test}"
SOCKET="$DIR/socket"
DATA="$DIR/data"

pg_bin() {
  local tool="$1" found
  for found in /usr/lib/postgresql/*/bin/"$tool"; do
    if [[ -x "$found" ]]; then
      echo "$found"
      return
    fi
  done
  command -v "$tool" || { echo "pg-test-cluster: $tool not found (install Debian's postgresql)" >&2; exit 1; }
}

# Runs a command as the cluster's owner.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u mamori-test -- "$@"
  else
    "$@"
  fi
}

url() {
  echo "postgresql:///mamori?host=$SOCKET&user=mamori"
}

start() {
  # A cluster left running (an interrupted test run) is reused; a dead one is replaced.
  if [[ -f "$DATA/postmaster.pid" ]] && as_owner "$(pg_bin pg_ctl)" -D "$DATA" status >/dev/null 2>&1; then
    url
    return
  fi
  if [[ $(id -u) -eq 0 ]] && ! id mamori-test >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin mamori-test
  fi
  rm -rf "$DIR"
  mkdir -p "$SOCKET"
  chmod 755 "$DIR"
  # The socket folder is open to everyone so the tests (root in CI) can reach
  # it; trust authentication is fine for a socket-only throwaway cluster.
  chmod 777 "$SOCKET"
  if [[ $(id -u) -eq 0 ]]; then
    chown mamori-test "$DIR" "$SOCKET"
  fi
  as_owner "$(pg_bin initdb)" -D "$DATA" -U mamori --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 ||
    { cat "$DIR/initdb.log" >&2; exit 1; }
  # fsync off: a throwaway cluster needs no durability, and the tests run faster.
  as_owner "$(pg_bin pg_ctl)" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories=$SOCKET -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$DIR/server.log" >&2; exit 1; }
  as_owner "$(pg_bin createdb)" -h "$SOCKET" -U mamori mamori
  url
}

stop() {
  if [[ -f "$DATA/postmaster.pid" ]]; then
    as_owner "$(pg_bin pg_ctl)" -D "$DATA" -m immediate -w stop >/dev/null || true
  fi
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) [[ -f "$DATA/postmaster.pid" ]] || { echo "pg-test-cluster: not running" >&2; exit 1; }; url ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
