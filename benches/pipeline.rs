//! Criterion benchmarks of the whole pure pipeline, parse + validate + render of every target,
//! for the seed spec (11 codes), a spec of every status in the IANA registry and a spec of
//! every status from 100 to 599 (500 codes). Run with `cargo bench --bench pipeline`.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// A spec with one code per status, each with a title and a description of typical length.
fn spec_with(statuses: impl IntoIterator<Item = u16>) -> String {
    let mut spec = String::from("version: 1\napi:\n  name: Bench\ncodes:\n");
    for status in statuses {
        write!(
            spec,
            "  - status: {status}\n    title: Status {status}\n    description: >-\n      \
             What status {status} means, in a sentence or two, as an API's documentation says \
             it; long enough to wrap.\n    retryable: {}\n",
            status >= 500
        )
        .unwrap();
    }
    spec
}

fn pipeline(c: &mut Criterion) {
    let seed = include_str!("../spec/errors.yaml").to_owned();
    let specs = [
        ("seed, 11 codes", seed, 11),
        (
            "IANA registry, 62 codes",
            spec_with(REGISTERED.iter().copied()),
            REGISTERED.len(),
        ),
        ("100 to 599, 500 codes", spec_with(100..600), 500),
    ];
    let mut options = errspec::Options::new("errors.yaml");
    options.targets = errspec::Target::ALL.to_vec();
    let mut group = c.benchmark_group("parse + validate + render all targets");
    for (name, spec, codes) in &specs {
        group.throughput(Throughput::Elements(*codes as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), spec, |b, spec| {
            b.iter(|| {
                errspec::render(black_box(spec), &options).expect("the bench specs are valid")
            });
        });
    }
    group.finish();
}

/// The assigned statuses of the IANA HTTP status code registry.
const REGISTERED: &[u16] = &[
    100, 101, 102, 103, 104, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303,
    304, 305, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414,
    415, 416, 417, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505,
    506, 507, 508, 510, 511,
];

criterion_group!(benches, pipeline);
criterion_main!(benches);
