#!/usr/bin/env bash
# handoff-kit/ui in headless Chromium (tests/ui/README.md): tsc over its types with the packed
# tarball installed in a scratch project, then the node:test files here against the fixture
# pages, loading dist/npm (what the tarball packs). Screenshots go to target/e2e/ui/.
# Usage: tests/ui/run.sh dist/handoff-kit-X.tgz
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
tarball=$(realpath "$1")
scratch=$(mktemp -d "${TMPDIR:-/tmp}/handoff-kit-ui.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

echo "== tsc --noEmit over handoff-kit/ui's types (installed from $(basename "$tarball"))"
(cd "$scratch" && printf '{ "name": "scratch", "private": true, "type": "module" }\n' > package.json \
  && npm install --no-audit --no-fund --silent "$tarball")
cp "$repo/tests/ui/types-check.ts" "$scratch/"
cat > "$scratch/tsconfig.json" <<'JSON'
{ "compilerOptions": { "strict": true, "noEmit": true, "target": "ES2022", "module": "NodeNext",
  "moduleResolution": "NodeNext", "lib": ["ES2022", "DOM"], "types": [], "skipLibCheck": false },
  "files": ["types-check.ts"] }
JSON
"$repo/node_modules/.bin/tsc" -p "$scratch/tsconfig.json"

echo "== headless Chromium: tests/ui/*.test.mjs"
# The pages load the package from the tarball's own files, unpacked.
tar -xzf "$tarball" -C "$scratch"
cd "$repo"
HANDOFF_NPM_DIR="$scratch/package" node --test --test-concurrency=1 --test-reporter=spec tests/ui/*.test.mjs
