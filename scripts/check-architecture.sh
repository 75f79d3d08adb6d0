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
  # One pass over the characters, so "/*" inside a string is not a comment
  # and "//" inside a comment is not code.
  my $line = $_; my $code = ""; my $in_string = 0;
  for (my $i = 0; $i < length($line); $i++) {
    my $c = substr($line, $i, 1); my $next = substr($line, $i + 1, 1);
    if ($in_block) { if ($c eq "*" && $next eq "/") { $in_block = 0; $i++ } next }
    if ($in_string) {
      if ($c eq "\\") { $code .= substr($line, $i, 2); $i++; next }
      $in_string = 0 if $c eq "\"";
      $code .= $c; next;
    }
    last if $c eq "/" && $next eq "/";
    if ($c eq "/" && $next eq "*") { $in_block = 1; $i++; next }
    $in_string = 1 if $c eq "\"";
    $code .= $c;
  }
  while ($code =~ /"((?:[^"\\]|\\.)*)"/g) {
    my $literal = $1;
    if ($literal =~ /[\x{3000}-\x{30FF}\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{FF01}-\x{FF5E}\x{FF61}-\x{FF9F}]/) {
      print "$ARGV:$.: $literal\n"; last;
    }
  }
  if (eof) { close ARGV; $in_block = 0 }
' || true)
# User-facing text lives in content/messages/ (issue 7): a Japanese string
# literal in src/ is a message that skipped the catalog, so none is allowed.
count=0
if [[ -n "$japanese" ]]; then
  count=$(printf '%s\n' "$japanese" | wc -l)
  if [[ "${MAMORI_ARCH_VERBOSE:-}" == 1 ]]; then printf '%s\n' "$japanese"; fi
fi
if (( count > 0 )); then
  echo "architecture: $count lines in src/ hold Japanese string literals; move the text to content/messages/ (MAMORI_ARCH_VERBOSE=1 lists them)"
  status=1
else
  echo "architecture: no Japanese string literals in src/"
fi
exit $status
