#!/usr/bin/env bash
# mamori: proves that a backup can be brought back (ASVS 14.1.4;
# docs/operations.md, "Backups").
#
#   scripts/restore-drill.sh BACKUP.db [build/mamori]
#
# Restores a copy of BACKUP.db into a temporary folder (the backup itself is
# never touched) and checks, in order: SQLite's integrity check, the audit
# chain (`mamori audit verify`), and that `mamori serve` starts on the copy,
# migrates it if it is older than the program, and answers /healthz. Prints
# the audit head and the seconds the drill took; exits 1 naming the first step
# that failed. Run it on every backup you intend to rely on, and after each
# upgrade on the newest one.
set -euo pipefail

backup="${1:?usage: scripts/restore-drill.sh BACKUP.db [build/mamori]}"
binary="${2:-$(dirname "$0")/../build/mamori}"
started=$(date +%s%3N)

die() {
	echo "mamori: restore drill FAILED: $*" >&2
	exit 1
}

[[ -r "$backup" ]] || die "cannot read $backup"
[[ -x "$binary" ]] || die "no mamori program at $binary"

work="$(mktemp -d)"
server_pid=""
cleanup() {
	[[ -n "$server_pid" ]] && kill "$server_pid" 2> /dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

restored="$work/mamori.db"
cp -- "$backup" "$restored"

integrity="$(sqlite3 "$restored" 'PRAGMA integrity_check' 2>&1 || true)"
[[ "$integrity" == "ok" ]] || die "integrity check: $integrity"

if ! chain="$("$binary" audit verify --db "$restored" 2> "$work/verify.err")"; then
	die "audit chain: $chain $(cat "$work/verify.err")"
fi
head="$(sed -n 's/.*"head": *"\([0-9a-f]*\)".*/\1/p' <<< "$chain")"

# A random high port on the loopback address (if it is taken, the server says so and the drill stops).
port="$(shuf -i 20000-60999 -n 1)"
"$binary" serve --db "$restored" --listen "127.0.0.1:$port" > "$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
	if curl --silent --max-time 2 "http://127.0.0.1:$port/healthz" 2> /dev/null | grep -q '"ok"'; then
		elapsed=$(($(date +%s%3N) - started))
		echo "mamori: restore drill passed for $backup: integrity ok, audit chain intact (head ${head:-none}), server answered; ${elapsed} ms" >&2
		exit 0
	fi
	kill -0 "$server_pid" 2> /dev/null || die "the server did not start on the copy: $(tail -3 "$work/serve.log")"
	sleep 0.1
done
die "the server on the copy did not answer /healthz within 10 s"
