#!/usr/bin/env bash
# The Spark recipe of docs/audit.md, for real (tests/audit/spark.py, local[2]). Installs what is
# missing, as the rest of the test command does: Debian's openjdk-17-jre-headless (apt-get) and
# pyspark (pip, into target/spark-venv when the Python in use has none). Exit 77 with a loud
# banner only when they cannot be installed (no apt-get, no root or password-less sudo, no
# registry).
set -euo pipefail
cd "$(dirname "$0")/../.."
skip() {
  printf '\n%s\n#  SKIPPED: %s\n#  The Spark recipe test did NOT run.\n%s\n\n' \
    "################################################################################" "$*" \
    "################################################################################" >&2
  exit 77
}
log() { echo "[spark] $*" >&2; }
apt_install() {
  command -v apt-get >/dev/null || return 1
  local sudo=""
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null && sudo -n true 2>/dev/null || return 1
    sudo="sudo -n"
  fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@"
}
if ! command -v java >/dev/null; then
  log "installing openjdk-17-jre-headless (apt-get)"
  apt_install openjdk-17-jre-headless >&2 || skip "java is missing and apt-get install openjdk-17-jre-headless failed"
fi
python=python3
if ! python3 -c 'import pyspark' 2>/dev/null; then
  venv=target/spark-venv
  if ! "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
    log "installing pyspark into $venv (pip)"
    python3 -m venv "$venv" 2>/dev/null || { apt_install python3-venv >&2 && python3 -m venv "$venv"; } ||
      skip "pyspark is missing and no virtual environment could be made (python3-venv)"
    "$venv/bin/pip" install -q pyspark >&2 || skip "pip install pyspark failed"
  fi
  python="$venv/bin/python"
fi
[[ -x target/release/handoff && -x target/release/examples/audit ]] ||
  cargo build --release --bin handoff --example audit
# Spark binds its driver to 127.0.0.1 only (test servers here never listen elsewhere).
export SPARK_LOCAL_IP=127.0.0.1
dir=target/e2e/audit
mkdir -p "$dir"
target/release/examples/audit --generate 2000 "$dir/spark-export.ndjson" --bad-every 150
exec "$python" tests/audit/spark.py "$dir/spark-export.ndjson"
