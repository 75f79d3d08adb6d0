#!/usr/bin/env bash
# mamori: warns about outdated or vulnerable components (ASVS 1.14.3, 14.2.1).
#
#   scripts/check-dependencies.sh [--strict] [build/mamori]
#
# Reads the bill of materials (scripts/sbom.sh: every build package and the
# package of every library the binary loads) and, for each package:
#   - compares the installed version with the candidate apt knows of (as fresh
#     as the last `apt-get update`; one `apt list --upgradable`): a newer
#     candidate is "outdated", and "security" when it comes from the Debian
#     security archive;
#   - when `debsecan` is installed and the security tracker answers, lists the
#     packages with a vulnerability Debian has already fixed.
# Prints one line per finding on standard error and a summary line. Without
# --strict it always exits 0, so ./test.sh shows the warnings without failing
# a run for an update Debian published an hour ago; with --strict any
# security finding exits 1 (for a release check or a deployment gate).
set -euo pipefail
cd "$(dirname "$0")/.."

strict=0
if [[ "${1:-}" == "--strict" ]]; then
	strict=1
	shift
fi
binary="${1:-build/mamori}"

sbom="$(mktemp)"
trap 'rm -f "$sbom"' EXIT
bash scripts/sbom.sh "$binary" | tail -n +2 | cut -d, -f1,2 | sort -u > "$sbom"

checked=$(grep -cv ",not installed$" "$sbom" || true)
outdated=0
security=0
# One `apt list --upgradable` answers for every package at once:
#   "libssl3/oldstable-security 3.0.22-1~deb12u2 amd64 [upgradable from: 3.0.19-1~deb12u2]"
while read -r line; do
	package="${line%%/*}"
	grep -q "^${package}," "$sbom" || continue
	suite="$(echo "$line" | awk '{print $1}')"
	candidate="$(echo "$line" | awk '{print $2}')"
	installed="$(echo "$line" | sed -n 's/.*upgradable from: \([^]]*\)\].*/\1/p')"
	if [[ "$suite" == *security* ]]; then
		echo "mamori: SECURITY UPDATE $package $installed -> $candidate" >&2
		security=$((security + 1))
	else
		echo "mamori: outdated $package $installed -> $candidate" >&2
		outdated=$((outdated + 1))
	fi
done < <(apt list --upgradable 2> /dev/null | grep "upgradable from")

tracker="not run (debsecan is not installed)"
if command -v debsecan > /dev/null 2>&1; then
	if fixed="$(timeout 15 debsecan --suite bookworm --only-fixed --format packages 2> /dev/null)"; then
		tracker="checked"
		while read -r package; do
			[[ -z "$package" ]] && continue
			if cut -d, -f1 "$sbom" | grep -qx "$package"; then
				echo "mamori: VULNERABLE $package (Debian has a fix: apt-get install --only-upgrade $package)" >&2
				security=$((security + 1))
			fi
		done <<< "$fixed"
	else
		tracker="not reachable (offline?)"
	fi
fi

echo "mamori: dependency check: $checked packages, $outdated outdated, $security with security fixes; security tracker: $tracker" >&2
if [[ $strict -eq 1 && $security -gt 0 ]]; then
	exit 1
fi
exit 0
