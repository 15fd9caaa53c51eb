#!/usr/bin/env bash
# Measures what errspec costs a crate that uses it from build.rs: the cold build (fresh target
# folder, dependencies already fetched) of a tiny crate whose build-dependency is errspec
# (default-features = false), side by side with the same crate using prost-build instead.
# Runs alternate between the two so that a busy machine slows both alike; prints each run, the
# medians and the ratio.
#
# Usage: benches/compile-cost.sh [RUNS]   (default 5; needs network once, for `cargo fetch`)
set -euo pipefail

runs=${1:-5}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/errspec-compile-cost.XXXXXX)
trap 'rm -rf "$work"' EXIT
prost_version=0.14.6

make_crate() { # name, build-dependency line, build.rs body
    mkdir -p "$work/$1/src"
    printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\n\n[build-dependencies]\n%s\n\n[workspace]\n' \
        "$1" "$2" >"$work/$1/Cargo.toml"
    printf '%s\n' "$3" >"$work/$1/build.rs"
    printf '//! A crate that only has a build script.\n' >"$work/$1/src/lib.rs"
}

make_crate with-errspec "errspec = { path = \"$repo\", default-features = false }" \
    'fn main() {
    errspec::Generator::new("errors.yaml").serde(false).generate().unwrap();
}'
cp "$repo/tests/consumer/errors.yaml" "$work/with-errspec/"
cp "$repo/Cargo.lock" "$work/with-errspec/" # errspec's own pinned versions
make_crate with-prost "prost-build = \"=$prost_version\"" \
    'fn main() {
    let _config = prost_build::Config::new();
}'

for crate in with-errspec with-prost; do
    (cd "$work/$crate" && cargo fetch --quiet)
done

# One cold build: prints "wall user" in seconds.
cold_build() {
    rm -rf "$work/target-$1"
    local start end
    start=$(date +%s.%N)
    (cd "$work/$1" && /usr/bin/time -f "%U" -o "$work/cpu" \
        cargo build --quiet --offline --target-dir "$work/target-$1")
    end=$(date +%s.%N)
    echo "$(echo "$end - $start" | bc -l) $(cat "$work/cpu")"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$work/errspec.times"
: >"$work/prost.times"
echo "run  errspec wall/user (s)  prost-build wall/user (s)"
for i in $(seq "$runs"); do
    e=$(cold_build with-errspec)
    p=$(cold_build with-prost)
    echo "$e" >>"$work/errspec.times"
    echo "$p" >>"$work/prost.times"
    printf '%3d  %8.2f / %-8.2f     %8.2f / %-8.2f\n' "$i" $e $p
done

e_wall=$(cut -d' ' -f1 "$work/errspec.times" | median)
p_wall=$(cut -d' ' -f1 "$work/prost.times" | median)
e_cpu=$(cut -d' ' -f2 "$work/errspec.times" | median)
p_cpu=$(cut -d' ' -f2 "$work/prost.times" | median)
echo
printf 'median cold build, errspec:     %6.2f s wall, %6.2f s user CPU\n' "$e_wall" "$e_cpu"
printf 'median cold build, prost-build: %6.2f s wall, %6.2f s user CPU\n' "$p_wall" "$p_cpu"
printf 'ratio errspec / prost-build:    %6.2f wall, %6.2f user CPU\n' \
    "$(echo "$e_wall / $p_wall" | bc -l)" "$(echo "$e_cpu / $p_cpu" | bc -l)"
echo "(rustc $(rustc --version | cut -d' ' -f2), $(nproc) cores, prost-build $prost_version)"
