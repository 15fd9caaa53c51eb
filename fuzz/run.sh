#!/usr/bin/env bash
# Fuzzes one of errspec's fuzz targets for a given time and reports executions and coverage.
#
# Usage: fuzz/run.sh [SECONDS] [TARGET]   (default 600 s and `spec`; TARGET is one of spec,
# options, report, diff; needs the nightly toolchain and `cargo install cargo-fuzz`). Findings
# land in fuzz/artifacts/TARGET/; copy each into tests/fixtures/fuzz/ (for `diff`, as the two
# specs it holds), where `cargo test` replays it through every target's checks.
#
#        fuzz/run.sh --seed TARGET DIR   only writes TARGET's starting corpus into DIR (the
#                                        `faults` tests check it holds every fixture)
set -euo pipefail
cd "$(dirname "$0")"

# Start from every spec the project has: the seed, the examples' specs, every fixture spec
# (valid of either format, invalid, with lints) and the past findings, each named by its path
# (two are `errors.yaml`). The diff target reads two specs split at a NUL byte: start it from
# `errspec diff`'s fixture pairs.
seed() {
    local target=$1 dir=$2
    mkdir -p "$dir"
    if [[ $target == diff ]]; then
        for case in ../tests/fixtures/diff/*/; do
            { cat "$case/old.yaml"; printf '\0'; cat "$case/new.yaml"; } >"$dir/$(basename "$case")"
        done
    else
        local spec name
        for spec in ../spec/errors.yaml ../examples/*/errors.yaml \
            ../tests/fixtures/{specs,specs_v2,specs_problem,invalid,lints,fuzz}/*.yaml; do
            name=${spec#../}
            cp "$spec" "$dir/${name//\//__}"
        done
    fi
}

if [[ ${1:-} == --seed ]]; then
    seed "$2" "$3"
    exit
fi
seconds=${1:-600}
target=${2:-spec}
seed "$target" "corpus/$target"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
cargo +nightly fuzz run "$target" "corpus/$target" -- \
    -dict=spec.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 2>&1 | tee "$log" | grep -E "^#[0-9]+.*(pulse|DONE)|^==|ERROR" || true
status=${PIPESTATUS[0]}

echo
echo "fuzzed $target for $seconds s:"
grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb" "$log" || true
grep -E "DONE|cov:" "$log" | tail -1
exit "$status"
