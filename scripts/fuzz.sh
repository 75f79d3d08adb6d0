#!/usr/bin/env bash
# mamori: builds the libFuzzer harnesses of fuzz/ (Debian's clang++, with
# AddressSanitizer and UndefinedBehaviorSanitizer) in ./build-fuzz and runs
# them, one per core at a time (issue 10, "Fuzzing"; docs/security.md).
#
#   scripts/fuzz.sh short            each harness over its seed corpus plus 30 s
#                                    (./test.sh runs this, so a crash fails CI)
#   scripts/fuzz.sh long [seconds]   each harness for [seconds] (default 3600); `make fuzz`
#   scripts/fuzz.sh build            build only
#   FUZZERS="form csv" scripts/fuzz.sh long 600   only the harnesses named (substring match)
#   FUZZ_PROFILE=fast scripts/fuzz.sh long 3600   libFuzzer without sanitizers (several times
#                                    faster) for long campaigns; the corpus it grows is then
#                                    replayed once under ASan/UBSan, which must also pass
#
# Any crash, leak, UB, out-of-memory or slow input fails the run. libFuzzer
# keeps the input that broke a harness as build-fuzz/crashes/<harness>/crash-*;
# reproduce with build-fuzz/fuzz/fuzz_<harness> <that file>. Inputs that
# found new coverage collect in build-fuzz/corpus/<harness>/ (not committed:
# the committed seeds are fuzz/corpus/<harness>/). A summary line per
# harness, with its executions, is appended to build-fuzz/fuzz-runs.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-short}"
case "$mode" in
  short) seconds=30 ;;
  long) seconds="${2:-3600}" ;;
  build) seconds=0 ;;
  *) echo "usage: scripts/fuzz.sh short | long [seconds] | build" >&2; exit 2 ;;
esac

if ! command -v clang++ >/dev/null 2>&1; then
  echo "mamori: clang++ is missing; ./scripts/install-deps.sh --test installs clang and libFuzzer" >&2
  exit 1
fi
# One instrumented build of its own (-O1 with ASan and UBSan, fuzz/CMakeLists.txt);
# FUZZ_PROFILE=fast adds a build without sanitizers in build-fuzz-fast/.
configure() { # configure DIR [extra cmake arguments]
  local dir="$1"
  shift
  if command -v ccache >/dev/null 2>&1; then  # as in scripts/build.sh
    export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
    set -- "$@" -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
  fi
  if [[ ! -f "$dir/CMakeCache.txt" ]]; then
    cmake -S . -B "$dir" -DMAMORI_FUZZ=ON -DMAMORI_HARDEN=OFF -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Release \
      -DMAMORI_BUILD_TESTS=OFF -DMAMORI_BUILD_BENCH=OFF "$@" >/dev/null
  fi
  cmake --build "$dir" -j "$(nproc 2>/dev/null || echo 2)"
}
configure build-fuzz
runner=build-fuzz
if [[ "${FUZZ_PROFILE:-}" == fast ]]; then
  configure build-fuzz-fast -DMAMORI_FUZZ_SANITIZERS=
  runner=build-fuzz-fast
fi
[[ "$mode" == build ]] && exit 0

export MAMORI_HOME="$PWD"
export ASAN_OPTIONS="detect_leaks=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:${UBSAN_OPTIONS:-}"

# fuzz_one NAME: one harness over its corpus for the set time; its exit status
# goes to build-fuzz/status/NAME so the harnesses can run side by side.
fuzz_one() {
  local name="$1" seeds="fuzz/corpus/$1/"
  local corpus="build-fuzz/corpus/$name" crashes="build-fuzz/crashes/$name" log="build-fuzz/logs/$name.log"
  mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
  echo "mamori: fuzzing $name for ${seconds}s" >&2
  local status=0
  # -timeout: an input that takes 25 s is a hang; -rss_limit_mb: the harness
  # holds the whole catalog (~500 MB with ASan), so allow it room.
  "$runner/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=3072 \
    -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" "$seeds" >"$log" 2>&1 || status=$?
  local runs
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  local line="$(date -u +%Y-%m-%dT%H:%M:%SZ) $mode $name seconds=$seconds executions=${runs:-?} exit=$status profile=${FUZZ_PROFILE:-sanitized}"
  echo "$line" | tee -a build-fuzz/fuzz-runs.txt >&2
  # What the fast build found is replayed under the sanitizers, so memory errors
  # it could not see still fail the run.
  if [[ "$status" -eq 0 && "$runner" != build-fuzz ]]; then
    "build-fuzz/fuzz/fuzz_$name" -runs=0 -timeout=25 -rss_limit_mb=3072 -artifact_prefix="$crashes/" \
      "$corpus" "$seeds" >"$log.replay" 2>&1 || status=$?
    echo "mamori: replayed $(ls "$corpus" | wc -l) corpus inputs of $name under ASan/UBSan: exit $status" >&2
    [[ "$status" -ne 0 ]] && cat "$log.replay" >>"$log"
  fi
  if [[ "$status" -ne 0 ]]; then
    grep -E -A30 'ERROR: |runtime error|SUMMARY' "$log" | head -n 60 >&2 || tail -n 40 "$log" >&2
  fi
  echo "$status" >"build-fuzz/status/$name"
}

# Harnesses run FUZZ_JOBS at a time (default: one per core), so the short CI
# run takes about (harnesses / cores) x 30 s.
jobs_at_once="${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}"
rm -rf build-fuzz/status
mkdir -p build-fuzz/status
started=$(date +%s)
names=()
for seeds in fuzz/corpus/*/; do
  name="$(basename "$seeds")"
  if [[ -n "${FUZZERS:-}" && " ${FUZZERS} " != *"${name}"* ]]; then
    continue
  fi
  while [[ "$(jobs -rp | wc -l)" -ge "$jobs_at_once" ]]; do
    wait -n || true
  done
  names+=("$name")
  fuzz_one "$name" &
done
wait
failed=()
for name in "${names[@]}"; do
  # A harness whose run stopped before writing its status counts as failed.
  [[ "$(cat "build-fuzz/status/$name" 2>/dev/null)" == 0 ]] || failed+=("$name")
done
echo "mamori: fuzzing took $(( $(date +%s) - started ))s" >&2
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "mamori: fuzzing found problems in: ${failed[*]} (inputs under build-fuzz/crashes/, logs under build-fuzz/logs/)" >&2
  exit 1
fi
