#!/usr/bin/env bash
# The extension's tests (tests/extension/README.md): web-ext lint of the Firefox build (0 errors),
# the unit tests of the adapters and bundle checks, the fixture pages and bundle updates in
# headless Chromium, and the end-to-end run in a real Request Tracker 5 (tests/rt/server.sh;
# skipped LOUDLY, never silently passed, when RT cannot be installed).
# Usage: tests/extension/run.sh [node --test-name-pattern]
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$PATH"
pattern=${1:-}
args=(--test-reporter=spec --test-concurrency=1)
[[ -n $pattern ]] && args+=(--test-name-pattern="$pattern")
[[ -f dist/extension/chromium/manifest.json ]] || { echo "[test-extension] dist/extension is not built: run make build" >&2; exit 1; }

echo "== web-ext lint (Firefox build)"
web-ext lint --source-dir dist/extension/firefox --no-config-discovery --output json >target/web-ext-lint.json 2>/dev/null || true
node -e '
const r = JSON.parse(require("fs").readFileSync("target/web-ext-lint.json", "utf8"));
for (const k of ["errors", "warnings", "notices"]) for (const m of r[k]) console.log(`  ${k.slice(0, -1)} ${m.code} ${m.file ?? ""}: ${m.message}`);
console.log(`  ${r.summary.errors} errors, ${r.summary.warnings} warnings, ${r.summary.notices} notices`);
process.exit(r.summary.errors ? 1 : 0);
'

echo "== unit tests, fixture pages, bundle updates"
node --test "${args[@]}" tests/extension/unit.test.mjs tests/extension/fixtures.test.mjs tests/extension/bundle.test.mjs \
  tests/extension/org-adapter.test.mjs tests/extension/managed.test.mjs \
  tests/extension/hosts.test.mjs

echo "== Request Tracker 5, end to end"
status=0
tests/rt/server.sh run -- node --test "${args[@]}" tests/extension/rt.test.mjs || status=$?
if [[ $status == 77 ]]; then
  echo "[test-extension] SKIPPED the Request Tracker end-to-end test (see the banner above)" >&2
  exit 0
fi
exit "$status"
