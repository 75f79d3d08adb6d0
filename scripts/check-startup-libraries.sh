#!/usr/bin/env bash
# Checks that the mamori binary does not link the libraries it opens on first use
# (platform/shared_library.hpp): libpq, libcurl, pango/cairo and glib. Linking one again would
# map it, with its own dependencies, before main on every start (issue 11: a cold start within
# 100 ms; the three brought some sixty libraries).
#
#   scripts/check-startup-libraries.sh path/to/mamori
set -euo pipefail

binary="${1:?usage: $0 path/to/mamori}"
needed="$(objdump -p "$binary" | awk '$1 == "NEEDED" { print $2 }')"
status=0
for library in libpq libcurl libpango libpangocairo libcairo libglib libgobject; do
  if grep -q "^$library[.-]" <<<"$needed"; then
    echo "startup libraries: $binary links $library; open it on first use instead (platform/shared_library.hpp)"
    status=1
  fi
done
if [[ $status -eq 0 ]]; then
  echo "startup libraries: $(wc -l <<<"$needed") linked, none of those opened on first use"
fi
exit $status
