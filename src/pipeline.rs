//! The pipeline as one short function: spec text -> parse -> validate -> render per target.
//! Reading the spec file, with its limits, is here too; writing is `write`'s job.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Location, Severity};
use crate::error::Error;
use crate::model::Spec;
use crate::render::{self, RenderOptions};
use crate::target::{OpenApiVersion, Target};
use crate::{lint, parse, validate as checks};

/// Specs larger than this are refused before they are read: a real spec is a few kilobytes,
/// and the limit bounds the memory a mistaken `--spec` can take.
pub const MAX_SPEC_BYTES: u64 = 10 * 1024 * 1024;

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
    /// The OpenAPI version the OpenAPI target is written in (default: 3.1).
    pub openapi_version: OpenApiVersion,
    /// Treat warnings (lints) as errors: a spec with any fails, and they are reported with
    /// [`Severity::Error`].
    pub deny_warnings: bool,
}

impl Options {
    /// Options for the spec named `spec_name`: the Rust target, with serde; OpenAPI 3.1.
    pub fn new(spec_name: impl Into<String>) -> Self {
        Self {
            spec_name: spec_name.into(),
            targets: vec![Target::Rust],
            serde: true,
            openapi_version: OpenApiVersion::default(),
            deny_warnings: false,
        }
    }
}

/// One generated file: where it goes under the output folder, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// The path under the output folder, e.g. `rust/error_codes.rs`.
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
    let (spec, _warnings) = check(source, options)?;
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
    check(source, options).map(|(_spec, warnings)| warnings)
}

/// Parses, validates and lints spec text: the model and its warnings, or every error.
pub(crate) fn check(source: &str, options: &Options) -> Result<(Spec, Vec<Diagnostic>), Error> {
    let source = source.strip_prefix('\u{FEFF}').unwrap_or(source);
    let name = options.spec_name.as_str();
    let raw = parse::parse(source, name).map_err(|d| Error::InvalidSpec(vec![d]))?;
    let spec = checks::validate(&raw, source, name).map_err(Error::InvalidSpec)?;
    let warnings = lint::lint(&raw, source, name);
    if options.deny_warnings && !warnings.is_empty() {
        let denied = warnings
            .into_iter()
            .map(|warning| Diagnostic {
                severity: Severity::Error,
                ..warning
            })
            .collect();
        return Err(Error::InvalidSpec(denied));
    }
    Ok((spec, warnings))
}

/// Renders every target of `options` from a valid spec.
pub(crate) fn render_spec(spec: &Spec, options: &Options) -> Vec<GeneratedFile> {
    let render_options = RenderOptions {
        spec_name: &options.spec_name,
        serde: options.serde,
        openapi_version: options.openapi_version,
    };
    let mut targets = options.targets.clone();
    targets.sort();
    targets.dedup();
    targets
        .into_iter()
        .map(|target| GeneratedFile {
            path: PathBuf::from(target.file_path()),
            contents: render::render(spec, target, &render_options),
        })
        .collect()
}

/// Reads the spec file at `path`, as the command line and [`Generator`](crate::Generator) do:
/// a folder, a file over [`MAX_SPEC_BYTES`] or text that is not UTF-8 is refused, each with a
/// diagnostic that says so, naming the file `spec_name`.
///
/// ```
/// let Err(errspec::Error::InvalidSpec(problems)) = errspec::read_spec("no/such.yaml", "such.yaml")
/// else {
///     unreachable!()
/// };
/// assert_eq!(problems[0].id, "SPEC_NOT_FOUND");
/// ```
pub fn read_spec(path: impl AsRef<Path>, spec_name: &str) -> Result<String, Error> {
    let unreadable = |error: io::Error| {
        let (id, message, hint) = if error.kind() == io::ErrorKind::NotFound {
            (
                "SPEC_NOT_FOUND",
                "cannot find the spec file".to_owned(),
                "check the path; errspec looks for spec/errors.yaml unless told otherwise",
            )
        } else {
            (
                "SPEC_UNREADABLE",
                format!("cannot read the spec: {error}"),
                "check that the file exists and can be read",
            )
        };
        Error::InvalidSpec(vec![problem(spec_name, id, None, message, hint)])
    };
    let path = path.as_ref();
    let metadata = fs::metadata(path).map_err(unreadable)?;
    if metadata.is_dir() {
        let message = "the spec is a folder, not a file".to_owned();
        let hint = "name the YAML file itself, e.g. spec/errors.yaml";
        let folder = problem(spec_name, "SPEC_UNREADABLE", None, message, hint);
        return Err(Error::InvalidSpec(vec![folder]));
    }
    let mut bytes = Vec::new();
    let file = fs::File::open(path).map_err(unreadable)?;
    // One byte past the limit is enough to know the file is over it.
    file.take(MAX_SPEC_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    decode_spec(bytes, spec_name)
}

/// The text of a spec read some other way than from a file (for example by `git show`),
/// checked as [`read_spec`] checks a file's: more than [`MAX_SPEC_BYTES`], or bytes that are
/// not UTF-8, are refused with a diagnostic naming the spec `spec_name`.
///
/// ```
/// let text = errspec::decode_spec(b"version: 1\n".to_vec(), "errors.yaml")?;
/// assert_eq!(text, "version: 1\n");
/// let Err(errspec::Error::InvalidSpec(problems)) = errspec::decode_spec(vec![b'a', 0xFF], "x.yaml")
/// else {
///     unreachable!()
/// };
/// assert_eq!(problems[0].id, "SPEC_NOT_UTF8");
/// # Ok::<(), errspec::Error>(())
/// ```
pub fn decode_spec(bytes: Vec<u8>, spec_name: &str) -> Result<String, Error> {
    if bytes.len() as u64 > MAX_SPEC_BYTES {
        let message = format!(
            "the spec is larger than the limit of {} MiB",
            MAX_SPEC_BYTES >> 20
        );
        let hint = "split or shorten the spec";
        let large = problem(spec_name, "SPEC_TOO_LARGE", None, message, hint);
        return Err(Error::InvalidSpec(vec![large]));
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let at = location_after(std::str::from_utf8(valid).unwrap_or_default());
        let message = "the spec is not valid UTF-8".to_owned();
        let hint = "save the file as UTF-8";
        Error::InvalidSpec(vec![problem(
            spec_name,
            "SPEC_NOT_UTF8",
            Some(at),
            message,
            hint,
        )])
    })
}

/// A problem with the spec file as a whole, found before it is parsed.
fn problem(
    spec_name: &str,
    id: &'static str,
    location: Option<Location>,
    message: String,
    hint: &str,
) -> Diagnostic {
    Diagnostic {
        id,
        severity: Severity::Error,
        file: spec_name.to_owned(),
        location,
        message,
        hint: Some(hint.to_owned()),
    }
}

/// The position just after `text`: where the next character would be.
pub(crate) fn location_after(text: &str) -> Location {
    let line = text.matches('\n').count() + 1;
    let last_line = text.rsplit('\n').next().unwrap_or_default();
    Location {
        line,
        column: last_line.chars().count() + 1,
    }
}
