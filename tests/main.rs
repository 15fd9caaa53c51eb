//! errspec's integration tests: one binary, so it builds once, with a module per boundary a
//! user touches (the CLI, the library, the generated files under the real compilers).

mod support;

mod action;
mod catalog_rust;
mod ci_recipe;
mod cli;
mod completions;
mod config;
mod conformance;
mod consumer;
mod diagnostics;
mod diff;
mod docs;
mod faults;
mod format_v2;
mod freshness;
/// The fuzz targets' checks, replayed over the corpus by `faults`.
#[path = "../fuzz/src/lib.rs"]
mod fuzz_checks;
mod library;
mod lints;
mod markdown_target;
mod openapi_target;
mod properties;
mod readme;
mod rust_target;
mod schema;
mod snapshots;
mod typescript_target;
mod validation;
mod validation_catalog;
