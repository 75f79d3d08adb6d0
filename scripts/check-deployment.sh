#!/usr/bin/env bash
# mamori: checks a running mamori the way a browser meets it (ASVS 1.14.4;
# docs/operations.md, "After each deployment").
#
#   scripts/check-deployment.sh https://mamori.example.jp
#   scripts/check-deployment.sh --behind-tls http://127.0.0.1:8080   the instance behind the proxy
#
# An https:// address (or --behind-tls) must carry what --public-url https://…
# turns on: HSTS for at least half a year and cookies that are Secure with the
# __Host- prefix. Every address must carry the security headers, no-store on
# pages, and HttpOnly + SameSite on every cookie. For an https:// address the
# plain http:// one must redirect to https. Prints one line per failed check
# and exits 1 when any failed, 0 when all passed.
set -euo pipefail

behind_tls=0
if [[ "${1:-}" == "--behind-tls" ]]; then
	behind_tls=1
	shift
fi
base="${1:?usage: scripts/check-deployment.sh [--behind-tls] URL}"
base="${base%/}"
if [[ "$base" == https://* ]]; then
	behind_tls=1
fi

failures=0
fail() {
	echo "mamori: deployment check FAILED: $*" >&2
	failures=$((failures + 1))
}

# Headers of one GET (the last response only; no redirects followed).
headers_of() {
	curl --silent --show-error --max-time 15 --output /dev/null --dump-header - "$base$1" | tr -d '\r'
}
header() { # header NAME < headers
	{ grep -i "^$1:" || true; } | head -1 | cut -d: -f2- | sed 's/^ *//'
}

if ! health="$(headers_of /healthz)"; then
	echo "mamori: deployment check FAILED: $base/healthz does not answer" >&2
	exit 1
fi
grep -q "^HTTP/[0-9.]* 200" <<< "$health" || fail "/healthz does not answer 200"

login="$(headers_of /login)"
csp="$(header Content-Security-Policy <<< "$login")"
[[ "$csp" == *"default-src 'self'"* ]] || fail "Content-Security-Policy lacks default-src 'self' (got: ${csp:-none})"
[[ "$csp" == *"frame-ancestors 'none'"* ]] || fail "Content-Security-Policy lacks frame-ancestors 'none'"
[[ "$(header X-Content-Type-Options <<< "$login")" == nosniff ]] || fail "X-Content-Type-Options is not nosniff"
[[ "$(header Cache-Control <<< "$login")" == *no-store* ]] || fail "pages are not Cache-Control: no-store"
[[ -n "$(header Referrer-Policy <<< "$login")" ]] || fail "no Referrer-Policy"
server="$(header Server <<< "$login")"
if [[ "$server" =~ [0-9]\.[0-9] ]]; then
	fail "the Server header names a version ($server)"
fi

cookies="$(grep -i '^Set-Cookie:' <<< "$login" || true)"
[[ -n "$cookies" ]] || fail "/login sets no cookie (expected the pre-session CSRF cookie)"
while read -r cookie; do
	[[ -z "$cookie" ]] && continue
	name="$(sed 's/^[Ss]et-[Cc]ookie: *//; s/=.*//' <<< "$cookie")"
	grep -qi 'SameSite=' <<< "$cookie" || fail "cookie $name has no SameSite"
	# The language cookie holds only "ja"/"en" and is read by nothing but the server; the others hold tokens.
	if [[ "$name" != *lang* ]]; then
		grep -qi 'HttpOnly' <<< "$cookie" || fail "cookie $name is not HttpOnly"
	fi
	if [[ $behind_tls -eq 1 ]]; then
		grep -qi '; *Secure' <<< "$cookie" || fail "cookie $name is not Secure (start mamori with --public-url https://…)"
		[[ "$name" == __Host-* ]] || fail "cookie $name lacks the __Host- prefix"
	fi
done <<< "$cookies"

if [[ $behind_tls -eq 1 ]]; then
	hsts="$(header Strict-Transport-Security <<< "$login")"
	age="$(sed -n 's/.*max-age=\([0-9]*\).*/\1/p' <<< "$hsts")"
	if [[ -z "$age" || "$age" -lt 15552000 ]]; then
		fail "Strict-Transport-Security is missing or shorter than 180 days (got: ${hsts:-none})"
	fi
fi

if [[ "$base" == https://* ]]; then
	plain="http://${base#https://}"
	location="$(curl --silent --max-time 15 --output /dev/null --write-out '%{redirect_url}' "$plain/login" || true)"
	[[ "$location" == https://* ]] || fail "$plain does not redirect to https (got: ${location:-no redirect})"
fi

if [[ $failures -gt 0 ]]; then
	echo "mamori: deployment check: $failures problem(s) at $base" >&2
	exit 1
fi
echo "mamori: deployment check passed at $base" >&2
