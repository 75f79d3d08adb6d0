#!/usr/bin/env bash
# Replaces the vendored Digital Agency design tokens with the given npm version.
set -euo pipefail
version="${1:?usage: scripts/update-design-tokens.sh VERSION}"
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "@digital-go-jp/design-tokens@${version}" >/dev/null && tar xzf ./*.tgz)
rm -f "$here"/web/static/vendor/design-tokens-*.css
cp "$work/package/dist/tokens.css" "$here/web/static/vendor/design-tokens-${version}.css"
echo "updated to ${version}; update web/templates/layout.mustache and web/static/vendor/README.md"
