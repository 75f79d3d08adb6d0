#!/usr/bin/env bash
# Runs the test suites with Node.js 20+: the runtime scripts/install-test-deps.sh
# put under tests/.node-runtime when the system node is older, else the system node.
here="$(cd "$(dirname "$0")" && pwd)"
for candidate in "$here"/.node-runtime/node_modules/node-linux-*/bin/node; do
  if [[ -x "$candidate" ]]; then
    exec "$candidate" "$@"
  fi
done
exec node "$@"
