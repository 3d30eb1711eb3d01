#!/usr/bin/env bash
# Installs the pinned tools (npm ci, only when package-lock.json changed; npm's cache serves
# repeat installs) and the packed tarball, as a user would. Used by run.sh and
# bench/frontend.mjs. Usage: tests/frontend/install.sh dist/handoff-kit-X.tgz
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tarball=$(realpath "$1")
cd "$here"
stamp=node_modules/.lock-hash
hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$hash" ]]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$hash" > "$stamp"
fi
# --no-save: the tarball's hash changes with every build, so it stays out of the lock file.
npm install --no-save --no-audit --no-fund --loglevel=error "$tarball"
