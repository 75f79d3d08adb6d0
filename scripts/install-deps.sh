#!/usr/bin/env bash
# Installs the Debian packages mamori needs to build, run and test.
# Safe to run repeatedly: it installs only what is missing.
set -euo pipefail

BUILD_PKGS=(
  build-essential cmake pkg-config git ca-certificates
  libcpp-httplib-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libpq-dev
  libargon2-dev libssl-dev libyaml-dev libkainjow-mustache-dev
  libcairo2-dev libpango1.0-dev fonts-noto-cjk
  libxlsxwriter-dev libzip-dev libpugixml-dev libcurl4-openssl-dev
  libqrencode-dev
)
# poppler-utils reads the PDFs back; LibreOffice (without a GUI) converts the
# DOCX documents to PDF, which proves they open (issue 8).
# clang with its runtime libraries (libFuzzer, ASan, UBSan: libclang-rt-dev)
# builds the fuzz harnesses (scripts/fuzz.sh, issue 10). debsecan lets
# scripts/check-dependencies.sh ask Debian's security tracker. postgresql: the
# server the store tests also run on (scripts/pg-test-cluster.sh, issue 11).
# ccache lets a test run reuse an earlier build's objects (scripts/build.sh);
# jq checks the CLI's JSON in tests/cli/cli_test.sh.
TEST_PKGS=(
  libgtest-dev libgmock-dev googletest librapidcheck-dev libbenchmark-dev
  poppler-utils libreoffice-writer-nogui chromium curl wrk time unzip
  clang libclang-rt-dev debsecan
  postgresql ccache jq
)
# Node.js drives the browser tests. Use the machine's own node and npm when present
# (a non-Debian node conflicts with Debian's npm package); otherwise take Debian's.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  TEST_PKGS+=(nodejs npm)
fi

# --list: print the build packages (scripts/sbom.sh reads them) and install nothing.
if [[ "${1:-}" == "--list" ]]; then
  printf '%s\n' "${BUILD_PKGS[@]}"
  exit 0
fi

want=("${BUILD_PKGS[@]}")
if [[ "${1:-}" == "--test" ]]; then
  want+=("${TEST_PKGS[@]}")
fi

missing=()
for pkg in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  SUDO="sudo"
fi
echo "mamori: installing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
