#!/usr/bin/env bash
# Configures and builds mamori in ./build as Release. Argument: the CMake
# target. "mamori" builds just the binary and needs only the run-time
# packages (./run.sh); "all" also builds the tests and benchmarks, which need
# the test packages (./test.sh installs them first).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-all}"
jobs="$(nproc 2>/dev/null || echo 2)"

# With ccache installed (./test.sh installs it), a build reuses what an earlier
# build compiled, also from another clone: paths under the clone are hashed
# relative to it (CCACHE_BASEDIR). The cache lives in ccache's default folder.
launcher=()
if command -v ccache >/dev/null 2>&1; then
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

if [[ "$target" == "mamori" ]]; then
  # Keep an existing configuration (it may include tests); a new one skips them.
  if [[ ! -f build/CMakeCache.txt ]]; then
    cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DMAMORI_BUILD_TESTS=OFF -DMAMORI_BUILD_BENCH=OFF "${launcher[@]}"
  fi
else
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DMAMORI_BUILD_TESTS=ON -DMAMORI_BUILD_BENCH=ON "${launcher[@]}"
fi
cmake --build build --target "$target" -j "$jobs"
