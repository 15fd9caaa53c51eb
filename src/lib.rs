//! errspec turns one spec of an API's error codes (`errors.yaml`) into code that agrees with
//! it everywhere: Rust types for servers and clients, and more targets to come.
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
//! # Without files
//!
//! [`render`] returns the text of each generated file, for tools that want it directly.

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
