#!/usr/bin/env bash
# Installs the packed npm package into a scratch project and runs demo.mjs there, as a
# front-end developer would. Usage: examples/npm-demo/run.sh dist/handoff-kit-X.tgz
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tarball=$(realpath "$1")
scratch=$(mktemp -d "${TMPDIR:-/tmp}/handoff-kit-demo.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
printf '{ "name": "handoff-kit-demo", "private": true, "type": "module" }\n' > package.json
npm install --no-audit --no-fund --silent "$tarball"
cp "$here/demo.mjs" .
HANDOFF_EXAMPLES="$here/../packets" node demo.mjs
