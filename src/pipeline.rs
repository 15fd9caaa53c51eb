//! The pipeline as one short function: spec text -> parse -> validate -> lint -> render per
//! target. Reading the spec file is `source`'s job, writing is `write`'s.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Error;
use crate::model::Spec;
use crate::target::{OpenApiVersion, Target};
use crate::yaml::LineIndex;
use crate::{lint, parse, validate as checks};

/// What to generate, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The spec's path as the user gave it: named in diagnostics and in every file's header.
    pub spec_name: String,
    /// The targets to generate, in any order; each is generated once.
    pub targets: Vec<Target>,
    /// Derive serde's `Serialize` and `Deserialize` on the Rust body types.
    pub serde: bool,
    /// Implement axum 0.8's `IntoResponse` for the Rust `ErrorBody`, and
    /// `From<ErrorCode> for axum::http::StatusCode`; it implies [`serde`](Options::serde), since
    /// axum sends the body as JSON through serde.
    pub axum: bool,
    /// The OpenAPI version the OpenAPI target is written in (default: 3.1).
    pub openapi_version: OpenApiVersion,
    /// Treat warnings (lints) as errors: a spec with any fails, and they are reported with
    /// [`Severity::Error`].
    pub deny_warnings: bool,
    /// Where a target's file goes under the output folder, for the targets that do not keep
    /// their fixed path ([`Target::file_path`]): `errspec.yaml`'s `path:`s.
    pub paths: BTreeMap<Target, PathBuf>,
}

impl Options {
    /// Options for the spec named `spec_name`: the Rust target, with serde; OpenAPI 3.1.
    pub fn new(spec_name: impl Into<String>) -> Self {
        Self {
            spec_name: spec_name.into(),
            targets: vec![Target::Rust],
            serde: true,
            axum: false,
            openapi_version: OpenApiVersion::default(),
            deny_warnings: false,
            paths: BTreeMap::new(),
        }
    }

    /// Where `target`'s file goes under the output folder: its entry in
    /// [`paths`](Options::paths), or its fixed path.
    pub fn path(&self, target: Target) -> PathBuf {
        self.paths
            .get(&target)
            .cloned()
            .unwrap_or_else(|| PathBuf::from(target.file_path()))
    }
}

/// One generated file: where it goes under the output folder, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// The path under the output folder, e.g. `rust/error_codes.rs` (see [`Options::path`]).
    pub path: PathBuf,
    /// The file's contents, ending in a newline.
    pub contents: String,
}

/// Renders every target of `options` from the text of a spec, without touching any file.
///
/// This is the pure core of errspec, for tools that want the text itself. The spec is
/// validated first; if it is invalid, the error lists every problem found. Warnings do not
/// stop it unless [`Options::deny_warnings`] is set; [`validate`] returns them.
///
/// ```
/// let spec = "version: 1\napi:\n  name: Acme\ncodes:\n  - status: 404\n    title: Not Found\n    description: No such thing.\n";
/// let files = errspec::render(spec, &errspec::Options::new("errors.yaml"))?;
/// assert_eq!(files[0].path, std::path::Path::new("rust/error_codes.rs"));
/// assert!(files[0].contents.contains("NotFound = 404,"));
/// # Ok::<(), errspec::Error>(())
/// ```
pub fn render(source: &str, options: &Options) -> Result<Vec<GeneratedFile>, Error> {
    let (spec, _warnings) = check(source, options).map_err(Error::InvalidSpec)?;
    Ok(render_spec(&spec, options))
}

/// Validates and lints the text of a spec, without rendering anything: the warnings of a valid
/// spec, in file order, or every error. With [`Options::deny_warnings`], warnings are errors.
///
/// ```
/// let spec = "version: 1\napi:\n  name: Acme\ncodes:\n  - status: 401\n    title: Login Required\n    description: Log in first.\n";
/// let warnings = errspec::validate(spec, &errspec::Options::new("errors.yaml"))?;
/// assert_eq!(warnings[0].id, "TITLE_NOT_REASON_PHRASE");
/// assert_eq!(warnings[0].severity, errspec::Severity::Warning);
/// # Ok::<(), errspec::Error>(())
/// ```
pub fn validate(source: &str, options: &Options) -> Result<Vec<Diagnostic>, Error> {
    check(source, options)
        .map(|(_spec, warnings)| warnings)
        .map_err(Error::InvalidSpec)
}

/// Parses, validates and lints spec text: the model and its warnings, or every error.
pub(crate) fn check(
    source: &str,
    options: &Options,
) -> Result<(Spec, Vec<Diagnostic>), Vec<Diagnostic>> {
    check_with_lines(source, options).map(|(spec, warnings, _lines)| (spec, warnings))
}

/// [`check`], with the line index of the text the model's spans point into (the text without
/// its byte order mark).
pub(crate) fn check_with_lines<'a>(
    source: &'a str,
    options: &Options,
) -> Result<(Spec, Vec<Diagnostic>, LineIndex<'a>), Vec<Diagnostic>> {
    let source = strip_bom(source);
    let name = options.spec_name.as_str();
    let parsed = parse::parse(source, name)?;
    let spec = checks::validate(&parsed.raw, &parsed.document, name)?;
    let lines = parsed.document.lines().clone();
    let warnings = lint::lint(&spec, &lines, name);
    if options.deny_warnings && !warnings.is_empty() {
        let denied = warnings
            .into_iter()
            .map(|warning| Diagnostic {
                severity: Severity::Error,
                ..warning
            })
            .collect();
        return Err(denied);
    }
    Ok((spec, warnings, lines))
}

/// The text without its byte order mark: positions are counted from after it.
pub(crate) fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{FEFF}').unwrap_or(text)
}

/// Renders every target of `options` from a valid spec.
pub(crate) fn render_spec(spec: &Spec, options: &Options) -> Vec<GeneratedFile> {
    let mut targets = options.targets.clone();
    targets.sort();
    targets.dedup();
    targets
        .into_iter()
        .map(|target| GeneratedFile {
            path: options.path(target),
            contents: crate::render::render(spec, target, options),
        })
        .collect()
}
