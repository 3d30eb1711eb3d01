#!/usr/bin/env bash
# The Spark recipe of docs/audit.md, for real (tests/audit/spark.py, local[2]). Exit 77 with a
# loud banner when Java or pyspark is missing: install them with
#   apt-get install openjdk-17-jre-headless && pip install pyspark
set -euo pipefail
cd "$(dirname "$0")/../.."
skip() {
  printf '\n%s\n#  SKIPPED: %s\n#  The Spark recipe test did NOT run.\n%s\n\n' \
    "################################################################################" "$*" \
    "################################################################################" >&2
  exit 77
}
command -v java >/dev/null || skip "java is not installed (apt-get install openjdk-17-jre-headless)"
python3 -c 'import pyspark' 2>/dev/null || skip "pyspark is not installed (pip install pyspark)"
[[ -x target/release/handoff && -x target/release/examples/audit ]] ||
  cargo build --release --bin handoff --example audit
dir=target/e2e/audit
mkdir -p "$dir"
target/release/examples/audit --generate 2000 "$dir/spark-export.ndjson" --bad-every 150
exec python3 tests/audit/spark.py "$dir/spark-export.ndjson"
