#!/usr/bin/env bash
# Installs the npm packages the HTTP and browser tests use (playwright-core
# drives Debian's chromium; axe-core checks accessibility). No browser is
# downloaded: the tests launch /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/../tests"
if [[ ! -d node_modules/playwright-core || ! -d node_modules/axe-core || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
