#!/usr/bin/env bash
# mamori: install what is missing, build a Release binary, and serve on
# http://127.0.0.1:8080 with the embedded SQLite database ./var/mamori.db.
# Works on a fresh Debian 12 with only git (uses sudo when not root).
set -euo pipefail
cd "$(dirname "$0")"

./scripts/install-deps.sh
./scripts/build.sh mamori

mkdir -p var
echo "mamori: starting on http://${MAMORI_LISTEN:-127.0.0.1:8080}/ (Ctrl+C to stop)"
exec build/mamori serve --db "${MAMORI_DB:-var/mamori.db}" --listen "${MAMORI_LISTEN:-127.0.0.1:8080}"
