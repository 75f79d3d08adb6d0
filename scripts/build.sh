#!/usr/bin/env bash
# Configures (once) and builds mamori in ./build as Release. Argument: the
# CMake target ("mamori" for just the binary, "all" for tests and benchmarks).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-all}"
jobs="$(nproc 2>/dev/null || echo 2)"

if [[ ! -f build/CMakeCache.txt ]]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
fi
cmake --build build --target "$target" -j "$jobs"
