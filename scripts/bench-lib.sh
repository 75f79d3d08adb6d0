# Shared by the page benchmarks of issue 12 (scripts/bench-portfolio.sh, scripts/bench-benchmark.sh):
# start a server on a database, sign in, time GET requests with curl. Source it; it uses $PORT and
# makes $work (a temporary folder removed on exit, with the server stopped) and sets server_pid.

work="$(mktemp -d)"
server_pid=""

# start_server DB: starts `mamori serve` and waits for /healthz.
start_server() {
  build/mamori serve --db "$1" --listen "127.0.0.1:$PORT" >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && return; sleep 0.1; done
  echo "mamori serve did not answer; its log:" >&2
  cat "$work/serve.log" >&2
  exit 1
}

stop_server() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  server_pid=""
}

# session_cookie EMAIL PASSWORD: the session cookie of a fresh sign-in.
session_cookie() {
  curl -fs -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" \
    "http://127.0.0.1:$PORT/api/v1/session" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*session[^;]*\).*/\1/p' | head -1
}

# time_get LABEL COOKIE PATH REQUESTS: 5 warm-up requests, then REQUESTS timed ones (curl's
# time_total); prints "LABEL: N requests, p50 …, p90 …, max … ms".
time_get() {
  local url="http://127.0.0.1:$PORT$3"
  for _ in 1 2 3 4 5; do curl -fs -o /dev/null -H "Cookie: $2" "$url"; done
  for _ in $(seq 1 "$4"); do
    curl -fs -o /dev/null -w '%{time_total}\n' -H "Cookie: $2" "$url"
  done | sort -n >"$work/times.txt"
  awk -v label="$1" '{ t[NR] = $1 * 1000 } END {
    printf "%s: %d requests, p50 %.2f ms, p90 %.2f ms, max %.2f ms\n",
      label, NR, t[int(NR * 0.5)], t[int(NR * 0.9)], t[NR] }' "$work/times.txt"
}

cleanup() {
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT
