#!/usr/bin/env bash
# The front-end matrix: installs the pinned tools (npm ci, only when package-lock.json changed;
# npm's cache serves repeat installs), installs the packed tarball as a user would, then runs
# the checks of types and packaging (types.mjs) and the apps in headless Chromium (run.mjs).
# Usage: tests/frontend/run.sh dist/handoff-kit-X.tgz [node --test-name-pattern]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tarball=$(realpath "$1")
pattern=${2:-}
cd "$here"
stamp=node_modules/.lock-hash
hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$hash" ]]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$hash" > "$stamp"
fi
npm install --no-save --no-audit --no-fund --loglevel=error "$tarball"
export HANDOFF_TARBALL="$tarball"
export HANDOFF_ARTIFACTS="${HANDOFF_ARTIFACTS:-$here/../artifacts}"
mkdir -p "$HANDOFF_ARTIFACTS"
args=(--test-reporter=spec)
[[ -n $pattern ]] && args+=(--test-name-pattern="$pattern")
node --test --test-concurrency=1 "${args[@]}" types.mjs runtimes.mjs run.mjs
