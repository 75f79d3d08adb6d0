#!/usr/bin/env bash
# mamori: the software bill of materials as CSV on standard output (docs/operations.md):
#   - "build": every Debian package scripts/install-deps.sh installs to build mamori;
#   - "runtime": the Debian package of every shared library build/mamori loads.
# Each with the version installed on this machine, so `debsecan` or a review can check them.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-build/mamori}
row() {
	dpkg-query -W -f="\${Package},\${Version},\${Architecture},$2\n" "$1" 2>/dev/null || echo "$1,not installed,,$2"
}
echo "package,version,architecture,use"
for package in $(bash scripts/install-deps.sh --list); do
	row "$package" build
done
if [[ -x "$binary" ]]; then
	# Debian 12 merged /lib into /usr/lib, and dpkg knows each file under one of the two names.
	ldd "$binary" | awk '/=> \// {print $3}' | while read -r library; do
		real=$(readlink -f "$library")
		for candidate in "$library" "$real" "${real#/usr}" "/usr$library"; do
			if owner=$(dpkg -S "$candidate" 2>/dev/null); then
				echo "${owner%%:*}"
				break
			fi
		done
	done | sort -u | while read -r package; do
		row "$package" runtime
	done
fi
