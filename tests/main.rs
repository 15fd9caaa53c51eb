//! errspec's integration tests: one binary, so it builds once, with a module per boundary a
//! user touches (the CLI, the library, the generated files under the real compilers).

mod support;

mod action;
mod catalog_docs;
mod catalog_rust;
mod catalog_typescript;
mod ci_recipe;
mod cli;
mod completions;
mod config;
mod conformance;
mod conformance_catalog;
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
mod init;
mod library;
mod lints;
mod markdown_target;
mod model_json;
mod one_code_diffs;
mod openapi_target;
mod openapi_v2;
mod problem;
mod properties;
mod properties_catalog;
mod python_target;
mod readme;
mod rust_target;
mod schema;
mod serving;
mod snapshots;
mod typescript_target;
mod validation;
mod validation_catalog;
