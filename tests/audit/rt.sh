#!/usr/bin/env bash
# `handoff import rt` end to end against a real Request Tracker 5 (tests/audit/rt-import.mjs).
# Exit 77 (skipped, loudly) when RT cannot be installed here; see tests/rt/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
[[ -x target/release/handoff ]] || cargo build --release --bin handoff
exec tests/rt/server.sh run -- node tests/audit/rt-import.mjs
