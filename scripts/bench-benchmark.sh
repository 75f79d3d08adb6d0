#!/usr/bin/env bash
# The anonymous benchmark over many firms (issue 12, goal: 100,000 firms in ≤ 50 ms in process;
# the in-process figure is bench/benchmark_bench.cpp). This times the same computation through
# the server with its database read: one seeded firm (its answers scored as usual) among
# BENCH_FIRMS synthetic ones, written straight into SQLite as the rows the benchmark reads (an
# organisation, a round and its kept score each; no answers, so nothing is rescored at start).
# Timed with curl (BENCH_REQUESTS after 5 to warm up): GET /orgs/1/owner (the owner's screen,
# whose benchmark panel is the firm's percentile and 偏差値) as the firm's 責任者. The operator's
# distributions (/admin/benchmark) need a second sign-in step, which curl cannot give; their
# computation is BM_BenchmarkInstallation.
# With BENCH_PG_URL=postgresql://… the same data is copied there (migrate-store) and measured too.
# Traffic goes only to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-lib.sh

FIRMS="${BENCH_FIRMS:-100000}"
REQUESTS="${BENCH_REQUESTS:-50}"
PORT="${BENCH_PORT:-18192}"
PASSWORD='bench-Passphrase-2025'

db="$work/benchmark.db"
build/mamori seed --db "$db" --orgs 1 --assets 5 --email owner@example.jp --password "$PASSWORD" >/dev/null
# Answer codes and totals vary with the id (a fixed pattern, the same every run); industries and
# employee counts cycle through every value, so every group is shown.
sqlite3 "$db" <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $FIRMS)
INSERT INTO organizations(name, industry, capital_yen, employees, edition, created_at)
SELECT 'firm ' || i,
       CASE i % 5 WHEN 0 THEN 'manufacturing' WHEN 1 THEN 'wholesale' WHEN 2 THEN 'retail'
                  WHEN 3 THEN 'services' ELSE 'other' END,
       10000000, i % 400, '3.0', '2026-12-05T00:00:00Z' FROM n;
INSERT INTO selfcheck_rounds(org_id, number, title, started_at, closed_at, edition)
SELECT id, 1, '', '2026-12-01T00:00:00Z', '', '3.0' FROM organizations WHERE name LIKE 'firm %';
INSERT INTO selfcheck_round_scores(round_id, org_id, round_number, edition, respondents, total, max_total, complete, answers)
SELECT r.id, r.org_id, 1, '3.0', 1, (r.org_id * 37) % 126 - 25, 100, 1,
       substr('ipnuiippnuuinpipnnuiipupninpiupnipuinnpiupipnuinipnuppinuipnuiinpuupinipnuiipnupinupinpiunpinpuinpiu',
              r.org_id % 75 + 1, 25)
FROM selfcheck_rounds r JOIN organizations o ON o.id = r.org_id WHERE o.name LIKE 'firm %';
COMMIT;
SQL

measure() {  # measure LABEL DB
  start_server "$2"
  time_get "$1 /orgs/1/owner among $FIRMS firms" "$(session_cookie owner@example.jp "$PASSWORD")" /orgs/1/owner "$REQUESTS"
  stop_server
}

measure "SQLite" "$db"
if [[ -n "${BENCH_PG_URL:-}" ]]; then
  build/mamori migrate-store --from "$db" --to "$BENCH_PG_URL" >/dev/null
  measure "PostgreSQL" "$BENCH_PG_URL"
fi
