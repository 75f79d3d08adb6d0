#!/usr/bin/env bash
# mamori: rebuilds content/common_passwords.txt.
#
# The list has two parts:
#   1. mamori's own entries (keyboard patterns, Japanese-flavoured and product
#      words of 10+ characters), kept between the two markers below;
#   2. the 30,000 passwords of zxcvbn's frequency list (Dropbox, MIT licence),
#      taken from Debian's python3-zxcvbn package so the source is a signed,
#      versioned archive rather than a web page.
# Run it when Debian ships a newer zxcvbn; review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
target=content/common_passwords.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && apt-get download python3-zxcvbn >/dev/null)
dpkg-deb -x "$work"/python3-zxcvbn_*.deb "$work/pkg"
version=$(dpkg-deb -f "$work"/python3-zxcvbn_*.deb Version)

own=$(sed -n '/^# --- mamori entries ---$/,/^# --- zxcvbn entries ---$/p' "$target" | grep -v '^#' || true)
{
	echo "# mamori: passwords that are too common to protect an account (長く・複雑に: long and not guessable)."
	echo "# One password per line, compared case-insensitively; lines starting with # are comments."
	echo "# The length rule (10 characters) already refuses the short entries; they stay so the list"
	echo "# is the published one, whole. Rebuilt by scripts/update-common-passwords.sh."
	echo "# Second part: zxcvbn frequency list \"passwords\" (Copyright 2012-2013 Dropbox, Inc.,"
	echo "# MIT licence), from Debian's python3-zxcvbn ${version}."
	echo "# --- mamori entries ---"
	printf '%s\n' "$own"
	echo "# --- zxcvbn entries ---"
	PYTHONPATH="$work/pkg/usr/lib/python3/dist-packages" python3 -c '
from zxcvbn.frequency_lists import FREQUENCY_LISTS
for word in FREQUENCY_LISTS["passwords"]:
    print(word.lower())'
} > "$work/list.txt"
mv "$work/list.txt" "$target"
echo "$target: $(grep -vc '^#' "$target") entries"
