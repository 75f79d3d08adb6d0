#!/usr/bin/env bash
# Enforces the architecture (issue 7):
#  1. every #include "x/..." in src/<lib>/ follows an arrow of docs/layers.txt;
#  2. no Japanese string literal in src/ (user-facing text lives in
#     content/messages/, guideline content in content/editions/). Comments
#     may quote the guideline.
# Exit status 1 with one line per violation.
set -euo pipefail
cd "$(dirname "$0")/.."

status=0
declare -A allowed
while IFS= read -r line; do
  line="${line%%#*}"
  [[ "$line" =~ ^[[:space:]]*$ ]] && continue
  lib="${line%%:*}"
  allowed["$lib"]=" $lib ${line#*:} "
done < docs/layers.txt

for dir in src/*/; do
  lib="$(basename "$dir")"
  if [[ -z "${allowed[$lib]+x}" ]]; then
    echo "architecture: src/$lib is not listed in docs/layers.txt"
    status=1
    continue
  fi
  while IFS=: read -r file lineno target; do
    if [[ "${allowed[$lib]}" != *" $target "* ]]; then
      echo "architecture: $file:$lineno includes $target/, but $lib may use only:${allowed[$lib]}"
      status=1
    fi
  done < <(grep -rnoE '^#include "[a-z_]+/' "$dir" | sed -E 's/#include "([a-z_]+)\//\1/')
done

# Japanese inside string literals, with comments removed first (perl is part of
# every Debian system).
japanese=$(find src -name '*.cpp' -o -name '*.hpp' | sort | xargs perl -CSD -ne '
  BEGIN { $in_block = 0 }
  my $line = $_;
  if ($in_block) { if ($line =~ s{^.*?\*/}{}) { $in_block = 0 } else { next } }
  $line =~ s{/\*.*?\*/}{}g;
  if ($line =~ s{/\*.*$}{}) { $in_block = 1 }
  # Drop // comments that are not inside a string literal.
  my $code = ""; my $in_string = 0;
  for (my $i = 0; $i < length($line); $i++) {
    my $c = substr($line, $i, 1);
    if (!$in_string && $c eq "/" && substr($line, $i + 1, 1) eq "/") { last }
    if ($c eq "\\" && $in_string) { $code .= substr($line, $i, 2); $i++; next }
    if ($c eq "\"") { $in_string = !$in_string }
    $code .= $c;
  }
  while ($code =~ /"((?:[^"\\]|\\.)*)"/g) {
    my $literal = $1;
    if ($literal =~ /[\x{3000}-\x{30FF}\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{FF01}-\x{FF5E}\x{FF61}-\x{FF9F}]/) {
      print "$ARGV:$.: $literal\n"; last;
    }
  }
  close ARGV if eof;
' || true)
if [[ -n "$japanese" ]]; then
  count=$(printf '%s\n' "$japanese" | wc -l)
  if [[ "${MAMORI_ARCH_VERBOSE:-}" == 1 ]]; then printf '%s\n' "$japanese"; fi
  echo "architecture: $count lines in src/ hold Japanese string literals (MAMORI_ARCH_VERBOSE=1 lists them)"
  status=1
fi
exit $status
