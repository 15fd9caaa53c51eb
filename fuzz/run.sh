#!/usr/bin/env bash
# Fuzzes errspec's pipeline for a given time and reports executions and coverage.
#
# Usage: fuzz/run.sh [SECONDS]   (default 600; needs the nightly toolchain and `cargo install
# cargo-fuzz`). Findings land in fuzz/artifacts/spec/; copy each into tests/fixtures/fuzz/,
# where `cargo test` keeps them as regression cases.
set -euo pipefail
seconds=${1:-600}
cd "$(dirname "$0")"

# Start from every spec the project has: the seed, the fixtures, the past findings.
mkdir -p corpus/spec
cp ../spec/errors.yaml ../tests/fixtures/specs/*.yaml ../tests/fixtures/invalid/*.yaml corpus/spec/
cp ../tests/fixtures/fuzz/*.yaml corpus/spec/ 2>/dev/null || true

log=$(mktemp)
trap 'rm -f "$log"' EXIT
cargo +nightly fuzz run spec corpus/spec -- \
    -dict=spec.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 2>&1 | tee "$log" | grep -E "^#[0-9]+.*(pulse|DONE)|^==|ERROR" || true
status=${PIPESTATUS[0]}

echo
echo "fuzzed for $seconds s:"
grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb" "$log" || true
grep -E "DONE|cov:" "$log" | tail -1
exit "$status"
