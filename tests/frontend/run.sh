#!/usr/bin/env bash
# The front-end matrix: installs the pinned tools and the packed tarball (install.sh), then runs
# the checks of types and packaging (types.mjs), the runtimes (runtimes.mjs) and the apps in
# headless Chromium (run.mjs). README.md says what each covers.
# Usage: tests/frontend/run.sh dist/handoff-kit-X.tgz [node --test-name-pattern]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tarball=$(realpath "$1")
pattern=${2:-}
"$here/install.sh" "$tarball"
cd "$here"
export HANDOFF_TARBALL="$tarball"
export HANDOFF_ARTIFACTS="${HANDOFF_ARTIFACTS:-$here/../artifacts}"
mkdir -p "$HANDOFF_ARTIFACTS"
args=(--test-reporter=spec)
[[ -n $pattern ]] && args+=(--test-name-pattern="$pattern")
node --test --test-concurrency=1 "${args[@]}" types.mjs runtimes.mjs run.mjs
