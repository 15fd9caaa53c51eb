//! errspec's integration tests: one binary, so it builds once, with a module per boundary a
//! user touches (the CLI, the library, the generated files under the real compilers).

mod support;

mod cli;
mod consumer;
mod faults;
mod freshness;
mod library;
mod rust_target;
mod snapshots;
mod typescript_target;
mod validation;
