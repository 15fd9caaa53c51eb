//! errspec turns one spec of an API's error codes (`errors.yaml`) into code that agrees with
//! it everywhere: Rust types for servers and clients, a Markdown page for people, and more
//! targets to come.
//!
//! # From a build script
//!
//! Keep `errors.yaml` in your crate and generate the Rust into `OUT_DIR`, the way prost-build
//! does for protobuf. In `Cargo.toml`:
//!
//! ```toml
//! [dependencies]
//! serde = { version = "1", features = ["derive"] }
//!
//! [build-dependencies]
//! errspec = { version = "0.1", default-features = false }
//! ```
//!
//! In `build.rs`:
//!
//! ```no_run
//! fn main() -> Result<(), errspec::Error> {
//!     errspec::Generator::new("errors.yaml")
//!         .target(errspec::Target::Rust)
//!         .generate()?;
//!     Ok(())
//! }
//! ```
//!
//! And in your crate:
//!
//! ```ignore
//! pub mod errors {
//!     include!(concat!(env!("OUT_DIR"), "/rust/error_codes.rs"));
//! }
//! ```
//!
//! An invalid spec fails the build with every problem found, each as
//! `errors.yaml:LINE:COLUMN: error: message` and a hint, and writes nothing.
//!
//! # Warnings
//!
//! A valid spec may still have warnings: lints such as a title that is not its status's
//! registered reason phrase (`TITLE_NOT_REASON_PHRASE`), each with a stable id, a position and
//! a hint, and silenced for one code with `allow: [ID]` in the spec. They never stop
//! generation unless you ask:
//!
//! - In a build script, [`Generator::generate`] prints each warning as `cargo:warning=` lines,
//!   which cargo shows after the build: that is cargo's own channel for a build script's
//!   warnings, and a build script has no other way to be heard without failing. It is the one
//!   thing the library prints besides `cargo:rerun-if-changed`, and only when cargo runs it
//!   as a build script; [`Generator::emit_cargo_warnings`] turns it off.
//! - [`Generator::deny_warnings`] makes them errors: the build fails with every warning (as
//!   [`Severity::Error`]) in [`Error::InvalidSpec`], and nothing is written.
//! - [`Generator::validate`] (or the pure [`validate`]) returns them as [`Diagnostic`]s, for a
//!   tool that shows them its own way; this is what the `errspec` command does.
//!
//! `generate` keeps its signature (the paths written) and reports warnings on cargo's channel
//! rather than in its return value, so a build script that only wants its files needs no
//! change to get them.
//!
//! # Without files
//!
//! [`render`] returns the text of each generated file, and [`validate`] the warnings, for tools
//! that want them directly.
//!
//! # Features
//!
//! - `cli` (default): the `errspec` command, and [`report`], which renders diagnostics as rustc
//!   does, as JSON lines or as GitHub annotations. Implies `schemars`.
//! - `schemars`: [`spec_schema`], the JSON Schema of the spec format.
//!
//! A build script wants neither: `default-features = false` compiles no CLI crate.

#![deny(missing_docs)]

mod diagnostic;
mod error;
mod generator;
mod lint;
mod locate;
mod model;
mod names;
mod parse;
mod pipeline;
mod render;
#[cfg(feature = "cli")]
pub mod report;
#[cfg(feature = "schemars")]
mod schema;
mod spec;
mod target;
mod validate;
mod write;

pub use diagnostic::{Diagnostic, Location, Severity};
pub use error::{Error, StaleFile};
pub use generator::Generator;
pub use pipeline::{GeneratedFile, MAX_SPEC_BYTES, Options, render, validate};
#[cfg(feature = "schemars")]
pub use schema::spec_schema;
pub use target::{Target, UnknownTarget};
