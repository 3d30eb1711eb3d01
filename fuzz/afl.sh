#!/usr/bin/env bash
# The coverage-guided part of `make fuzz`: AFL++ through cargo-afl (stable toolchain), each
# target for SECONDS (default 60), from the corpus seeds (tests/fuzz, exported by the seeded
# fuzzer). Crashes and hangs (a run over 1 s) fail the run; their inputs stay in
# target/fuzz/afl/<target>/default/{crashes,hangs}/ and are replayed through the seeded
# fuzzer's --input to show the call and its time. Usage: fuzz/afl.sh [SECONDS] [TARGET...]
# Needs target/release/examples/fuzz (make fuzz builds it first).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(packet note-text note-markdown note-html sla schema)
seeded="$repo/target/release/examples/fuzz"
out="$repo/target/fuzz/afl"

skip() {
  echo "fuzz/afl.sh: AFL++ skipped: $1"
  exit 0
}

if ! command -v cargo-afl >/dev/null 2>&1; then
  echo "== installing cargo-afl (once)"
  cargo install cargo-afl --locked || skip "cargo install cargo-afl failed"
fi
# Builds AFL++'s runtime on first use; says so (and fails) when it is already built.
cargo afl config --build >/dev/null 2>&1 || true

echo "== building the AFL++ harness (fuzz/afl.rs, instrumented, its own target dir)"
(cd "$repo/fuzz" && CARGO_TARGET_DIR="$repo/target/afl" cargo afl build --release) \
  || skip "cargo afl build failed"
harness="$repo/target/afl/release/handoff-afl"

rm -rf "$repo/target/fuzz/afl-in"
"$seeded" --export-seeds "$repo/target/fuzz/afl-in"

dictionaries=$(dirname "$(command -v afl-fuzz 2>/dev/null || echo /nonexistent)")/../share/afl/dictionaries
[ -d "$dictionaries" ] || dictionaries="$HOME/.local/share/afl.rs/AFLplusplus/dictionaries"

export AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_QUIET=1
findings=0
table=()
for target in "${targets[@]}"; do
  dict=()
  case "$target" in
    note-html) [ -f "$dictionaries/html_tags.dict" ] && dict=(-x "$dictionaries/html_tags.dict") ;;
    packet | sla) [ -f "$dictionaries/json.dict" ] && dict=(-x "$dictionaries/json.dict") ;;
    schema) [ -f "$dictionaries/jsonschema.dict" ] && dict=(-x "$dictionaries/jsonschema.dict") ;;
  esac
  rm -rf "${out:?}/$target"
  mkdir -p "$out/$target"
  echo "== AFL++ on $target for $seconds s"
  HANDOFF_FUZZ_TARGET=$target cargo afl fuzz -V "$seconds" -t 1000 -m none "${dict[@]}" \
    -i "$repo/target/fuzz/afl-in/$target" -o "$out/$target" "$harness" \
    > "$out/$target.log" 2>&1 || { tail -20 "$out/$target.log"; skip "afl-fuzz did not run on $target (log: $out/$target.log)"; }
  stats="$out/$target/default/fuzzer_stats"
  value() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
  crashes=$(find "$out/$target/default/crashes" -type f -name 'id:*' | wc -l)
  hangs=$(find "$out/$target/default/hangs" -type f -name 'id:*' | wc -l)
  runtime=$(value run_time)
  execs=$(value execs_done)
  per_min=$(( execs * 60 / (runtime > 0 ? runtime : 1) ))
  table+=("| $target | $execs | $per_min | $(value corpus_count) | $(value bitmap_cvg) | $crashes | $hangs |")
  for kind in crashes hangs; do
    for input in "$out/$target/default/$kind"/id:*; do
      [ -e "$input" ] || continue
      findings=$((findings + 1))
      echo "AFL++ $kind in $target: $input"
      "$seeded" --target "$target" --input "$input" || true
    done
  done
done

echo
echo "| target (AFL++) | executions | per minute | corpus | coverage (bitmap) | crashes | hangs (> 1 s) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${table[@]}"
if [ "$findings" -gt 0 ]; then
  echo "fuzz/afl.sh: $findings finding(s)"
  exit 1
fi
echo "fuzz/afl.sh: no crash, no hang"
