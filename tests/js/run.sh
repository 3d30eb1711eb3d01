#!/usr/bin/env bash
# Installs the packed tarball into a scratch project, as a user would, and runs the JS tests
# there: tsc --noEmit over the published types, then node:test (ESM, CommonJS, conformance
# suite, and a page in headless Chromium). Usage: tests/js/run.sh dist/handoff-kit-X.tgz
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
tarball=$(realpath "$1")
scratch=$(mktemp -d "${TMPDIR:-/tmp}/handoff-kit-js.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

cd "$scratch"
printf '{ "name": "scratch", "private": true, "type": "module" }\n' > package.json
npm install --no-audit --no-fund --silent "$tarball"
cp "$repo"/tests/js/*.test.mjs "$repo"/tests/js/*.test.cjs "$repo"/tests/js/*.json "$repo"/tests/js/*.ts .
cp -r "$repo/tests/js/page" page

export HANDOFF_REPO="$repo"
export HANDOFF_EXAMPLES="$repo/examples/packets"
export HANDOFF_SUITE="$repo/../shared/json-schema-test-suite"
export HANDOFF_ARTIFACTS="$repo/tests/artifacts"

echo "== tsc --noEmit over the published types (lib ES2022, then ESNext with its own Disposable)"
"$repo/node_modules/.bin/tsc" -p tsconfig.json
"$repo/node_modules/.bin/tsc" -p tsconfig.json --lib ESNext,DOM

echo "== node:test against $(basename "$tarball")"
# --expose-gc reaches every test file (node:test passes its flags on): finalization.test.mjs
# collects garbage to prove dropped objects are freed.
node --expose-gc --test --test-reporter=spec ./*.test.mjs ./*.test.cjs
