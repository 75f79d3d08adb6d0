#!/usr/bin/env bash
# mamori: the same set-up as run.sh, then build and run every test:
# unit, property and golden tests (GoogleTest + RapidCheck), the CLI contract
# suite, HTTP integration tests and the headless-Chromium browser tests;
# then every fuzz harness over its seeds plus 30 s (scripts/fuzz.sh short).
# Before the tests it warns about outdated or vulnerable Debian packages
# among the dependencies (scripts/check-dependencies.sh; a warning, not a failure).
set -euo pipefail
cd "$(dirname "$0")"

./scripts/install-deps.sh --test
./scripts/build.sh all
./scripts/install-test-deps.sh
./scripts/check-dependencies.sh || true

# ctest starts the throwaway PostgreSQL cluster the PostgreSQL tests need
# (pg_cluster_start) and removes it after them (pg_cluster_stop, a cleanup
# fixture that runs even when tests fail); the trap also removes it when the
# run is interrupted.
trap 'ctest --test-dir build -R "^pg_cluster_stop$" -FS postgres >/dev/null 2>&1 || true' EXIT
# Both cores: the four long suites (HTTP on SQLite and on PostgreSQL, browser,
# CLI) take ~11 of the ~13 minutes when run one after another.
ctest --test-dir build --output-on-failure --timeout 900 -j "$(nproc 2>/dev/null || echo 2)" "$@"
./scripts/fuzz.sh short
