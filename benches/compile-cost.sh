#!/usr/bin/env bash
# Measures what errspec costs a crate that uses it from build.rs: the cold build (fresh target
# folder, dependencies already fetched) of a tiny crate whose build-dependency is errspec
# (default-features = false), side by side with the same crate using prost-build instead.
# Runs alternate between them so that a busy machine slows all alike; prints each run, the
# medians and the ratio. A third crate builds only the dependencies errspec cannot drop (askama,
# heck, libyaml-rs, unicode-width, with errspec's features) and no errspec code: the floor the
# chosen stack sets.
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
make_crate stack-only 'askama = { version = "0.16", default-features = false, features = ["derive", "std"] }
heck = "0.5"
libyaml-rs = "0.3"
unicode-width = { version = "0.2", default-features = false }' 'fn main() {}'
cp "$repo/Cargo.lock" "$work/stack-only/"
make_crate with-prost "prost-build = \"=$prost_version\"" \
    'fn main() {
    let _config = prost_build::Config::new();
}'

for crate in with-errspec stack-only with-prost; do
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
: >"$work/stack.times"
: >"$work/prost.times"
echo "run  errspec wall/user (s)  stack only wall/user (s)  prost-build wall/user (s)"
for i in $(seq "$runs"); do
    e=$(cold_build with-errspec)
    f=$(cold_build stack-only)
    p=$(cold_build with-prost)
    echo "$e" >>"$work/errspec.times"
    echo "$f" >>"$work/stack.times"
    echo "$p" >>"$work/prost.times"
    printf '%3d  %8.2f / %-8.2f     %8.2f / %-8.2f        %8.2f / %-8.2f\n' "$i" $e $f $p
done

e_wall=$(cut -d' ' -f1 "$work/errspec.times" | median)
p_wall=$(cut -d' ' -f1 "$work/prost.times" | median)
e_cpu=$(cut -d' ' -f2 "$work/errspec.times" | median)
p_cpu=$(cut -d' ' -f2 "$work/prost.times" | median)
f_wall=$(cut -d' ' -f1 "$work/stack.times" | median)
f_cpu=$(cut -d' ' -f2 "$work/stack.times" | median)
echo
printf 'median cold build, errspec:     %6.2f s wall, %6.2f s user CPU\n' "$e_wall" "$e_cpu"
printf 'median cold build, stack only:  %6.2f s wall, %6.2f s user CPU\n' "$f_wall" "$f_cpu"
printf 'median cold build, prost-build: %6.2f s wall, %6.2f s user CPU\n' "$p_wall" "$p_cpu"
printf 'ratio errspec / prost-build:    %6.2f wall, %6.2f user CPU\n' \
    "$(echo "$e_wall / $p_wall" | bc -l)" "$(echo "$e_cpu / $p_cpu" | bc -l)"
printf 'ratio stack only / prost-build: %6.2f wall, %6.2f user CPU\n' \
    "$(echo "$f_wall / $p_wall" | bc -l)" "$(echo "$f_cpu / $p_cpu" | bc -l)"
echo "(rustc $(rustc --version | cut -d' ' -f2), $(nproc) cores, prost-build $prost_version)"
