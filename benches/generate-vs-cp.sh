#!/usr/bin/env bash
# Times the whole `errspec generate` process against its floor, `cp` of the same output files
# into a fresh folder, side by side in one run: RUNS alternating runs of each, medians, the
# ratio, and the peak memory (max RSS) of errspec. Repeats it for specs of 11 (the seed), 62
# (every IANA-registered status) and 500 codes (every status from 100 to 599) to show how the
# cost grows. The synthetic specs' titles are not IANA reason phrases, so errspec also finds,
# locates and renders a lint warning per code (on stderr, discarded here): that is part of the cost.
# Then format v2 specs of 500 and 5,000 codes spread over 40 statuses (so about 125 codes
# share each status at 5,000), with the cost per code at each size: it must stay linear.
#
# Usage: benches/generate-vs-cp.sh [RUNS]   (default 31)
set -euo pipefail

runs=${1:-31}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/errspec-generate-vs-cp.XXXXXX)
trap 'rm -rf "$work"' EXIT

cargo build --quiet --release --manifest-path "$repo/Cargo.toml"
errspec="$repo/target/release/errspec"

# A spec with one code per status given on stdin.
spec_with() {
    printf 'version: 1\napi:\n  name: Bench\ncodes:\n'
    while read -r status; do
        printf '  - status: %s\n    title: Status %s\n    description: >-\n      What status %s means, in a sentence or two, as the documentation of an API says it.\n' \
            "$status" "$status" "$status"
    done
}
# A format v2 spec of N codes, over 40 error statuses (400-419 and 500-519).
spec_v2() {
    printf 'version: 2\napi:\n  name: Bench\n  docs: https://docs.example.com/errors#{code}\ncodes:\n'
    for i in $(seq 0 $(($1 - 1))); do
        group=$((i % 40))
        status=$((group < 20 ? 400 + group : 480 + group))
        printf '  - code: error_code_%s\n    status: %s\n    title: Error code %s\n    description: >-\n      What error code %s means, in a sentence or two, as the documentation of an API says it.\n' \
            "$i" "$status" "$i" "$i"
    done
}
cp "$repo/spec/errors.yaml" "$work/seed.yaml"
printf '%s\n' 100 101 102 103 104 200 201 202 203 204 205 206 207 208 226 300 301 302 303 304 305 \
    307 308 400 401 402 403 404 405 406 407 408 409 410 411 412 413 414 415 416 417 421 422 423 \
    424 425 426 428 429 431 451 500 501 502 503 504 505 506 507 508 510 511 | spec_with >"$work/registry.yaml"
seq 100 599 | spec_with >"$work/all.yaml"
spec_v2 500 >"$work/v2-500.yaml"
spec_v2 5000 >"$work/v2-5000.yaml"

now() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '%-10s %6s %12s %12s %7s %14s %12s\n' spec codes "generate" "cp (floor)" ratio "errspec RSS" "per code"
for spec in seed registry all v2-500 v2-5000; do
    codes=$(grep -c '^  - \(status\|code\):' "$work/$spec.yaml")
    reference="$work/$spec-reference"
    "$errspec" generate --spec "$work/$spec.yaml" --out "$reference" 2>/dev/null
    : >"$work/generate.ns"
    : >"$work/cp.ns"
    for i in $(seq "$runs"); do
        start=$(now)
        "$errspec" generate --spec "$work/$spec.yaml" --out "$work/out-g-$i" 2>/dev/null
        echo $(($(now) - start)) >>"$work/generate.ns"
        start=$(now)
        cp -r "$reference" "$work/out-c-$i"
        echo $(($(now) - start)) >>"$work/cp.ns"
        rm -rf "$work/out-g-$i" "$work/out-c-$i"
    done
    rss=$(/usr/bin/time -f %M "$errspec" generate --spec "$work/$spec.yaml" --out "$work/out-rss" 2>&1 >/dev/null | tail -1)
    g=$(median <"$work/generate.ns")
    c=$(median <"$work/cp.ns")
    printf '%-10s %6d %9.2f ms %9.2f ms %6.2fx %11d KiB %9.1f µs\n' "$spec" "$codes" \
        "$(echo "$g / 1000000" | bc -l)" "$(echo "$c / 1000000" | bc -l)" "$(echo "$g / $c" | bc -l)" "$rss" \
        "$(echo "($g - $c) / 1000 / $codes" | bc -l)"
done
echo "(medians of $runs runs each, alternating; per code: generate less cp, over the codes;"
echo " $(nproc) cores; $(uname -sr))"
