#!/usr/bin/env bash
# The consultant portfolio with many clients (issue 12, goal p50 ≤ 5 ms for 300): seeds 300
# organisations (3 departments' answers each), makes the seeded account their consultant, and
# times GET /consultant through the server (curl's time_total, 200 requests after 5 to warm up).
# With BENCH_PG_URL=postgresql://… the same data is copied there (migrate-store) and measured too.
# Traffic goes only to 127.0.0.1. Prints p50 / p90 / max in milliseconds per backend.
set -euo pipefail
cd "$(dirname "$0")/.."

CLIENTS="${BENCH_CLIENTS:-300}"
REQUESTS="${BENCH_REQUESTS:-200}"
PORT="${BENCH_PORT:-18191}"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

build/mamori seed --db "$work/portfolio.db" --orgs "$CLIENTS" --assets 20 --email consultant@example.jp \
  --password 'bench-Passphrase-2025' >/dev/null
sqlite3 "$work/portfolio.db" "UPDATE memberships SET role = 'consultant'
  WHERE user_id = (SELECT id FROM users WHERE email = 'consultant@example.jp')"

measure() {  # measure LABEL DB
  build/mamori serve --db "$2" --listen "127.0.0.1:$PORT" >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
  local cookie
  cookie="$(curl -fs -D - -o /dev/null -H 'Content-Type: application/json' \
    -d '{"email":"consultant@example.jp","password":"bench-Passphrase-2025"}' \
    "http://127.0.0.1:$PORT/api/v1/session" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*session[^;]*\).*/\1/p' | head -1)"
  local rows
  rows=$(curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$PORT/consultant" | grep -c '<tr id="client-' || true)
  for _ in 1 2 3 4 5; do curl -fs -o /dev/null -H "Cookie: $cookie" "http://127.0.0.1:$PORT/consultant"; done
  for _ in $(seq 1 "$REQUESTS"); do
    curl -fs -o /dev/null -w '%{time_total}\n' -H "Cookie: $cookie" "http://127.0.0.1:$PORT/consultant"
  done | sort -n >"$work/times.txt"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
  awk -v label="$1" -v rows="$rows" '{ t[NR] = $1 * 1000 } END {
    printf "%s: %d clients listed, %d requests, p50 %.2f ms, p90 %.2f ms, max %.2f ms\n",
      label, rows, NR, t[int(NR * 0.5)], t[int(NR * 0.9)], t[NR] }' "$work/times.txt"
}

measure "SQLite" "$work/portfolio.db"
if [[ -n "${BENCH_PG_URL:-}" ]]; then
  build/mamori migrate-store --from "$work/portfolio.db" --to "$BENCH_PG_URL" >/dev/null
  measure "PostgreSQL" "$BENCH_PG_URL"
fi
