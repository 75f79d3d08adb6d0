#!/usr/bin/env bash
# Builds mamori with AddressSanitizer and UndefinedBehaviorSanitizer in
# ./build-sanitize and runs the unit, CLI, HTTP and browser suites against it.
# Not part of ./test.sh (it doubles the build time); run it before releases.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh --test
./scripts/install-test-deps.sh
cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DMAMORI_BUILD_BENCH=OFF -DMAMORI_HARDEN=OFF \
  -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
cmake --build build-sanitize -j "$(nproc)" --target mamori mamori_unit_tests
export ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 MAMORI_HOME="$PWD" MAMORI_ARGON2_FAST=1
build-sanitize/tests/mamori_unit_tests
bash tests/cli/cli_test.sh build-sanitize/mamori
MAMORI_BIN=build-sanitize/mamori bash tests/run-node.sh --test tests/http/ tests/browser/
