//! The README's Rust examples, compiled and run as written: a reader who copies one gets code
//! that builds. Each is found by its marker comment (`<!-- compiled by tests/readme.rs: NAME
//! -->` on the line before the fence, see `support::readme`), wherever in README.md or docs/
//! it is, and every Rust block of the docs must carry one:
//!
//! - `usage`: the statements of "Using the generated Rust", as `fn main` in the harness crate
//!   (`support::rust_harness`), beside the committed `generated/rust/error_codes.rs` it
//!   includes; checked by clippy with warnings denied, then run, so its asserts hold;
//! - `usage-v2`: the example of format v2's Rust, in the v2 harness (`format_v2`) with the
//!   module generated from `tests/fixtures/specs_v2/payments.yaml` as `errors`, under clippy's
//!   pedantic and nursery lints, then run;
//! - `catalog-v2` and `deprecated-v2`: the examples of a catalog's parameters, templates and
//!   deprecated codes, in the catalog harness (`catalog_rust`) with the module generated from
//!   `tests/fixtures/specs_v2/catalog.yaml` as `errors`, under clippy's pedantic and nursery
//!   lints, then run;
//! - `build.rs` and `lib.rs`: the build script and library of "From a build script", put in a
//!   copy of `tests/consumer/` in place of its own and built by cargo;
//! - `from-config/build.rs`: the build script that reads `errspec.yaml`, which must be
//!   `tests/consumer/from-config/build.rs` as it is, the one `consumer` builds;
//! - `axum-service/src/handlers.rs`: the handlers of the axum example, which must be
//!   `examples/axum-service/src/handlers.rs` as it is, the one `serving` builds and runs;
//! - `render_go.py`: the README's Python script that renders Go from `errspec model`, run by
//!   `python_target` on the seed spec and on catalogs, its Go checked there.

use std::collections::BTreeMap;

use crate::consumer::Consumer;
use crate::support::readme::{Block, MARKER, blocks, marked};

/// Every marker name a test compiles.
const NAMES: &[&str] = &[
    "usage",
    "usage-v2",
    "catalog-v2",
    "deprecated-v2",
    "build.rs",
    "lib.rs",
    "from-config/build.rs",
    "axum-service/src/handlers.rs",
    "render_go.py",
];

/// The marked blocks that are not Rust, with their language.
const OTHER_LANGUAGES: &[(&str, &str)] = &[("render_go.py", "python")];

#[test]
fn every_rust_block_in_the_docs_is_marked_and_compiled() {
    let blocks = blocks();
    assert!(
        blocks.iter().any(|b| b.language == "toml"),
        "the docs' blocks were not found: {blocks:?}"
    );
    let mut marked: BTreeMap<&str, Vec<&Block>> = BTreeMap::new();
    for block in &blocks {
        if let Some(name) = &block.name {
            marked.entry(name).or_default().push(block);
        } else {
            assert_ne!(
                block.language, "rust",
                "{}: a Rust block without `{MARKER}NAME -->` above it, so no test compiles it",
                block.place
            );
        }
    }
    for (name, found) in &marked {
        assert!(
            NAMES.contains(name),
            "{}: no test compiles blocks named {name:?}; tests/readme.rs knows {NAMES:?}",
            found[0].place
        );
        assert_eq!(
            found.len(),
            1,
            "{name:?} marks more than one block: {found:?}"
        );
        let language = OTHER_LANGUAGES
            .iter()
            .find(|(other, _)| other == name)
            .map_or("rust", |(_, language)| language);
        assert_eq!(found[0].language, language, "{}", found[0].place);
    }
    for name in NAMES {
        assert!(
            marked.contains_key(name),
            "no block of README.md or docs/ is marked {name:?}"
        );
    }
}

#[test]
fn the_usage_example_compiles_and_runs() {
    let block = marked("usage").expect("a block marked usage");
    assert!(
        block
            .code
            .contains("include!(\"../generated/rust/error_codes.rs\")"),
        "{}: the example includes the committed file, which the harness puts beside it",
        block.place
    );
    crate::support::rust_harness::fixtures().run_example("readme_usage");
}

#[test]
fn the_format_v2_usage_example_compiles_and_runs() {
    let block = marked("usage-v2").expect("a block marked usage-v2");
    assert!(
        block.code.contains("use errors::"),
        "{}: the example uses the module `errors`, which the harness provides",
        block.place
    );
    crate::format_v2::run_docs_usage();
}

#[test]
fn the_catalog_examples_compile_and_run() {
    for name in ["catalog-v2", "deprecated-v2"] {
        let block = marked(name).unwrap_or_else(|| panic!("a block marked {name}"));
        assert!(
            block.code.contains("use errors::"),
            "{}: the example uses the module `errors`, which the harness provides",
            block.place
        );
        crate::catalog_rust::run_docs_example(name);
    }
}

#[test]
fn the_build_script_example_builds_a_crate() {
    let consumer = Consumer::copy();
    for (name, path) in [("build.rs", "build.rs"), ("lib.rs", "src/lib.rs")] {
        let block = marked(name).unwrap_or_else(|| panic!("a block marked {name}"));
        std::fs::write(consumer.path().join(path), &block.code).unwrap();
    }
    let built = consumer.cargo(&["build"]);
    assert_eq!(
        built.code,
        Some(0),
        "the README's build.rs and src/lib.rs:\n{}",
        built.stderr
    );
}

#[test]
fn the_config_build_script_example_is_the_one_the_consumer_test_builds() {
    let block = marked("from-config/build.rs").expect("a block marked from-config/build.rs");
    let built =
        std::fs::read_to_string(crate::support::repo().join("tests/consumer/from-config/build.rs"))
            .unwrap();
    assert_eq!(
        block.code, built,
        "{}: the block differs from tests/consumer/from-config/build.rs, which \
         consumer::a_build_script_from_errspec_yaml_keeps_writing_under_out_dir builds",
        block.place
    );
}

#[test]
fn the_axum_handlers_are_the_ones_the_serving_test_runs() {
    let name = "axum-service/src/handlers.rs";
    let block = marked(name).expect("a block marked axum-service/src/handlers.rs");
    let served =
        std::fs::read_to_string(crate::support::repo().join("examples").join(name)).unwrap();
    assert_eq!(
        block.code, served,
        "{}: the block differs from examples/{name}, which \
         serving::the_axum_service_serves_every_code_to_a_typescript_client runs",
        block.place
    );
}
