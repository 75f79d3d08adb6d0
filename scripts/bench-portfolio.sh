#!/usr/bin/env bash
# The consultant portfolio with many clients (issue 12, goal p50 ≤ 5 ms for 300): seeds 300
# organisations (3 departments' answers each), makes the seeded account their consultant, and
# times GET /consultant through the server (curl's time_total, 200 requests after 5 to warm up).
# With BENCH_PG_URL=postgresql://… the same data is copied there (migrate-store) and measured too.
# Traffic goes only to 127.0.0.1. Prints p50 / p90 / max in milliseconds per backend.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-lib.sh

CLIENTS="${BENCH_CLIENTS:-300}"
REQUESTS="${BENCH_REQUESTS:-200}"
PORT="${BENCH_PORT:-18191}"

build/mamori seed --db "$work/portfolio.db" --orgs "$CLIENTS" --assets 20 --email consultant@example.jp \
  --password 'bench-Passphrase-2025' >/dev/null
sqlite3 "$work/portfolio.db" "UPDATE memberships SET role = 'consultant'
  WHERE user_id = (SELECT id FROM users WHERE email = 'consultant@example.jp')"

measure() {  # measure LABEL DB
  start_server "$2"
  local cookie rows
  cookie="$(session_cookie consultant@example.jp 'bench-Passphrase-2025')"
  rows=$(curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$PORT/consultant" | grep -c '<tr id="client-' || true)
  time_get "$1 /consultant ($rows clients listed)" "$cookie" /consultant "$REQUESTS"
  stop_server
}

measure "SQLite" "$work/portfolio.db"
if [[ -n "${BENCH_PG_URL:-}" ]]; then
  build/mamori migrate-store --from "$work/portfolio.db" --to "$BENCH_PG_URL" >/dev/null
  measure "PostgreSQL" "$BENCH_PG_URL"
fi
