# Handoff Kit. The two commands of the README:
#   make demo   install what is missing, build everything, run the CLI and the npm package
#   make test   install what is missing, build, run every test
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

VERSION := $(shell awk -F'"' '/^version = / { print $$2; exit }' Cargo.toml)
WASM := target/wasm32-unknown-unknown/wasm/handoff_kit.wasm
# handoff-kit/audit's .wasm: the same core with the cargo feature `wasm-audit`, in its own target
# folder (a cdylib's file name has no hash, so two feature sets in one folder would overwrite
# each other's .wasm and cargo would not notice).
AUDIT_TARGET := target/audit
AUDIT_WASM := $(AUDIT_TARGET)/wasm32-unknown-unknown/wasm/handoff_kit.wasm
TARBALL := dist/handoff-kit-$(VERSION).tgz
CHROMIUM_FLAGS := --headless=new --no-sandbox --disable-gpu --disable-background-networking

.PHONY: www serve-www test-www
.PHONY: setup build cli npm demo test lint test-rust test-fuzz test-wasm test-js test-frontend test-ui test-audit bench fuzz clean
.PHONY: extension test-extension

setup:
	@.ci/setup

build: setup cli npm extension www

cli:
	cargo build --release --bin handoff

npm:
	cargo build --profile wasm --lib --target wasm32-unknown-unknown
	cargo build --profile wasm --lib --target wasm32-unknown-unknown --features wasm-audit --target-dir $(AUDIT_TARGET)
	.ci/package $(WASM) $(AUDIT_WASM)

# The browser extension from pkg-templates/extension and dist/npm (docs/extension.md):
# dist/extension/{chromium,firefox}/ and dist/handoff-kit-extension-$(VERSION)-{chromium,firefox}.zip.
extension:
	.ci/extension

# The web page (www/: playground, SLA calculator, schema studio, audit) into dist/www, against
# dist/npm. `make serve-www` serves it on 127.0.0.1 (PORT, default 8080) until Ctrl+C.
www:
	.ci/www

serve-www:
	node www/serve.mjs dist/www

demo: build
	@echo; echo "== handoff check examples/packets/*.json"
	@target/release/handoff check examples/packets/*.json \
	  || echo "(handoff exited with status $$?: some example packets are bad on purpose)"
	@echo "== the npm package, installed from $(TARBALL) into a scratch project"
	examples/npm-demo/run.sh $(TARBALL)
	@# From a terminal the demo ends by serving the web page until Ctrl+C; SERVE=0 skips that,
	@# SERVE=1 serves even without a terminal.
	@if [ "$${SERVE:-auto}" = 1 ] || { [ "$${SERVE:-auto}" = auto ] && [ -t 1 ]; }; then \
	  echo "== the web page (dist/www), on 127.0.0.1 until Ctrl+C"; node www/serve.mjs dist/www; \
	else echo "== the web page is built in dist/www: \`make serve-www\` serves it on 127.0.0.1"; fi

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown --features wasm-audit -- -D warnings

test-rust:
	cargo test

# CI's short fixed-seed fuzz run (tests/fuzz/README.md): every target for 17 s and at most
# 3,000 inputs (a prefix of seed 1's inputs, whatever the machine's speed), with the
# unoptimised build `cargo test` already made (overflow checks on); a panic, an error of kind
# internal, a call over 10 s (an unoptimised build is 5-20x slower than release) or an input
# over 256 MB of heap fails it.
test-fuzz:
	cargo build --example fuzz
	target/debug/examples/fuzz --seed 1 --seconds 17 --inputs 3000 --max-ms 10000

# The wasm facade in Node and in headless Chromium (wasm-bindgen-test).
test-wasm:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target wasm32-unknown-unknown --test wasm
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
	WASM_BINDGEN_TEST_TIMEOUT=120 \
	  cargo test --target wasm32-unknown-unknown --test wasm

# The packed tarball, installed into a scratch project: node:test (ESM and CommonJS),
# tsc --noEmit over the types, the JSON-Schema-Test-Suite, and a page in headless Chromium.
test-js:
	tests/js/run.sh $(TARBALL)

# The packed tarball in every tool a front-end developer uses (tests/frontend/README.md): an app
# per bundler and framework in headless Chromium, runtimes from npm, tsc, attw and publint.
test-frontend:
	tests/frontend/run.sh $(TARBALL)

# `handoff audit` end to end (docs/audit.md): the HTML report in headless Chromium (charts drawn,
# nothing loaded; screenshot in target/e2e/audit/), `handoff import rt` against a real Request
# Tracker 5, and the Spark recipe (RDD.pipe, local[2]). Both install what they need where it is
# missing (RT 5 and OpenJDK 17 with apt-get, pyspark with pip into target/spark-venv); they exit
# 77 with a loud SKIPPED banner only when that install is impossible; 77 is not a failure here.
test-audit:
	cargo build --release --bin handoff --example audit
	node tests/audit/html.mjs
	tests/audit/rt.sh || [ $$? -eq 77 ]
	tests/audit/spark.sh || [ $$? -eq 77 ]

# handoff-kit/ui in headless Chromium (tests/ui/): a textarea, a contenteditable, an iframe
# editor and CKEditor 5; types with tsc; axe-core on the panel. Screenshots in target/e2e/ui/.
test-ui:
	tests/ui/run.sh $(TARBALL)

# The extension in headless Chromium: web-ext lint, adapters on fixture pages, bundle updates,
# and end to end in a real Request Tracker 5 (tests/extension/README.md).
test-extension:
	tests/extension/run.sh

# The web page in headless Chromium against dist/www on 127.0.0.1 (tests/www/README.md).
test-www:
	node --test --test-concurrency=1 tests/www/*.test.mjs

test: build lint test-rust test-fuzz test-wasm test-js test-frontend test-ui test-extension test-www test-audit

# Speed against ajv, .wasm size (raw, gzip, brotli) and cold start in headless Chromium and in
# Node, side by side in one run; then native scaling (time at n and 8n of each growing input)
# and throughput next to serde_json (bench/README.md, "Scaling and throughput"); the score's
# agreement with a reviewer's labels; `handoff audit` throughput next to serde_json parse-only and
# a 1 GB input's peak RSS (bench/audit.rs); what each front-end build ships and its first report;
# a 100 MB export audited on the web page (worker, main-thread tasks) next to the CLI.
bench: build
	node bench/run.mjs
	cargo run --release --example scaling
	node bench/scaling-npm.mjs
	cargo run --release --example calibration
	cargo run --release --example audit
	node bench/frontend.mjs --json bench/results/frontend.json
	node bench/ui.mjs --json bench/results/ui.json
	node bench/extension.mjs --json bench/results/extension.json
	node bench/www.mjs
	node bench/audit-web.mjs

# The fuzzers (tests/fuzz/README.md): the seeded structure-aware one in release, FUZZ_SECONDS
# per target (a call over 1 s is a finding), then AFL++ (coverage-guided, cargo-afl) for
# AFL_SECONDS per target. Findings go to target/fuzz/.
FUZZ_SEED ?= 1
FUZZ_SECONDS ?= 60
AFL_SECONDS ?= 60
fuzz:
	cargo build --release --example fuzz
	target/release/examples/fuzz --seed $(FUZZ_SEED) --seconds $(FUZZ_SECONDS)
	fuzz/afl.sh $(AFL_SECONDS)

clean:
	cargo clean
	rm -rf dist
